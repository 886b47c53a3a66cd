"""The search index's working state, kept between builds so an edit re-indexes only the
documents it changed (search.update) and only the shards whose bytes change are made again.

It holds every document (id, what it was made from, a digest of it, its terms by weight,
its display record) and every term's posting text. As plain values (`to_plain`,
`from_plain`) it is what `.briefing/search.state` keeps (workdir.packed: MessagePack, never
pickle); `from_plain` checks the shape of everything it reads and returns None for
anything else. The files it gives are made by search.shards, whose caches are not saved.
"""

from __future__ import annotations

import secrets
import zlib
from dataclasses import dataclass, field
from typing import Any

from briefing.search.documents import TYPES, DocKey, Read
from briefing.search.ids import IdKey
from briefing.search.postings import Codes, Values
from briefing.search.query import Alternative

KIND = "search-index"  # the packed file's kind (workdir.packed)
PART_KIND = "search-index-part"  # ... of each part (split_plain)
PARTS = 64  # the documents and postings are kept in this many parts, by a hash


@dataclass(frozen=True, slots=True)
class DocEntry:
    id: int
    digest: bytes  # of the Doc: equal digests, nothing to re-index
    reads: frozenset[Read]  # what it was made from (graph field, key)
    terms: tuple[tuple[int, str], ...]  # (weight, its terms joined by spaces)
    record: str  # its display record, as JSON


@dataclass(slots=True)
class Caches:
    """Derived from the state and kept in memory only: made again after a load."""

    codes: Codes = field(default_factory=Codes)
    values: Values = field(default_factory=Values)
    hashes: dict[str, int] = field(default_factory=dict)  # site path -> ids.path_hash
    id_keys: dict[DocKey, IdKey] = field(default_factory=dict)  # what each id is made from
    files: dict[str, bytes] = field(default_factory=dict)  # the index files
    digests: dict[str, bytes] = field(default_factory=dict)  # file -> sha256
    term_shard: dict[str, int] = field(default_factory=dict)  # term -> fnv1a
    doc_shards: dict[int, set[int]] = field(default_factory=dict)  # shard -> ids
    records: dict[int, str] = field(default_factory=dict)  # id -> record
    readers: dict[Read, set[DocKey]] | None = None  # what was read -> the documents
    names: list[list[Alternative]] | None = None  # the groups as query alternatives
    # the parts (split_plain) changed since the state was loaded or saved; None: all
    dirty: set[int] | None = None
    generations: list[str] = field(default_factory=list)  # of each part, as kept


@dataclass(slots=True)
class SearchState:
    language: str
    groups: list[list[str]]  # every carrier's and entity's names (meta's groups)
    shard_bytes: tuple[int, int]  # the term and document shard targets
    docs: dict[DocKey, DocEntry]
    postings: dict[str, str]  # term -> posting text
    term_chars: int  # the term shards' characters, summed (their count follows from it)
    record_bytes: int  # the display records' bytes, summed (the same for documents)
    # a digest of each value the documents read, on the graph they were made from: the
    # next build in another process digests them again to know what changed (pagestate)
    read_digests: dict[Read, bytes] = field(default_factory=dict)
    caches: Caches = field(default_factory=Caches)

    def to_plain(self, docs: bool = True) -> dict[str, Any]:
        """The state as plain values (without the documents and postings: split_plain's
        head)."""
        # Tuples and sets' lists as they are: MessagePack writes a tuple as it writes a
        # list, and copying 30,000 documents' terms into lists took a third of the save.
        head = {"language": self.language, "groups": self.groups,
                "shard_bytes": list(self.shard_bytes), "term_chars": self.term_chars,
                "record_bytes": self.record_bytes,
                "read_digests": [[*read, digest] for read, digest in self.read_digests.items()]}
        if docs:
            head["postings"] = self.postings
            head["docs"] = [[kind, item, e.id, e.digest, list(e.reads), e.terms, e.record]
                            for (kind, item), e in self.docs.items()]
        return head


def doc_part(key: DocKey) -> int:
    """The part (split_plain) a document is kept in."""
    return zlib.crc32(f"{key[0]}\0{key[1]}".encode()) % PARTS


def term_part(term: str) -> int:
    return zlib.crc32(term.encode()) % PARTS


def mark(state: SearchState, part: int) -> None:
    """The part holding `part`'s documents or postings changed (see split_plain)."""
    if state.caches.dirty is not None:
        state.caches.dirty.add(part)


def split_plain(state: SearchState) -> tuple[dict[str, Any], dict[int, dict[str, Any]]]:
    """to_plain in PARTS parts and a head, for a state kept in several files: the head,
    and only the parts that changed since it was loaded (all, the first time). Each part
    carries a generation the head names, so a head and parts of different saves (one
    save failed) never pass for one state (join_plain)."""
    caches = state.caches
    dirty = set(range(PARTS)) if caches.dirty is None or len(caches.generations) != PARTS \
        else caches.dirty
    generations = list(caches.generations) if len(caches.generations) == PARTS \
        else [""] * PARTS
    parts: dict[int, dict[str, Any]] = {
        n: {"generation": secrets.token_hex(8), "postings": {}, "docs": [], "ids": []}
        for n in dirty}
    id_keys = caches.id_keys if len(caches.id_keys) == len(state.docs) else {}
    for n, part in parts.items():
        generations[n] = part["generation"]
    for term, text in state.postings.items():
        into = parts.get(term_part(term))
        if into is not None:
            into["postings"][term] = text
    for (kind, item), e in state.docs.items():
        holder = parts.get(doc_part((kind, item)))
        if holder is not None:
            holder["docs"].append([kind, item, e.id, e.digest, list(e.reads), e.terms,
                                   e.record])
            made_from = id_keys.get((kind, item))
            if made_from is not None:  # what its id is made from (search.ids)
                holder["ids"].append([kind, item, *made_from])
    head = state.to_plain(docs=False)
    head["generations"] = generations
    caches.dirty, caches.generations = set(), generations
    return head, parts


def join_plain(head: Any, parts: dict[int, Any]) -> SearchState | None:
    """The state split_plain kept (parts by number), or None when the parts are not
    those the head names, or anything has another shape."""
    try:
        generations = head["generations"]
        if type(generations) is not list or len(generations) != PARTS \
                or set(parts) != set(range(PARTS)):
            return None
        postings: dict[str, str] = {}
        docs: list[Any] = []
        ids: list[Any] = []
        for n in range(PARTS):
            part = parts[n]
            if part["generation"] != generations[n] or type(part["postings"]) is not dict \
                    or type(part["docs"]) is not list:
                return None
            postings.update(part["postings"])
            docs.extend(part["docs"])
            ids.extend(part["ids"])
        state = from_plain({**head, "postings": postings, "docs": docs})
        id_keys = {(kind, item): (t, b, h) for kind, item, t, b, h in ids
                   if type(t) is int and type(b) is int and type(h) is int}
    except (KeyError, TypeError, ValueError):
        return None
    if state is not None:
        state.caches.dirty, state.caches.generations = set(), list(generations)
        if len(id_keys) == len(ids) and id_keys.keys() == state.docs.keys():
            state.caches.id_keys = id_keys  # else made again from the graph
    return state


def _read(value: Any) -> Read:
    name, key = value
    if type(name) is not str or not isinstance(key, (str, list, tuple)):
        raise TypeError("read")
    return name, tuple(key) if not isinstance(key, str) else key


def _entry(row: Any) -> tuple[DocKey, DocEntry]:
    kind, item, doc_id, digest, reads, terms, record = row
    if kind not in TYPES or type(item) is not str or type(doc_id) is not int \
            or type(digest) is not bytes or type(record) is not str:
        raise TypeError("document")
    weighted = tuple(map(tuple, terms))
    for pair in weighted:  # (weight, terms): checked in one pass, no copies
        if len(pair) != 2 or type(pair[0]) is not int or type(pair[1]) is not str:
            raise TypeError("terms")
    return (kind, item), DocEntry(doc_id, digest, frozenset(map(_read, reads)), weighted, record)


def from_plain(value: Any) -> SearchState | None:
    """The state `to_plain` gave, or None when `value` does not have its shape."""
    try:
        postings = value["postings"]
        if not all(isinstance(k, str) and isinstance(v, str) for k, v in postings.items()):
            return None
        groups = [[str(name) for name in names] for names in value["groups"]]
        term_bytes, doc_bytes = value["shard_bytes"]
        numbers = (term_bytes, doc_bytes, value["term_chars"], value["record_bytes"])
        if not all(isinstance(n, int) for n in numbers) or not isinstance(value["language"], str):
            return None
        read_digests = {_read((name, key)): digest for name, key, digest in value["read_digests"]}
        if not all(isinstance(digest, bytes) for digest in read_digests.values()):
            return None
        return SearchState(value["language"], groups, (term_bytes, doc_bytes),
                           dict(map(_entry, value["docs"])), postings,
                           value["term_chars"], value["record_bytes"], read_digests)
    except (KeyError, TypeError, ValueError, AttributeError):
        return None
