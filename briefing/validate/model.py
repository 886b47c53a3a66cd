"""The typed content, after validation: frozen, slotted dataclasses."""

from __future__ import annotations

import json
import struct
import zlib
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from briefing.core.amounts import Amount
from briefing.core.dates import PartialDate


@dataclass(frozen=True, slots=True)
class Loc:
    path: str
    line: int
    col: int


@dataclass(frozen=True, slots=True)
class Ref:
    id: str
    loc: Loc


@dataclass(frozen=True, slots=True)
class Name:
    ko: str | None
    en: str | None

    def show(self, language: str) -> str:
        """The UI language first, the other as fallback."""
        first, second = (self.ko, self.en) if language == "ko" else (self.en, self.ko)
        return first or second or ""

    def all(self) -> tuple[str, ...]:
        return tuple(n for n in (self.ko, self.en) if n)


@dataclass(frozen=True, slots=True)
class WikiLink:
    kind: str  # "node" (carrier or entity), "article" or "event"
    target: str
    label: str | None
    loc: Loc


def _pack(text: str) -> bytes:
    return zlib.compress(text.encode("utf-8"), 1) if text else b""


def _unpack(packed: bytes) -> str:
    return zlib.decompress(packed).decode("utf-8") if packed else ""


@dataclass(frozen=True, slots=True)
class Body:
    """A Markdown body: its source, its HTML (rendered once, with link placeholders for
    briefing.core.wikilinks.fill_links) and the wikilinks found in it.

    Source and HTML are kept compressed: they are most of a large site's memory (and of
    what travels between processes), and each is read once or twice per build."""

    packed_text: bytes
    line: int  # 1-based file line of the body's first line
    packed_html: bytes = b""
    # JSON [[kind, target, label, path, line, col], ...], compressed: as a str, one Korean
    # label makes it two bytes a character, and the path repeats on every row.
    packed_links: bytes = b""

    @classmethod
    def of(cls, text: str, line: int, html: str = "", links: tuple[WikiLink, ...] = ()
           ) -> Body:
        packed = json.dumps([[w.kind, w.target, w.label, w.loc.path, w.loc.line, w.loc.col]
                             for w in links], ensure_ascii=False) if links else ""
        return cls(_pack(text), line, _pack(html), _pack(packed))

    def link_rows(self) -> list[list[Any]]:
        """The wikilinks as [kind, target, label, path, line, col] rows (no objects)."""
        return json.loads(_unpack(self.packed_links)) if self.packed_links else []

    @property
    def links(self) -> tuple[WikiLink, ...]:
        return tuple(WikiLink(kind, target, label, Loc(path, line, col))
                     for kind, target, label, path, line, col in self.link_rows())

    @property
    def text(self) -> str:
        return _unpack(self.packed_text)

    @property
    def html(self) -> str:
        return _unpack(self.packed_html)


@dataclass(frozen=True, slots=True)
class Site:
    title: str
    description: str
    base_url: str
    language: str
    timezone: str
    fx: dict[str, dict[int, Decimal]]
    path: str
    as_of: PartialDate | None = None  # what target statuses are computed against


@dataclass(frozen=True, slots=True)
class Affiliation:
    target: Ref
    role: str | None
    since: PartialDate | None
    until: PartialDate | None


@dataclass(frozen=True, slots=True)
class Node:
    """A carrier or an entity: they share one id namespace."""

    id: str
    is_carrier: bool
    name: Name
    aliases: tuple[str, ...]
    type: str  # "carrier" for carriers
    color: str | None
    country: str | None
    website: str | None
    members: tuple[Ref, ...]
    parent: Ref | None
    affiliations: tuple[Affiliation, ...]
    body: Body
    loc: Loc


@dataclass(frozen=True, slots=True)
class Source:
    publisher: str | None
    title: str
    url: str | None
    author: str | None
    language: str | None


@dataclass(frozen=True, slots=True)
class Resolves:
    """An event that settles an earlier target: which one, and how."""

    target: Ref
    outcome: str  # met | missed | revised | withdrawn


@dataclass(frozen=True, slots=True)
class Due:
    """When a target falls due, with how that was established."""

    date: PartialDate
    basis: str | None = None
    approximate: bool = False


# The fields of an event mention whose positions are kept for diagnostics (Occurrence.locs)
LOC_KEYS = ("date", "kind", "amount", "title", "due", "resolves")
_LOC_PAIRS = struct.Struct(f"<{2 * len(LOC_KEYS)}I")


def pack_locs(locs: dict[str, Loc]) -> bytes:
    """The positions of LOC_KEYS, all in one file, as (line, col) pairs in 48 bytes: a
    dict of six Locs was 0.7 KB an event mention, the largest part of a large graph's
    positions, and two rendering processes each counted it."""
    return _LOC_PAIRS.pack(*(n for key in LOC_KEYS for n in (locs[key].line, locs[key].col)))


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One article's mention of an event (possibly only its id)."""

    id: str
    article: str
    loc: Loc
    date: PartialDate | None
    until: PartialDate | None
    basis: str | None
    approximate: bool
    title: str | None
    kind: str | None
    carriers: tuple[Ref, ...]
    entities: tuple[Ref, ...]
    amount: Amount | None
    note: str | None
    # where each of LOC_KEYS is written in `loc.path` (pack_locs; b"": nowhere known)
    packed_locs: bytes = field(default=b"", compare=False)
    broken: bool = False  # a date or amount was given but is invalid (already reported)
    due: Due | None = None
    resolves: Resolves | None = None

    @property
    def locs(self) -> dict[str, Loc]:
        """The position of each of LOC_KEYS in the article's file."""
        if not self.packed_locs:
            return {}
        numbers = _LOC_PAIRS.unpack(self.packed_locs)
        return {key: Loc(self.loc.path, numbers[2 * n], numbers[2 * n + 1])
                for n, key in enumerate(LOC_KEYS)}


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    loc: Loc
    title: str
    published: PartialDate | None
    published_basis: str | None
    published_approximate: bool
    updated: PartialDate | None
    source: Source
    language: str
    carriers: tuple[Ref, ...]
    entities: tuple[Ref, ...]
    tags: tuple[str, ...]
    summary: str
    draft: bool
    occurrences: tuple[Occurrence, ...]
    body: Body


@dataclass(frozen=True, slots=True)
class Content:
    site: Site
    nodes: tuple[Node, ...]
    articles: tuple[Article, ...]
    # What files dropped for errors already reported define, so references to it are not
    # reported again as "not found": see validate/salvage.py for the forms.
    broken_ids: frozenset[str] = frozenset()
