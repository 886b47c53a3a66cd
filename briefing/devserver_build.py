"""Dev server: rebuild into the served folder, and the loop that rebuilds on change.

A failed build (bad content, or even an internal error) never stops the server: the
last good site stays in place and the errors go to the page overlay and the reporter.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from briefing.build import BuildOptions, run_pipeline
from briefing.devserver_output import OutputFolder, SyncStats
from briefing.devserver_state import ServeState
from briefing.devserver_watch import ChangeFlag
from briefing.diagnostics import Diagnostic, Severity, count_line
from briefing.validate import Checked
from briefing.write import OutputError

logger = logging.getLogger(__name__)

DEBOUNCE_SECONDS = 0.1


@dataclass(frozen=True, slots=True)
class BuildReport:
    number: int  # 1 for the first build of the session
    diagnostics: tuple[Diagnostic, ...]
    failure: str  # an internal or I/O error outside the diagnostics; "" when none
    stats: SyncStats | None  # None when the build failed and nothing was written
    files: int
    seconds: float
    has_site: bool  # a good build of this session is being served

    @property
    def ok(self) -> bool:
        return self.stats is not None


def overlay_lines(diagnostics: tuple[Diagnostic, ...], failure: str) -> tuple[str, ...]:
    """What the page overlay lists: every error as `file:line:col: …`, then the count."""
    errors = [d.format() for d in sorted(diagnostics) if d.severity is Severity.ERROR]
    lines = [*errors, failure] if failure else errors
    if errors:
        lines.append(count_line(diagnostics))
    return tuple(lines)


class Rebuilder:
    def __init__(self, options: BuildOptions, folder: OutputFolder, state: ServeState,
                 report: Callable[[BuildReport], None]) -> None:
        self.options = options
        self.folder = folder
        self.state = state
        self.report = report
        self._count = 0
        # Checked files by content key: a rebuild re-reads only the files that changed.
        self._checked: dict[str, Checked] = {}

    def build(self) -> BuildReport:
        """Run the pipeline, update the served folder when it succeeded, tell everyone."""
        self._count += 1
        started = time.perf_counter()
        diagnostics: tuple[Diagnostic, ...] = ()
        failure = ""
        stats: SyncStats | None = None
        files = 0
        try:
            result = run_pipeline(self.options, memory=self._checked)
            diagnostics = tuple(sorted(result.diagnostics))
            files = len(result.outputs)
            if result.ok:
                stats = self.folder.sync(result.outputs)
        except OutputError as exc:
            failure = f"error: {exc}"
        except Exception as exc:  # a bug must not take the preview down; show it instead
            logger.debug("build failed with an internal error", exc_info=True)
            failure = f"internal error: {type(exc).__name__}: {exc}"
        errors = () if stats is not None else overlay_lines(diagnostics, failure)
        if stats is None and not errors:
            errors = ("the build failed",)
        snapshot = self.state.publish(errors, has_site=stats is not None)
        report = BuildReport(self._count, diagnostics, failure, stats, files,
                             time.perf_counter() - started, snapshot.has_site)
        self.report(report)
        return report


def rebuild_loop(flag: ChangeFlag, rebuilder: Rebuilder, stop: threading.Event,
                 quiet: float = DEBOUNCE_SECONDS) -> None:
    """Wait until changes stop, rebuild, repeat; returns once `stop` is set."""
    while flag.wait_until_quiet(quiet, stop):
        rebuilder.build()
