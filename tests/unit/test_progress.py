"""Build progress on a terminal: one line rewritten in place, only for long builds."""

from __future__ import annotations

import io

from briefing.workers.progress import TerminalProgress


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class _Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_a_long_build_shows_one_line_per_step_then_erases_it() -> None:
    stream, clock = _Terminal(), _Clock()
    progress = TerminalProgress(stream, after=2.0, clock=clock)
    progress("reading files", 1, 4)  # too early: short builds stay quiet
    assert stream.getvalue() == ""
    clock.now += 3
    progress("reading files", 1, 4)
    progress("linking", 0, 0)
    progress("rendering pages", 16, 16)
    progress.finish()
    assert stream.getvalue() == (
        "\r\033[Kreading files [######..................] 25%"
        "\r\033[Klinking …"
        "\r\033[Krendering pages [########################] 100%"
        "\r\033[K")


def test_nothing_is_written_when_the_output_is_not_a_terminal() -> None:
    stream, clock = io.StringIO(), _Clock()
    progress = TerminalProgress(stream, after=0.0, clock=clock)
    progress("reading files", 3, 4)
    progress.finish()
    assert stream.getvalue() == ""
