"""The hook through which a long-lived build (briefing.incremental) learns what each
page and feed reads from the graph. Render only calls it; the recording lives above."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from briefing.link.graph import Graph


class ReadLog(Protocol):
    def add_all(self, reads: frozenset[Any]) -> None: ...

    def push(self) -> None: ...

    def pop(self) -> frozenset[Any]: ...

    def take(self) -> frozenset[Any]: ...


@dataclass(frozen=True, slots=True)
class Tracking:
    """A fresh log per process, and the graph as templates see it, recording to a log."""

    new_log: Callable[[], ReadLog]
    view: Callable[[Graph, ReadLog], Graph]
