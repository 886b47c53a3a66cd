"""Kiwi, the Korean morphological analyser: loaded once per run, on first use."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


class KoreanAnalyser:
    """Holds one Kiwi instance for a whole batch (loading it takes seconds)."""

    def __init__(self, workers: int | None = None) -> None:
        self._workers = workers
        self._kiwi: Any = None

    def tokenize(self, sentences: Sequence[str]) -> list[list[Any]]:
        if not sentences:
            return []
        if self._kiwi is None:
            from kiwipiepy import Kiwi

            # The typo and multi-word dictionaries triple the load time and add nothing we
            # use: names split in two ('얀', '호프만') are joined again in newents.py.
            self._kiwi = Kiwi(num_workers=self._workers, model_type="cong",
                              load_typo_dict=False, load_multi_dict=False)
        return [list(tokens) for tokens in self._kiwi.tokenize(list(sentences))]
