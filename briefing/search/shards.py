"""The index files made from the search state, remaking only the shards that changed.

- ``search/t/<n>.json``: ``{term: postings}`` for the terms whose fnv1a is n modulo the
  term shard count (a power of two, from the characters of all postings);
- ``search/d/<n>.json``: ``{id: record}`` for the documents whose id is n modulo the
  document shard count (the same, from the bytes of all records);
- ``search/meta.json``: the counts, the id range of each type, the names, and a version:
  a hash of every other file's path and hash.

A cold build and any sequence of updates give the same bytes for the same state: a file
depends only on the terms or records that fall into it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import Any

from briefing.search.documents import TYPES
from briefing.search.ids import type_ranges
from briefing.search.state import SearchState
from briefing.search.tokens import PREFIX_MAX, fnv1a

FORMAT = 2
MAX_TERM_SHARDS = 4096
MAX_DOC_SHARDS = 1 << 16


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def shard_count(total: int, shard_bytes: int, most: int = MAX_TERM_SHARDS) -> int:
    count = 1
    while count < most and total / count > shard_bytes:
        count *= 2
    return count


def term_chars(term: str, text: str) -> int:
    """A term's characters in its shard (`"term":"postings"` and a comma)."""
    return len(json.dumps(term, ensure_ascii=False)) + len(text) + 4


def _term_shard(state: SearchState, terms: Iterable[str]) -> bytes:
    postings = state.postings
    return ("{" + ",".join(f'{json.dumps(t, ensure_ascii=False)}:"{postings[t]}"'
                           for t in sorted(terms)) + "}").encode("utf-8")


def _doc_shard(state: SearchState, ids: Iterable[int]) -> bytes:
    records = state.caches.records
    return ("{" + ",".join(f'"{i}":{records[i]}' for i in sorted(ids, key=str)) + "}"
            ).encode("utf-8")


def _counts(state: SearchState) -> tuple[int, int]:
    term_bytes, doc_bytes = state.shard_bytes
    return (shard_count(state.term_chars, term_bytes),
            shard_count(state.record_bytes, doc_bytes, MAX_DOC_SHARDS))


def _shards_of(state: SearchState, prefix: str) -> int:
    return sum(1 for path in state.caches.files if path.startswith(prefix))


def refresh(state: SearchState, terms: set[str] | None = None,
            ids: set[int] | None = None) -> dict[str, bytes]:
    """The index files, after `terms` (changed, added or removed postings) and `ids`
    (changed, added or removed records) changed; None: everything may have."""
    caches = state.caches
    files = caches.files
    term_count, doc_count = _counts(state)
    every = terms is None or _shards_of(state, "search/t/") != term_count
    if every:
        for path in [p for p in files if p.startswith("search/t/")]:
            del files[path]
    for term in state.postings if terms is None else terms:
        if term not in caches.term_shard:
            caches.term_shard[term] = fnv1a(term)
    term_shards = set(range(term_count)) if every or terms is None else {
        caches.term_shard[t] % term_count for t in terms}
    members: dict[int, list[str]] = {n: [] for n in term_shards}
    for term, hashed in caches.term_shard.items():
        if hashed % term_count in members and term in state.postings:
            members[hashed % term_count].append(term)
    for n, shard_terms in members.items():
        _put(state, f"search/t/{n}.json", _term_shard(state, shard_terms))
    if ids is None or _shards_of(state, "search/d/") != doc_count:
        for path in [p for p in files if p.startswith("search/d/")]:
            del files[path]
        caches.records = {e.id: e.record for e in state.docs.values()}
        caches.doc_shards = {n: set() for n in range(doc_count)}
        for doc_id in caches.records:
            caches.doc_shards[doc_id % doc_count].add(doc_id)
        doc_shards = set(range(doc_count))
    else:
        doc_shards = {i % doc_count for i in ids}
    for n in doc_shards:
        _put(state, f"search/d/{n}.json", _doc_shard(state, caches.doc_shards[n]))
    _put(state, "search/meta.json", _meta(state, term_count, doc_count))
    return dict(sorted(files.items()))


def _put(state: SearchState, path: str, data: bytes) -> None:
    state.caches.files[path] = data
    if path != "search/meta.json":
        state.caches.digests[path] = hashlib.sha256(data).digest()


def _meta(state: SearchState, term_count: int, doc_count: int) -> bytes:
    digests = state.caches.digests
    for path in [p for p in digests if p not in state.caches.files]:
        del digests[path]
    version = hashlib.sha256()
    for path in sorted(digests):
        version.update(path.encode() + b"\0" + digests[path])
    meta = {"format": FORMAT, "version": version.hexdigest()[:16], "language": state.language,
            "docs": len(state.docs), "docShards": doc_count, "termShards": term_count,
            "prefixMax": PREFIX_MAX, "types": type_ranges(TYPES), "groups": state.groups}
    return (dumps(meta) + "\n").encode("utf-8")
