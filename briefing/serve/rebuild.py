"""Dev server: rebuild into the served folder, and the loop that rebuilds on change.

A failed build (bad content, or even an internal error) never stops the server: the
last good site stays in place and the errors go to the page overlay and the reporter.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
import time
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

from briefing.build import BuildOptions
from briefing.core.diagnostics import Diagnostic, Severity, count_line
from briefing.incremental.memory import BuildMemory
from briefing.incremental.rebuild import rebuild
from briefing.incremental.resume import resume, suspend
from briefing.render.engine import RenderOptions
from briefing.serve.output import OutputFolder, SyncStats
from briefing.serve.preview import render_article_preview, valid_article
from briefing.serve.state import ServeState
from briefing.serve.watch import ChangeFlag
from briefing.write.staging import OutputError

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
    # pages and feeds rendered, of all planned, when the others were kept
    partial: tuple[int, int] | None = None

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


# A good build is kept in .briefing/ (as when serve stops) if none was for this long.
SAVE_EVERY_SECONDS = 30.0


class Rebuilder:
    def __init__(self, options: BuildOptions, folder: OutputFolder, state: ServeState,
                 report: Callable[[BuildReport], None]) -> None:
        self.options = options
        self.folder = folder
        self.state = state
        self.report = report
        self._count = 0
        # The last build, kept: a rebuild re-reads only changed files and re-renders only
        # the pages that show something that changed.
        self._memory = BuildMemory()
        resume(self._memory, options, folder.path)  # what the last session kept
        self._early: SyncStats | None = None  # this build's first sync, if any
        # the folder holds something the memory does not (a preview, a first part)
        self._ahead = False
        self._building = False  # a build is running (keep() must not save beside it)
        self._saved: float | None = None  # when keep() last ran after a build

    def keep(self) -> None:
        """Save the last good build for the next session (see incremental/resume.py);
        only while the folder holds exactly that build."""
        if not self._ahead and not self._building:
            suspend(self._memory, self.options, self.folder.path)

    def _preview(self, path: Path) -> None:
        """Render and serve an edited briefing's own page at once, if the file is valid and
        the briefing already has a page; anything else waits for the full rebuild."""
        graph = self._memory.graph
        articles = (self.options.content_path / "articles").resolve()
        if graph is None or path.suffix != ".md" or not path.resolve().is_relative_to(articles):
            return
        if self.state.snapshot().errors:
            return  # the full build clears them first (see _pages_ready)
        try:
            article = valid_article(path)
            if article is None or article.id not in graph.articles:
                return
            options = RenderOptions(self.options.language or graph.site.language,
                                    graph.site.base_url, self.options.file_urls)
            site_path, page = render_article_preview(graph, options, self.options.templates,
                                                     article, self._memory.environment)
            with self.state.writing:
                self._ahead = True
                self.folder.put(site_path, page)
                self.state.publish((), has_site=True)
        except Exception:  # a preview is a courtesy: the full rebuild reports any problem
            logger.debug("preview failed", exc_info=True)

    def _pages_ready(self, outputs: dict[str, bytes]) -> None:
        """Serve the rebuilt pages before the search index is made (the slowest part).
        Not while errors are shown: other files may still have them."""
        if self.state.snapshot().errors:
            return
        with self.state.writing:
            self._ahead = True
            self._early = self.folder.sync(outputs, remove_stale=False)
            self.state.publish((), has_site=True)

    def build(self, changed: frozenset[str] = frozenset(), parallel: bool = False
              ) -> BuildReport:
        """Run the pipeline, update the served folder when it succeeded, tell everyone.

        When the change is one briefing file, its page is shown first (a preview against
        the last build's links), then the full rebuild follows. `parallel`: on every core,
        which forks helpers: only while this process has no other thread."""
        if len(changed) == 1 and self._memory.graph is not None:
            self._preview(Path(next(iter(changed))))
        self._memory.read.reread |= changed
        content = self.options.content_path.resolve()
        if not changed or not all(Path(p).resolve().is_relative_to(content) for p in changed):
            self._memory.full = True  # templates (or unknown files) changed: render all
        self._building = True
        try:
            report = self._build(changed, parallel)
        finally:
            self._building = False
        now = time.monotonic()
        if report.stats is not None and (self._saved is None
                                         or now - self._saved >= SAVE_EVERY_SECONDS):
            # kept as at a stop, so a session killed later (kill -9, a crash) resumes
            # from here; at most this often, as saving costs a second or two at 10,000
            self._saved = now
            self.keep()
        return report

    def _build(self, changed: frozenset[str], parallel: bool) -> BuildReport:
        self._count += 1
        self._early = None
        started = time.perf_counter()
        diagnostics: tuple[Diagnostic, ...] = ()
        failure = ""
        stats: SyncStats | None = None
        files = 0
        partial = None
        with ExitStack() as hold:
            try:
                options = dataclasses.replace(self.options, jobs=0) if parallel else self.options
                result = rebuild(options, self._memory, self._pages_ready)
                diagnostics = tuple(sorted(result.diagnostics))
                files = len(result.outputs)
                partial = result.partial
                if result.ok:
                    hold.enter_context(self.state.writing)  # until published
                    stats = self.folder.sync(result.outputs)
                    self._ahead = False
                    if self._early is not None:  # files written early count as written
                        stats = SyncStats(stats.written + self._early.written,
                                          stats.unchanged - self._early.written,
                                          stats.removed)
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
                             time.perf_counter() - started, snapshot.has_site, partial)
        self.report(report)
        return report


def rebuild_loop(flag: ChangeFlag, rebuilder: Rebuilder, stop: threading.Event,
                 quiet: float = DEBOUNCE_SECONDS) -> None:
    """Wait until changes stop, rebuild, repeat; returns once `stop` is set."""
    while flag.wait_until_quiet(quiet, stop):
        rebuilder.build(flag.take_paths())
