"""Typed, dated relations between carriers and entities, derived from the content: one
model for the pages (ego graphs and their tables), the /graph/ page and the open data
(relations.csv, relations.graphml). Pure: part of the link stage.

Kinds, strongest first:
- ``invests-in``: a carrier and an investee of an investment event (carrier -> entity);
- ``partners-with``: a carrier and a partner of a partnership or alliance event, or two
  carriers in one;
- ``member-of``: an entity's ``members:`` (member -> alliance);
- ``parent-of``: an entity's ``parent:`` (parent -> entity);
- ``role-at``: a person's ``affiliations:`` (person -> organisation), dated by since/until;
- ``appears-with``: events two nodes share that give no stronger kind (two entities of
  one event, or a carrier and an entity of any other kind of event).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefing.core.dates import PartialDate

if TYPE_CHECKING:  # graph.py holds the edges: no import cycle at run time
    from briefing.link.graph import Event
    from briefing.validate.model import Node

RELATION_KINDS = ("invests-in", "partners-with", "member-of", "parent-of", "role-at",
                  "appears-with")
_PARTNER_EVENTS = frozenset({"partnership", "alliance"})
# Events naming more entities than this add no entity-entity edges: a long list (a
# conference's attendees) says little about each pair and would grow as its square.
MAX_PAIRED_ENTITIES = 8


@dataclass(frozen=True, slots=True)
class KindSpan:
    """One kind of an edge: when it was seen first and last, and through which events."""

    kind: str
    first: PartialDate | None
    last: PartialDate | None
    events: tuple[str, ...]  # oldest first; empty for kinds from entity files
    role: str | None = None  # role-at: the person's role


@dataclass(frozen=True, slots=True)
class Edge:
    """How two nodes relate: `source` is the actor of the directed kinds (the carrier, the
    member, the parent, the person); otherwise the carrier, or the smaller id."""

    source: str
    target: str
    spans: tuple[KindSpan, ...]  # in RELATION_KINDS order
    first: PartialDate | None
    last: PartialDate | None
    events: tuple[str, ...]  # every event behind it, oldest first

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(span.kind for span in self.spans)

    @property
    def kind(self) -> str:
        """The strongest kind: what the edge is drawn as."""
        return self.spans[0].kind

    @property
    def count(self) -> int:
        return len(self.events)

    def other(self, node_id: str) -> str:
        return self.target if node_id == self.source else self.source


class _Pending:
    __slots__ = ("kinds", "roles", "source", "target")

    def __init__(self, source: str, target: str) -> None:
        self.source, self.target = source, target
        self.kinds: set[str] = set()
        self.roles: dict[str, str | None] = {}


def _bounds(dates: Iterable[PartialDate]) -> tuple[PartialDate | None, PartialDate | None]:
    ordered = sorted(dates, key=PartialDate.sort_key)
    return (ordered[0], ordered[-1]) if ordered else (None, None)


def derive_edges(nodes: dict[str, Node], events: dict[str, Event], timeline: tuple[str, ...]
                 ) -> dict[tuple[str, str], Edge]:
    """Every edge, by (source, target), in id order."""
    pending: dict[frozenset[str], _Pending] = {}
    by_kind: dict[tuple[frozenset[str], str], list[str]] = defaultdict(list)
    pair_events: dict[frozenset[str], list[str]] = defaultdict(list)

    def add(source: str, target: str, kind: str, event: str | None) -> None:
        if source == target or source not in nodes or target not in nodes:
            return
        key = frozenset((source, target))
        if key not in pending:
            pending[key] = _Pending(source, target)
        entry = pending[key]
        if event is not None:  # events come in timeline order: lists stay oldest first
            by_kind[(key, kind)].append(event)
            behind = pair_events[key]
            if not behind or behind[-1] != event:
                behind.append(event)
        # the strongest kind gives the direction (appears-with has none)
        if kind != "appears-with" and kind not in entry.kinds and all(
                RELATION_KINDS.index(kind) < RELATION_KINDS.index(k) for k in entry.kinds):
            entry.source, entry.target = source, target
        entry.kinds.add(kind)

    for event_id in timeline:
        event = events[event_id]
        partnering = event.kind in _PARTNER_EVENTS
        carrier_kind = ("invests-in" if event.kind == "investment" else
                        "partners-with" if partnering else "appears-with")
        for carrier in event.carriers:
            for entity in event.entities:
                add(carrier, entity, carrier_kind, event_id)
        for n, carrier in enumerate(event.carriers):
            for other in event.carriers[n + 1:]:
                add(min(carrier, other), max(carrier, other),
                    "partners-with" if partnering else "appears-with", event_id)
        if len(event.entities) <= MAX_PAIRED_ENTITIES:
            for n, entity in enumerate(event.entities):
                for other in event.entities[n + 1:]:
                    add(min(entity, other), max(entity, other), "appears-with", event_id)
    affiliations: dict[frozenset[str], list[PartialDate]] = defaultdict(list)
    for node in nodes.values():
        for member in node.members:
            add(member.id, node.id, "member-of", None)
        if node.parent is not None:
            add(node.parent.id, node.id, "parent-of", None)
        for aff in node.affiliations:
            add(node.id, aff.target.id, "role-at", None)
            key = frozenset((node.id, aff.target.id))
            if key in pending:
                pending[key].roles.setdefault("role-at", aff.role)
                affiliations[key].extend(d for d in (aff.since, aff.until) if d)
    edges: dict[tuple[str, str], Edge] = {}
    for key, entry in pending.items():
        spans = []
        for kind in RELATION_KINDS:
            if kind not in entry.kinds:
                continue
            ids = tuple(by_kind.get((key, kind), ()))
            first, last = ((events[ids[0]].date, events[ids[-1]].date) if ids else
                           _bounds(affiliations.get(key, [])) if kind == "role-at" else
                           (None, None))
            spans.append(KindSpan(kind, first, last, ids, entry.roles.get(kind)))
        first, last = _bounds(d for s in spans for d in (s.first, s.last) if d)
        edges[(entry.source, entry.target)] = Edge(entry.source, entry.target, tuple(spans),
                                                   first, last, tuple(pair_events.get(key, ())))
    return dict(sorted(edges.items()))


def node_edges(edges: dict[tuple[str, str], Edge]) -> dict[str, tuple[Edge, ...]]:
    """Each node's edges, strongest first: most events, then kind, then the other's id."""
    by_node: dict[str, list[Edge]] = defaultdict(list)
    for edge in edges.values():
        by_node[edge.source].append(edge)
        by_node[edge.target].append(edge)
    return {node: tuple(sorted(items, key=lambda e, n=node: (  # type: ignore[misc]
        -e.count, RELATION_KINDS.index(e.kind), e.other(n)))) for node, items in
        sorted(by_node.items())}
