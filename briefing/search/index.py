"""The search index: a compact, sharded term index of our own, written under search/
(the files: search.shards).

Postings are by document id (search.ids: stable, sparse, newest first within a type),
each with a weight ``1 | 2 (in the snippet text) | 8 (in the title or a name) | 16 (a
whole word or CJK run equals the term)``, as text (search.postings). Filters are terms too:
``@carrier:<id>`` and ``@kind:<event kind>``; and ``@name:<n>`` holds the documents
matching any name of carrier or entity n (meta's groups), so a query naming one fetches one
term, not every name's.

`index_site` indexes every document (in helper processes on a large site) and gives the
state that search.update changes after an edit. Output is deterministic: sorted keys, no
clock, ids from the content alone, the same bytes for any worker count.
"""

from __future__ import annotations

import hashlib
from array import array
from bisect import bisect_left
from collections import defaultdict, deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from itertools import accumulate, chain, repeat

from briefing.link.graph import Graph
from briefing.search.documents import (
    Doc,
    DocKey,
    Read,
    date_text,
    doc_keys,
    id_key,
    iter_docs,
)
from briefing.search.ids import IdKey, assign_ids
from briefing.search.postings import Codes, encode
from briefing.search.query import NAME_TERM, Alternative, name_alternatives, unit_scores
from briefing.search.shards import dumps, refresh, term_chars
from briefing.search.state import DocEntry, SearchState
from briefing.search.tokens import ANY_RUN, CJK_CHAR, normalize, run_terms
from briefing.workers.spawned import Spawned, SpawnError

TERM_SHARD_BYTES = 16_000  # aim: a term shard about this big (before compression)
DOC_SHARD_BYTES = 3_000
PARALLEL_DOCS = 2000  # fewer documents are indexed in this process
PRESENT, LEAD, TITLE, WHOLE = 1, 2, 8, 16  # weight bits of a posting


class Terms:
    """The terms of texts; remembers each run's terms across documents (runs repeat)."""

    def __init__(self) -> None:
        self.terms: dict[str, tuple[str, ...]] = {}
        self.whole: dict[str, str] = {}  # run -> the term it equals as a whole, or ''

    def of(self, text: str, whole: set[str] | None = None) -> set[str]:
        """Every term of the text; adds to `whole` the terms a whole word or run equals."""
        runs = set(ANY_RUN.findall(text))
        for run in runs.difference(self.terms):
            self.terms[run], self.whole[run] = run_terms(run)
        found = set(chain.from_iterable(map(self.terms.__getitem__, runs)))
        if whole is not None:
            whole.update(map(self.whole.__getitem__, runs))
            whole.discard("")
        return found


# (weight, flags set, flags not set) for every combination of TITLE, WHOLE and LEAD
_COMBINATIONS = tuple(
    (PRESENT | sum(flag for n, flag in enumerate((TITLE, WHOLE, LEAD)) if mask >> n & 1),
     tuple(n for n in range(3) if mask >> n & 1), tuple(n for n in range(3) if not mask >> n & 1))
    for mask in range(8))


def doc_weights(doc: Doc, terms: Terms) -> list[tuple[int, set[str]]]:
    """The document's terms, grouped by weight (set operations, no loop over terms)."""
    names = normalize(doc.names)
    whole: set[str] = set()
    every = terms.of(normalize(doc.text), whole)
    title = terms.of(names, whole)
    title.update(CJK_CHAR.findall(names))  # single characters: in titles and names only
    every.update(title, whole)  # a lone CJK character is a term as a whole run
    lead = terms.of(normalize(doc.snippet))
    lead.intersection_update(every)
    flags = (title, whole, lead)
    groups = []
    for weight, chosen, others in _COMBINATIONS:
        base = flags[chosen[0]].intersection(*(flags[n] for n in chosen[1:])) if chosen \
            else every
        group = base.difference(*(flags[n] for n in others))
        if group:
            groups.append((weight, group))
    extra = {f"@carrier:{carrier}" for carrier in doc.carriers}
    if doc.type == "event":
        extra.add(f"@kind:{doc.sub}")
    if extra:
        groups.append((PRESENT, extra))
    return groups


def doc_digest(doc: Doc) -> bytes:
    """Equal for equal documents (every field, in any process)."""
    return hashlib.blake2b(repr(doc).encode("utf-8"), digest_size=16).digest()


def doc_record(doc: Doc, language: str) -> str:
    """The display record: [type, sub, title, path, date iso, date text, carriers, snippet]."""
    return dumps([doc.type, doc.sub, doc.title, doc.path, doc.date.iso() if doc.date else "",
                  date_text(doc.date, language), list(doc.carriers), doc.snippet])


@dataclass(frozen=True, slots=True)
class _Part:
    """The index of a run of documents: per term (first posting, the rest as text, last
    document); per document its id, digest, terms by weight and record."""

    postings: dict[str, tuple[int, str, int]]
    docs: list[tuple[int, bytes, tuple[tuple[int, str], ...], str]]


def _index_docs(language: str, names: list[list[Alternative]], ids: Sequence[int],
                docs: Iterable[Doc]) -> _Part:
    """Index documents with ascending `ids` (in a helper process when parallel)."""
    # 8 bytes a posting, where a list of ints takes 36 (the largest part of the index's
    # memory: millions of postings at 100,000 articles)
    postings: dict[str, array[int]] = defaultdict(partial(array, "q"))
    lists = postings.__getitem__
    terms = Terms()
    kept = []
    for doc_id, doc in zip(ids, docs, strict=True):
        shifted = doc_id << 5
        groups = doc_weights(doc, terms)
        for weight, group in groups:
            # append to a whole group's lists without a Python-level loop
            deque(map(array.append, map(lists, group), repeat(shifted | weight)), maxlen=0)
        kept.append((doc_id, doc_digest(doc), tuple((w, " ".join(g)) for w, g in groups),
                     doc_record(doc, language)))
    _add_name_terms(postings, names)
    codes = Codes()
    encoded = {}
    for term, entries in postings.items():
        text = encode(entries, codes)
        encoded[term] = (entries[0], text[len(codes[entries[0]]):], entries[-1] >> 5)
    return _Part(encoded, kept)


def _add_name_terms(postings: dict[str, array[int]], groups: list[list[Alternative]]
                    ) -> None:
    """One term per carrier and entity: the documents matching any of its names, weighted
    with the best name's score (what the query would compute from the names' terms)."""
    decoded: dict[str, dict[int, int]] = {}

    def postings_of(term: str) -> dict[int, int]:
        if term not in decoded:
            decoded[term] = {entry >> 5: entry & 31 for entry in postings.get(term, ())}
        return decoded[term]

    for number, alternatives in enumerate(groups):
        scores = unit_scores(postings_of, alternatives)
        if scores:
            postings[f"{NAME_TERM}{number}"] = array(
                "q", [doc << 5 | scores[doc] for doc in sorted(scores)])


def doc_name_terms(weights: Mapping[str, int], groups: list[list[Alternative]]
                   ) -> dict[str, int]:
    """One document's name terms, with their weights: what _add_name_terms gives it."""
    def postings_of(term: str) -> dict[int, int]:
        return {0: weights[term]} if term in weights else {}

    found = {}
    for number, alternatives in enumerate(groups):
        if not any(all(t.text in weights for t in a.required) for a in alternatives):
            continue  # the usual case, found without scoring
        scores = unit_scores(postings_of, alternatives)
        if scores:
            found[f"{NAME_TERM}{number}"] = scores[0]
    return found


def _merge(parts: Sequence[_Part]) -> dict[str, str]:
    """The posting texts of all parts: each part's first posting made relative to the
    previous part's last document of that term."""
    codes = Codes()
    pieces: dict[str, list[str]] = defaultdict(list)
    last: dict[str, int] = {}
    for part in parts:
        for term, (first, rest, last_doc) in part.postings.items():
            if term in last:
                first -= last[term] + 1 << 5
            pieces[term].append(codes[first] + rest)
            last[term] = last_doc
    return {term: "".join(chunks) for term, chunks in pieces.items()}


def name_groups(graph: Graph, language: str) -> list[list[str]]:
    """The names and aliases of each carrier and entity, the UI language's name first."""
    return [list(dict.fromkeys((graph.nodes[n].name.show(language), *graph.nodes[n].name.all(),
                                *graph.nodes[n].aliases)))
            for n in (*graph.carriers, *graph.entities)]


def doc_ids(graph: Graph, keys: Sequence[DocKey], hashes: dict[str, int]
            ) -> tuple[dict[DocKey, int], dict[DocKey, IdKey]]:
    """Every document's stable id (search.ids), and what each is made from; `hashes`
    keeps the hashes of site paths."""
    made = {key: id_key(graph, key, hashes) for key in keys}
    return assign_ids(made), made


# A document's indexing cost, in events (a short document): a body adds about one per
# 225 bytes of its compressed text (measured: a 2.3 KB briefing costs 8.5 events).
_PACKED_BYTES_PER_EVENT = 225


def _split(graph: Graph, keys: Sequence[DocKey], count: int) -> list[int]:
    """Where to cut the documents into `count` runs of about the same indexing cost."""
    def cost(key: DocKey) -> float:
        kind, item = key
        if kind == "event":
            return 1.0
        body = graph.articles[item].body if kind == "article" else graph.nodes[item].body
        return 1.0 + len(body.packed_text) / _PACKED_BYTES_PER_EVENT

    sums = list(accumulate(map(cost, keys)))
    total = sums[-1] if sums else 0.0
    return [bisect_left(sums, total * n / count) for n in range(1, count)]


def _index_all(graph: Graph, language: str, names: list[list[Alternative]],
               keys: list[DocKey], ids: list[int], jobs: int,
               reads: list[frozenset[Read]]) -> list[_Part]:
    """Every document indexed, in runs by ascending id: with jobs > 1 on a large site, all
    runs but the first in fresh helper processes (a forked copy of the build would count
    its memory again). They boot while their documents are made, and index them while
    this process makes and indexes its own. `reads` gets what each document read."""
    def made(run: range, into: list[frozenset[Read]]) -> Iterator[Doc]:
        # made as they are indexed (or sent): never every document's text at once
        return iter_docs(graph, language, keys[run.start:run.stop], into)

    if jobs <= 1 or len(keys) < PARALLEL_DOCS:
        return [_index_docs(language, names, ids, made(range(len(keys)), reads))]
    cuts = [0, *_split(graph, keys, jobs), len(keys)]
    runs = [range(cuts[n], cuts[n + 1]) for n in range(jobs)]
    run_reads: list[list[frozenset[Read]]] = [[] for _ in runs]
    helpers = [Spawned() for _ in runs[1:]]
    try:
        for n, (helper, run) in enumerate(zip(helpers, runs[1:], strict=True), 1):
            try:  # the documents are not kept here once sent (the body texts of half
                # the site, at 100,000 articles): a helper that fails gets them made again
                helper.send(_index_docs, language, names, ids[run.start:run.stop],
                            stream=made(run, run_reads[n]))
            except SpawnError:
                helper.close()
        parts = [_index_docs(language, names, ids[:runs[0].stop], made(runs[0], run_reads[0]))]
        for n, (helper, run) in enumerate(zip(helpers, runs[1:], strict=True), 1):
            try:
                parts.append(helper.result())
            except SpawnError:  # the work is still done, here (a send cut short left
                run_reads[n].clear()  # only some documents' reads)
                parts.append(_index_docs(language, names, ids[run.start:run.stop],
                                         made(run, run_reads[n])))
    finally:
        for helper in helpers:
            helper.close()
    reads.extend(chain.from_iterable(run_reads))
    return parts


def index_site(graph: Graph, language: str, *, jobs: int = 1,
               term_shard_bytes: int = TERM_SHARD_BYTES,
               doc_shard_bytes: int = DOC_SHARD_BYTES) -> SearchState:
    """Every document indexed: the state of the index, its files in `state.caches.files`.
    The shard sizes are targets (tests make them small to get many shards)."""
    keys = doc_keys(graph)
    hashes: dict[str, int] = {}
    ids, id_keys = doc_ids(graph, keys, hashes)
    keys.sort(key=ids.__getitem__)
    groups = name_groups(graph, language)
    names = [name_alternatives(names) for names in groups]
    reads: list[frozenset[Read]] = []
    parts = _index_all(graph, language, names, keys, [ids[k] for k in keys], jobs, reads)
    postings = _merge(parts)
    for part in parts:  # merged: each run's own postings are not needed any more
        part.postings.clear()
    entries = chain.from_iterable(part.docs for part in parts)
    docs = {key: DocEntry(doc_id, digest, read, terms, record)
            for key, read, (doc_id, digest, terms, record) in zip(keys, reads, entries,
                                                                  strict=True)}
    state = SearchState(language, groups, (term_shard_bytes, doc_shard_bytes), docs, postings,
                        sum(map(term_chars, postings, postings.values())),
                        sum(len(e.record.encode("utf-8")) for e in docs.values()))
    state.caches.hashes, state.caches.id_keys = hashes, id_keys
    refresh(state)
    return state


def build_search_index(graph: Graph, language: str, *, jobs: int = 1,
                       term_shard_bytes: int = TERM_SHARD_BYTES,
                       doc_shard_bytes: int = DOC_SHARD_BYTES) -> dict[str, bytes]:
    """The search index files, by site path under search/. Pure and deterministic: the
    same bytes whatever `jobs` (processes for large sites)."""
    state = index_site(graph, language, jobs=jobs, term_shard_bytes=term_shard_bytes,
                       doc_shard_bytes=doc_shard_bytes)
    return dict(sorted(state.caches.files.items()))
