"""Open data: versioned JSON (split by year) and events.csv (UTF-8 with BOM)."""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from typing import Any

from briefing.link.graph import Event, Graph
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


def render_data(graph: Graph) -> dict[str, bytes]:
    from briefing.render.exports import export_index, render_exports  # it builds on this

    files: dict[str, bytes] = render_exports(graph)
    events_by_year: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for event_id in graph.timeline:
        event = graph.events[event_id]
        events_by_year[event.date.year].append(_event(event))
    articles_by_year: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for slug in reversed(graph.articles_by_date):
        article = graph.articles[slug]
        articles_by_year[_article_key(article)].append(_article(article))
    index: dict[str, Any] = {"schema_version": SCHEMA_VERSION, "title": graph.site.title,
                             "carriers": "carriers.json", "entities": "entities.json",
                             "events": {}, "articles": {}, "csv": "events.csv",
                             **export_index(),
                             "relations": {"csv": "relations.csv",
                                           "graphml": "relations.graphml"}}
    for year, items in sorted(events_by_year.items()):
        name = f"events-{year}.json"
        index["events"][str(year)] = name
        files[f"data/{name}"] = _dump({"schema_version": SCHEMA_VERSION, "events": items})
    for key, items in sorted(articles_by_year.items()):
        name = f"articles-{key}.json"
        index["articles"][key] = name
        files[f"data/{name}"] = _dump({"schema_version": SCHEMA_VERSION, "articles": items})
    files["data/carriers.json"] = _dump({"schema_version": SCHEMA_VERSION, "carriers": [
        _node(graph.nodes[c]) for c in graph.carriers]})
    files["data/entities.json"] = _dump({"schema_version": SCHEMA_VERSION, "entities": [
        _node(graph.nodes[e]) for e in graph.entities]})
    files["data/index.json"] = _dump(index)
    files["data/events.csv"] = _events_csv(graph)
    files.update(render_relations(graph))
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
