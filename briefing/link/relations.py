"""Carrier x entity relations (events they share, by kind) and each carrier's stats."""

from __future__ import annotations

from collections import Counter, defaultdict
from decimal import Decimal

from briefing.link.graph import CarrierStats, Event, Relation
from briefing.validate.model import Node
from briefing.validate.schema import DEAL_KINDS

_DEAL_QUALIFIERS = (None, "about")


def node_relations(relations: dict[tuple[str, str], Relation]
                    ) -> dict[str, tuple[Relation, ...]]:
    by_node: dict[str, list[Relation]] = defaultdict(list)
    for (carrier, entity), relation in relations.items():
        by_node[carrier].append(relation)
        by_node[entity].append(relation)
    return {node: tuple(items) for node, items in by_node.items()}


def own_nodes(nodes: tuple[Node, ...]) -> set[tuple[str, str]]:
    """(carrier or parent id, entity id) for entities that belong to it: its products and
    subsidiaries (parent) and its people (affiliations)."""
    own = {(n.parent.id, n.id) for n in nodes if n.parent}
    own.update((a.target.id, n.id) for n in nodes for a in n.affiliations)
    return own


def relations_and_stats(carriers: tuple[str, ...], events: dict[str, Event],
                        timeline: tuple[str, ...], own: set[tuple[str, str]]
                        ) -> tuple[dict[tuple[str, str], Relation], dict[str, CarrierStats]]:
    pair_events: dict[tuple[str, str], list[str]] = defaultdict(list)
    for event_id in timeline:
        event = events[event_id]
        for carrier in event.carriers:
            for entity in event.entities:
                pair_events[(carrier, entity)].append(event_id)
    relations: dict[tuple[str, str], Relation] = {}
    for (carrier, entity), ids in sorted(pair_events.items()):
        kinds = Counter(events[e].kind for e in ids)
        relations[(carrier, entity)] = Relation(
            carrier, entity, len(ids), tuple(sorted(kinds.items(), key=lambda k: (-k[1], k[0]))),
            "investment" in kinds, tuple(ids), (carrier, entity) in own)
    stats: dict[str, CarrierStats] = {}
    for carrier in carriers:
        ids = [e for e in timeline if carrier in events[e].carriers]
        deals = [e for e in ids if events[e].kind in DEAL_KINDS and events[e].amount]
        total = sum((events[e].amount_krw or Decimal(0) for e in deals
                     if (amount := events[e].amount) and amount.qualifier in _DEAL_QUALIFIERS),
                    Decimal(0))
        mine = [r for (c, _), r in relations.items() if c == carrier and not r.own]
        stats[carrier] = CarrierStats(
            len(ids), sum(not r.investee for r in mine), sum(r.investee for r in mine),
            total, tuple(deals), events[ids[0]].date if ids else None,
            events[ids[-1]].date if ids else None)
    return relations, stats
