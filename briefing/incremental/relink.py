"""Relink: the last link is reused whole when nothing that linking reads has changed (a
title or text edit; a long-lived build only, which holds the last graph), and part by
part otherwise. A briefing's mentions and a body's links are kept by the content key of
the file they come from (workdir.cache.file_key: its path, kind and bytes), so the same
memo serves `serve` (in memory) and `build` (across processes: linkstate.py); without
keys (tests), by the identity of the objects. The related lists are kept by a digest of
what each is ranked from; events, by the identity of their occurrences (in memory only).
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Mapping
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

    # by briefing: its file's content key (or the briefing itself), the part
    mentions: dict[str, tuple[object, Part[frozenset[str]]]]
    events: EventParts
    bodies: dict[tuple[str, str], tuple[object, Part[frozenset[str]]]]  # by (kind, id)
    targets: str  # digest of the event ids, briefing ids in file order and broken ids
    order: str | None  # digest of the order of the related lists
    related: dict[str, tuple[bytes, tuple[str, ...]]]  # digest of its inputs, the list
    resolution: str = ""  # digest of what references resolve against ("": unknown)


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


def _digest(texts: Any) -> str:
    digest = hashlib.blake2b(digest_size=16)
    for text in texts:
        digest.update(text.encode())
        digest.update(b"\0")
    return digest.hexdigest()


def targets_digest(content: Content) -> str:
    """What body links can point at (and which ids are broken), as one digest."""
    events = sorted({o.id for a in content.articles for o in a.occurrences})
    return _digest([*events, "\1", *(a.id for a in content.articles), "\1",
                    *sorted(content.broken_ids)])


def resolution_digest(content: Content, keys: Mapping[int, str]) -> str:
    """What references resolve against (the site, every node by its file's content key,
    the broken ids), as one digest; "" when a node has no key (then nothing is kept)."""
    nodes = [keys.get(id(node), "") for node in content.nodes]
    if not all(nodes):
        return ""
    return _digest([repr(content.site), *nodes, "\1", *sorted(content.broken_ids)])


def related_digest(made: RelatedInputs) -> bytes:
    """What a related list is ranked from, digested (ids joined: a repr costs 4 times)."""
    digest = hashlib.blake2b(digest_size=16)
    for node, weight, group in made:
        digest.update(f"{node}\0{weight}\0{len(group)}\0{chr(1).join(group)}\0".encode())
    return digest.digest()


def content_keys(checked: Mapping[str, Any]) -> dict[int, str]:
    """Each checked file's result and body (by identity) -> the file's content key."""
    keys: dict[int, str] = {}
    for key, item in checked.items():
        result = item.result
        if result is not None:
            keys[id(result)] = key
            body = getattr(result, "body", None)
            if body is not None:
                keys[id(body)] = key
    return keys


class Remembering(Fresh):
    """link.Parts that reuses the last link's parts whose inputs are the same objects,
    and records every part for the next link."""

    def __init__(self, last: LinkMemo | None, same_resolution: bool, targets: str,
                 keys: Mapping[int, str] | None = None, resolution: str = "") -> None:
        kept = last if same_resolution else None
        self.kept_mentions = kept.mentions if kept is not None else {}
        self.kept_events = kept.events if kept is not None else {}
        # Bodies are kept only while the ids their links can point at are the same.
        self.kept_bodies = kept.bodies if kept is not None and kept.targets == targets else {}
        self.kept_order = last.order if last is not None else None
        self.kept_related = last.related if last is not None else {}
        self.memo = LinkMemo({}, {}, {}, targets, None, {}, resolution)
        self.keys = keys
        self._order: tuple[str, ...] | None = None
        self._same_order = False
        self.made = 0  # mentions, bodies and related lists made (not kept)

    def _key(self, item: object) -> object:
        """What a kept part must have been made from: the content key of item's file, or
        (without keys) item itself; None: nothing kept fits."""
        return self.keys.get(id(item)) if self.keys is not None else item

    @staticmethod
    def _fits(kept: tuple[object, Any] | None, key: object) -> bool:
        return kept is not None and key is not None and (
            kept[0] is key or (type(key) is str and kept[0] == key))

    def mentions(self, resolver: Resolver, article: Article) -> Part[frozenset[str]]:
        kept = self.kept_mentions.get(article.id)
        key = self._key(article)
        if kept is not None and self._fits(kept, key):
            part = kept[1]
        else:
            part = super().mentions(resolver, article)
            self.made += 1
        self.memo.mentions[article.id] = (key, part)
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
        made_from = self._key(body)
        if kept is not None and self._fits(kept, made_from):
            part = kept[1]
        else:
            part = super().body(resolver, targets, key, owner, body)
            self.made += 1
        self.memo.bodies[key] = (made_from, part)
        return part

    def related(self, order: tuple[str, ...], position: dict[str, int], slug: str,
                made: RelatedInputs) -> tuple[str, ...]:
        if self._order is not order:  # once per link: the order is one object
            self._order = order
            self.memo = dataclasses.replace(self.memo, order=_digest(order))
            self._same_order = self.kept_order == self.memo.order
        kept = self.kept_related.get(slug) if self._same_order else None
        digest = related_digest(made)
        if kept is not None and kept[0] == digest:
            value = kept[1]
        else:
            value = super().related(order, position, slug, made)
            self.made += 1
        self.memo.related[slug] = (digest, value)
        return value


def link_parts(content: Content, memo: LinkMemo | None, same_resolution: bool,
               keys: Mapping[int, str] | None = None
               ) -> tuple[Graph, list[Diagnostic], Remembering]:
    """Link `content`, reusing the parts of `memo` that fit (`same_resolution`: the
    references resolve as they did for it); the parts, for the next link."""
    resolution = resolution_digest(content, keys) if keys is not None else ""
    parts = Remembering(memo, same_resolution, targets_digest(content), keys, resolution)
    graph, problems = link_site(content, parts)
    return graph, problems, parts


def relink(content: Content, previous: Linked | None, keys: Mapping[int, str] | None = None
           ) -> Linked:
    """Link `content`, reusing `previous` (the last link of a long-lived build); `keys`:
    the content keys of the checked files' results (content_keys)."""
    if previous is not None and _same_link_inputs(previous.content, content):
        articles = {a.id: a for a in content.articles}
        # tags are not a link input, but the tag feeds list by them
        tags = tag_articles(articles, previous.graph.articles_by_date)
        return Linked(content, dataclasses.replace(previous.graph, articles=articles,
                                                   tag_articles=tags),
                      previous.problems, previous.memo)
    graph, problems, parts = link_parts(
        content, previous.memo if previous is not None else None,
        previous is not None and _same_resolution(previous.content, content), keys)
    return Linked(content, graph, tuple(problems), parts.memo)
