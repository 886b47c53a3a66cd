"""Relationship graphs as inline SVG, laid out at build time with no iteration.

- `ego_svg`: one node in the middle, its neighbours evenly on a circle (strongest first,
  clockwise from the top), each edge labelled with its kind along the line;
- `network_svg`: carriers on an inner circle, their partners on an outer ring, each near
  the carriers it deals with (the circular mean of their angles), edges between partners
  curved through the middle.

Both are deterministic (coordinates rounded, no float noise) and cost O(nodes + edges).
Colours come from CSS classes (`rel-<kind>`), so they follow light and dark mode; every
node is a link; texts are escaped.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

LABEL_CHARS = 18  # longer node names are cut (the full name is in the node's title)


@dataclass(frozen=True, slots=True)
class Dot:
    """A node as drawn: its id, label, link and whether it is a carrier."""

    id: str
    label: str
    href: str
    carrier: bool


@dataclass(frozen=True, slots=True)
class Line:
    """An edge as drawn: its ends, its kinds (strongest first) and their labels, years."""

    source: str
    target: str
    kinds: tuple[str, ...]
    label: str  # the strongest kind's label
    title: str  # the whole edge in words (hover)
    first: int | None
    last: int | None


def _n(value: float) -> str:
    text = f"{value:.1f}"
    text = "0" if text == "-0.0" else text
    return text[:-2] if text.endswith(".0") else text


def _short(label: str) -> str:
    return label if len(label) <= LABEL_CHARS else label[:LABEL_CHARS - 1] + "…"


def _edge_attrs(line: Line) -> str:
    first = "" if line.first is None else f' data-first="{line.first}"'
    last = "" if line.last is None else f' data-last="{line.last}"'
    return (f'class="edge rel-{line.kinds[0]}" data-kinds="{" ".join(line.kinds)}" '
            f'data-source="{escape(line.source)}" data-target="{escape(line.target)}"'
            f'{first}{last}')


def _dot(dot: Dot, x: float, y: float, radius: float, label_at: tuple[float, float, str],
         angle: float | None = None) -> str:
    lx, ly, anchor = label_at
    rotate = "" if angle is None else f' transform="rotate({_n(angle)} {_n(lx)} {_n(ly)})"'
    kind = " carrier c-" + dot.id if dot.carrier else ""
    return (f'<a class="node{kind}" href="{escape(dot.href)}" data-node="{escape(dot.id)}">'
            f"<title>{escape(dot.label)}</title>"
            f'<circle cx="{_n(x)}" cy="{_n(y)}" r="{_n(radius)}"/>'
            f'<text x="{_n(lx)}" y="{_n(ly)}" text-anchor="{anchor}" dominant-baseline='
            f'"middle"{rotate}>{escape(_short(dot.label))}</text></a>')


def _svg_open(css: str, width: int, height: int, title: str) -> str:
    return (f'<svg class="{css}" viewBox="0 0 {width} {height}" width="{width}" '
            f'height="{height}" role="group" aria-label="{escape(title)}" '
            'xmlns="http://www.w3.org/2000/svg">')


def ego_svg(center: Dot, around: Sequence[tuple[Dot, Line]], title: str) -> Markup:
    """`center` and its neighbours with the edge to each, strongest first."""
    count = len(around)
    width, height = 640, 440 if count > 8 else 360
    cx, cy = width / 2, height / 2
    radius = min(cx, cy) - 46
    parts = [_svg_open("netgraph ego", width, height, title)]
    dots = []
    for n, (dot, line) in enumerate(around):
        angle = -math.pi / 2 + 2 * math.pi * n / max(count, 1)
        cos, sin = math.cos(angle), math.sin(angle)
        x, y = cx + radius * cos, cy + radius * sin
        # the kind along the line, never upside down
        degrees = math.degrees(angle)
        flip = cos < -1e-9
        mx, my = cx + radius * 0.55 * cos, cy + radius * 0.55 * sin
        parts.append(f"<g {_edge_attrs(line)}><title>{escape(line.title)}</title>"
                     f'<line x1="{_n(cx)}" y1="{_n(cy)}" x2="{_n(x)}" y2="{_n(y)}"/>'
                     f'<text class="edge-label" x="{_n(mx)}" y="{_n(my - 3)}" '
                     f'text-anchor="middle" transform="rotate('
                     f'{_n(degrees + 180 if flip else degrees)} {_n(mx)} {_n(my)})">'
                     f"{escape(line.label)}</text></g>")
        gap = 10
        anchor = "middle" if abs(cos) < 0.3 else ("start" if cos > 0 else "end")
        label = (x + gap * cos, y + gap * sin + (8 if sin > 0.7 else -8 if sin < -0.7 else 0),
                 anchor)
        dots.append(_dot(dot, x, y, 6, label))
    parts.extend(dots)
    parts.append(_dot(center, cx, cy, 11, (cx, cy + 22, "middle")))
    parts.append("</svg>")
    return Markup("".join(parts))


def _circular_mean(angles: Sequence[tuple[float, int]]) -> float:
    x = sum(math.cos(a) * w for a, w in angles)
    y = sum(math.sin(a) * w for a, w in angles)
    return math.atan2(y, x) if abs(x) > 1e-9 or abs(y) > 1e-9 else angles[0][0]


def network_svg(carriers: Sequence[Dot], partners: Sequence[Dot], lines: Sequence[Line],
                title: str) -> Markup:
    """Carriers in the middle, partners on a ring near the carriers they deal with."""
    size = 1000
    c = size / 2
    inner = 0 if len(carriers) < 2 else 120
    outer = c - 150
    place: dict[str, tuple[float, float, float]] = {}  # id -> x, y, angle
    for n, dot in enumerate(carriers):
        angle = -math.pi / 2 + 2 * math.pi * n / max(len(carriers), 1)
        place[dot.id] = (c + inner * math.cos(angle), c + inner * math.sin(angle), angle)
    weights: dict[str, list[tuple[float, int]]] = {}
    for line in lines:
        for here, there in ((line.source, line.target), (line.target, line.source)):
            if there in place and here not in place:
                weights.setdefault(here, []).append((place[there][2], 1))

    def target(dot: Dot) -> tuple[float, str]:
        found = weights.get(dot.id)
        angle = _circular_mean(found) if found else math.pi
        return ((angle + math.pi / 2) % (2 * math.pi), dot.id)
    ordered = sorted(partners, key=target)
    for n, dot in enumerate(ordered):
        angle = -math.pi / 2 + 2 * math.pi * n / max(len(ordered), 1)
        place[dot.id] = (c + outer * math.cos(angle), c + outer * math.sin(angle), angle)
    parts = [_svg_open("netgraph network", size, size, title)]
    hubs = {dot.id for dot in carriers}
    for line in lines:
        if line.source not in place or line.target not in place:
            continue
        x1, y1, _ = place[line.source]
        x2, y2, _ = place[line.target]
        if line.source in hubs or line.target in hubs:
            shape = f'<line x1="{_n(x1)}" y1="{_n(y1)}" x2="{_n(x2)}" y2="{_n(y2)}"/>'
        else:  # partner to partner: a curve through the middle keeps the ring readable
            qx, qy = (x1 + x2) / 4 + c / 2, (y1 + y2) / 4 + c / 2
            shape = (f'<path d="M{_n(x1)} {_n(y1)} Q{_n(qx)} {_n(qy)} {_n(x2)} {_n(y2)}" '
                     'fill="none"/>')
        parts.append(f"<g {_edge_attrs(line)}><title>{escape(line.title)}</title>{shape}</g>")
    for dot in carriers:
        x, y, _ = place[dot.id]
        parts.append(_dot(dot, x, y, 14, (x, y + 28, "middle")))
    for dot in ordered:
        x, y, angle = place[dot.id]
        cos, sin = math.cos(angle), math.sin(angle)
        flip = cos < -1e-9
        degrees = math.degrees(angle) + (180 if flip else 0)
        parts.append(_dot(dot, x, y, 5, (x + 9 * cos, y + 9 * sin, "end" if flip else "start"),
                          degrees))
    parts.append("</svg>")
    return Markup("".join(parts))
