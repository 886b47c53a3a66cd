"""What the relationship graphs show, read from the site graph as templates see it (so a
tracked view records the reads): a node's ego graph and the whole network of carriers and
their partners, each with the rows of its table."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from briefing.link.edges import RELATION_KINDS, Edge
from briefing.render.netgraph import Dot, Line, ego_svg, network_svg

EGO_DRAWN = 16  # neighbours drawn around a node; the table lists more
EGO_LISTED = 60
NETWORK_PARTNERS = 80  # partners drawn on /graph/ (the data files hold every relation)


@dataclass(frozen=True, slots=True)
class GraphView:
    svg: Markup
    edges: tuple[Edge, ...]  # the table's rows
    total: int  # every edge there is (the drawing and table may show fewer)
    drawn: int  # nodes drawn besides the centre (ego) or the carriers (network)
    kinds: tuple[str, ...]  # kinds present, in RELATION_KINDS order
    years: tuple[int, ...]  # years the edges span


class GraphViews:
    """Makes the views for one page's templates; `g` may be a tracked graph."""

    def __init__(self, g: Any, name: Callable[[str], str], url: Callable[..., str],
                 t: Mapping[str, str]) -> None:
        self.g, self.name, self.url, self.t = g, name, url, t

    def _dot(self, node_id: str) -> Dot:
        node = self.g.nodes[node_id]
        folder = "carriers/" if node.is_carrier else "entities/"
        return Dot(node_id, self.name(node_id), self.url(folder + node_id + "/"),
                   node.is_carrier)

    def _line(self, edge: Edge) -> Line:
        name, t = self.name, self.t
        title = "; ".join(f"{name(edge.source)} {t['rel.' + s.kind]} {name(edge.target)}"
                          + (f" ({s.role})" if s.role else "") for s in edge.spans)
        if edge.count:
            title += f" · {t['events_count']} {edge.count}"
        return Line(edge.source, edge.target, edge.kinds, t["rel." + edge.kind], title,
                    edge.first.year if edge.first else None,
                    edge.last.year if edge.last else None)

    def ego(self, node_id: str) -> GraphView:
        edges = tuple(self.g.node_edges.get(node_id, ()))
        drawn = edges[:EGO_DRAWN]
        svg = ego_svg(self._dot(node_id),
                      [(self._dot(e.other(node_id)), self._line(e)) for e in drawn],
                      self.t["network_of"].format(name=self.name(node_id)))
        return GraphView(svg, edges[:EGO_LISTED], len(edges), len(drawn),
                         _kinds(edges), _years(edges))

    def network(self) -> GraphView:
        g = self.g
        carriers = tuple(g.carriers)
        weight: dict[str, int] = {}
        for carrier in carriers:
            for edge in g.node_edges.get(carrier, ()):
                other = edge.other(carrier)
                if other not in carriers:
                    weight[other] = weight.get(other, 0) + max(edge.count, 1)
        partners = sorted(weight, key=lambda n: (-weight[n], n))[:NETWORK_PARTNERS]
        shown = {*carriers, *partners}
        edges = sorted({(e.source, e.target): e for n in sorted(shown)
                        for e in g.node_edges.get(n, ())
                        if e.source in shown and e.target in shown}.values(),
                       key=lambda e: (e.source not in carriers, e.source, e.target))
        svg = network_svg([self._dot(c) for c in carriers], [self._dot(p) for p in partners],
                          [self._line(e) for e in edges], self.t["network"])
        return GraphView(svg, tuple(edges), len(weight), len(partners), _kinds(edges),
                         _years(edges))


def _kinds(edges: tuple[Edge, ...] | list[Edge]) -> tuple[str, ...]:
    present = {k for e in edges for k in e.kinds}
    return tuple(k for k in RELATION_KINDS if k in present)


def _years(edges: tuple[Edge, ...] | list[Edge]) -> tuple[int, ...]:
    years = {d.year for e in edges for d in (e.first, e.last) if d}
    return tuple(range(min(years), max(years) + 1)) if years else ()
