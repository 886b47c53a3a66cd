"""Markdown bodies: markdown-it (the Rust port, markdown-it-pyrs) with [[wikilinks]],
raw HTML off.

Parsing happens once (validate); rendering takes a resolver from the render stage,
because a wikilink's URL depends on the page it is shown on. Wikilinks are swapped for
inert markers before the parse (the Rust parser takes no Python rules) and become link
placeholders after it, except inside code, where they stay text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from html import unescape

from markdown_it import MarkdownIt as ReferenceMarkdownIt
from markdown_it_pyrs import MarkdownIt, Node
from markupsafe import escape

from briefing.core.wikilinks import (
    CLOSE,
    OPEN,
    PLACEHOLDER,
    SEP,
    WIKILINK,
    placeholder,
    split_target,
)
from briefing.validate.model import Loc, WikiLink

# Private-use characters: the markers standing for wikilinks during the parse (_MARK n
# _END), and the placeholders (core.wikilinks). Removed from the input.
_MARK, _END = "\ue003", "\ue004"
_PRIVATE = re.compile(f"[{OPEN}{SEP}{CLOSE}{_MARK}{_END}]")
_MARKER = re.compile(f"{_MARK}(\\d+){_END}")
# Code tags, tags holding a marker, and markers: markers are replaced in text only, and
# kept as text inside code and attributes.
_TAG_OR_MARKER = re.compile(f"<(/?)(code|pre)\\b[^>]*>|<([^>{_MARK}]*{_MARK}[^>]*)>"
                            f"|{_MARK}(\\d+){_END}")
_HEADING = re.compile(r"<h([2-4])>(.*?)</h\1>", re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
_HREF = re.compile(r'<a href="([^"]*)"')
_ALLOWED_LINK = re.compile(r"^(?:https?://|mailto:|#)", re.IGNORECASE)
# Every scheme markdown-it refuses (javascript, vbscript, file, data) ends in one of these
# words before its colon, unless character references spell it.
_REFUSED_HINT = re.compile(r"(?:script|file|data)\s*\\?[:&]|&#|&colon;", re.IGNORECASE)



@dataclass(frozen=True, slots=True)
class BodyProblem:
    line: int
    col: int
    code: str
    message: str
    target: str = ""  # the link or image target


@dataclass(frozen=True, slots=True)
class _Wiki:
    kind: str
    target: str
    label: str | None
    raw: str
    line: int  # 0-based within the body
    col: int  # 1-based


def make_markdown() -> MarkdownIt:
    """CommonMark with tables and strikethrough; no raw HTML, no typographer, no linkify."""
    # Listed in the call: the stubs type the names as literals, which a variable would lose.
    return MarkdownIt("zero").enable_many([
        "heading", "lheading", "paragraph", "list", "blockquote", "code", "fence", "hr",
        "reference", "table", "backticks", "emphasis", "strikethrough", "entity", "escape",
        "image", "link", "newline", "autolink"])


def _reference_markdown(keep_every_link: bool = False) -> ReferenceMarkdownIt:
    """The same syntax in the Python markdown-it: slower, used where the Rust one can't."""
    kind = _EveryLinkMarkdown if keep_every_link else ReferenceMarkdownIt
    return kind("commonmark", {"html": False}).enable(["table", "strikethrough"])


# A line opening with this many container marks or spaces ("> > > …", "- - - …") could nest
# blocks deeply enough to overflow the Rust parser's stack (a crash, not an exception: 100,000
# '>' do); the Python parser caps nesting (maxNesting).
_DEEP_NESTING = re.compile(r"^[ \t>*+\-\d.)]{200}", re.MULTILINE)


def _rust_safe(marked: str) -> bool:
    """Whether the Rust parser can take this body. It panics on a '[' followed by an
    unclosed backtick run in the same paragraph ("[ `"), and recurses per nested block;
    such bodies take the Python parser instead."""
    if "`" in marked and "[" in marked:
        return False
    return _DEEP_NESTING.search(marked) is None


def _render(md: MarkdownIt, marked: str) -> str:
    if _rust_safe(marked):
        try:
            return md.render(marked)
        except BaseException as exc:  # pyo3's PanicException derives from BaseException
            if not type(exc).__name__ == "PanicException":
                raise
    return _reference_markdown().render(marked)


def _mark_wikilinks(text: str) -> tuple[str, list[_Wiki]]:
    """The text with each [[wikilink]] replaced by an inert marker, and the wikilinks."""
    found: list[_Wiki] = []
    parts: list[str] = []
    last = 0
    line, counted = 0, 0  # lines are counted on from the last link, not from the start
    for match in WIKILINK.finditer(text):
        start = match.start()
        backslashes = 0
        while start > backslashes and text[start - backslashes - 1] == "\\":
            backslashes += 1
        if backslashes % 2:  # \[[x]] is an escaped bracket, not a link
            continue
        kind, target = split_target(match.group(1))
        line_start = text.rfind("\n", 0, start) + 1
        line += text.count("\n", counted, start)
        counted = start
        found.append(_Wiki(kind, target,
                           match.group(2).strip() if match.group(2) else None,
                           match.group(0), line, start - line_start + 1))
        parts += [text[last:start], f"{_MARK}{len(found) - 1}{_END}"]
        last = match.end()
    parts.append(text[last:])
    return "".join(parts), found


def _place_links(html: str, wikis: list[_Wiki]) -> tuple[str, list[int]]:
    """Markers in text become placeholders; inside code (or a tag) they become the
    wikilink's own text again. Returns the HTML and the indexes of real links."""
    used: list[int] = []
    code_depth = 0

    def replace(match: re.Match[str]) -> str:
        nonlocal code_depth
        if match.group(2) is not None:
            code_depth += -1 if match.group(1) else 1
            return match.group(0)
        if match.group(3) is not None:
            return _MARKER.sub(lambda m: str(escape(wikis[int(m.group(1))].raw)), match[0])
        wiki = wikis[int(match.group(4))]
        if code_depth > 0:
            return str(escape(wiki.raw))
        used.append(int(match.group(4)))
        return placeholder(wiki.kind, wiki.target, wiki.label, wiki.raw)

    if not wikis:
        return html, used
    return _TAG_OR_MARKER.sub(replace, html), used


def _slug(title: str) -> str:
    # The slug rule of mdit-py-plugins' anchors (used before), so #anchors stay valid.
    return re.sub(r"[^\w\u4e00-\u9fff\- ]", "", title.lower().replace(" ", "-"))


def _heading_ids(html: str) -> str:
    """h2-h4 get ids from their text, made unique within the body."""
    taken: set[str] = set()

    def replace(match: re.Match[str]) -> str:
        inner = PLACEHOLDER.sub("", match.group(2))
        slug = base = _slug(unescape(_TAG.sub("", inner)))
        number = 1
        while slug in taken:
            slug, number = f"{base}-{number}", number + 1
        taken.add(slug)
        level = match.group(1)
        return f'<h{level} id="{escape(slug)}">{match.group(2)}</h{level}>'

    return _HEADING.sub(replace, html)


def _wrap_tables(html: str) -> str:
    # Wide tables scroll in their own box instead of widening the page.
    if "<table>" not in html:
        return html
    return html.replace("<table>", '<div class="table-scroll" tabindex="0"><table>').replace(
        "</table>\n", "</table>\n</div>")


def parse_body(md: MarkdownIt, text: str, path: str, first_line: int
               ) -> tuple[str, tuple[WikiLink, ...], list[BodyProblem]]:
    """Parse a body once: its HTML with link placeholders, its wikilinks (with file lines)
    and its link problems."""
    if _PRIVATE.search(text):
        text = _PRIVATE.sub("", text)
    marked, wikis = _mark_wikilinks(text)
    html, used = _place_links(_render(md, marked), wikis)
    links = tuple(WikiLink(wikis[i].kind, wikis[i].target, wikis[i].label,
                           Loc(path, first_line + wikis[i].line, wikis[i].col)) for i in used)
    problems: list[BodyProblem] = []
    if "<img" in html or any(not _ALLOWED_LINK.match(unescape(h)) for h in _HREF.findall(html)):
        problems += _link_problems(md, marked, wikis, first_line)
        if not problems:  # a link kind the located parse does not know: never let it pass
            problems += _reference_link_problems(marked, first_line)
    # A link both parsers flag ("<  javascript:x>": the Rust one keeps it, percent-encoded)
    # is reported once, where the Rust parser located it.
    flagged = {p.line for p in problems}
    problems += [p for p in _refused_links(text, first_line) if p.line not in flagged]
    return _wrap_tables(_heading_ids(html)), links, problems


def _walk(node: Node) -> Iterator[Node]:
    yield node
    for child in node.children:
        yield from _walk(child)


def _position(marked: str, offset: int, wikis: list[_Wiki]) -> tuple[int, int]:
    """0-based line and 1-based column in the source of a byte offset in the marked text."""
    before = marked.encode("utf-8")[:offset].decode("utf-8", "ignore")
    line_text = before[before.rfind("\n") + 1:]
    line_text = _MARKER.sub(lambda m: wikis[int(m.group(1))].raw, line_text)
    return before.count("\n"), len(line_text) + 1


def _link_problems(md: MarkdownIt, marked: str, wikis: list[_Wiki], first_line: int
                   ) -> list[BodyProblem]:
    """Only bodies with a disallowed link or an image pay for this second, located parse."""
    if not _rust_safe(marked):
        return _reference_link_problems(marked, first_line)
    problems: list[BodyProblem] = []
    for node in _walk(md.tree(marked)):
        if node.name not in ("link", "autolink", "image") or node.srcmap is None:
            continue
        line, col = _position(marked, node.srcmap[0], wikis)
        url = str(node.meta.get("url", ""))
        if node.name == "image":
            problems.append(_image_problem(first_line + line, col, url))
        elif not _ALLOWED_LINK.match(url):
            problems.append(BodyProblem(first_line + line, col, "bad-link",
                                        _bad_link_message(url), url))
    return problems


class _EveryLinkMarkdown(ReferenceMarkdownIt):
    """Keeps the links markdown-it refuses, so they can be reported (never rendered)."""

    def validateLink(self, url: str) -> bool:  # markdown-it's name for it
        return True


def _refused_links(text: str, first_line: int) -> list[BodyProblem]:
    """Links markdown-it refuses as unsafe (javascript:, vbscript:, file:, data:) are shown
    as plain text; a second parse, by the Python markdown-it whose link check can be
    switched off, finds them, so they are errors rather than a silent change. Only bodies
    that mention such a scheme pay for it."""
    if not _REFUSED_HINT.search(text):
        return []
    reference = _reference_markdown()
    return [BodyProblem(p.line, p.col, "bad-link", _bad_link_message(p.target), p.target)
            for p in _reference_link_problems(text, first_line, keep_every_link=True)
            if not reference.validateLink(p.target)]


def _reference_link_problems(text: str, first_line: int, keep_every_link: bool = False
                             ) -> list[BodyProblem]:
    """Link problems from the Python parser, located by block line only."""
    problems: list[BodyProblem] = []
    for token in _reference_markdown(keep_every_link).parse(text, {}):
        line = first_line + (token.map[0] if token.map else 0)
        for child in token.children or ():
            if child.type == "image":
                problems.append(_image_problem(line, 1, str(child.attrGet("src") or "")))
            elif child.type == "link_open":
                href = str(child.attrGet("href") or "")
                if not _ALLOWED_LINK.match(href):
                    problems.append(BodyProblem(line, 1, "bad-link", _bad_link_message(href),
                                                href))
    return problems


def _image_problem(line: int, col: int, src: str) -> BodyProblem:
    return BodyProblem(line, col, "image", "bodies cannot hold images; link to the image "
                       "with an http(s) link instead", src)


def _bad_link_message(href: str) -> str:
    return (f"link target '{href}' is not allowed; link to other pages with [[id]], "
            "[[article:slug]] or [[event:id]], elsewhere only http(s), mailto and #anchor links")
