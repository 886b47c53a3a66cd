"""The search index's working state, kept between builds so an edit re-indexes only the
documents it changed (search.update) and only the shards whose bytes change are made again.

It holds every document (id, what it was made from, a digest of it, its terms by weight,
its display record) and every term's posting text. As plain values (`to_plain`,
`from_plain`) it is what `.briefing/search.state` keeps (workdir.packed: MessagePack, never
pickle); `from_plain` checks the shape of everything it reads and returns None for
anything else. The files it gives are made by search.shards, whose caches are not saved.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from briefing.search.documents import TYPES, DocKey, Read
from briefing.search.ids import IdKey
from briefing.search.postings import Codes, Values
from briefing.search.query import Alternative

KIND = "search-index"  # the packed file's kind (workdir.packed)


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

    def to_plain(self) -> dict[str, Any]:
        # Tuples and sets' lists as they are: MessagePack writes a tuple as it writes a
        # list, and copying 30,000 documents' terms into lists took a third of the save.
        return {"language": self.language, "groups": self.groups,
                "shard_bytes": list(self.shard_bytes), "term_chars": self.term_chars,
                "record_bytes": self.record_bytes, "postings": self.postings,
                "read_digests": [[*read, digest] for read, digest in self.read_digests.items()],
                "docs": [[kind, item, e.id, e.digest, list(e.reads), e.terms, e.record]
                         for (kind, item), e in self.docs.items()]}


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
