"""The relations as open data: data/relations.csv (for spreadsheets) and
data/relations.graphml (for Gephi, yEd, networkx), from the one relations model."""

from __future__ import annotations

import csv
import io
from xml.sax.saxutils import escape, quoteattr

from briefing.link.edges import Edge
from briefing.link.graph import Graph

RELATION_FILES = ("data/relations.csv", "data/relations.graphml")
_CSV_HEADER = ["source", "source_type", "target", "target_type", "kind", "first", "last",
               "count", "role", "events"]


def _cell(text: str) -> str:
    # Spreadsheets run cells that start with these as formulas (as in events.csv).
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _type(graph: Graph, node_id: str) -> str:
    return graph.nodes[node_id].type


def relations_csv(graph: Graph) -> bytes:
    """One row per edge and kind: UTF-8 with a BOM, CRLF, a header row, ISO dates."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(_CSV_HEADER)
    for edge in graph.edges.values():
        for span in edge.spans:
            writer.writerow([
                edge.source, _type(graph, edge.source), edge.target, _type(graph, edge.target),
                span.kind, span.first.iso() if span.first else "",
                span.last.iso() if span.last else "", len(span.events),
                _cell(span.role or ""), " ".join(span.events)])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


_KEYS = (  # (id, for, name, type)
    ("label_ko", "node", "label_ko", "string"), ("label_en", "node", "label_en", "string"),
    ("type", "node", "type", "string"), ("carrier", "node", "carrier", "boolean"),
    ("kind", "edge", "kind", "string"), ("kinds", "edge", "kinds", "string"),
    ("first", "edge", "first", "string"), ("last", "edge", "last", "string"),
    ("count", "edge", "count", "int"), ("events", "edge", "events", "string"),
)


def _data(key: str, value: str) -> str:
    return f'<data key="{key}">{escape(value)}</data>'


def _edge(number: int, edge: Edge) -> str:
    parts = [f'<edge id="e{number}" source={quoteattr(edge.source)} '
             f'target={quoteattr(edge.target)}>',
             _data("kind", edge.kind), _data("kinds", " ".join(edge.kinds))]
    if edge.first:
        parts.append(_data("first", edge.first.iso()))
    if edge.last:
        parts.append(_data("last", edge.last.iso()))
    parts += [_data("count", str(edge.count)), _data("events", " ".join(edge.events)),
              "</edge>"]
    return "".join(parts)


def relations_graphml(graph: Graph) -> bytes:
    """Every carrier and entity that has a relation, and every edge (directed from its
    source: the carrier, the member, the parent, the person)."""
    used = sorted({n for key in graph.edges for n in key})
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
             'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
             'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
             'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">']
    lines += [f'<key id="{key}" for="{scope}" attr.name="{name}" attr.type="{kind}"/>'
              for key, scope, name, kind in _KEYS]
    lines.append('<graph id="relations" edgedefault="directed">')
    for node_id in used:
        node = graph.nodes[node_id]
        lines.append(f"<node id={quoteattr(node_id)}>"
                     + _data("label_ko", node.name.show("ko"))
                     + _data("label_en", node.name.show("en"))
                     + _data("type", node.type)
                     + _data("carrier", "true" if node.is_carrier else "false") + "</node>")
    lines += [_edge(number, edge) for number, edge in enumerate(graph.edges.values())]
    lines += ["</graph>", "</graphml>"]
    return ("\n".join(lines) + "\n").encode("utf-8")


def render_relations(graph: Graph) -> dict[str, bytes]:
    return {"data/relations.csv": relations_csv(graph),
            "data/relations.graphml": relations_graphml(graph)}
