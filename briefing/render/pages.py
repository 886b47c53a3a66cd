"""Which pages the site has, and what each one shows. Pure: graph -> page specs."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from briefing.core.routes import article_path, event_path, node_path
from briefing.link.graph import Graph
from briefing.render.i18n import strings
from briefing.render.seo import article_ld, collection_ld, event_ld, node_ld
from briefing.validate.model import Article
from briefing.validate.schema import ENTITY_TYPES, EVENT_KINDS

PAGE_SIZE = 100  # list items per page: keeps every page bounded at scale
TIMELINE_PAGE = 250
RECENT = 12


@dataclass(frozen=True, slots=True)
class Page:
    path: str  # site path: '' for home, 'carriers/skt/'
    template: str
    title: str
    description: str
    context: dict[str, Any] = field(default_factory=dict)
    jsonld: dict[str, Any] | None = None
    og_type: str = "website"
    language: str | None = None  # lang of the main content, when not the UI's


@dataclass(frozen=True, slots=True)
class Pager:
    number: int
    count: int
    urls: tuple[str, ...]  # site path of every page

    @property
    def previous(self) -> str | None:
        return self.urls[self.number - 2] if self.number > 1 else None

    @property
    def next(self) -> str | None:
        return self.urls[self.number] if self.number < self.count else None


def paginate(base: str, items: Sequence[Any], size: int) -> list[tuple[Pager, Sequence[Any]]]:
    chunks = [items[i:i + size] for i in range(0, len(items), size)] or [items[:0]]
    urls = tuple(base if n == 0 else f"{base}page/{n + 1}/" for n in range(len(chunks)))
    return [(Pager(n + 1, len(chunks), urls), chunk) for n, chunk in enumerate(chunks)]


def _by_month(graph: Graph, slugs: Sequence[str]) -> list[tuple[tuple[int, int], list[str]]]:
    groups: dict[tuple[int, int], list[str]] = defaultdict(list)
    articles = graph.articles
    for slug in slugs:
        published = articles[slug].published
        groups[(published.year, published.month) if published else (0, 0)].append(slug)
    return list(groups.items())


def _by_year(graph: Graph, slugs: Sequence[str]) -> list[tuple[int, list[str]]]:
    groups: dict[int, list[str]] = defaultdict(list)
    articles = graph.articles
    for slug in slugs:
        published = articles[slug].published
        groups[published.year if published else 0].append(slug)
    return list(groups.items())


def _timeline_groups(graph: Graph, ids: Sequence[str]) -> list[tuple[tuple[int, int], list[str]]]:
    """Events grouped by (year, month); month 0 holds the year-only events."""
    groups: dict[tuple[int, int], list[str]] = defaultdict(list)
    events = graph.events
    for event_id in ids:
        date = events[event_id].date
        groups[(date.year, date.month)].append(event_id)
    return list(groups.items())


def _timeline_pages(graph: Graph, base: str, ids: Sequence[str], title: str, description: str,
                    extra: dict[str, Any], absolute: str) -> list[Page]:
    pages = []
    for pager, chunk in paginate(base, ids, TIMELINE_PAGE):
        pages.append(Page(pager.urls[pager.number - 1], "timeline.html",
                          title if pager.number == 1 else f"{title} ({pager.number})",
                          description,
                          {"groups": _timeline_groups(graph, chunk), "pager": pager,
                           "event_ids": chunk, **extra},
                          collection_ld(title, absolute + pager.urls[pager.number - 1],
                                        description)))
    return pages


# A part of the plan: its key, and what makes its pages from a graph (or a tracked view
# of it, which records what it reads: see briefing.incremental.memory).
PlanUnit = tuple[str, Callable[[Graph], list[Page]]]


def plan_pages(graph: Graph, language: str) -> list[Page]:
    """Every page of the site, in order."""
    return [page for _, make in plan_units(graph, language) for page in make(graph)]


def plan_units(graph: Graph, language: str) -> list[PlanUnit]:
    """The plan in independent parts, each made from the graph alone, so a long-lived
    build makes again only the parts whose reads changed. Listing them is cheap: the
    work is in making them."""
    t = strings(language)
    units: list[PlanUnit] = [("home", partial(_home, language=language)),
                             ("carriers", partial(_carriers, t=t))]
    for carrier in graph.carriers:
        units.append((f"carrier:{carrier}", partial(_carrier, carrier, t=t, language=language)))
        count = len(graph.node_articles.get(carrier, ()))
        if count > PAGE_SIZE:
            units.extend((f"carrier-articles:{carrier}:{n}",
                          partial(_carrier_articles, carrier, n, t=t, language=language))
                         for n in range(-(-count // PAGE_SIZE)))
    units.append(("entities", partial(_entities, t=t, language=language)))
    units.extend((f"entity:{entity}", partial(_entity, entity, t=t, language=language))
                 for entity in graph.entities)
    units.extend((f"articles:{n}", partial(_articles, n, t=t))
                 for n in range(max(1, -(-len(graph.articles_by_date) // PAGE_SIZE))))
    units.extend((f"article:{slug}", partial(_article, slug, language=language))
                 for slug in graph.articles_by_date)
    units.extend((f"event:{event_id}", partial(_event, event_id, t=t, language=language))
                 for event_id in graph.timeline)
    from briefing.render.pages_watch import watch_units  # it builds on this module's Page
    units += watch_units(language)
    units += [("timeline", partial(_timeline_all, t=t, language=language)),
              ("compare", partial(_compare, t=t, language=language)),
              ("search", partial(_search, t=t, language=language)),
              ("404", partial(_not_found, t=t))]
    from briefing.render.digest_pages import digest_units  # it builds on this module

    return units + digest_units(graph, language)


def _namer(graph: Graph, language: str) -> Callable[[str], str]:
    nodes = graph.nodes
    return lambda node_id: nodes[node_id].name.show(language)


def _home(graph: Graph, language: str) -> list[Page]:
    site = graph.site
    latest = graph.timeline[-RECENT:][::-1]
    return [Page("", "home.html", site.title, site.description or site.title,
                 {"latest": latest, "newest": graph.articles_by_date[:RECENT]},
                 {"@context": "https://schema.org", "@type": "WebSite", "name": site.title,
                  "url": site.base_url, "description": site.description,
                  "inLanguage": language})]


def _carriers(graph: Graph, t: Any) -> list[Page]:
    site = graph.site
    return [Page("carriers/", "carriers.html", t["carriers"], f"{site.title}: {t['carriers']}",
                 {}, collection_ld(t["carriers"], site.base_url + "carriers/", site.title))]


def _carrier_description(name: str, t: Any) -> str:
    return f"{name}: {t['key_figures']}, {t['timeline']}, {t['partners']}"


def _carrier(carrier: str, graph: Graph, t: Any, language: str) -> list[Page]:
    node = graph.nodes[carrier]
    name = node.name.show(language)
    slugs = graph.node_articles.get(carrier, ())
    events = graph.node_events.get(carrier, ())
    stats = graph.stats[carrier]
    partners = sorted(graph.node_relations.get(carrier, ()), key=lambda r: (-r.count, r.entity))
    url = graph.site.base_url + node_path(carrier, True)
    return [Page(
        node_path(carrier, True), "carrier.html", name, _carrier_description(name, t),
        {"node": node, "stats": stats, "recent": events[-RECENT:][::-1],
         "partners": [r for r in partners if not r.investee and not r.own],
         "investees": [r for r in partners if r.investee and not r.own],
         "deals": stats.deals[::-1][:PAGE_SIZE],
         "article_years": _by_year(graph, slugs[:PAGE_SIZE]),
         "more_articles": len(slugs) > PAGE_SIZE, "article_count": len(slugs)},
        node_ld(graph, node, url, language), "profile")]


def _carrier_articles(carrier: str, number: int, graph: Graph, t: Any, language: str
                      ) -> list[Page]:
    name = graph.nodes[carrier].name.show(language)
    description = _carrier_description(name, t)
    pager, chunk = paginate(node_path(carrier, True) + "articles/",
                            graph.node_articles.get(carrier, ()), PAGE_SIZE)[number]
    path = pager.urls[pager.number - 1]
    return [Page(path, "articles.html", f"{name}: {t['articles']}", description,
                 {"months": _by_month(graph, chunk), "pager": pager, "owner": carrier},
                 collection_ld(t["articles"], graph.site.base_url + path, description))]


def _entities(graph: Graph, t: Any, language: str) -> list[Page]:
    site = graph.site
    name = _namer(graph, language)
    by_type: dict[str, list[str]] = defaultdict(list)
    for entity in graph.entities:
        by_type[graph.nodes[entity].type].append(entity)
    return [Page("entities/", "entities.html", t["entities"], f"{site.title}: {t['entities']}",
                 {"by_type": [(k, sorted(by_type[k], key=lambda e: name(e).casefold()))
                              for k in ENTITY_TYPES if k in by_type]},
                 collection_ld(t["entities"], site.base_url + "entities/", site.title))]


def _entity(entity: str, graph: Graph, t: Any, language: str) -> list[Page]:
    name = _namer(graph, language)
    node = graph.nodes[entity]
    relations = graph.node_relations.get(entity, ())  # in carrier order
    events = graph.node_events.get(entity, ())
    kind = f"{name(entity)} ({t['type.' + node.type]})"
    description = kind + ": " + ", ".join(
        f"{name(r.carrier)} {r.count}" for r in relations) if relations else kind
    return [Page(
        node_path(entity, False), "entity.html", name(entity), description,
        {"node": node, "relations": list(relations), "events": events[-PAGE_SIZE:][::-1],
         "more_events": len(events) > PAGE_SIZE,
         "backlinks": graph.node_articles.get(entity, ())[:PAGE_SIZE],
         "members_of": graph.members_of.get(entity, ()),
         "people": graph.people.get(entity, ()),
         "children": graph.children.get(entity, ())},
        node_ld(graph, node, graph.site.base_url + node_path(entity, False), language),
        "profile")]


def _articles(number: int, graph: Graph, t: Any) -> list[Page]:
    site = graph.site
    pager, chunk = paginate("articles/", graph.articles_by_date, PAGE_SIZE)[number]
    path = pager.urls[pager.number - 1]
    return [Page(path, "articles.html", t["articles"] if pager.number == 1 else
                 f"{t['articles']} ({pager.number})", f"{site.title}: {t['articles']}",
                 {"months": _by_month(graph, chunk), "pager": pager, "owner": None},
                 collection_ld(t["articles"], site.base_url + path, site.title))]


def _article(slug: str, graph: Graph, language: str) -> list[Page]:
    return [article_page(graph, graph.articles[slug], language)]


def _event(event_id: str, graph: Graph, t: Any, language: str) -> list[Page]:
    name = _namer(graph, language)
    event = graph.events[event_id]
    return [Page(
        event_path(event_id), "event.html", event.title,
        f"{event.date.iso()} · {t['kind.' + event.kind]} · " + ", ".join(
            name(c) for c in event.carriers),
        {"event": event},
        event_ld(graph, event, graph.site.base_url + event_path(event_id), language))]


def _not_found(graph: Graph, t: Any) -> list[Page]:
    return [Page("404.html", "404.html", t["not_found"], t["not_found_text"], {})]


def article_page(graph: Graph, article: Article, language: str) -> Page:
    base = graph.site.base_url
    slug = article.id
    occurrences = [o.id for o in article.occurrences if o.id in graph.events]
    return Page(
        article_path(slug), "article.html", article.title, article.summary or article.title,
        {"article": article,
         "events": sorted(occurrences, key=lambda e: graph.events[e].sort_key()),
         "related": graph.related.get(slug, ())},
        article_ld(graph, article, base + article_path(slug), language), "article",
        article.language)


def _timeline_all(graph: Graph, t: Any, language: str) -> list[Page]:
    name = _namer(graph, language)
    base = graph.site.base_url
    events, timeline = graph.events, graph.timeline
    kinds = sorted({events[e].kind for e in timeline}, key=EVENT_KINDS.index)
    entity_counts = Counter(e for ev in timeline for e in events[ev].entities)
    filter_entities = sorted(entity_counts, key=lambda e: (-entity_counts[e], e))[:200]
    filters = {"filter_kinds": kinds, "filter_entities": sorted(
        filter_entities, key=lambda e: name(e).casefold()), "filters": True}
    years = graph.years
    pages: list[Page] = []
    description = f"{graph.site.title}: {t['timeline']}"
    # At scale the main timeline shows the latest events; years hold the rest.
    ids = timeline[-TIMELINE_PAGE:]
    pages.extend(_timeline_pages(graph, "timeline/", ids, t["timeline"], description,
                                 {**filters, "scope": "all", "years": years, "partial":
                                  len(ids) < len(timeline)}, base)[:1])
    by_year: dict[int, list[str]] = defaultdict(list)
    for event_id in timeline:
        by_year[events[event_id].date.year].append(event_id)
    for year in years:
        pages.extend(_timeline_pages(graph, f"timeline/{year}/", by_year[year],
                                     f"{t['timeline']} {year}", description,
                                     {**filters, "scope": str(year), "years": years,
                                      "partial": False}, base))
    for carrier in graph.carriers:
        carrier_ids = graph.node_events.get(carrier, ())
        pages.extend(_timeline_pages(graph, f"timeline/{carrier}/", carrier_ids[::-1],
                                     f"{t['timeline']}: {name(carrier)}", description,
                                     {"filters": False, "scope": carrier, "years": years,
                                      "partial": False, "newest_first": True}, base))
    return pages


def _present_kinds(graph: Graph) -> list[str]:
    events = graph.events
    present = {events[e].kind for e in graph.timeline}
    return [k for k in EVENT_KINDS if k in present]


def _compare(graph: Graph, t: Any, language: str) -> list[Page]:
    name = _namer(graph, language)
    base = graph.site.base_url
    carriers, events, relations = graph.carriers, graph.events, graph.relations
    entity_rows = sorted({e for (_, e) in relations},
                         key=lambda e: (-sum(relations[(c, e)].count for c in carriers
                                             if (c, e) in relations), name(e).casefold()))
    kinds = _present_kinds(graph)
    per_kind = {c: [sum(1 for e in graph.node_events.get(c, ()) if events[e].kind == k)
                    for k in kinds] for c in carriers}
    years = list(graph.years)
    per_year = {c: [sum(1 for e in graph.node_events.get(c, ())
                        if events[e].date.year == y) for y in years] for c in carriers}
    description = f"{graph.site.title}: {t['compare']}"

    def series(data: dict[str, list[int]]) -> list[tuple[str, str, list[int]]]:
        return [(name(c), graph.nodes[c].color or "#667788", data[c]) for c in carriers]

    charts = [
        {"id": "h-kind", "title": t["per_kind"], "header": t["kind"],
         "categories": [t["kind." + k] for k in kinds], "series": series(per_kind)},
        {"id": "h-year", "title": t["per_year"], "header": t["year"],
         "categories": [str(y) for y in years], "series": series(per_year)},
    ]
    return [Page("compare/", "compare.html", t["compare"], description,
                 {"matrix": entity_rows[:150], "matrix_more": len(entity_rows) > 150,
                  "charts": charts},
                 collection_ld(t["compare"], base + "compare/", description))]


def _search(graph: Graph, t: Any, language: str) -> list[Page]:
    """The search page; search.js gets its labels from search_data (a data- attribute)."""
    name = _namer(graph, language)
    data = {"types": {d: t["doc." + d] for d in ("article", "event", "carrier", "entity")},
            "kinds": {k: t["kind." + k] for k in EVENT_KINDS},
            "entityTypes": {k: t["type." + k] for k in ENTITY_TYPES},
            "carriers": {c: name(c) for c in graph.carriers},
            "strings": {"count": t["search_count"], "none": t["search_none"],
                        "error": t["search_error"]}}
    description = t["search_description"]
    return [Page("search/", "search.html", t["search"], description,
                 {"event_kinds": _present_kinds(graph), "search_data": data},
                 {"@context": "https://schema.org", "@type": "SearchResultsPage",
                  "name": t["search"], "url": graph.site.base_url + "search/",
                  "description": description})]
