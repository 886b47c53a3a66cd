"""The hook through which a long-lived build (briefing.incremental) learns what each
page and feed reads from the graph. Render only calls it; the recording lives above."""

from __future__ import annotations

from array import array
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from briefing.link.graph import Graph


class ReadLog(Protocol):
    def add_all(self, reads: frozenset[Any]) -> None: ...

    def push(self) -> None: ...

    def pop(self) -> frozenset[Any]: ...

    def take(self) -> frozenset[Any]: ...


class ReadTable(Protocol):
    """Numbers a run of pages' reads where they are rendered, so what travels back from
    a worker is a few integers a page and each distinct read once, with its digest."""

    def ids(self, reads: frozenset[Any]) -> array[int]: ...

    def flush(self) -> tuple[list[Any], list[bytes]]:
        """The reads numbered since the last flush (number = index) and their digests;
        the next ids start a new table."""
        ...


@dataclass(frozen=True, slots=True)
class Tracking:
    """A fresh log per process, and the graph as templates see it, recording to a log;
    with `table`, the pages' reads come back numbered (render.engine.RenderedPages)."""

    new_log: Callable[[], ReadLog]
    view: Callable[[Graph, ReadLog], Graph]
    table: Callable[[], ReadTable] | None = None
