"""Open data: versioned JSON (split by year) and events.csv (UTF-8 with BOM)."""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from briefing.link.graph import Event, Graph
from briefing.render.reads import ReadLog, Tracking
from briefing.render.relations_data import RELATION_FILES, render_relations
from briefing.validate.model import Article, Node

SCHEMA_VERSION = 1


def _dump(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1) + "\n").encode()


def _event(event: Event) -> dict[str, Any]:
    return {
        "id": event.id, "date": event.date.iso(), "precision": event.date.precision,
        "until": event.until.iso() if event.until else None, "basis": event.basis,
        "approximate": event.approximate, "title": event.title, "kind": event.kind,
        "carriers": list(event.carriers), "entities": list(event.entities),
        "amount": None if event.amount is None else {
            "written": event.amount.written, "value": str(event.amount.value),
            "currency": event.amount.currency, "qualifier": event.amount.qualifier,
            "krw": None if event.amount_krw is None else str(event.amount_krw)},
        "sources": [{"article": s.article, "note": s.note} for s in event.sources],
    }


def _node(node: Node) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": node.id, "name": {"ko": node.name.ko, "en": node.name.en},
        "aliases": list(node.aliases), "type": node.type, "country": node.country,
        "website": node.website}
    if node.is_carrier:
        data["color"] = node.color
    else:
        data["members"] = [m.id for m in node.members]
        data["parent"] = node.parent.id if node.parent else None
        data["affiliations"] = [
            {"id": a.target.id, "role": a.role, "since": a.since.iso() if a.since else None,
             "until": a.until.iso() if a.until else None} for a in node.affiliations]
    return data


def _article(article: Article) -> dict[str, Any]:
    return {
        "slug": article.id, "title": article.title,
        "published": article.published.iso() if article.published else None,
        "published_basis": article.published_basis,
        "published_approximate": article.published_approximate,
        "updated": article.updated.iso() if article.updated else None,
        "source": {"publisher": article.source.publisher, "title": article.source.title,
                   "url": article.source.url, "author": article.source.author,
                   "language": article.source.language},
        "language": article.language, "carriers": [r.id for r in article.carriers],
        "entities": [r.id for r in article.entities], "tags": list(article.tags),
        "summary": article.summary, "events": [o.id for o in article.occurrences],
    }


def _article_key(article: Article) -> str:
    return str(article.published.year) if article.published else "undated"


def data_paths(graph: Graph) -> set[str]:
    """The names render_data writes, without making the files (pages link to them)."""
    years = {graph.events[event_id].date.year for event_id in graph.timeline}
    keys = {_article_key(graph.articles[slug]) for slug in graph.articles_by_date}
    from briefing.render.exports import export_paths  # it builds on this module

    return {*(f"data/events-{year}.json" for year in years),
            *(f"data/articles-{key}.json" for key in keys),
            "data/carriers.json", "data/entities.json", "data/index.json", "data/events.csv",
            *export_paths(), *RELATION_FILES}


@dataclass(frozen=True, slots=True)
class DataUnit:
    """Data files made together: from the items they list (`members`, a change in the
    list makes them again) and what `make` reads from the graph."""

    key: str
    members: tuple[Any, ...]
    make: Callable[[Graph], dict[str, bytes]]


def _years(graph: Graph) -> tuple[dict[int, list[str]], dict[str, list[str]]]:
    """Event ids by year (oldest first) and briefing slugs by year key (oldest first)."""
    events: dict[int, list[str]] = defaultdict(list)
    for event_id in graph.timeline:
        events[graph.events[event_id].date.year].append(event_id)
    articles: dict[str, list[str]] = defaultdict(list)
    for slug in reversed(graph.articles_by_date):
        articles[_article_key(graph.articles[slug])].append(slug)
    return events, articles


Items = dict[tuple[str, str], tuple[Any, str]]  # (list, id) -> (its object, its JSON)


def _listed(path: str, name: str, ids: list[str], items: Items | None,
            item: Callable[[Graph, str], tuple[Any, Callable[[], dict[str, Any]]]]
            ) -> DataUnit:
    """A file listing items: the same bytes as _dump of the whole, each item's JSON kept in
    `items` while its object is the same (a long-lived build dumps only the changed;
    None: a one-shot build, nothing kept)."""
    def make(graph: Graph) -> dict[str, bytes]:
        texts = []
        for i in ids:
            source, record = item(graph, i)
            kept = items.get((name, i)) if items is not None else None
            if kept is None or kept[0] is not source:
                text = json.dumps(record(), ensure_ascii=False, sort_keys=True, indent=1)
                kept = (source, text.replace("\n", "\n  "))
                if items is not None:
                    items[name, i] = kept
            texts.append(kept[1])
        listed = "[\n  " + ",\n  ".join(texts) + "\n ]" if texts else "[]"
        return {path: f'{{\n "{name}": {listed},\n "schema_version": {SCHEMA_VERSION}\n}}\n'
                .encode()}

    return DataUnit(path, tuple(ids), make)


def _event_item(graph: Graph, i: str) -> tuple[Any, Callable[[], dict[str, Any]]]:
    event = graph.events[i]
    return event, lambda: _event(event)


def _article_item(graph: Graph, i: str) -> tuple[Any, Callable[[], dict[str, Any]]]:
    article = graph.articles[i]
    return article, lambda: _article(article)


def _node_item(graph: Graph, i: str) -> tuple[Any, Callable[[], dict[str, Any]]]:
    node = graph.nodes[i]
    return node, lambda: _node(node)


def data_units(graph: Graph, items: Items | None = None) -> list[DataUnit]:
    """Every data file, in units (a long-lived build makes again only the units whose
    members or reads changed, and keeps each listed item's JSON in `items`)."""
    from briefing.render.exports import export_index, render_exports  # it builds on this

    events, articles = _years(graph)
    index: dict[str, Any] = {"schema_version": SCHEMA_VERSION, "title": graph.site.title,
                             "carriers": "carriers.json", "entities": "entities.json",
                             "events": {str(y): f"events-{y}.json" for y in sorted(events)},
                             "articles": {k: f"articles-{k}.json" for k in sorted(articles)},
                             "csv": "events.csv", **export_index(),
                             "relations": {"csv": "relations.csv",
                                           "graphml": "relations.graphml"}}
    return [
        *(_listed(f"data/events-{year}.json", "events", ids, items, _event_item)
          for year, ids in sorted(events.items())),
        *(_listed(f"data/articles-{key}.json", "articles", ids, items, _article_item)
          for key, ids in sorted(articles.items())),
        _listed("data/carriers.json", "carriers", list(graph.carriers), items, _node_item),
        _listed("data/entities.json", "entities", list(graph.entities), items, _node_item),
        DataUnit("data/index.json", (repr(index),), lambda g: {"data/index.json": _dump(index)}),
        DataUnit("data/events.csv", (), lambda g: {"data/events.csv": _events_csv(g)}),
        DataUnit("exports", (), render_exports),
        DataUnit("relations", (), render_relations),
    ]


@dataclass(slots=True)
class KeptData:
    """The last build's data units: members, reads and files, by key."""

    units: dict[str, tuple[tuple[Any, ...], frozenset[Any], dict[str, bytes]]] = field(
        default_factory=dict)
    items: Items = field(default_factory=dict)  # each listed item's JSON, by its object


def render_data(graph: Graph, kept: KeptData | None = None, changed: set[Any] | None = None,
                tracking: Tracking | None = None,
                put: Callable[[dict[str, bytes]], object] | None = None) -> dict[str, bytes]:
    """Every data file. With `kept` and `tracking` (a long-lived build), a unit whose
    members are the same and whose reads miss `changed` (None: everything changed) keeps
    its files, and `kept` is updated. With `put` (a one-shot build), each unit's files go
    there as they are made, and neither they (`kept` keeps their names) nor each item's
    JSON are held: none is returned."""
    files: dict[str, bytes] = {}
    log: ReadLog | None = tracking.new_log() if tracking is not None else None
    view = tracking.view(graph, log) if tracking is not None and log is not None else graph
    units = {}
    memo = kept.items if kept is not None and log is not None and put is None else None
    for unit in data_units(graph, memo):
        last = kept.units.get(unit.key) if kept is not None else None
        if last is not None and changed is not None and last[0] == unit.members \
                and last[1].isdisjoint(changed):
            units[unit.key] = last
        elif log is not None:
            log.take()
            made = unit.make(view)
            units[unit.key] = (unit.members, log.take(), made)
        else:
            units[unit.key] = (unit.members, frozenset(), unit.make(graph))
        if put is None:
            files.update(units[unit.key][2])
        else:
            members, reads, made = units[unit.key]
            units[unit.key] = (members, reads, dict.fromkeys(made, b""))  # before `put`
            put(made)
    if kept is not None:
        kept.units = units if log is not None else {}
    return files


def _events_csv(graph: Graph) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["id", "date", "precision", "until", "approximate", "kind", "title",
                     "carriers", "entities", "amount", "currency", "value", "krw", "sources",
                     "qualifier"])
    for event_id in graph.timeline:
        event = graph.events[event_id]
        amount = event.amount
        writer.writerow([
            event.id, event.date.iso(), event.date.precision,
            event.until.iso() if event.until else "", str(event.approximate).lower(),
            event.kind, _cell(event.title), " ".join(event.carriers), " ".join(event.entities),
            _cell(amount.written) if amount else "", amount.currency if amount else "",
            str(amount.value) if amount else "",
            str(event.amount_krw) if event.amount_krw is not None else "",
            " ".join(s.article for s in event.sources),
            (amount.qualifier or "") if amount else ""])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _cell(text: str) -> str:
    # Spreadsheets run cells that start with these as formulas (CSV injection).
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
