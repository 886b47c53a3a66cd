"""Spreadsheet-ready exports and the targets data: targets.json, and deals.csv,
entities.csv and targets.csv (UTF-8 with BOM, one header row, ISO dates, amounts as exact
decimal strings plus KRW)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

from briefing.link.graph import Event, Graph
from briefing.link.relations import _DEAL_QUALIFIERS
from briefing.link.targets import Target
from briefing.render.data import SCHEMA_VERSION, _cell, _dump
from briefing.render.data_schema import render_schemas, schema_index, schemas

CSV_FILES = {"events": "events.csv", "deals": "deals.csv", "entities": "entities.csv",
             "targets": "targets.csv"}


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[str]]) -> bytes:
    """A table as spreadsheets open it: BOM, CRLF, quoted only where needed."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _amount_cells(event: Event) -> list[str]:
    """amount as written, qualifier, currency, value, krw."""
    amount = event.amount
    if amount is None:
        return ["", "", "", "", ""]
    return [_cell(amount.written), amount.qualifier or "", amount.currency, str(amount.value),
            str(event.amount_krw) if event.amount_krw is not None else ""]


def _iso(date: Any) -> str:
    return date.iso() if date is not None else ""


def target_record(graph: Graph, target: Target) -> dict[str, Any]:
    event = graph.events[target.id]
    settler = graph.events[target.settled_by] if target.settled_by else None
    due = target.due
    return {
        "id": target.id, "title": event.title, "carriers": list(event.carriers),
        "entities": list(event.entities), "announced": event.date.iso(),
        "due": due.date.iso() if due else None,
        "due_precision": due.date.precision if due else None,
        "due_basis": due.basis if due else None,
        "due_approximate": due.approximate if due else False,
        "status": target.status,
        "amount": None if event.amount is None else {
            "written": event.amount.written, "value": str(event.amount.value),
            "currency": event.amount.currency, "qualifier": event.amount.qualifier,
            "krw": None if event.amount_krw is None else str(event.amount_krw)},
        "settled_by": None if settler is None else {
            "event": settler.id, "outcome": target.outcome, "date": settler.date.iso()},
        "sources": [s.article for s in event.sources],
    }


def _targets_json(graph: Graph) -> bytes:
    return _dump({"schema_version": SCHEMA_VERSION, "as_of": _iso(graph.as_of) or None,
                  "targets": [target_record(graph, t) for t in graph.targets.values()]})


def _targets_csv(graph: Graph) -> bytes:
    header = ["id", "title", "carriers", "entities", "announced", "due", "due_precision",
              "due_approximate", "status", "amount", "qualifier", "currency", "value", "krw",
              "settled_by", "outcome", "settled_on", "sources", "as_of"]
    rows = []
    for target in graph.targets.values():
        event = graph.events[target.id]
        due = target.due
        settler = graph.events[target.settled_by] if target.settled_by else None
        rows.append([
            target.id, _cell(event.title), " ".join(event.carriers), " ".join(event.entities),
            event.date.iso(), _iso(due.date if due else None),
            due.date.precision if due else "", str(bool(due and due.approximate)).lower(),
            target.status, *_amount_cells(event), settler.id if settler else "",
            target.outcome or "", _iso(settler.date if settler else None),
            " ".join(s.article for s in event.sources), _iso(graph.as_of)])
    return csv_bytes(header, rows)


def _deals_csv(graph: Graph) -> bytes:
    """One row per carrier and deal; `counted` says which rows the carrier's deal total
    adds, so the totals of the carrier and compare pages can be re-added by hand."""
    header = ["carrier", "id", "date", "kind", "title", "entities", "amount", "qualifier",
              "currency", "value", "krw", "counted", "sources"]
    rows = []
    for carrier in graph.carriers:
        for event_id in graph.stats[carrier].deals:
            event = graph.events[event_id]
            counted = event.amount is not None and event.amount.qualifier in _DEAL_QUALIFIERS
            rows.append([carrier, event.id, event.date.iso(), event.kind, _cell(event.title),
                         " ".join(event.entities), *_amount_cells(event),
                         str(counted).lower(), " ".join(s.article for s in event.sources)])
    return csv_bytes(header, rows)


def _entities_csv(graph: Graph) -> bytes:
    header = ["id", "type", "name_ko", "name_en", "aliases", "country", "website", "parent",
              "members", "carriers", "events", "first", "last"]
    rows = []
    for entity in graph.entities:
        node = graph.nodes[entity]
        events = graph.node_events.get(entity, ())
        carriers = sorted({r.carrier for r in graph.node_relations.get(entity, ())
                           if r.entity == entity})
        rows.append([
            entity, node.type, _cell(node.name.ko or ""), _cell(node.name.en or ""),
            _cell(" | ".join(node.aliases)), node.country or "", node.website or "",
            node.parent.id if node.parent else "", " ".join(m.id for m in node.members),
            " ".join(carriers), str(len(events)),
            graph.events[events[0]].date.iso() if events else "",
            graph.events[events[-1]].date.iso() if events else ""])
    return csv_bytes(header, rows)


def export_paths() -> set[str]:
    """What render_exports writes (pages link to them)."""
    return {"data/targets.json", *(f"data/{name}" for key, name in CSV_FILES.items()
                                   if key != "events"),
            *(f"data/schema/{name}.json" for name in schemas())}


def export_index() -> dict[str, Any]:
    """The keys index.json gains for these files (additive: schema version 1)."""
    return {"targets": "targets.json", "exports": dict(CSV_FILES), "schema": schema_index()}


def render_exports(graph: Graph) -> dict[str, bytes]:
    return {"data/targets.json": _targets_json(graph),
            "data/targets.csv": _targets_csv(graph),
            "data/deals.csv": _deals_csv(graph),
            "data/entities.csv": _entities_csv(graph), **render_schemas()}
