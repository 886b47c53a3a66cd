"""Link: typed content -> one frozen site graph (merged events, references, backlinks,
related items, relations, sorted timeline). Pure: no IO.

link_site composes the part functions of this package. Each part (one briefing's
mentions, one event's merge, one body's links, one related list) is made through a
`Parts` object: `Fresh` makes every part; a long-lived build passes one that reuses the
parts whose inputs did not change (briefing.incremental.relink)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any, Protocol

from briefing.core.diagnostics import Diagnostic
from briefing.link.bodies import Targets, body_links
from briefing.link.edges import derive_edges, node_edges
from briefing.link.events import merge_event
from briefing.link.graph import Event, Graph
from briefing.link.related import RelatedInputs, rank_related, related_lists
from briefing.link.relations import node_relations, own_nodes, relations_and_stats
from briefing.link.resolve import Found, Part, Resolver, make_part, warn
from briefing.link.tags import tag_articles
from briefing.link.targets import Tracked, track_targets
from briefing.link.weeks import group_weeks
from briefing.validate.model import Article, Body, Content, Occurrence, Site
from briefing.validate.salvage import may_mention


class Parts(Protocol):
    def mentions(self, resolver: Resolver, article: Article) -> Part[frozenset[str]]: ...

    def event(self, resolver: Resolver, site: Site, occurrences: tuple[Occurrence, ...],
              drafts: frozenset[str]) -> Part[Event | None]: ...

    def body(self, resolver: Resolver, targets: Targets, key: tuple[str, str],
             owner: str | None, body: Body) -> Part[frozenset[str]]: ...

    def related(self, order: tuple[str, ...], position: dict[str, int], slug: str,
                made: RelatedInputs) -> tuple[str, ...]: ...


class Fresh:
    """Makes every part."""

    def mentions(self, resolver: Resolver, article: Article) -> Part[frozenset[str]]:
        """The carriers and entities a briefing names, as resolved."""
        return make_part(lambda found: frozenset(
            {*resolver.keep(article.carriers, "carrier", found),
             *resolver.keep(article.entities, "entity", found)}))

    def event(self, resolver: Resolver, site: Site, occurrences: tuple[Occurrence, ...],
              drafts: frozenset[str]) -> Part[Event | None]:
        return make_part(lambda found: merge_event(list(occurrences), site, resolver, drafts,
                                                   found))

    def body(self, resolver: Resolver, targets: Targets, key: tuple[str, str],
             owner: str | None, body: Body) -> Part[frozenset[str]]:
        return make_part(lambda found: body_links(owner, body, resolver, targets, found))

    def related(self, order: tuple[str, ...], position: dict[str, int], slug: str,
                made: RelatedInputs) -> tuple[str, ...]:
        return rank_related(order, position, slug, made)


def _article_key(article: Article) -> tuple[int, int, str]:
    if article.published is None:
        return (0, 0, article.id)
    return (*article.published.sort_key(), article.id)


class _Taken:
    """The parts' ids and problems, gathered in the order the parts were made."""

    def __init__(self) -> None:
        self.used: set[str] = set()
        self.problems: list[Diagnostic] = []

    def take(self, part: Part[Any]) -> None:
        self.used.update(part.used)
        self.problems.extend(part.problems)


def link_site(content: Content, parts: Parts | None = None) -> tuple[Graph, list[Diagnostic]]:
    """The site graph and the problems found linking it."""
    parts = parts or Fresh()
    taken = _Taken()
    nodes = {n.id: n for n in content.nodes}
    resolver = Resolver(nodes, content.broken_ids)
    articles = {a.id: a for a in content.articles}
    order = tuple(sorted(articles, key=lambda s: _article_key(articles[s])))

    node_refs = Found()  # what carriers and entities say of each other
    for node in content.nodes:
        resolver.keep(node.members, "any", node_refs)
        if node.parent:
            resolver.check(node.parent, "any", node_refs)
        for aff in node.affiliations:
            resolver.check(aff.target, "any", node_refs)

    mentions: dict[str, set[str]] = {}
    for slug in order:
        part = parts.mentions(resolver, articles[slug])
        taken.take(part)
        mentions[slug] = set(part.value)

    drafts = frozenset(slug for slug, article in articles.items() if article.draft)
    grouped: dict[str, list[Occurrence]] = defaultdict(list)
    for slug in order:
        for occurrence in articles[slug].occurrences:
            grouped[occurrence.id].append(occurrence)
    events: dict[str, Event] = {}
    for event_id in sorted(grouped):
        merged = parts.event(resolver, content.site, tuple(grouped[event_id]), drafts)
        taken.take(merged)
        if merged.value is not None:
            events[event_id] = merged.value

    targets = Targets(frozenset(grouped), frozenset(articles), content.broken_ids)
    linked: dict[str, set[str]] = defaultdict(set)
    bodies: list[tuple[tuple[str, str], str | None, Body]] = [
        (("article", a.id), a.id, a.body) for a in content.articles]
    bodies += [(("node", n.id), None, n.body) for n in content.nodes]
    for key, owner, body in bodies:
        links = parts.body(resolver, targets, key, owner, body)
        taken.take(links)
        if owner and links.value:
            linked[owner].update(links.value)
    problems = taken.problems + node_refs.problems + node_refs.reference_problems
    used = taken.used | node_refs.used
    for node in content.nodes:
        if (not node.is_carrier and node.id not in used
                and not may_mention(content.broken_ids, node.id)):
            problems.append(warn(node.loc, "unused-entity",
                                 f"entity '{node.id}' is not referenced by any article, event "
                                 "or other entity"))
    timeline = tuple(sorted(events, key=lambda e: events[e].sort_key()))
    tracked, target_problems = track_targets(content.site, content.articles, grouped, events,
                                             timeline)
    problems.extend(target_problems)
    return _graph(content, articles, order, mentions, events, linked, parts, timeline,
                  tracked), problems


def _graph(content: Content, articles: dict[str, Article], order: tuple[str, ...],
           mentions: dict[str, set[str]], events: dict[str, Event],
           linked: dict[str, set[str]], parts: Parts, timeline: tuple[str, ...],
           tracked: Tracked) -> Graph:
    """The graph: backlinks, relations, related lists, targets and weeks from the parts."""
    event_articles: dict[str, list[str]] = defaultdict(list)
    node_articles: dict[str, list[str]] = defaultdict(list)
    for slug in reversed(order):
        article_nodes = set(mentions[slug])
        for occurrence in articles[slug].occurrences:
            event_articles[occurrence.id].append(slug)
            event = events.get(occurrence.id)
            if event:
                article_nodes.update(event.carriers, event.entities)
        for target in linked.get(slug, ()):
            if target.startswith("event:"):
                if slug not in event_articles[target[6:]]:
                    event_articles[target[6:]].append(slug)
            else:
                article_nodes.add(target)
        mentions[slug] = article_nodes
        for node_id in sorted(article_nodes):
            node_articles[node_id].append(slug)

    node_events: dict[str, list[str]] = defaultdict(list)
    for event_id in timeline:
        for node_id in (*events[event_id].carriers, *events[event_id].entities):
            node_events[node_id].append(event_id)

    carriers = tuple(n.id for n in content.nodes if n.is_carrier)
    relations, stats = relations_and_stats(carriers, events, timeline, own_nodes(content.nodes))
    members_of: dict[str, list[str]] = defaultdict(list)
    people: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
    children: dict[str, list[str]] = defaultdict(list)
    for node in content.nodes:
        for member in node.members:
            members_of[member.id].append(node.id)
        if node.parent:
            children[node.parent.id].append(node.id)
        for aff in node.affiliations:
            people[aff.target.id].append((node.id, aff.role))

    nodes = {n.id: n for n in content.nodes}
    edges = derive_edges(nodes, events, timeline)
    return Graph(
        site=content.site, nodes=nodes, carriers=carriers,
        entities=tuple(n.id for n in content.nodes if not n.is_carrier),
        articles=articles, articles_by_date=tuple(reversed(order)), events=events,
        timeline=timeline,
        event_articles={k: tuple(v) for k, v in event_articles.items()},
        node_articles={k: tuple(v) for k, v in node_articles.items()},
        node_events={k: tuple(v) for k, v in node_events.items()},
        related=related_lists(articles, order, mentions, parts.related),
        relations=relations, stats=stats,
        members_of={k: tuple(v) for k, v in members_of.items()},
        people={k: tuple(v) for k, v in people.items()},
        children={k: tuple(v) for k, v in children.items()},
        years=tuple(sorted({events[e].date.year for e in timeline})),
        node_relations=node_relations(relations),
        targets=tracked.targets, settles=tracked.settles, as_of=tracked.as_of,
        node_targets=tracked.by_node,
        weeks=group_weeks(articles, order, events, timeline, carriers),
        edges=edges, node_edges=node_edges(edges),
        tag_articles=tag_articles(articles, tuple(reversed(order))),
    )
