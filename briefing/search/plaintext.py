"""Markdown bodies as plain text for the search index: syntax out, words in.

Regular expressions, not a full parse: the index wants every word, not the structure,
and at ten thousand articles a parse per body would cost more than the whole index.
Wikilinks become their label, or the target's name when they have none.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from briefing.core.wikilinks import WIKILINK, split_target

WikiName = Callable[[str, str], str]  # (kind, target) -> the name a bare [[link]] shows

_FENCE = re.compile(r"^[ \t]{0,3}(?:`{3,}|~{3,})[^\n]*$", re.MULTILINE)
_TICKS = re.compile(r"`+")
# Neither part may hold the bracket that opens the next try, so each character is scanned a
# bounded number of times (a line of 20,000 '[' took seconds, a 5 MB one would take hours).
_LINK = re.compile(r"\[([^\[\]\n]*)\]\([^()\n]*\)")
_LINE_MARK = re.compile(r"^[ \t]*(?:(?:#{1,6}|>|[-*+]|\d{1,9}[.)])[ \t]+)+", re.MULTILINE)
# A lookahead, then one class: linear ('[ \t|:-]*-{3,}[ \t|:-]*$' backtracked cubically:
# a line of 5,000 dashes and a letter took minutes).
_TABLE_RULE = re.compile(r"^(?=[^\n]*---)[ \t|:-]+$", re.MULTILINE)
_EMPHASIS = re.compile(r"\*{1,3}|~~|(?<![^\W_])_{1,3}|_{1,3}(?![^\W_])")


def resolve_links(markdown: str, wiki_name: WikiName) -> str:
    """The body with links as their labels; code spans as written; lines kept."""
    labels: dict[str, str] = {}

    def wikilink(match: re.Match[str]) -> str:
        found = labels.get(match.group(0))
        if found is None:
            found = match.group(2) or wiki_name(*split_target(match.group(1)))
            labels[match.group(0)] = found
        return found

    parts: list[str] = []
    position = 0
    for start, end, _ticks in _code_spans(markdown):  # [[...]] in code is no link
        parts.append(_LINK.sub(r"\1", WIKILINK.sub(wikilink, markdown[position:start])))
        parts.append(markdown[start:end])
        position = end
    parts.append(_LINK.sub(r"\1", WIKILINK.sub(wikilink, markdown[position:])))
    return "".join(parts)


def _code_spans(text: str) -> list[tuple[int, int, int]]:
    """(start, end, ticks) of each code span: a run of backticks up to the next run of the
    same length. Linear, where a backreferencing regex takes minutes on a run of ten
    thousand backticks (each start would scan to the end for its closer)."""
    runs = [(m.start(), m.end()) for m in _TICKS.finditer(text)]
    by_length: dict[int, list[int]] = {}
    for index, (start, end) in enumerate(runs):
        by_length.setdefault(end - start, []).append(index)
    spans: list[tuple[int, int, int]] = []
    index = 0
    while index < len(runs):
        start, end = runs[index]
        same = by_length[end - start]
        following = bisect.bisect_right(same, index)
        if following == len(same):  # no closer: these ticks are text
            index += 1
            continue
        closer = same[following]
        spans.append((start, runs[closer][1], end - start))
        index = closer + 1
    return spans


def index_text(markdown: str, wiki_name: WikiName) -> str:
    """The words of a body for the index (lines and order do not matter): wikilinks as
    their labels, the names of unlabelled ones appended. Faster than resolve_links."""
    if "`" in markdown:
        return resolve_links(markdown, wiki_name)
    bare = {target for target, label in WIKILINK.findall(markdown) if not label}
    names = []
    for raw in sorted(bare):
        names.append(wiki_name(*split_target(raw)))
    parts = WIKILINK.split(markdown)  # text, target, label, text, ...: C-level, no callbacks
    del parts[1::3]
    return " ".join(filter(None, (*_LINK.split(" ".join(filter(None, parts))), *names)))


def one_line(text: str) -> str:
    return " ".join(text.split())


def display_text(resolved: str) -> str:
    """Resolved Markdown as text to read: block marks, emphasis and code ticks removed."""
    text = _FENCE.sub(" ", resolved)
    text = _TABLE_RULE.sub(" ", text)
    text = _LINE_MARK.sub("", text)
    text = _without_ticks(text)
    return one_line(_EMPHASIS.sub("", text).replace("|", " "))


def _without_ticks(text: str) -> str:
    parts: list[str] = []
    position = 0
    for start, end, ticks in _code_spans(text):
        parts += [text[position:start], text[start + ticks:end - ticks]]
        position = end
    parts.append(text[position:])
    return "".join(parts)


def shorten(text: str, limit: int) -> str:
    """At most `limit` characters, cut at a space when one is near the end."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", limit - 40, limit)
    return text[:cut if cut > 0 else limit].rstrip() + "…"
