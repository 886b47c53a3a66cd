"""The search index: a compact, sharded term index of our own, written under search/.

- ``search/meta.json``: the shard counts, the id ranges of each document type, and the
  names and aliases of every carrier and entity (a query naming one finds them all);
- ``search/t/<n>.json``: ``{term: postings}``, a term in shard ``fnv1a(term) % termShards``;
  postings by ascending document id, as text (see _encode), each with a weight
  ``1 | 2 (in the snippet text) | 8 (in the title or a name) | 16 (a whole word or CJK
  run equals the term)``;
- ``search/d/<n>.json``: display records of documents ``n * docsPerShard ...``:
  ``[type, sub, title, path, date iso, date text, carriers, snippet text]``.

A query fetches meta.json once, the few term shards of its terms, then the document shards
of the results it shows. Filters are terms too: ``@carrier:<id>`` and ``@kind:<event kind>``;
and ``@name:<n>`` holds the documents matching any name of carrier or entity n (meta's
groups), so a query naming one fetches one term, not every name's.
Output is deterministic: sorted keys, no clock, a version that is a hash of the content.
"""

from __future__ import annotations

import hashlib
import json
from bisect import bisect_left
from collections import defaultdict, deque
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate, chain, repeat
from typing import Any

from briefing.link.graph import Graph
from briefing.search.documents import TYPES, Doc, DocKey, date_text, doc_keys, make_docs
from briefing.search.query import NAME_TERM, Alternative, name_alternatives, unit_scores
from briefing.search.tokens import (
    ANY_RUN,
    CJK_CHAR,
    PREFIX_MAX,
    fnv1a,
    normalize,
    run_terms,
)
from briefing.workers.spawned import Spawned, SpawnError

FORMAT = 1
TERM_SHARD_BYTES = 16_000  # aim: a term shard about this big (before compression)
MAX_TERM_SHARDS = 4096
DOC_SHARD_BYTES = 3_000
MAX_DOCS_PER_SHARD = 64
PARALLEL_DOCS = 2000  # fewer documents are indexed in this process
PRESENT, LEAD, TITLE, WHOLE = 1, 2, 8, 16  # weight bits of a posting
DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


def _dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


class _Terms:
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


def _doc_weights(doc: Doc, terms: _Terms) -> list[tuple[int, set[str]]]:
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


class _Codes(dict[int, str]):
    """value -> its characters: a little-endian base-32 varint, one DIGITS character per
    5 bits, +32 on every character but the last."""

    def __missing__(self, value: int) -> str:
        chars = []
        rest = value
        while rest >= 32:
            chars.append(DIGITS[32 | rest & 31])
            rest >>= 5
        chars.append(DIGITS[rest])
        code = self[value] = "".join(chars)
        return code


def _encode(entries: list[int], codes: _Codes) -> str:
    """A posting list as text: per posting ((doc - previous doc - 1) << 5 | weight), the
    first as (doc << 5 | weight). A posting of the next document costs one character."""
    previous = chain((0,), map(int.__add__, map(int.__and__, entries, repeat(~31)), repeat(32)))
    return "".join(map(codes.__getitem__, map(int.__sub__, entries, previous)))


def _shard_count(total_bytes: int, shard_bytes: int = TERM_SHARD_BYTES) -> int:
    count = 1
    while count < MAX_TERM_SHARDS and total_bytes / count > shard_bytes:
        count *= 2
    return count


@dataclass(frozen=True, slots=True)
class _Part:
    """The index of a run of documents: per term (first posting, the rest as text, last
    document), and the documents' display records."""

    postings: dict[str, tuple[int, str, int]]
    records: list[str]


def _index_docs(language: str, names: list[list[Alternative]], first: int,
                docs: Sequence[Doc]) -> _Part:
    """Index documents first, first + 1, ... (in a helper process when parallel)."""
    ids = range(first, first + len(docs))
    postings: dict[str, list[int]] = defaultdict(list)
    lists = postings.__getitem__
    terms = _Terms()
    for doc_id, doc in zip(ids, docs, strict=True):
        shifted = doc_id << 5
        for weight, group in _doc_weights(doc, terms):
            # list.append over a whole group without a Python-level loop
            deque(map(list.append, map(lists, group), repeat(shifted | weight)), maxlen=0)
    _add_name_terms(postings, names)
    codes = _Codes()
    encoded = {}
    for term, entries in postings.items():
        text = _encode(entries, codes)
        encoded[term] = (entries[0], text[len(codes[entries[0]]):], entries[-1] >> 5)
    return _Part(encoded, [_dumps(_doc_record(doc, language)) for doc in docs])


def _add_name_terms(postings: dict[str, list[int]], groups: list[list[Alternative]]) -> None:
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
            postings[f"{NAME_TERM}{number}"] = [doc << 5 | scores[doc] for doc in sorted(scores)]


def _merge(parts: Sequence[_Part]) -> dict[str, str]:
    """The posting texts of all parts: each part's first posting made relative to the
    previous part's last document of that term."""
    codes = _Codes()
    pieces: dict[str, list[str]] = defaultdict(list)
    last: dict[str, int] = {}
    for part in parts:
        for term, (first, rest, last_doc) in part.postings.items():
            if term in last:
                first -= last[term] + 1 << 5
            pieces[term].append(codes[first] + rest)
            last[term] = last_doc
    return {term: "".join(chunks) for term, chunks in pieces.items()}


def _term_shards(encoded: dict[str, str], shard_bytes: int) -> dict[str, bytes]:
    fragments = {term: f'{json.dumps(term, ensure_ascii=False)}:"{text}"'
                 for term, text in encoded.items()}
    count = _shard_count(sum(len(f) for f in fragments.values()), shard_bytes)
    shards: list[list[str]] = [[] for _ in range(count)]
    for term in sorted(fragments):
        shards[fnv1a(term) % count].append(fragments[term])
    return {f"search/t/{n}.json": ("{" + ",".join(parts) + "}").encode("utf-8")
            for n, parts in enumerate(shards)}


def _doc_record(doc: Doc, language: str) -> list[Any]:
    return [doc.type, doc.sub, doc.title, doc.path, doc.date.iso() if doc.date else "",
            date_text(doc.date, language), list(doc.carriers), doc.snippet]


def _doc_shards(records: list[str], shard_bytes: int) -> tuple[int, dict[str, bytes]]:
    average = sum(len(r.encode("utf-8")) for r in records) / max(len(records), 1)
    per_shard = max(1, min(MAX_DOCS_PER_SHARD, int(shard_bytes // max(average, 1))))
    files = {f"search/d/{n}.json": ("[" + ",".join(records[start:start + per_shard]) + "]"
                                    ).encode("utf-8")
             for n, start in enumerate(range(0, len(records), per_shard))}
    return per_shard, files


def _name_groups(graph: Graph, language: str) -> list[list[str]]:
    """The names and aliases of each carrier and entity, the UI language's name first."""
    return [list(dict.fromkeys((graph.nodes[n].name.show(language), *graph.nodes[n].name.all(),
                                *graph.nodes[n].aliases)))
            for n in (*graph.carriers, *graph.entities)]


def _type_ranges(keys: list[DocKey]) -> dict[str, list[int]]:
    ranges: dict[str, list[int]] = {}
    position = 0
    for kind in TYPES:
        count = sum(1 for k, _ in keys if k == kind)
        ranges[kind] = [position, position + count]
        position += count
    return ranges


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
               keys: list[DocKey], jobs: int) -> list[_Part]:
    """Every document indexed, in runs: with jobs > 1 on a large site, all runs but the
    first in fresh helper processes (a forked copy of the build would count its memory
    again). They boot while their documents are made, and index them while this process
    makes and indexes its own."""
    def here(first: int, run: Sequence[DocKey]) -> _Part:
        return _index_docs(language, names, first, make_docs(graph, language, run))

    if jobs <= 1 or len(keys) < PARALLEL_DOCS:
        return [here(0, keys)]
    cuts = [0, *_split(graph, keys, jobs), len(keys)]
    runs = [(cuts[n], keys[cuts[n]:cuts[n + 1]]) for n in range(jobs)]
    helpers = [Spawned() for _ in runs[1:]]
    try:
        for helper, (first, run) in zip(helpers, runs[1:], strict=True):
            try:
                helper.send(_index_docs, language, names, first,
                            make_docs(graph, language, run))
            except SpawnError:
                helper.close()
        parts = [here(*runs[0])]
        for helper, (first, run) in zip(helpers, runs[1:], strict=True):
            try:
                parts.append(helper.result())
            except SpawnError:  # the work is still done, here
                parts.append(here(first, run))
    finally:
        for helper in helpers:
            helper.close()
    return parts


def build_search_index(graph: Graph, language: str, *, jobs: int = 1,
                       term_shard_bytes: int = TERM_SHARD_BYTES,
                       doc_shard_bytes: int = DOC_SHARD_BYTES) -> dict[str, bytes]:
    """The search index files, by site path under search/. Pure and deterministic: the
    same bytes whatever `jobs` (processes for large sites). The shard sizes are targets
    (tests make them small to get many shards)."""
    keys = doc_keys(graph)
    groups = _name_groups(graph, language)
    names = [name_alternatives(names) for names in groups]
    parts = _index_all(graph, language, names, keys, jobs)
    files = _term_shards(_merge(parts), term_shard_bytes)
    per_shard, doc_files = _doc_shards([r for part in parts for r in part.records],
                                       doc_shard_bytes)
    files.update(doc_files)
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(path.encode() + b"\0" + files[path] + b"\0")
    meta = {"format": FORMAT, "version": digest.hexdigest()[:16], "language": language,
            "docs": len(keys), "docsPerShard": per_shard, "docShards": len(doc_files),
            "termShards": len(files) - len(doc_files), "prefixMax": PREFIX_MAX,
            "types": _type_ranges(keys), "groups": groups}
    files["search/meta.json"] = (_dumps(meta) + "\n").encode("utf-8")
    return dict(sorted(files.items()))
