"""Which pages the site has, and what each one shows. Pure: graph -> page specs."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from briefing.graph import Graph
from briefing.model import Article
from briefing.render.i18n import strings
from briefing.render.seo import article_ld, collection_ld, event_ld, node_ld
from briefing.schema import ENTITY_TYPES, EVENT_KINDS

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
    for slug in slugs:
        published = graph.articles[slug].published
        groups[(published.year, published.month) if published else (0, 0)].append(slug)
    return list(groups.items())


def _by_year(graph: Graph, slugs: Sequence[str]) -> list[tuple[int, list[str]]]:
    groups: dict[int, list[str]] = defaultdict(list)
    for slug in slugs:
        published = graph.articles[slug].published
        groups[published.year if published else 0].append(slug)
    return list(groups.items())


def _timeline_groups(graph: Graph, ids: Sequence[str]) -> list[tuple[tuple[int, int], list[str]]]:
    """Events grouped by (year, month); month 0 holds the year-only events."""
    groups: dict[tuple[int, int], list[str]] = defaultdict(list)
    for event_id in ids:
        date = graph.events[event_id].date
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


def plan_pages(graph: Graph, language: str) -> list[Page]:
    t = strings(language)
    site = graph.site
    base = site.base_url
    name = {node_id: node.name.show(language) for node_id, node in graph.nodes.items()}
    pages: list[Page] = []

    latest = graph.timeline[-RECENT:][::-1]
    pages.append(Page("", "home.html", site.title, site.description or site.title,
                      {"latest": latest, "newest": graph.articles_by_date[:RECENT]},
                      {"@context": "https://schema.org", "@type": "WebSite", "name": site.title,
                       "url": base, "description": site.description, "inLanguage": language}))

    pages.append(Page("carriers/", "carriers.html", t["carriers"],
                      f"{site.title}: {t['carriers']}", {},
                      collection_ld(t["carriers"], base + "carriers/", site.title)))
    for carrier in graph.carriers:
        node = graph.nodes[carrier]
        slugs = graph.node_articles.get(carrier, ())
        events = graph.node_events.get(carrier, ())
        partners = sorted((r for (c, _), r in graph.relations.items() if c == carrier),
                          key=lambda r: (-r.count, r.entity))
        description = f"{name[carrier]}: {t['key_figures']}, {t['timeline']}, {t['partners']}"
        pages.append(Page(
            f"carriers/{carrier}/", "carrier.html", name[carrier], description,
            {"node": node, "stats": graph.stats[carrier], "recent": events[-RECENT:][::-1],
             "partners": [r for r in partners if not r.investee and not r.own],
             "investees": [r for r in partners if r.investee and not r.own],
             "deals": graph.stats[carrier].deals[::-1][:PAGE_SIZE],
             "article_years": _by_year(graph, slugs[:PAGE_SIZE]),
             "more_articles": len(slugs) > PAGE_SIZE, "article_count": len(slugs)},
            node_ld(graph, node, base + f"carriers/{carrier}/", language), "profile"))
        if len(slugs) > PAGE_SIZE:
            for pager, chunk in paginate(f"carriers/{carrier}/articles/", slugs, PAGE_SIZE):
                path = pager.urls[pager.number - 1]
                pages.append(Page(path, "articles.html", f"{name[carrier]}: {t['articles']}",
                                  description, {"months": _by_month(graph, chunk),
                                                "pager": pager, "owner": carrier},
                                  collection_ld(t["articles"], base + path, description)))

    by_type: dict[str, list[str]] = defaultdict(list)
    for entity in graph.entities:
        by_type[graph.nodes[entity].type].append(entity)
    pages.append(Page("entities/", "entities.html", t["entities"],
                      f"{site.title}: {t['entities']}",
                      {"by_type": [(k, sorted(by_type[k], key=lambda e: name[e].casefold()))
                                   for k in ENTITY_TYPES if k in by_type]},
                      collection_ld(t["entities"], base + "entities/", site.title)))
    for entity in graph.entities:
        node = graph.nodes[entity]
        relations = sorted((r for (_, e), r in graph.relations.items() if e == entity),
                           key=lambda r: r.carrier)
        events = graph.node_events.get(entity, ())
        description = f"{name[entity]} ({t['type.' + node.type]}): " + ", ".join(
            f"{name[r.carrier]} {r.count}" for r in relations) if relations else (
            f"{name[entity]} ({t['type.' + node.type]})")
        pages.append(Page(
            f"entities/{entity}/", "entity.html", name[entity], description,
            {"node": node, "relations": relations, "events": events[-PAGE_SIZE:][::-1],
             "more_events": len(events) > PAGE_SIZE,
             "backlinks": graph.node_articles.get(entity, ())[:PAGE_SIZE],
             "members_of": graph.members_of.get(entity, ()),
             "people": graph.people.get(entity, ()),
             "children": graph.children.get(entity, ())},
            node_ld(graph, node, base + f"entities/{entity}/", language), "profile"))

    for pager, chunk in paginate("articles/", graph.articles_by_date, PAGE_SIZE):
        path = pager.urls[pager.number - 1]
        pages.append(Page(path, "articles.html", t["articles"] if pager.number == 1 else
                          f"{t['articles']} ({pager.number})", f"{site.title}: {t['articles']}",
                          {"months": _by_month(graph, chunk), "pager": pager, "owner": None},
                          collection_ld(t["articles"], base + path, site.title)))
    pages.extend(article_page(graph, graph.articles[slug], language)
                 for slug in graph.articles_by_date)

    for event_id in graph.timeline:
        event = graph.events[event_id]
        pages.append(Page(
            f"events/{event_id}/", "event.html", event.title,
            f"{event.date.iso()} · {t['kind.' + event.kind]} · " + ", ".join(
                name[c] for c in event.carriers),
            {"event": event}, event_ld(graph, event, base + f"events/{event_id}/", language)))

    pages.extend(_timeline_all(graph, t, base, name))
    pages.append(_compare(graph, t, base, name))
    pages.append(_search(graph, t, base, name))
    pages.append(Page("404.html", "404.html", t["not_found"], t["not_found_text"], {}))
    return pages


def article_page(graph: Graph, article: Article, language: str) -> Page:
    base = graph.site.base_url
    slug = article.id
    occurrences = [o.id for o in article.occurrences if o.id in graph.events]
    return Page(
        f"articles/{slug}/", "article.html", article.title, article.summary or article.title,
        {"article": article,
         "events": sorted(occurrences, key=lambda e: graph.events[e].sort_key()),
         "related": graph.related.get(slug, ())},
        article_ld(graph, article, base + f"articles/{slug}/", language), "article",
        article.language)


def _timeline_all(graph: Graph, t: Any, base: str, name: dict[str, str]) -> list[Page]:
    kinds = sorted({graph.events[e].kind for e in graph.timeline},
                   key=EVENT_KINDS.index)
    entity_counts = Counter(e for ev in graph.timeline for e in graph.events[ev].entities)
    filter_entities = sorted(entity_counts, key=lambda e: (-entity_counts[e], e))[:200]
    filters = {"filter_kinds": kinds, "filter_entities": sorted(
        filter_entities, key=lambda e: name[e].casefold()), "filters": True}
    years = graph.years
    pages: list[Page] = []
    description = f"{graph.site.title}: {t['timeline']}"
    if len(graph.timeline) <= TIMELINE_PAGE:
        ids = graph.timeline
    else:  # at scale the main timeline shows the latest events; years hold the rest
        ids = graph.timeline[-TIMELINE_PAGE:]
    pages.extend(_timeline_pages(graph, "timeline/", ids, t["timeline"], description,
                                 {**filters, "scope": "all", "years": years, "partial":
                                  len(ids) < len(graph.timeline)}, base)[:1])
    for year in years:
        year_ids = [e for e in graph.timeline if graph.events[e].date.year == year]
        pages.extend(_timeline_pages(graph, f"timeline/{year}/", year_ids,
                                     f"{t['timeline']} {year}", description,
                                     {**filters, "scope": str(year), "years": years,
                                      "partial": False}, base))
    for carrier in graph.carriers:
        carrier_ids = graph.node_events.get(carrier, ())
        pages.extend(_timeline_pages(graph, f"timeline/{carrier}/", carrier_ids[::-1],
                                     f"{t['timeline']}: {name[carrier]}", description,
                                     {"filters": False, "scope": carrier, "years": years,
                                      "partial": False, "newest_first": True}, base))
    return pages


def _compare(graph: Graph, t: Any, base: str, name: dict[str, str]) -> Page:
    carriers = graph.carriers
    entity_rows = sorted({e for (_, e) in graph.relations},
                         key=lambda e: (-sum(graph.relations[(c, e)].count for c in carriers
                                             if (c, e) in graph.relations), name[e].casefold()))
    kinds = [k for k in EVENT_KINDS
             if any(graph.events[e].kind == k for e in graph.timeline)]
    per_kind = {c: [sum(1 for e in graph.node_events.get(c, ()) if graph.events[e].kind == k)
                    for k in kinds] for c in carriers}
    years = list(graph.years)
    per_year = {c: [sum(1 for e in graph.node_events.get(c, ())
                        if graph.events[e].date.year == y) for y in years] for c in carriers}
    description = f"{graph.site.title}: {t['compare']}"

    def series(data: dict[str, list[int]]) -> list[tuple[str, str, list[int]]]:
        return [(name[c], graph.nodes[c].color or "#667788", data[c]) for c in carriers]

    charts = [
        {"id": "h-kind", "title": t["per_kind"], "header": t["kind"],
         "categories": [t["kind." + k] for k in kinds], "series": series(per_kind)},
        {"id": "h-year", "title": t["per_year"], "header": t["year"],
         "categories": [str(y) for y in years], "series": series(per_year)},
    ]
    return Page("compare/", "compare.html", t["compare"], description,
                {"matrix": entity_rows[:150], "matrix_more": len(entity_rows) > 150,
                 "charts": charts},
                collection_ld(t["compare"], base + "compare/", description))


def _search(graph: Graph, t: Any, base: str, name: dict[str, str]) -> Page:
    """The search page; search.js gets its labels from search_data (a data- attribute)."""
    kinds = [k for k in EVENT_KINDS if any(graph.events[e].kind == k for e in graph.timeline)]
    data = {"types": {d: t["doc." + d] for d in ("article", "event", "carrier", "entity")},
            "kinds": {k: t["kind." + k] for k in EVENT_KINDS},
            "entityTypes": {k: t["type." + k] for k in ENTITY_TYPES},
            "carriers": {c: name[c] for c in graph.carriers},
            "strings": {"count": t["search_count"], "none": t["search_none"],
                        "error": t["search_error"]}}
    description = t["search_description"]
    return Page("search/", "search.html", t["search"], description,
                {"event_kinds": kinds, "search_data": data},
                {"@context": "https://schema.org", "@type": "SearchResultsPage",
                 "name": t["search"], "url": base + "search/", "description": description})
