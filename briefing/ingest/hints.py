"""A cheap test before a costly pattern. Python's re tries every branch of an alternation
at every position of a text, so a pattern of many branches is searched only in texts that
hold one of the words its every branch needs: a necessary condition, so what the pattern
finds is unchanged."""

from __future__ import annotations

import re

# Letters that a pattern compiled with re.IGNORECASE takes for ASCII letters and that
# str.lower() does not turn into them ('ſ' is 's'; 'ı' and 'İ' are 'i'): a text holding
# one is always searched.
_FOLDED = ("ſ", "ı", "İ")
# A run of Hangul syllables, of Latin letters: counted by runs, which is faster than
# finding every letter.
_HANGUL_RUN = re.compile(r"[가-힣]+")
_LATIN_RUN = re.compile(r"[A-Za-z]+")


def holds_any(text: str, words: tuple[str, ...]) -> bool:
    """Whether `text` may hold one of `words` (lowercase) as re.IGNORECASE compares them."""
    low = text.lower()
    return any(word in low for word in words) or any(c in text for c in _FOLDED)


def mostly_hangul(text: str) -> bool:
    """At least half as many Hangul syllables as Latin letters (none of either counts)."""
    latin = sum(map(len, _LATIN_RUN.findall(text)))
    return latin == 0 or sum(map(len, _HANGUL_RUN.findall(text))) * 2 >= latin
