"""Inline SVG bar charts made at build time (each shown with its data table)."""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape


def grouped_bars(categories: Sequence[str], series: Sequence[tuple[str, str, Sequence[int]]],
                 title: str) -> Markup:
    """Horizontal grouped bars: one group per category, one bar per series (label, colour)."""
    bar, gap, label_width, width = 10, 8, 120, 560
    peak = max((v for _, _, values in series for v in values), default=0) or 1
    group_height = bar * len(series) + gap
    height = group_height * len(categories) + gap
    parts = [f'<svg class="chart" role="img" viewBox="0 0 {width} {height}" '
             f'width="100%" aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">',
             f"<title>{escape(title)}</title>"]
    for row, category in enumerate(categories):
        top = gap + row * group_height
        parts.append(f'<text x="{label_width - 6}" y="{top + bar * len(series) / 2 + 4}" '
                     f'text-anchor="end" class="chart-label">{escape(category)}</text>')
        for column, (name, colour, values) in enumerate(series):
            value = values[row]
            length = round((width - label_width - 40) * value / peak, 1)
            y = top + column * bar
            parts.append(f'<rect x="{label_width}" y="{y}" width="{length}" height="{bar - 2}" '
                         f'fill="{escape(colour)}"><title>{escape(name)}: {value}</title></rect>')
            if value:
                parts.append(f'<text x="{label_width + length + 4}" y="{y + bar - 3}" '
                             f'class="chart-value">{value}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
