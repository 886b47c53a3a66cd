"""The measured scenarios, the same for every tool: a CLI build cold, with nothing changed,
after a body edit, a title edit and a template edit; a dev server's first build and the
same three edits (the edited page on disk, a page listing it, the whole rebuild done).

A `Tool` says how one tool (briefing, or Hugo in one configuration) runs them; this
module knows nothing else about either. Results are `Series` keyed by metric name
("build.cold", "serve.title.page", ...), which report.py turns into rows.
"""

from __future__ import annotations

import re
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from measure import BenchError, Run, Series, Server, measure, page_has

BUILD_SCENARIOS = ("cold", "nochange", "body", "title", "template")
EDITS = ("body", "title", "template")
TITLE_LINE = re.compile(r"^title: ([\"']?)", re.MULTILINE)


@dataclass
class Sources:
    """What the edits change, and the output pages that must show them."""

    article: Path  # the source file of the edited article
    template: Path  # a template every page uses (its </body> gets the template edit)
    page: str  # the article's page, relative to the output folder
    listing: str | None = None  # a page listing the article's title, if known


@dataclass
class Tool:
    name: str  # unique among the tools measured: it goes into the edit markers
    cwd: Path
    build: list[str]  # the CLI build
    out: Path  # its output folder
    clean: Callable[[], None]  # removes the output and every cache: the next build is cold
    serve: Callable[[int], list[str]]  # the dev server on a port
    serve_out: Path  # the folder the server writes to
    ready: str  # the server's log line (a regex prefix) when its first build is served
    rebuilt: str  # ... and when a rebuild is done
    sources: Sources
    restart: bool = False  # does a server restart reuse kept state? (then it is measured)
    settle: Callable[[], None] = lambda: None  # waits for the last run's leftovers to end
    counter: list[int] = field(default_factory=lambda: [0])

    def marker(self, kind: str) -> str:
        """A fresh marker: no earlier edit's marker is a substring of it, nor it of one."""
        self.counter[0] += 1
        return f"bench{self.name}{kind}{self.counter[0]}z"


# --------------------------------------------------------------------------- edits


def edit_body(path: Path, marker: str) -> None:
    with path.open("a", encoding="utf-8") as fh:
        fh.write(f"\nBench edit {marker}.\n")


def edit_title(path: Path, marker: str) -> None:
    """Put marker at the start of the front matter's title, inside its quotes if any."""
    text = path.read_text(encoding="utf-8")
    edited, count = TITLE_LINE.subn(lambda m: f"{m.group(0)}{marker} ", text, count=1)
    if not count:
        raise BenchError(f"{path}: no `title:` line to edit")
    path.write_text(edited, encoding="utf-8")


def edit_template(path: Path, marker: str) -> None:
    """A hidden paragraph before </body>: both Jinja and Go templates keep it as written
    (Go's html/template drops HTML comments, so a comment would not show)."""
    text = path.read_text(encoding="utf-8")
    at = text.rfind("</body>")
    if at < 0:
        raise BenchError(f"{path}: no </body> to put the template edit before")
    path.write_text(f"{text[:at]}<p hidden>{marker}</p>\n{text[at:]}", encoding="utf-8")


def apply_edit(tool: Tool, kind: str) -> str:
    """Make one edit of kind to tool's sources; returns the marker its pages will show."""
    marker = tool.marker(kind)
    if kind == "body":
        edit_body(tool.sources.article, marker)
    elif kind == "title":
        edit_title(tool.sources.article, marker)
    elif kind == "template":
        edit_template(tool.sources.template, marker)
    else:
        raise ValueError(kind)
    return marker


# --------------------------------------------------------------------------- the CLI


def run_builds(tool: Tool, scenarios: tuple[str, ...], repeat: int, timeout: float
               ) -> dict[str, Series]:
    """Each scenario `repeat` times, in order; a no-change or edit run follows the runs
    before it, so the first scenario asked for should be cold."""
    results: dict[str, Series] = {}
    for scenario in scenarios:
        series = results.setdefault(f"build.{scenario}", Series())
        for _ in range(repeat):
            watch = None
            tool.settle()
            if scenario == "cold":
                tool.clean()
            elif scenario in EDITS:
                watch = (tool.out / tool.sources.page, apply_edit(tool, scenario))
            run = measure(tool.build, tool.cwd, timeout, watch)
            if watch and run.page_seconds is None:
                raise BenchError(f"{tool.name}: {tool.sources.page} never showed the "
                                 f"{scenario} edit", f"{scenario} edit not on the page")
            series.runs.append(run)
    return results


# --------------------------------------------------------------------------- the server


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _shows(path: Path, marker: str) -> Callable[[], bool]:
    return lambda: page_has(path, marker)


def _more(server: Server, pattern: str, than: int) -> Callable[[], bool]:
    return lambda: server.count(pattern) > than


def serve_round(tool: Tool, timeout: float, edits: tuple[str, ...] = EDITS
                ) -> dict[str, Run]:
    """One server session from cold: its first build, then each of `edits` in turn."""
    tool.clean()
    out: dict[str, Run] = {}
    port = free_port()
    with Server(tool.serve(port), tool.cwd, timeout) as server:
        first = server.wait_for(lambda: server.count(tool.ready) > 0, "the first build")
        for kind in edits:
            done_before = server.count(tool.rebuilt)
            saved = time.perf_counter()
            marker = apply_edit(tool, kind)
            shown = server.wait_for(_shows(tool.serve_out / tool.sources.page, marker),
                                    f"the {kind} edit on {tool.sources.page}")
            out[f"serve.{kind}.page"] = Run(shown - saved, 0)
            if kind == "title" and tool.sources.listing:
                listed = server.wait_for(_shows(tool.serve_out / tool.sources.listing, marker),
                                         f"the title edit on {tool.sources.listing}")
                out["serve.title.listing"] = Run(listed - saved, 0)
            done = server.wait_for(_more(server, tool.rebuilt, done_before),
                                   f"the end of the rebuild after the {kind} edit")
            out[f"serve.{kind}.done"] = Run(done - saved, 0)
        out["serve.first"] = Run(first - server.started, server.peak,
                                   peak_pss_bytes=server.peak_pss)
    if tool.restart:
        # The same port, as a user restarts it: the preview's pages carry its address in
        # their absolute URLs, so another port would make them all new.
        with Server(tool.serve(port), tool.cwd, timeout) as server:
            ready = server.wait_for(lambda: server.count(tool.ready) > 0, "the restart")
            out["serve.restart"] = Run(ready - server.started, server.peak,
                                       peak_pss_bytes=server.peak_pss)
    return out


def run_serve(tool: Tool, repeat: int, timeout: float, edits: tuple[str, ...] = EDITS
              ) -> dict[str, Series]:
    results: dict[str, Series] = {}
    for _ in range(repeat):
        for key, run in serve_round(tool, timeout, edits).items():
            results.setdefault(key, Series()).runs.append(run)
    return results
