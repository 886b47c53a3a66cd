"""The link's parts, kept in .briefing/ for the next `build` and `check` (relink.py's memo
across processes): each briefing's mentions and each body's links by the content key of
the file they come from, each related list by a digest of what it is ranked from, and
the digests that say when they still fit (what references resolve against, what body
links can point at, the order of the briefings). The next build links the whole graph
again but makes only the parts whose inputs changed: after a one-line edit, a handful
of 30,000. Events are merged again every build (their values are not kept).

The file is a workdir.packed state (MessagePack, never pickle), trusted only with this
tool version; any other shape and it is ignored whole, with a one-line notice. Nothing in
it depends on the options or templates: a part is a function of its inputs alone.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from briefing.build import BuildOptions, Gathered
from briefing.core.diagnostics import Diagnostic
from briefing.incremental.relink import LinkMemo, content_keys, link_parts, resolution_digest
from briefing.link.graph import Graph
from briefing.link.resolve import Part
from briefing.validate.model import Content
from briefing.workdir.cache import code_version
from briefing.workdir.packed import Notice, load_decoded, quiet, save_packed
from briefing.workdir.plain import Malformed, decoder, to_plain

KIND = "link-parts"
LINK_STATE = "link.state"  # in .briefing/cache/
# The memo is saved again once more than this share of its parts was made again: an
# edit does not pay for writing every part; the few it made are made again next time.
SAVE_SHARE = 20


def _part(part: Part[frozenset[str]]) -> list[Any]:
    return [sorted(part.value), sorted(part.used),
            to_plain(part.problems) if part.problems else []]


def save_link(path: Path, memo: LinkMemo) -> None:
    """Keep `memo`'s mentions, bodies and related lists (not its events)."""
    value = {
        "resolution": memo.resolution, "targets": memo.targets, "order": memo.order or "",
        "mentions": [[slug, key, *_part(part)] for slug, (key, part) in memo.mentions.items()
                     if type(key) is str],
        "bodies": [[kind, item, key, *_part(part)]
                   for (kind, item), (key, part) in memo.bodies.items() if type(key) is str],
        "related": [[slug, digest, list(value)]
                    for slug, (digest, value) in memo.related.items()]}
    save_packed(path, KIND, code_version(), value)


def _texts(value: Any) -> list[str]:
    if type(value) is not list or not all(type(item) is str for item in value):
        raise Malformed("a list of ids")
    return value


_problems = decoder(tuple[Diagnostic, ...])


def _typed_part(value: list[Any]) -> Part[frozenset[str]]:
    made, used, problems = value
    return Part(frozenset(_texts(made)), frozenset(_texts(used)),
                _problems(problems) if problems else ())


def _text(value: Any) -> str:
    if type(value) is not str:
        raise Malformed("a text")
    return value


def _rows(value: Any, width: int) -> list[list[Any]]:
    if type(value) is not list or not all(type(row) is list and len(row) == width
                                          for row in value):
        raise Malformed("a part")
    return value


def _decode(value: Any) -> LinkMemo:
    if type(value) is not dict:
        raise Malformed("not a map")
    mentions: dict[str, tuple[object, Part[frozenset[str]]]] = {
        _text(row[0]): (_text(row[1]), _typed_part(row[2:]))
        for row in _rows(value["mentions"], 5)}
    bodies: dict[tuple[str, str], tuple[object, Part[frozenset[str]]]] = {
        (_text(row[0]), _text(row[1])): (_text(row[2]), _typed_part(row[3:]))
        for row in _rows(value["bodies"], 6)}
    related = {}
    for slug, digest, listed in _rows(value["related"], 3):
        if type(digest) is not bytes:
            raise Malformed("a digest")
        related[_text(slug)] = (digest, tuple(_texts(listed)))
    order = _text(value["order"])
    return LinkMemo(mentions, {}, bodies, _text(value["targets"]), order or None, related,
                    _text(value["resolution"]))


def load_link(path: Path, notice: Notice = quiet) -> LinkMemo | None:
    return load_decoded(path, KIND, code_version(), _decode, notice)


def link_kept(content: Content, options: BuildOptions, gathered: Gathered
              ) -> tuple[Graph, list[Diagnostic]]:
    """build.py's link step, reusing the parts the last build kept in .briefing/ (and
    keeping this link's with the checked files, when enough of them were made again)."""
    keys = content_keys(gathered.fresh)
    where = options.cache_path / LINK_STATE if options.cache_path is not None else None
    memo = load_link(where, options.notice) if where is not None and not options.fresh \
        else None
    resolution = resolution_digest(content, keys)
    same = memo is not None and resolution != "" and memo.resolution == resolution
    graph, problems, parts = link_parts(content, memo, same, keys)
    total = len(parts.memo.mentions) + len(parts.memo.bodies) + len(parts.memo.related)
    if where is not None and resolution != "" \
            and (not same or parts.made * SAVE_SHARE > total):
        gathered.save_first.append(lambda: save_link(where, parts.memo))
    return graph, problems
