"""Markdown bodies: markdown-it-py with a [[wikilink]] rule, raw HTML off.

Parsing happens once (validate); rendering takes a resolver from the render stage,
because a wikilink's URL depends on the page it is shown on.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import unescape
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from markupsafe import escape
from mdit_py_plugins.anchors import anchors_plugin

from briefing.model import Loc, WikiLink

_WIKI_RE = re.compile(r"\[\[([^\[\]|\n]+?)(?:\|([^\[\]\n]+?))?\]\]")
# Private-use characters delimit link placeholders in rendered bodies.
_OPEN, _SEP, _CLOSE = "\ue000", "\ue001", "\ue002"
_PLACEHOLDER = re.compile(f"{_OPEN}([^{_SEP}]*){_SEP}([^{_SEP}]*){_SEP}([^{_SEP}]*){_SEP}"
                          f"([^{_CLOSE}]*){_CLOSE}")
_ALLOWED_LINK = re.compile(r"^(?:https?://|mailto:|#)", re.IGNORECASE)
# Every scheme markdown-it refuses (javascript, vbscript, file, data) ends in one of these
# words before its colon, unless character references spell it.
_REFUSED_HINT = re.compile(r"(?:script|file|data)\s*\\?[:&]|&#|&colon;", re.IGNORECASE)

Resolver = Callable[[str, str, str | None], tuple[str, str] | None]


@dataclass(frozen=True, slots=True)
class BodyProblem:
    line: int
    code: str
    message: str


def _wikilink_rule(state: StateInline, silent: bool) -> bool:
    if not state.src.startswith("[[", state.pos):
        return False
    match = _WIKI_RE.match(state.src, state.pos)
    if not match:
        return False
    if not silent:
        raw_target = match.group(1).strip()
        kind, _, target = raw_target.partition(":")
        if not target:
            kind, target = "node", raw_target
        token = state.push("wikilink", "", 0)
        token.meta = {
            "kind": kind.strip(),
            "target": target.strip(),
            "label": match.group(2).strip() if match.group(2) else None,
            "offset": state.src.count("\n", 0, state.pos),
        }
        token.content = match.group(0)
    state.pos = match.end()
    return True


def _render_wikilink(self: RendererHTML, tokens: Sequence[Token], idx: int,
                     options: Any, env: dict[str, Any]) -> str:
    # A placeholder: the link's URL depends on the page, its label on the site graph.
    meta = tokens[idx].meta
    fields = (meta["kind"], meta["target"], meta["label"] or "")
    return _OPEN + _SEP.join(str(escape(f)) for f in fields) + _SEP + str(
        escape(tokens[idx].content)) + _CLOSE


def _render_table_open(self: RendererHTML, tokens: Sequence[Token], idx: int,
                       options: Any, env: dict[str, Any]) -> str:
    # Wide tables scroll in their own box instead of widening the page.
    return '<div class="table-scroll" tabindex="0">' + self.renderToken(tokens, idx, options, env)


def _render_table_close(self: RendererHTML, tokens: Sequence[Token], idx: int,
                        options: Any, env: dict[str, Any]) -> str:
    return self.renderToken(tokens, idx, options, env) + "</div>"


class _EveryLinkMarkdown(MarkdownIt):
    """Keeps the links markdown-it refuses, so they can be reported (never rendered)."""

    def validateLink(self, url: str) -> bool:  # markdown-it's name for it
        return True


def make_markdown(keep_every_link: bool = False) -> MarkdownIt:
    options = {"html": False, "linkify": False, "typographer": False}
    md = (_EveryLinkMarkdown if keep_every_link else MarkdownIt)("commonmark", options)
    md.enable(["table", "strikethrough"])
    md.inline.ruler.before("link", "wikilink", _wikilink_rule)
    md.add_render_rule("wikilink", _render_wikilink)
    md.add_render_rule("table_open", _render_table_open)
    md.add_render_rule("table_close", _render_table_close)
    anchors_plugin(md, min_level=2, max_level=4, permalink=False)
    return md


def _walk(tokens: Sequence[Token], line: int) -> Any:
    for token in tokens:
        token_line = line + token.map[0] if token.map else line
        yield token, token_line
        if token.children:
            yield from _walk(token.children, token_line)


def parse_body(md: MarkdownIt, text: str, path: str, first_line: int
               ) -> tuple[str, tuple[WikiLink, ...], list[BodyProblem]]:
    """Parse a body once: its HTML with link placeholders, its wikilinks (with file lines)
    and its link problems."""
    text = text.replace(_OPEN, "").replace(_SEP, "").replace(_CLOSE, "")
    tokens = md.parse(text, {})
    links: list[WikiLink] = []
    problems: list[BodyProblem] = []
    for token, line in _walk(tokens, first_line):
        if token.type == "wikilink":
            file_line = line + token.meta["offset"]
            links.append(WikiLink(token.meta["kind"], token.meta["target"], token.meta["label"],
                                  Loc(path, file_line, 1)))
        elif token.type == "link_open":
            href = str(token.attrGet("href") or "")
            if not _ALLOWED_LINK.match(href):
                problems.append(BodyProblem(line, "bad-link", _bad_link_message(href)))
        elif token.type == "image":
            problems.append(BodyProblem(line, "image", "bodies cannot hold images; "
                                        "link to the image with an http(s) link instead"))
    problems += _refused_links(md, text, first_line)
    return md.renderer.render(tokens, md.options, {}), tuple(links), problems


def _refused_links(md: MarkdownIt, text: str, first_line: int) -> list[BodyProblem]:
    """Links markdown-it refuses as unsafe (javascript:, vbscript:, file:, data:) are shown
    as plain text; a second parse that keeps them finds them, so they are errors rather
    than a silent change. Only bodies that mention such a scheme pay for it."""
    if not _REFUSED_HINT.search(text):
        return []
    problems: list[BodyProblem] = []
    for token, line in _walk(make_markdown(keep_every_link=True).parse(text, {}), first_line):
        attr = "href" if token.type == "link_open" else "src" if token.type == "image" else None
        target = str(token.attrGet(attr) or "") if attr else ""
        if attr and not md.validateLink(target):
            problems.append(BodyProblem(line, "bad-link", _bad_link_message(target)))
    return problems


def _bad_link_message(href: str) -> str:
    return (f"link target '{href}' is not allowed; link to other pages with [[id]], "
            "[[article:slug]] or [[event:id]], elsewhere only http(s), mailto and #anchor links")


def fill_links(html: str, resolve: Resolver) -> str:
    """Replace link placeholders with links from this page (or the raw text if unknown)."""
    if _OPEN not in html:
        return html

    def replace(match: re.Match[str]) -> str:
        kind, target, label, raw = match.groups()
        found = resolve(unescape(kind), unescape(target), unescape(label) or None)
        if found is None:
            return raw
        href, text = found
        return f'<a class="xref" href="{escape(href)}">{escape(text)}</a>'

    return _PLACEHOLDER.sub(replace, html)
