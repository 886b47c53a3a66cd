"""Every Atom feed the site writes, in one list: what each follows, where it is written
and which page it belongs to. The engine renders them from this list, pages link the
ones that follow them, and /feeds/ and /feeds.opml list them all.

- the site's feed and one per carrier and entity (their briefings);
- watchlists of events: per carrier and event kind, per entity type;
- per tag (the briefings carrying it), and today's (the briefings of the newest
  publication day in the content: never the clock, so builds stay reproducible);
- the tracker's and the weekly digests' (briefing.render.digest_feeds.FEEDS).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from briefing.link.graph import Graph
from briefing.render.digest_feeds import FEEDS, digest_feed
from briefing.render.feeds import FEED_SIZE, _attr, _stamp, _tag_authority, atom_feed, feed_head
from briefing.render.i18n import strings
from briefing.validate.schema import ENTITY_TYPES, EVENT_KINDS

TOPICS = ("site", "today", "digest", "carrier", "carrier-kind", "entity-type", "tag", "entity")
# topics whose page links its own feed in its template (the others are linked by the plan)
OWN_LINK = ("site", "carrier", "entity", "digest")


@dataclass(frozen=True, slots=True)
class FeedSpec:
    path: str  # output path
    page: str  # site path of the page it follows
    topic: str  # one of TOPICS
    key: str = ""  # node id, "<carrier>/<kind>", entity type or tag

    @property
    def node(self) -> str:
        """The carrier or entity whose briefings it lists ('' for other feeds)."""
        return self.key if self.topic in ("carrier", "entity") else ""


def feed_plan(graph: Graph) -> list[FeedSpec]:
    """Every feed, in the order /feeds/ lists them."""
    plan = [FeedSpec("feed.xml", "", "site"), FeedSpec("feeds/today.xml", "", "today")]
    plan.extend(FeedSpec(path, path.removesuffix("feed.xml"), "digest", key)
                for path, key in FEEDS.items())
    for carrier in graph.carriers:
        plan.append(FeedSpec(f"carriers/{carrier}/feed.xml", f"carriers/{carrier}/", "carrier",
                             carrier))
        plan.extend(FeedSpec(f"feeds/carriers/{carrier}/{kind}.xml", f"carriers/{carrier}/",
                             "carrier-kind", f"{carrier}/{kind}") for kind in EVENT_KINDS)
    plan.extend(FeedSpec(f"feeds/types/{kind}.xml", "entities/", "entity-type", kind)
                for kind in ENTITY_TYPES)
    plan.extend(FeedSpec(f"feeds/tags/{tag}.xml", "feeds/", "tag", tag)
                for tag in graph.tag_articles)
    plan.extend(FeedSpec(f"entities/{entity}/feed.xml", f"entities/{entity}/", "entity", entity)
                for entity in graph.entities)
    return plan


def feed_title(graph: Any, spec: FeedSpec, language: str) -> str:
    """The feed's title (`graph` may be a tracked view)."""
    t = strings(language)
    site = graph.site.title
    if spec.topic == "site":
        return str(site)
    if spec.topic == "today":
        newest = _newest_day(graph)
        return f"{site}: " + t["feed_today"].format(date=newest.iso() if newest else "—")
    if spec.topic in ("carrier", "entity"):
        return f"{site}: {graph.nodes[spec.key].name.show(language)}"
    if spec.topic == "digest":
        return f"{site}: {t[spec.key.removeprefix('@')]}"
    if spec.topic == "carrier-kind":
        carrier, kind = spec.key.split("/")
        return f"{site}: " + t["feed_kind"].format(
            name=graph.nodes[carrier].name.show(language), kind=t["kind." + kind])
    if spec.topic == "entity-type":
        return f"{site}: " + t["feed_type"].format(type=t["type." + spec.key])
    if spec.topic == "tag":
        return f"{site}: " + t["feed_tag"].format(tag=spec.key)
    raise ValueError(f"feed topic '{spec.topic}' has no title: add it to feed_title")


def _newest_day(graph: Any) -> Any:
    newest = graph.articles_by_date[:1]
    return graph.articles[newest[0]].published if newest else None


def _today(graph: Any) -> list[str]:
    day = _newest_day(graph)
    slugs = []
    for slug in graph.articles_by_date:
        if graph.articles[slug].published != day:
            break
        slugs.append(slug)
    return slugs


def render_feed(graph: Any, spec: FeedSpec, language: str) -> bytes:
    """One feed's bytes (`graph` may be a tracked view, which records what it reads)."""
    title = feed_title(graph, spec, language)
    if spec.topic == "site":
        return atom_feed(graph, spec.path, spec.page, title, graph.articles_by_date, language)
    if spec.topic in ("carrier", "entity"):
        return atom_feed(graph, spec.path, spec.page, title,
                         graph.node_articles.get(spec.key, ()), language)
    if spec.topic == "today":
        return atom_feed(graph, spec.path, spec.page, title, _today(graph), language)
    if spec.topic == "digest":
        return digest_feed(graph, spec.key, language)
    if spec.topic == "tag":
        return atom_feed(graph, spec.path, spec.page, title,
                         graph.tag_articles.get(spec.key, ()), language)
    if spec.topic == "carrier-kind":
        carrier, kind = spec.key.split("/")
        ids = _newest(graph.node_events.get(carrier, ()),
                      lambda e: graph.events[e].kind == kind)
    elif spec.topic != "entity-type":
        raise ValueError(f"feed topic '{spec.topic}' has no renderer: add it to render_feed")
    else:
        nodes = graph.nodes
        ids = _newest(graph.timeline, lambda e: any(
            nodes[x].type == spec.key for x in graph.events[e].entities))
    return event_feed(graph, spec.path, spec.page, title, ids, language)


def _newest(ids: Sequence[str], keep: Any) -> list[str]:
    """The newest FEED_SIZE of `ids` (oldest first) that `keep` accepts, newest first."""
    found: list[str] = []
    for event_id in reversed(ids):
        if keep(event_id):
            found.append(event_id)
            if len(found) == FEED_SIZE:
                break
    return found


def event_feed(graph: Any, feed_path: str, page_path: str, title: str,
               event_ids: Sequence[str], language: str) -> bytes:
    """A watchlist of events, newest first: an entry per event, published when the first
    briefing reported it and updated when the last one did (dates from content)."""
    base = graph.site.base_url
    authority = _tag_authority(base)
    t = strings(language)
    entries = []
    newest = "1970-01-01"
    for event_id in event_ids:
        event = graph.events[event_id]
        reported = sorted(stamp.start.isoformat() for source in event.sources
                          if (article := graph.articles.get(source.article)) is not None
                          and (stamp := article.updated or article.published) is not None)
        first = reported[0] if reported else event.date.start.isoformat()
        last = reported[-1] if reported else first
        newest = max(newest, last)
        names = [graph.nodes[n].name.show(language) for n in (*event.carriers, *event.entities)]
        summary = " · ".join([event.date.iso(), t["kind." + event.kind], *names,
                              *([event.amount.written] if event.amount else [])])
        entries.append(
            "<entry>"
            f"<id>tag:{authority}:event:{escape(event_id)}</id>"
            f"<title>{escape(event.title)}</title>"
            f'<link rel="alternate" type="text/html" href="{_attr(base)}events/'
            f'{_attr(event_id)}/"/>'
            f"<published>{_stamp(first)}</published><updated>{_stamp(last)}</updated>"
            f"<summary>{escape(summary)}</summary>"
            "</entry>")
    head = feed_head(graph, feed_path, page_path, title, newest, language)
    return (head + "".join(entries) + "</feed>\n").encode("utf-8")


def page_feeds(plan: Sequence[FeedSpec]) -> Callable[[str, Sequence[str]], list[FeedSpec]]:
    """page path, its tags -> the watchlist feeds the page links in its head: those that
    follow it (its own feed is linked by its template), a carrier's kinds on its timeline
    too, and, on a briefing, those of its tags. Looked up, not searched: every page asks."""
    by_page: dict[str, list[FeedSpec]] = {}
    by_path = {spec.path: spec for spec in plan}
    for spec in plan:
        if spec.topic in OWN_LINK:
            continue
        by_page.setdefault(spec.page, []).append(spec)
        if spec.topic == "carrier-kind":
            by_page.setdefault(f"timeline/{spec.key.split('/')[0]}/", []).append(spec)

    def feeds(page_path: str, tags: Sequence[str] = ()) -> list[FeedSpec]:
        tagged = [by_path[path] for tag in tags
                  if (path := f"feeds/tags/{tag}.xml") in by_path]
        return [*by_page.get(page_path, ()), *tagged]

    return feeds


def watch_links(graph: Graph, g: Any, language: str) -> Callable[[Any], list[tuple[str, str]]]:
    """The template helper: a page's watchlist feeds as (path, title); `g` is the graph as
    the templates see it (titles are read through it)."""
    feeds = page_feeds(feed_plan(graph))

    def links(page: Any) -> list[tuple[str, str]]:
        article = page.context.get("article")
        return [(spec.path, feed_title(g, spec, language)) for spec in
                feeds(page.path, article.tags if article is not None else ())]

    return links
