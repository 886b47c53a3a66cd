"""Kiwi, the Korean morphological analyser: loaded once per run, on first use."""

from __future__ import annotations

import re
import warnings
from collections.abc import Sequence
from typing import Any

# UTF-8 lead bytes of U+A000-U+DFFF, the block that holds the Hangul syllables.
_HANGUL_LEAD = re.compile(rb"[\xea-\xed]")


def may_hold_hangul(data: bytes) -> bool:
    """Whether raw input bytes may hold Hangul, for Kiwi (a cheap guess that only routes
    work: a worker without Kiwi that meets Korean text loads Kiwi itself)."""
    if b"&#" in data:
        return True  # a page may spell Hangul as character references
    if data.isascii():
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return True  # CP949, EUC-KR, UTF-16
    return _HANGUL_LEAD.search(data) is not None


# Distinct sentences remembered per analyser: a batch repeats its outlets' stock sentences
# (sign-offs, credits, boilerplate a rule let through); far more than one batch needs.
_REMEMBERED = 50_000


class KoreanAnalyser:
    """Holds one Kiwi instance for a whole batch (loading it takes seconds).

    Sentences are analysed one by one in the calling thread: Kiwi's thread pool costs more
    CPU than it saves for an article's dozen sentences, and a Kiwi without threads can be
    loaded before ingest forks its workers, which then share it. Kiwi reads each sentence
    on its own, so a sentence seen before is answered from memory with the same tokens."""

    def __init__(self) -> None:
        self._kiwi: Any = None
        self._seen: dict[str, list[Any]] = {}

    def load(self) -> None:
        if self._kiwi is None:
            from kiwipiepy import Kiwi

            with warnings.catch_warnings():
                # 0 is the single-thread mode since kiwipiepy 0.21 (pyproject's floor); the
                # warning only says that it meant 'all cores' before.
                warnings.filterwarnings("ignore", "behavior of `num_workers=0`",
                                        DeprecationWarning)
                # The typo and multi-word dictionaries triple the load time and add nothing
                # we use: names split in two ('얀', '호프만') are joined again in newents.py.
                kiwi = Kiwi(num_workers=0, model_type="cong", load_typo_dict=False,
                            load_multi_dict=False)
            # The model finishes loading on its first call (Kiwi's documented warm-up):
            # here, before ingest forks its workers, not in each of them.
            kiwi.tokenize("")
            self._kiwi = kiwi

    def tokenize(self, sentences: Sequence[str]) -> list[list[Any]]:
        if not sentences:
            return []
        self.load()
        seen = self._seen
        result = []
        for sentence in sentences:
            tokens = seen.get(sentence)
            if tokens is None:
                if len(seen) >= _REMEMBERED:
                    seen.clear()
                tokens = seen[sentence] = self._kiwi.tokenize(sentence)
            result.append(list(tokens))
        return result
