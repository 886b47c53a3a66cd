"""Search terms: the one tokeniser the index builder, the reference query and search.js share.

Text is NFKC-normalised and lower-cased, then cut into runs:
- CJK runs (Hangul syllables, kana, Han): indexed as overlapping character bigrams, so a
  query matches inside a Korean word whatever is attached to it; single characters are
  terms only in titles and names, and where one stands alone;
- word runs (any other letters and digits): indexed as every prefix up to PREFIX_MAX
  characters, so a query word matches the words it starts (``micro`` finds Microsoft).
Everything else separates runs. search.js implements the same rules; keep them in step.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

PREFIX_MIN = 3  # word runs: shorter words are terms only as whole words
PREFIX_MAX = 10  # word runs: prefixes up to this many characters are terms
CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uf900-\ufaff"
HANGUL = "\uac00-\ud7a3"
CJK_RUN = re.compile(f"[{CJK}]+")
CJK_CHAR = re.compile(f"[{CJK}]")
CJK_BIGRAM = re.compile(f"(?=([{CJK}]{{2}}))")
CJK_SHORT = re.compile(f"(?<![{CJK}])[{CJK}]{{1,2}}(?![{CJK}])")  # a run of one or two
WORD_RUN = re.compile(f"[^\\W_{CJK}]+")
RUN = re.compile(f"(?P<c>[{CJK}]+)|(?P<w>[^\\W_{CJK}]+)")
ANY_RUN = re.compile(f"[{CJK}]+|[^\\W_{CJK}]+")
_HANGUL_RUN = re.compile(f"[{HANGUL}]+")

# Korean particles (josa) and a few copula endings, longest first: a query word ending in
# one also matches without it ("SK텔레콤은" finds SK텔레콤, "MS와" finds MS).
PARTICLES: tuple[str, ...] = tuple(sorted({
    "으로부터", "에서부터", "로부터", "에게서", "한테서", "으로서", "으로써", "에서는", "에서도",
    "에서의", "으로는", "으로도", "에게는", "까지는", "부터는", "이라는", "이라고", "에서",
    "에게", "한테", "께서", "으로", "로서", "로써", "부터", "까지", "보다", "처럼", "만큼",
    "이나", "이랑", "이며", "이다", "이고", "와의", "과의", "와는", "과는", "에는", "에도",
    "로는", "로도", "라는", "라고", "은", "는", "이", "가", "을", "를", "의", "에", "로", "와",
    "과", "도", "만", "랑", "나",
}, key=lambda p: (-len(p), p)))


def normalize(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower()


def fnv1a(term: str) -> int:
    """32-bit FNV-1a over UTF-16 code units (what JavaScript's charCodeAt gives)."""
    h = 0x811C9DC5
    data = term.encode("utf-16-le")
    for i in range(0, len(data), 2):
        h = ((h ^ (data[i] | data[i + 1] << 8)) * 0x01000193) & 0xFFFFFFFF
    return h


def cjk_terms(run: str) -> list[str]:
    """The terms a query CJK run requires: its bigrams, or the character alone."""
    if len(run) == 1:
        return [run]
    return [run[i:i + 2] for i in range(len(run) - 1)]


def word_term(run: str) -> str:
    """The term a query word requires."""
    return run if len(run) < PREFIX_MIN else run[:PREFIX_MAX]


def word_terms(word: str) -> tuple[str, ...]:
    """The terms an indexed word gives."""
    if len(word) < PREFIX_MIN:
        return (word,)
    return tuple(word[:n] for n in range(PREFIX_MIN, min(len(word), PREFIX_MAX) + 1))


def run_terms(run: str) -> tuple[tuple[str, ...], str]:
    """The terms an indexed run gives, and the term the whole run equals (or '')."""
    if CJK_CHAR.match(run):
        return tuple(run[i:i + 2] for i in range(len(run) - 1)), run if len(run) <= 2 else ""
    return word_terms(run), run if len(run) <= PREFIX_MAX else ""


def strip_particle(run: str) -> str:
    """The run without a trailing particle, when at least two syllables remain."""
    if not _HANGUL_RUN.fullmatch(run):
        return run
    for particle in PARTICLES:
        if run.endswith(particle) and len(run) - len(particle) >= 2:
            return run[:-len(particle)]
    return run


@dataclass(frozen=True, slots=True)
class Run:
    text: str
    cjk: bool
    attached: bool  # no separator between this run and the previous one


def query_runs(text: str) -> list[Run]:
    runs: list[Run] = []
    end = -1
    for match in RUN.finditer(normalize(text)):
        runs.append(Run(match.group(), match.group("c") is not None, match.start() == end))
        end = match.end()
    return runs


def is_particle(text: str) -> bool:
    return text in PARTICLES


def alias_key(text: str) -> str:
    """How names and aliases are looked up: their runs, space-separated."""
    return " ".join(run.text for run in query_runs(text))
