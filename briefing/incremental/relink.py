"""Relink in a long-lived build: the last link is reused whole when nothing that linking
reads has changed (a title or text edit), and part by part otherwise. Parts are kept by
the identity of their inputs: files that did not change are the very same objects in a
long-lived build (see stamps.py)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from briefing.core.diagnostics import Diagnostic
from briefing.link.bodies import Targets
from briefing.link.graph import Event, Graph
from briefing.link.link import Fresh, link_site
from briefing.link.related import RelatedInputs
from briefing.link.resolve import Part, Resolver
from briefing.link.tags import tag_articles
from briefing.validate.model import Article, Body, Content, Occurrence, Site

# by event: its occurrences, which of their briefings are drafts, and the merge
EventParts = dict[str, tuple[tuple[Occurrence, ...], tuple[bool, ...], Part[Event | None]]]


@dataclass(frozen=True, slots=True)
class LinkMemo:
    """The parts of the last link, with the inputs each was made from."""

    mentions: dict[str, tuple[Article, Part[frozenset[str]]]]  # by briefing
    events: EventParts
    bodies: dict[tuple[str, str], tuple[Body, Part[frozenset[str]]]]  # by (kind, id)
    targets: tuple[frozenset[str], tuple[str, ...]]  # event ids; briefing ids in file order
    order: tuple[str, ...] | None  # of the related lists
    related: dict[str, tuple[RelatedInputs, tuple[str, ...]]]


@dataclass(frozen=True, slots=True)
class Linked:
    """One link's content and results, kept by a long-lived build."""

    content: Content
    graph: Graph
    problems: tuple[Diagnostic, ...]
    memo: LinkMemo


def _link_inputs(article: Article) -> tuple[Any, ...]:
    """Everything linking reads from a briefing: not its title, summary or text."""
    return (article.id, article.loc, article.published, article.carriers, article.entities,
            article.draft, article.body.packed_links,
            # locs are left out of Occurrence equality, but conflicts are reported there
            tuple((o, o.locs) for o in article.occurrences))


def _same_resolution(old: Content, new: Content) -> bool:
    """Whether references resolve as they did: the same site, the very same nodes, the
    same broken ids."""
    return (old.site == new.site and old.broken_ids == new.broken_ids
            and len(old.nodes) == len(new.nodes)
            and all(a is b for a, b in zip(old.nodes, new.nodes, strict=True)))


def _same_link_inputs(old: Content, new: Content) -> bool:
    """Whether linking `new` gives `old`'s graph (but for the briefings themselves) and
    problems."""
    return (len(old.articles) == len(new.articles) and _same_resolution(old, new)
            and all(a is b or _link_inputs(a) == _link_inputs(b)
                    for a, b in zip(old.articles, new.articles, strict=True)))


def _targets(content: Content) -> tuple[frozenset[str], tuple[str, ...]]:
    return (frozenset(o.id for a in content.articles for o in a.occurrences),
            tuple(a.id for a in content.articles))


class Remembering(Fresh):
    """link.Parts that reuses the last link's parts whose inputs are the same objects,
    and records every part for the next link."""

    def __init__(self, last: LinkMemo | None, same_resolution: bool,
                 targets: tuple[frozenset[str], tuple[str, ...]]) -> None:
        kept = last if same_resolution else None
        self.kept_mentions = kept.mentions if kept is not None else {}
        self.kept_events = kept.events if kept is not None else {}
        # Bodies are kept only while the ids their links can point at are the same.
        self.kept_bodies = kept.bodies if kept is not None and kept.targets == targets else {}
        self.kept_order = last.order if last is not None else None
        self.kept_related = last.related if last is not None else {}
        self.memo = LinkMemo({}, {}, {}, targets, None, {})
        self._same_order = False

    def mentions(self, resolver: Resolver, article: Article) -> Part[frozenset[str]]:
        kept = self.kept_mentions.get(article.id)
        part = kept[1] if kept is not None and kept[0] is article else super().mentions(
            resolver, article)
        self.memo.mentions[article.id] = (article, part)
        return part

    def event(self, resolver: Resolver, site: Site, occurrences: tuple[Occurrence, ...],
              drafts: frozenset[str]) -> Part[Event | None]:
        event_id = occurrences[0].id
        in_drafts = tuple(o.article in drafts for o in occurrences)
        kept = self.kept_events.get(event_id)
        if (kept is not None and kept[1] == in_drafts and len(kept[0]) == len(occurrences)
                and all(a is b for a, b in zip(kept[0], occurrences, strict=True))):
            part = kept[2]
        else:
            part = super().event(resolver, site, occurrences, drafts)
        self.memo.events[event_id] = (occurrences, in_drafts, part)
        return part

    def body(self, resolver: Resolver, targets: Targets, key: tuple[str, str],
             owner: str | None, body: Body) -> Part[frozenset[str]]:
        kept = self.kept_bodies.get(key)
        part = kept[1] if kept is not None and kept[0] is body else super().body(
            resolver, targets, key, owner, body)
        self.memo.bodies[key] = (body, part)
        return part

    def related(self, order: tuple[str, ...], position: dict[str, int], slug: str,
                made: RelatedInputs) -> tuple[str, ...]:
        if self.memo.order is not order:  # once per link: the order is one object
            self.memo = dataclasses.replace(self.memo, order=order)
            self._same_order = self.kept_order == order
        kept = self.kept_related.get(slug) if self._same_order else None
        value = kept[1] if kept is not None and kept[0] == made else super().related(
            order, position, slug, made)
        self.memo.related[slug] = (made, value)
        return value


def relink(content: Content, previous: Linked | None) -> Linked:
    """Link `content`, reusing `previous` (the last link of a long-lived build)."""
    if previous is not None and _same_link_inputs(previous.content, content):
        articles = {a.id: a for a in content.articles}
        # tags are not a link input, but the tag feeds list by them
        tags = tag_articles(articles, previous.graph.articles_by_date)
        return Linked(content, dataclasses.replace(previous.graph, articles=articles,
                                                   tag_articles=tags),
                      previous.problems, previous.memo)
    parts = Remembering(previous.memo if previous is not None else None,
                        previous is not None and _same_resolution(previous.content, content),
                        _targets(content))
    graph, problems = link_site(content, parts)
    return Linked(content, graph, tuple(problems), parts.memo)
