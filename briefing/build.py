"""The orchestrator: load -> validate -> link -> render -> link check -> write."""

from __future__ import annotations

import dataclasses
import gc
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from markdown_it_pyrs import MarkdownIt

from briefing.cache import file_key, load_cache, save_cache
from briefing.diagnostics import Diagnostic, has_errors, strict
from briefing.fingerprint import (
    input_fingerprint,
    load_state,
    output_stamp,
    save_state,
    stamp_of,
)
from briefing.graph import Graph
from briefing.incremental import BuildMemory
from briefing.link import link_site, relink
from briefing.load import (
    Kind,
    Stamp,
    content_files,
    display_path,
    file_stamp,
    load_file,
    load_site,
    read_bytes,
)
from briefing.markdown import make_markdown
from briefing.model import Content
from briefing.parallel import default_jobs, map_chunks
from briefing.progress import Report, no_progress
from briefing.render.engine import RenderOptions, feed_paths, render_site
from briefing.salvage import salvage
from briefing.validate import Checked, assemble_content, check_document
from briefing.write import MARKER, Staging, WriteStats


@dataclass(frozen=True, slots=True)
class BuildOptions:
    content_path: Path
    templates: Traversable
    out_path: Path | None  # None: check only, write nothing
    base_url: str | None = None
    language: str | None = None
    drafts: bool = False
    strict: bool = False
    file_urls: bool = False
    jobs: int = 0  # worker processes; 0: one per core
    cache_path: Path | None = None  # .briefing/cache; None: no persistent cache



@dataclass(slots=True)
class BuildResult:
    diagnostics: list[Diagnostic] = field(default_factory=list)
    outputs: dict[str, bytes] = field(default_factory=dict)
    graph: Graph | None = None
    files: int = 0  # outputs made
    stats: WriteStats | None = None  # set once the site was published
    stamp: str = ""  # the published folder's output stamp (see fingerprint.stamp_of)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not has_errors(self.diagnostics)


def _normal_base(url: str) -> str:
    return url if url.endswith("/") else url + "/"


def _jobs(requested: int) -> int:
    return requested if requested > 0 else default_jobs()


def check_bytes(path: Path, kind: Kind, data: bytes, md: MarkdownIt) -> Checked:
    """One content file's bytes, loaded and validated."""
    doc, problem = load_file(path, kind, data)
    if doc is None:
        return Checked(kind, path.stem, display_path(path), None, (problem,) if problem else (),
                       salvage(kind, path.stem, data))
    checked = check_document(doc, md)
    if checked.result is None:
        return dataclasses.replace(checked, salvage=salvage(kind, doc.id, data))
    return checked


def _check_files(state: dict[str, Any], chunk: Sequence[tuple[Path, Kind]]
                 ) -> list[tuple[str, Checked]]:
    """Load and validate a chunk of content files (in a worker process at scale),
    reusing cached results for files whose bytes did not change."""
    if "md" not in state:
        state["md"] = make_markdown()
    cached: dict[str, Checked] = state["cache"]
    checked: list[tuple[str, Checked]] = []
    for path, kind in chunk:
        shown = display_path(path)
        data, problem = read_bytes(path, shown)
        if data is None:
            checked.append(("", Checked(kind, path.stem, shown, None,
                                        (problem,) if problem else (),
                                        salvage(kind, path.stem, None))))
            continue
        key = file_key(shown, kind, data)
        checked.append((key, cached[key] if key in cached else
                        check_bytes(path, kind, data, state["md"])))
    return checked


@dataclass(slots=True)
class ContentRead:
    checked: list[Checked]  # every file, in order
    fresh: dict[str, Checked]  # the same by content key: the next cache
    problems: list[Diagnostic]  # found before validation
    stamps: dict[str, tuple[Stamp, str]]  # file -> its stamp and content key, if kept


def read_checked(content_path: Path, jobs: int, previous: dict[str, Checked],
                 progress: Report = no_progress,
                 stamps: dict[str, tuple[Stamp, str]] | None = None,
                 reread: frozenset[str] = frozenset()) -> ContentRead:
    """Load and validate every content file, in parallel and from `previous` (checked
    files by key) at scale.

    With `stamps` (a long-lived build's last read), a file whose stat is as it was is
    taken from `previous` without reading it, unless it is one of `reread` (the files a
    watcher saw change)."""
    site, site_problem = load_site(content_path / "site.yaml")
    files, problems = content_files(content_path)
    if site_problem:
        problems.append(site_problem)
    md = make_markdown()
    checked = [check_document(site, md)] if site else []
    fresh: dict[str, Checked] = {}
    new_stamps: dict[str, tuple[Stamp, str]] = {}
    found: list[tuple[str, Checked] | None] = [None] * len(files)
    todo: list[tuple[Path, Kind]] = []
    todo_at: list[tuple[int, Stamp | None]] = []
    forced = {stamp[:2] for name in reread if (stamp := file_stamp(Path(name)))}
    for number, (path, kind) in enumerate(files):
        stamp = file_stamp(path) if stamps is not None else None
        last = stamps.get(str(path)) if stamps is not None else None
        if (stamp is not None and last is not None and last[0] == stamp
                and stamp[:2] not in forced and last[1] in previous):
            found[number] = (last[1], previous[last[1]])
            new_stamps[str(path)] = last
        else:
            todo.append((path, kind))
            todo_at.append((number, stamp))
    report = partial(progress, "reading files")
    results = (item for chunk in map_chunks(_check_files, todo, {"cache": previous},
                                            _jobs(jobs), progress=report) for item in chunk)
    for (number, stamp), (key, item) in zip(todo_at, results, strict=True):
        found[number] = (key, item)
        if stamp is not None and key:
            new_stamps[str(files[number][0])] = (stamp, key)
    for entry in found:
        assert entry is not None
        key, item = entry
        checked.append(item)
        if key:
            fresh[key] = item
    return ContentRead(checked, fresh, problems, new_stamps)


def _update_cache(cache_path: Path, previous: dict[str, Checked],
                  fresh: dict[str, Checked]) -> None:
    """Save the files of this build, if they differ from the cache's: only the current
    files, so the cache never grows stale."""
    if fresh.keys() != previous.keys():
        save_cache(cache_path, fresh)


def read_content(content_path: Path, drafts: bool, jobs: int, cache_path: Path | None = None,
                 save: bool = False) -> tuple[Content | None, list[Diagnostic]]:
    """Load and validate every content file, using and updating the persistent cache."""
    previous = load_cache(cache_path) if cache_path else {}
    read = read_checked(content_path, jobs, previous)
    if save and cache_path is not None:
        _update_cache(cache_path, previous, read.fresh)
    content, validation = assemble_content(read.checked, include_drafts=drafts)
    return content, read.problems + validation


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """The build makes millions of objects that live to its end (parsed content, the
    graph); the cyclic collector would rescan them again and again (a third of the read
    time at 10,000 articles) and find next to nothing. Forked workers inherit this."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@contextmanager
def _collect_new_objects_only() -> Iterator[None]:
    """Rendering makes short-lived cycles (Jinja contexts), about 9 KB a page: collect
    those, but leave the site's objects out of every collection (gc.freeze), which also
    keeps forked workers from copying their pages."""
    gc.freeze()
    gc.enable()
    try:
        yield
    finally:
        gc.disable()
        gc.unfreeze()


def run_pipeline(options: BuildOptions, publish_to: Path | None = None,
                 memory: BuildMemory | None = None,
                 progress: Report = no_progress,
                 pages_ready: Callable[[dict[str, bytes]], None] | None = None
                 ) -> BuildResult:
    """The whole build. Without publish_to the result holds every output in memory;
    with it, outputs are written as they are rendered into a new folder beside
    publish_to, which replaces publish_to only if the build succeeds.

    `memory` is what a long-lived caller (serve) keeps between builds: checked files
    (instead of the persistent cache), and the last build's graph, pages, what each
    page read and the outputs, so only stale pages are rendered again; with it,
    `pages_ready` gets the pages (and what else is made by then) before the search
    index, the slowest part, is built. `progress` hears of each phase as it goes."""
    with _no_cycle_collection():
        return _run_pipeline(options, publish_to, memory, progress, pages_ready)


def _run_pipeline(options: BuildOptions, publish_to: Path | None,
                  memory: BuildMemory | None, progress: Report,
                  pages_ready: Callable[[dict[str, bytes]], None] | None) -> BuildResult:
    started = time.perf_counter()
    cache_path = options.cache_path
    if memory is not None:
        previous = dict(memory.checked)
    else:
        previous = load_cache(cache_path) if cache_path is not None else {}
    read = read_checked(options.content_path, options.jobs, previous, progress,
                        memory.stamps if memory is not None else None,
                        memory.reread if memory is not None else frozenset())
    if memory is not None:
        memory.checked, memory.stamps, memory.reread = read.fresh, read.stamps, frozenset()
    try:
        return _build_checked(options, publish_to, read.checked, read.problems, started,
                              progress, memory, pages_ready)
    finally:
        # Saved last, whatever the outcome: pickling every file would grow this process
        # before the render workers fork.
        if cache_path is not None and options.out_path is not None:
            _update_cache(cache_path, previous, read.fresh)


def _build_checked(options: BuildOptions, publish_to: Path | None, checked: list[Checked],
                   problems: list[Diagnostic], started: float, progress: Report,
                   memory: BuildMemory | None,
                   pages_ready: Callable[[dict[str, bytes]], None] | None = None
                   ) -> BuildResult:
    result = BuildResult()
    progress("linking", 0, 0)
    content, validation = assemble_content(checked, include_drafts=options.drafts)
    problems += validation
    if content is not None:
        if memory is not None:
            memory.linked = relink(content, memory.linked)
            graph, link_problems = memory.linked.graph, list(memory.linked.problems)
        else:
            graph, link_problems = link_site(content)
        problems += link_problems
        result.graph = graph
    if options.strict:
        problems = strict(problems)
    result.diagnostics = problems
    if has_errors(problems) or result.graph is None:
        result.seconds = time.perf_counter() - started
        return result
    base_url = _normal_base(options.base_url or result.graph.site.base_url)
    # --base-url overrides site.yaml for every absolute URL (feeds and JSON-LD included).
    graph = dataclasses.replace(
        result.graph, site=dataclasses.replace(result.graph.site, base_url=base_url))
    result.graph = graph
    language = options.language or graph.site.language
    stage = Staging(publish_to) if publish_to is not None else None
    changed = memory.changes(graph) if memory is not None else None
    pages, units = memory.plan(graph, language, changed) if memory is not None else (None, {})
    try:
        with _collect_new_objects_only():
            rendered = render_site(
                graph, RenderOptions(language, base_url, options.file_urls),
                options.templates, jobs=_jobs(options.jobs), stage=stage, progress=progress,
                track=memory is not None, pages=pages,
                environment=memory.templates(options.templates) if memory else None,
                # serve renders in one process beside its threads; helpers that are new
                # interpreters (not forks) are safe there
                search_jobs=default_jobs() if memory is not None else 0,
                only=memory.pick(changed, pages, feed_paths(graph))
                if memory and changed is not None and pages else None,
                before_search=None if pages_ready is None or memory is None else
                lambda done, others: pages_ready(
                    memory.with_kept_pages(done, changed is not None, others)))
        result.diagnostics = sorted(problems + rendered.problems)
        if stage is not None and result.ok:
            entries = [*rendered.entries, stage.entry(MARKER)]
            stage.commit()
            result.stats = WriteStats(rendered.written, rendered.unchanged)
            result.stamp = stamp_of(entries)  # no walk over the published folder
    finally:
        if stage is not None and result.stats is None:
            stage.abort()
    result.outputs = rendered.outputs
    if memory is not None and result.ok:
        result.outputs = memory.remember(graph, rendered, partial=changed is not None,
                                         units=units)
    result.files = len(result.outputs) if memory is not None else rendered.files
    result.seconds = time.perf_counter() - started
    return result


def _options_key(options: BuildOptions) -> str:
    return repr((str(options.content_path.resolve()), options.base_url, options.language,
                 options.drafts, options.strict, options.file_urls))


def build_site(options: BuildOptions, progress: Report = no_progress) -> BuildResult:
    out, cache_path = options.out_path, options.cache_path
    fingerprint = ""
    if out is not None and cache_path is not None:
        started = time.perf_counter()
        fingerprint = input_fingerprint(options.content_path, options.templates,
                                        _options_key(options))
        last = load_state(cache_path, out)
        if last and last[0] == fingerprint and last[1] == output_stamp(out):
            count, diagnostics = last[2]
            return BuildResult(diagnostics=list(diagnostics), stats=WriteStats(0, count),
                               seconds=time.perf_counter() - started)
    result = run_pipeline(options, publish_to=out, progress=progress)
    if result.stats is not None and out is not None and cache_path is not None:
        save_state(cache_path, out, fingerprint, result.stamp,
                   (result.files, tuple(result.diagnostics)))
    return result
