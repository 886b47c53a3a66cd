"""The search index after an edit: only the documents whose searchable text changed are
tokenised again, only their terms' postings change, and only the shards holding those
terms and records are made again (search.shards). The result is byte for byte what
index_site gives for the same graph (tests check it after adds, removals and edits).

A document is made again (documents.make_docs) when it is new, or when something it was
made from changed (`changed`: (graph field, key) pairs, as serve's read tracking gives
them; None when unknown: every document is made and compared by digest). When the names
of carriers and entities, the language or the shard sizes changed, or a large part of the
site did, the whole index is made again (index_site, on every core).
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterable, Mapping

from briefing.link.graph import Graph
from briefing.search.documents import DocKey, Read, doc_keys, id_key, make_docs
from briefing.search.ids import assign_ids
from briefing.search.index import (
    DOC_SHARD_BYTES,
    TERM_SHARD_BYTES,
    Terms,
    doc_digest,
    doc_name_terms,
    doc_record,
    doc_weights,
    index_site,
    name_groups,
)
from briefing.search.postings import changed_list
from briefing.search.query import Alternative, name_alternatives
from briefing.search.shards import refresh, term_chars
from briefing.search.state import DocEntry, SearchState, doc_part, mark, term_part

WHOLE_INDEX_SHARE = 4  # more than 1/4 of the documents changed: index them all


@dataclasses.dataclass(slots=True)
class _Changes:
    removed: dict[str, set[int]] = dataclasses.field(default_factory=lambda: defaultdict(set))
    added: dict[str, dict[int, int]] = dataclasses.field(
        default_factory=lambda: defaultdict(dict))
    gone_records: set[int] = dataclasses.field(default_factory=set)
    new_records: dict[int, str] = dataclasses.field(default_factory=dict)


def _weights(entry: DocEntry, names: list[list[Alternative]]) -> dict[str, int]:
    weights = {term: weight for weight, terms in entry.terms for term in terms.split(" ")}
    weights.update(doc_name_terms(weights, names))
    return weights


def _swap(old: DocEntry | None, new: DocEntry | None, names: list[list[Alternative]],
          changes: _Changes) -> None:
    """Record what replacing a document's entry changes (None: absent)."""
    before = _weights(old, names) if old else {}
    after = _weights(new, names) if new else {}
    same_id = old is not None and new is not None and old.id == new.id
    if old is not None:
        for term, weight in before.items():
            if not same_id or after.get(term) != weight:
                changes.removed[term].add(old.id)
        changes.gone_records.add(old.id)
    if new is not None:
        for term, weight in after.items():
            if not same_id or before.get(term) != weight:
                changes.added[term][new.id] = weight
        changes.new_records[new.id] = new.record


def _apply(state: SearchState, changes: _Changes) -> tuple[set[str], set[int]]:
    """Change the postings and records; the terms and ids whose shards changed."""
    caches = state.caches
    terms = set(changes.removed) | set(changes.added)
    for term in terms:
        mark(state, term_part(term))
        text = state.postings.get(term)
        if text is not None:
            state.term_chars -= term_chars(term, text)
        text = changed_list(text or "", changes.removed.get(term, ()),
                            changes.added.get(term, {}), caches.codes, caches.values)
        if text:
            state.postings[term] = text
            state.term_chars += term_chars(term, text)
        else:
            state.postings.pop(term, None)
    count = len(caches.doc_shards)
    for doc_id in changes.gone_records:
        state.record_bytes -= len(caches.records.pop(doc_id).encode("utf-8"))
        caches.doc_shards[doc_id % count].discard(doc_id)
    for doc_id, record in changes.new_records.items():
        caches.records[doc_id] = record
        state.record_bytes += len(record.encode("utf-8"))
        caches.doc_shards[doc_id % count].add(doc_id)
    return terms, changes.gone_records | set(changes.new_records)


def _put(state: SearchState, key: DocKey, entry: DocEntry | None) -> None:
    """Set (None: remove) a document's entry, and who reads what."""
    old = state.docs.pop(key, None)
    mark(state, doc_part(key))
    readers = state.caches.readers
    if readers is not None and old is not None:
        for read in old.reads:
            readers[read].discard(key)
    if entry is not None:
        state.docs[key] = entry
        if readers is not None:
            for read in entry.reads:
                readers.setdefault(read, set()).add(key)


def _remade(graph: Graph, language: str, state: SearchState, keys: Iterable[DocKey],
            ids: Mapping[DocKey, int]) -> list[tuple[DocKey, DocEntry | None]]:
    """The documents to make again, with their new entries (None: the same document)."""
    reads: list[frozenset[Read]] = []
    keys = list(keys)
    made = make_docs(graph, language, keys, reads)
    terms = Terms()
    remade: list[tuple[DocKey, DocEntry | None]] = []
    for key, doc, read in zip(keys, made, reads, strict=True):
        digest = doc_digest(doc)
        entry = state.docs.get(key)
        if entry is not None and entry.digest == digest:
            _put(state, key, dataclasses.replace(entry, reads=read))
            remade.append((key, None))
            continue
        weighted = tuple((w, " ".join(g)) for w, g in doc_weights(doc, terms))
        remade.append((key, DocEntry(ids[key], digest, read, weighted,
                                     doc_record(doc, language))))
    return remade


def _ids(graph: Graph, state: SearchState, keys: list[DocKey], stale: list[DocKey]
         ) -> Mapping[DocKey, int]:
    """Every document's id: what an id is made from (its date) is read again only for the
    documents made again; when none of that changed, nor the documents, the ids stay."""
    caches = state.caches
    known = caches.id_keys
    fresh = {key: id_key(graph, key, caches.hashes) for key in stale}
    if len(keys) == len(state.docs) == len(known) and all(k in state.docs for k in keys) \
            and all(known.get(key) == made for key, made in fresh.items()):
        return {key: entry.id for key, entry in state.docs.items()}
    caches.id_keys = {key: fresh[key] if key in fresh else known[key] if key in known
                      else id_key(graph, key, caches.hashes) for key in keys}
    return assign_ids(caches.id_keys)


def _stale(state: SearchState, keys: list[DocKey], changed: set[Read] | None
           ) -> list[DocKey]:
    """The documents to make again: new ones, and those that read something that changed."""
    if changed is None:
        return keys
    readers = state.caches.readers
    if readers is None and len(changed) * WHOLE_INDEX_SHARE < len(state.docs):
        # a few reads changed (an edit): each document's reads are looked at once, which
        # costs a tenth of indexing who reads what (kept by a long-lived build, below)
        docs = state.docs
        return [key for key in keys
                if key not in docs or not docs[key].reads.isdisjoint(changed)]
    if readers is None:
        readers = defaultdict(set)
        for key, entry in state.docs.items():
            for read in entry.reads:
                readers[read].add(key)
        state.caches.readers = readers
    hit = set().union(*(readers.get(read, ()) for read in changed))
    return [key for key in keys if key in hit or key not in state.docs]


def update_index(graph: Graph, language: str, previous: SearchState | None,
                 changed: set[Read] | None = None, *, jobs: int = 1,
                 term_shard_bytes: int = TERM_SHARD_BYTES,
                 doc_shard_bytes: int = DOC_SHARD_BYTES) -> SearchState:
    """The index of `graph`, made from `previous` (changed in place; don't use it after).
    The files are in the result's `caches.files`."""
    groups = name_groups(graph, language)
    sizes = (term_shard_bytes, doc_shard_bytes)
    if previous is None or previous.language != language or previous.groups != groups \
            or previous.shard_bytes != sizes:
        return index_site(graph, language, jobs=jobs, term_shard_bytes=term_shard_bytes,
                          doc_shard_bytes=doc_shard_bytes)
    state = previous
    if not state.caches.files:  # loaded from disk: the files are made from it once
        refresh(state)
    keys = doc_keys(graph)
    stale = _stale(state, keys, changed)
    ids = _ids(graph, state, keys, stale)
    remade = _remade(graph, language, state, stale, ids)
    present = set(keys)
    gone = [key for key in state.docs if key not in present]
    moved = [key for key, entry in state.docs.items()
             if key in present and entry.id != ids[key]]
    work = sum(1 for _, entry in remade if entry is not None) + len(gone) + len(moved)
    if work * WHOLE_INDEX_SHARE > len(keys):
        return index_site(graph, language, jobs=jobs, term_shard_bytes=term_shard_bytes,
                          doc_shard_bytes=doc_shard_bytes)
    if state.caches.names is None:
        state.caches.names = [name_alternatives(names) for names in groups]
    names = state.caches.names
    changes = _Changes()
    for key, entry in remade:
        if entry is not None:
            _swap(state.docs.get(key), entry, names, changes)
            _put(state, key, entry)
    for key in moved:
        if state.docs[key].id != ids[key]:  # not made again: the same terms, a new id
            entry = dataclasses.replace(state.docs[key], id=ids[key])
            _swap(state.docs[key], entry, names, changes)
            _put(state, key, entry)
    for key in gone:
        _swap(state.docs[key], None, names, changes)
        _put(state, key, None)
    terms, touched = _apply(state, changes)
    refresh(state, terms, touched)
    return state
