"""Progress of a long build on the terminal: one line, rewritten in place, then erased."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

# (phase, done, total): a callback the build calls as it goes; total 0 means "started".
Report = Callable[[str, int, int], None]


def no_progress(_phase: str, _done: int, _total: int) -> None:
    return None


class TerminalProgress:
    """Shown only on a terminal and only once the build has run `after` seconds, so short
    builds, pipes and CI logs stay quiet."""

    def __init__(self, stream: TextIO, after: float = 2.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.stream = stream
        self.after = after
        self.clock = clock
        self.start = clock()
        self.enabled = stream.isatty()
        self.shown = False

    def __call__(self, phase: str, done: int, total: int) -> None:
        if not self.enabled or self.clock() - self.start < self.after:
            return
        if total > 0:
            width = 24
            filled = width * min(done, total) // total
            bar = f" [{'#' * filled}{'.' * (width - filled)}] {100 * min(done, total) // total}%"
        else:
            bar = " …"
        self.stream.write(f"\r\033[K{phase}{bar}")
        self.stream.flush()
        self.shown = True

    def finish(self) -> None:
        """Erase the line, so the summary and diagnostics print on a clean one."""
        if self.shown:
            self.stream.write("\r\033[K")
            self.stream.flush()
            self.shown = False
