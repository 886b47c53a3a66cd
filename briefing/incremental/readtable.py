"""Reads numbered where they are recorded (render.reads.ReadTable): a page worker sends
back a few integers a page and each distinct read once, with its digest, instead of a
set of tuples per page that the build process would number and digest alone after the
pages (4 million reads at 10,000 articles)."""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable
from typing import cast

from briefing.incremental.pagestate import kept_read
from briefing.incremental.tracking import Read


class ChunkTable:
    """Numbers reads in their kept form (pagestate.kept_read), digested by `digest` when
    the table is flushed; each flush starts a new table."""

    def __init__(self, digest: Callable[[Read], bytes]) -> None:
        self.digest = digest
        self._number: dict[Read, int] = {}  # a read as recorded -> its kept form's number
        self._kept: dict[Read, int] = {}  # a kept form -> its number
        self._reads: list[Read] = []

    def _new(self, read: Read) -> int:
        kept = kept_read(read)
        number = self._kept.get(kept)
        if number is None:
            number = self._kept[kept] = len(self._reads)
            self._reads.append(kept)
        self._number[read] = number
        return number

    def ids(self, reads: Iterable[Read]) -> array[int]:
        known = self._number
        numbers: set[int | None] = set(map(known.get, reads))  # the loop in C
        if None in numbers:
            numbers.discard(None)
            numbers.update(self._new(read) for read in reads if read not in known)
        return array("I", sorted(cast(set[int], numbers)))

    def flush(self) -> tuple[list[Read], list[bytes]]:
        reads = self._reads
        self._number, self._kept, self._reads = {}, {}, []
        return reads, [self.digest(read) for read in reads]
