"""The one wikilink grammar, `[[kind:target|label]]` (a bare target is a carrier or
entity), and the placeholder a parsed body keeps for each link until a page fills it in:
a wikilink's URL depends on the page it is shown on, its label on the site graph."""

from __future__ import annotations

import re
from collections.abc import Callable
from html import unescape

from markupsafe import escape

# Neither part may hold a bracket, a newline or (the target) a bar.
WIKILINK = re.compile(r"\[\[([^\[\]|\n]+?)(?:\|([^\[\]\n]+?))?\]\]")
# Private-use characters around a placeholder's fields; removed from the input.
OPEN, SEP, CLOSE = "\ue000", "\ue001", "\ue002"
PLACEHOLDER = re.compile(f"{OPEN}([^{SEP}]*){SEP}([^{SEP}]*){SEP}([^{SEP}]*){SEP}"
                         f"([^{CLOSE}]*){CLOSE}")
# (kind, target, label) -> (href, text) on this page, or None when the target is unknown
Resolver = Callable[[str, str, str | None], tuple[str, str] | None]


def split_target(raw: str) -> tuple[str, str]:
    """A wikilink's 'kind:target' as (kind, target); without a kind, ('node', target)."""
    raw = raw.strip()
    kind, _, target = raw.partition(":")
    if not target:
        return "node", raw
    return kind.strip(), target.strip()


def placeholder(kind: str, target: str, label: str | None, raw: str) -> str:
    """What a parsed body holds for one wikilink (escaped: it sits in HTML)."""
    # escaped at once: escaping is per character and leaves SEP as it is
    return OPEN + str(escape(SEP.join((kind, target, label or "", raw)))) + CLOSE


def fill_links(html: str, resolve: Resolver) -> str:
    """Replace link placeholders with links from this page (or the raw text if unknown)."""
    if OPEN not in html:
        return html

    def replace(match: re.Match[str]) -> str:
        kind, target, label, raw = match.groups()
        found = resolve(unescape(kind), unescape(target), unescape(label) or None)
        if found is None:
            return raw
        href, text = found
        return f'<a class="xref" href="{escape(href)}">{escape(text)}</a>'

    return PLACEHOLDER.sub(replace, html)
