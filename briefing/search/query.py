"""The reference query: what search.js does, step for step, in Python.

Tests and the benchmark use it to check the browser's results; keep the two in step.

1. The query is cut into runs (tokens.query_runs). A Hangul run attached to a word run
   that is only a particle (``MS와``) is dropped; a Hangul run ending in a particle keeps
   at least two syllables as its stem (``SK텔레콤은`` -> ``텔레콤``); the particle's extra
   bigrams only add to the score.
2. Left to right, the longest span of runs (up to ALIAS_SPAN) whose key is a name or an
   alias becomes one unit whose alternatives are the span itself and every name of that
   carrier or entity (``MS`` -> MS | Microsoft | 마이크로소프트 ...); the index holds the names
   as one term per carrier or entity (NAME_TERM), weighted with the best name's score, so
   a query fetches that term instead of every name's. Any other run is a unit.
3. A document matches when it matches every unit; a unit, when it has every required term
   of one alternative. Score: per unit, the best alternative's (sum of required term scores
   // number of required terms) + its optional term scores; the document's score is the sum.
   A term scores 1, +2 in the snippet text, +8 in a title or name, +4 when a whole word
   equals it and the query word is that whole term; a name term scores its weight.
4. Filters: a carrier (term ``@carrier:<id>``) and a kind (a type's id range, or
   ``event:<kind>``: the event range and term ``@kind:<kind>``). Ranking: score
   descending, then document id.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from briefing.search.tokens import (
    PREFIX_MAX,
    Run,
    alias_key,
    cjk_terms,
    fnv1a,
    is_particle,
    normalize,
    query_runs,
    strip_particle,
    word_term,
)

ALIAS_SPAN = 6  # runs: the longest name or alias a query can spell
NAME_TERM = "@name:"  # + a group number: the documents matching any of its names


@dataclass(frozen=True, slots=True)
class Term:
    text: str
    whole: bool  # the query word is exactly this term: a whole-word match scores more


@dataclass(frozen=True, slots=True)
class Alternative:
    required: tuple[Term, ...]
    optional: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Query:
    units: tuple[tuple[Alternative, ...], ...]
    needles: tuple[str, ...]  # lower-case strings to mark in titles and snippets


def _run_parts(text: str, cjk: bool, stem: str) -> tuple[list[Term], list[str]]:
    if cjk:
        required = [Term(t, len(stem) <= 2) for t in cjk_terms(stem)]
        optional = [t for t in cjk_terms(text) if t not in cjk_terms(stem)]
        return required, optional
    return [Term(word_term(text), len(text) <= PREFIX_MAX)], []


def _alternative(runs: list[tuple[str, bool, str]]) -> Alternative:
    required: list[Term] = []
    optional: list[str] = []
    for text, cjk, stem in runs:
        more, extra = _run_parts(text, cjk, stem)
        required += [t for t in more if t not in required]
        optional += [t for t in extra if t not in optional]
    names = {t.text for t in required}
    return Alternative(tuple(required), tuple(t for t in optional if t not in names))


def name_alternatives(names: list[str]) -> list[Alternative]:
    """What a carrier's or entity's names stand for, one alternative per distinct name."""
    alternatives: list[Alternative] = []
    for name in names:
        alternative = _alternative([(r.text, r.cjk, r.text) for r in query_runs(name)])
        if alternative.required and all(a.required != alternative.required
                                        for a in alternatives):
            alternatives.append(alternative)
    return alternatives


def _stems(runs: list[Run]) -> list[tuple[str, bool, str]]:
    """(text, cjk, stem) of each run that is more than a particle attached to a word."""
    kept = []
    for i, run in enumerate(runs):
        if run.cjk and run.attached and i > 0 and not runs[i - 1].cjk and is_particle(run.text):
            continue
        kept.append((run.text, run.cjk, strip_particle(run.text) if run.cjk else run.text))
    return kept


def parse_query(text: str, aliases: Mapping[str, list[int]],
                groups: list[list[str]]) -> Query:
    runs = _stems(query_runs(text))
    units: list[tuple[Alternative, ...]] = []
    needles: list[str] = []
    i = 0
    while i < len(runs):
        found: list[int] | None = None
        end = i + 1
        for j in range(min(len(runs), i + ALIAS_SPAN), i, -1):
            span = runs[i:j]
            raw = " ".join(r[0] for r in span)
            stemmed = " ".join([*(r[0] for r in span[:-1]), span[-1][2]])
            found = aliases.get(raw) or aliases.get(stemmed)
            if found:
                end = j
                break
        span = runs[i:end]
        alternatives = [_alternative(span)]
        needles += [stem for _, _, stem in span]
        for group in found or []:  # its names, precomputed as one term by the index
            needles += [normalize(name) for name in groups[group]]
            alternatives.append(Alternative((Term(f"{NAME_TERM}{group}", False),), ()))
        units.append(tuple(alternatives))
        i = end
    unique = sorted(set(needles), key=lambda n: (-len(n), n))
    return Query(tuple(units), tuple(n for n in unique if n))


def term_score(weight: int, whole: bool) -> int:
    """1, +2 in the snippet text, +8 in a title or name, +4 a whole-word match."""
    return (weight & 11) + (4 if whole and weight & 16 else 0)


def score_of(term: Term, weight: int) -> int:
    """A name term's weight is already its score (the best of the names' scores)."""
    return weight if term.text.startswith(NAME_TERM) else term_score(weight, term.whole)


def unit_scores(postings_of: Callable[[str], Mapping[int, int]],
                alternatives: Sequence[Alternative]) -> dict[int, int]:
    """Documents matching one alternative or more, with the best alternative's score: its
    required terms' scores // their number, plus its optional terms' scores."""
    scores: dict[int, int] = {}
    for alternative in alternatives:
        lists = [(postings_of(t.text), t) for t in alternative.required]
        smallest = min(lists, key=lambda item: len(item[0]))[0]
        optional = [postings_of(t) for t in alternative.optional]
        for doc in smallest:
            if not all(doc in postings for postings, _ in lists):
                continue
            score = sum(score_of(t, p[doc]) for p, t in lists) // len(lists)
            score += sum(term_score(p[doc], False) for p in optional if doc in p)
            if score > scores.get(doc, -1):
                scores[doc] = score
    return scores


def shard_of(term: str, shards: int) -> int:
    return fnv1a(term) % shards


_DIGIT = {c: n for n, c in enumerate(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")}


def decode(encoded: str) -> dict[int, int]:
    """A posting list -> {document id: weight} (the format: search.postings)."""
    postings: dict[int, int] = {}
    doc = -1
    value = shift = 0
    for char in encoded:
        digit = _DIGIT[char]
        value |= (digit & 31) << shift
        if digit & 32:
            shift += 5
            continue
        doc += (value >> 5) + 1
        postings[doc] = value & 31
        value = shift = 0
    return postings


def alias_map(groups: list[list[str]]) -> dict[str, list[int]]:
    """Every name and alias, as a query spells it (tokens.alias_key) -> its groups."""
    keys: dict[str, list[int]] = {}
    for number, names in enumerate(groups):
        for name in names:
            key = alias_key(name)
            if key and number not in keys.setdefault(key, []):
                keys[key].append(number)
    return keys


@dataclass(slots=True)
class Hit:
    doc: int
    score: int
    record: list[Any] = field(default_factory=list)  # [type, sub, title, path, iso, ...]

    @property
    def path(self) -> str:
        return str(self.record[3])


@dataclass(slots=True)
class Results:
    hits: list[Hit]
    query: Query
    files: list[str]  # the index files read, in order


class _Index:
    def __init__(self, files: Mapping[str, bytes]) -> None:
        self.files = files
        self.read: list[str] = []
        self.meta = self._load("search/meta.json")
        self.shards: dict[int, dict[str, str]] = {}
        self.postings: dict[str, dict[int, int]] = {}
        self.doc_shards: dict[int, dict[str, list[Any]]] = {}

    def _load(self, path: str) -> Any:
        self.read.append(path)
        return json.loads(self.files[path])

    def term(self, term: str) -> dict[int, int]:
        if term not in self.postings:
            shard = shard_of(term, self.meta["termShards"])
            if shard not in self.shards:
                self.shards[shard] = self._load(f"search/t/{shard}.json")
            self.postings[term] = decode(self.shards[shard].get(term, ""))
        return self.postings[term]

    def record(self, doc: int) -> list[Any]:
        shard = doc % self.meta["docShards"]
        if shard not in self.doc_shards:
            self.doc_shards[shard] = self._load(f"search/d/{shard}.json")
        return list(self.doc_shards[shard][str(doc)])


def _allowed(index: _Index, carrier: str, kind: str) -> tuple[range | None, dict[int, int] | None,
                                                             dict[int, int] | None]:
    kind_type, _, event_kind = kind.partition(":")
    ranges = index.meta["types"]
    span = range(*ranges[kind_type]) if kind_type in ranges else None
    return (span, index.term(f"@carrier:{carrier}") if carrier else None,
            index.term(f"@kind:{event_kind}") if event_kind else None)


def search(files: Mapping[str, bytes], query: str, carrier: str = "", kind: str = "",
           limit: int | None = None) -> Results:
    """Ranked documents for a query, as search.js ranks them; records for the first `limit`."""
    index = _Index(files)
    groups = index.meta["groups"]
    parsed = parse_query(query, alias_map(groups), groups)
    if not parsed.units:
        return Results([], parsed, index.read)
    total: dict[int, int] | None = None
    for alternatives in parsed.units:
        scores = unit_scores(index.term, alternatives)
        if total is None:
            total = scores
        else:
            total = {doc: score + scores[doc] for doc, score in total.items() if doc in scores}
    span, carrier_docs, kind_docs = _allowed(index, carrier, kind)
    hits = [Hit(doc, score) for doc, score in (total or {}).items()
            if (span is None or doc in span) and (carrier_docs is None or doc in carrier_docs)
            and (kind_docs is None or doc in kind_docs)]
    hits.sort(key=lambda h: (-h.score, h.doc))
    for hit in hits[:limit]:
        hit.record = index.record(hit.doc)
    return Results(hits, parsed, index.read)
