"""The frozen site graph that link() makes and templates read."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from briefing.core.amounts import Amount
from briefing.core.dates import PartialDate
from briefing.link.targets import Target
from briefing.link.weeks import Week
from briefing.validate.model import Article, Node, Site

if TYPE_CHECKING:
    from briefing.link.edges import Edge


@dataclass(frozen=True, slots=True)
class EventSource:
    article: str
    note: str | None


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    date: PartialDate
    until: PartialDate | None
    basis: str | None
    approximate: bool
    title: str
    kind: str
    carriers: tuple[str, ...]
    entities: tuple[str, ...]
    amount: Amount | None
    amount_krw: Decimal | None
    fx_note: str | None  # which rate was used, when not the event's own year
    sources: tuple[EventSource, ...]

    def sort_key(self) -> tuple[int, int, str]:
        return (*self.date.sort_key(), self.id)


@dataclass(frozen=True, slots=True)
class Relation:
    """How one carrier deals with one entity."""

    carrier: str
    entity: str
    count: int
    kinds: tuple[tuple[str, int], ...]  # (kind, count), most first
    investee: bool
    events: tuple[str, ...]
    own: bool = False  # the carrier's own people and products: neither partner nor investee


@dataclass(frozen=True, slots=True)
class CarrierStats:
    events: int
    partners: int
    investees: int
    deal_total_krw: Decimal
    deals: tuple[str, ...]  # event ids
    first: PartialDate | None
    last: PartialDate | None


@dataclass(frozen=True, slots=True)
class Graph:
    site: Site
    nodes: dict[str, Node]
    carriers: tuple[str, ...]
    entities: tuple[str, ...]
    articles: dict[str, Article]
    articles_by_date: tuple[str, ...]  # newest first
    events: dict[str, Event]
    timeline: tuple[str, ...]  # event ids, oldest first
    event_articles: dict[str, tuple[str, ...]]  # event -> articles reporting or linking it
    node_articles: dict[str, tuple[str, ...]]  # backlinks: node -> articles, newest first
    node_events: dict[str, tuple[str, ...]]  # node -> events, oldest first
    related: dict[str, tuple[str, ...]]  # article -> related articles
    relations: dict[tuple[str, str], Relation]  # (carrier, entity)
    stats: dict[str, CarrierStats]
    members_of: dict[str, tuple[str, ...]]  # entity -> alliances listing it
    people: dict[str, tuple[tuple[str, str | None], ...]]  # org -> (person, role)
    children: dict[str, tuple[str, ...]]  # parent -> children
    years: tuple[int, ...] = field(default=())
    # carrier or entity -> its relations, in (carrier, entity) order: a page looks up
    # its own instead of scanning them all
    node_relations: dict[str, tuple[Relation, ...]] = field(default_factory=dict)
    # typed, dated relations (briefing.link.edges): by (source, target), and by node
    edges: dict[tuple[str, str], Edge] = field(default_factory=dict)
    node_edges: dict[str, tuple[Edge, ...]] = field(default_factory=dict)
    tag_articles: dict[str, tuple[str, ...]] = field(default_factory=dict)  # newest first
    # commitments (see briefing.link.targets): target event -> its due period and status as of
    # `as_of`; settling event -> the target it settles
    targets: dict[str, Target] = field(default_factory=dict)
    settles: dict[str, str] = field(default_factory=dict)
    node_targets: dict[str, tuple[str, ...]] = field(default_factory=dict)
    as_of: PartialDate | None = None
    weeks: dict[str, Week] = field(default_factory=dict)  # ISO week key -> its digest
