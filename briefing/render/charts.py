"""Inline SVG bar charts made at build time (each shown with its data table).

Deterministic: the same data gives the same bytes (coordinates are rounded and written
without float noise). Text and grid colours come from CSS classes, so the charts follow
light and dark mode; bar colours are the series' (carrier) colours.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from markupsafe import Markup, escape

WIDTH = 360
LABEL_WIDTH = 84  # the category labels, right-aligned before the plot
VALUE_ROOM = 26  # after the longest bar, for its value
TOP = 18  # above the plot, for the tick labels
BAR = 9
BAR_GAP = 2
GROUP_GAP = 10
MAX_TICKS = 5


def _n(value: float) -> str:
    """A coordinate without float noise: 12, 12.5 (never 12.0 or 12.499999)."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def axis_max(peak: int) -> tuple[int, int]:
    """A round top for the axis and its tick step: at most MAX_TICKS steps of 1, 2, 5 x 10^n."""
    if peak <= 0:
        return 1, 1
    magnitude = 1
    while True:
        for step in (magnitude, 2 * magnitude, 5 * magnitude):
            if math.ceil(peak / step) <= MAX_TICKS:
                return step * math.ceil(peak / step), step
        magnitude *= 10


def grouped_bars(categories: Sequence[str], series: Sequence[tuple[str, str, Sequence[int]]],
                 title: str) -> Markup:
    """Horizontal grouped bars: one group per category, one bar per series (label, colour)."""
    peak = max((v for _, _, values in series for v in values), default=0)
    top_value, step = axis_max(peak)
    plot = WIDTH - LABEL_WIDTH - VALUE_ROOM
    group_height = (BAR + BAR_GAP) * len(series) - BAR_GAP + GROUP_GAP
    height = TOP + group_height * len(categories) + 4
    bottom = height - 4

    def x(value: float) -> float:
        return LABEL_WIDTH + plot * value / top_value

    parts = [f'<svg class="chart" role="img" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" '
             f'height="{height}" aria-label="{escape(title)}" '
             'xmlns="http://www.w3.org/2000/svg">',
             f"<title>{escape(title)}</title>"]
    for tick in range(0, top_value + 1, step):
        position = _n(x(tick))
        parts.append(f'<line class="{"axis" if tick == 0 else "grid"}" x1="{position}" '
                     f'y1="{TOP - 4}" x2="{position}" y2="{bottom}"/>')
        parts.append(f'<text class="tick" x="{position}" y="{TOP - 7}" '
                     f'text-anchor="middle">{tick}</text>')
    for row, category in enumerate(categories):
        group_top = TOP + GROUP_GAP / 2 + row * group_height
        if row:  # a rule between groups, so each group reads as one
            rule = _n(group_top - GROUP_GAP / 2)
            parts.append(f'<line class="grid" x1="0" y1="{rule}" x2="{WIDTH}" y2="{rule}"/>')
        middle = group_top + ((BAR + BAR_GAP) * len(series) - BAR_GAP) / 2
        parts.append(f'<text class="chart-label" x="{LABEL_WIDTH - 8}" y="{_n(middle + 4)}" '
                     f'text-anchor="end">{escape(category)}</text>')
        for column, (name, colour, values) in enumerate(series):
            value = values[row]
            y = group_top + column * (BAR + BAR_GAP)
            length = x(value) - LABEL_WIDTH
            parts.append(f'<rect x="{LABEL_WIDTH}" y="{_n(y)}" width="{_n(length)}" '
                         f'height="{BAR}" rx="1.5" fill="{escape(colour)}">'
                         f"<title>{escape(name)}: {value}</title></rect>")
            parts.append(f'<text class="{"chart-value" if value else "tick"}" '
                         f'x="{_n(x(value) + 4)}" y="{_n(y + BAR - 1)}">{value}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
