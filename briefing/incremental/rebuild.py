"""A long-lived build: build.py's steps, composed with what BuildMemory keeps, so an
edit re-reads, relinks, re-plans and re-renders only what it changed. Outputs stay in
memory; the dev server syncs them into the folder it serves."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import cast

from briefing.build import (
    BuildOptions,
    BuildResult,
    assemble,
    finish,
    jobs_for,
    known_names,
    outputs_after_pages,
    put_all,
    render_options,
)
from briefing.core.diagnostics import Diagnostic, has_errors
from briefing.core.routes import output_file
from briefing.incremental.memory import BuildMemory
from briefing.incremental.pagestate import Digests, stale_outputs
from briefing.incremental.relink import relink
from briefing.incremental.stamps import read_changed
from briefing.incremental.tracking import Reads, TrackedGraph
from briefing.link.graph import Graph
from briefing.render.assets import collect_assets
from briefing.render.engine import RenderJob, render_pages
from briefing.render.feedset import feed_paths, render_feeds
from briefing.render.linkcheck import check_links
from briefing.render.reads import ReadLog, Tracking
from briefing.render.sink import MemorySink
from briefing.workers.gc import collect_new_objects_only, no_cycle_collection
from briefing.workers.parallel import default_jobs
from briefing.workers.progress import Report, no_progress


def _view(graph: Graph, log: ReadLog) -> Graph:
    return cast(Graph, TrackedGraph(graph, cast(Reads, log)))


TRACKING = Tracking(Reads, _view)

# Gets every output of the site as soon as the pages and feeds are made, before the
# search index (the slowest part): the dev server shows them at once.
PagesReady = Callable[[dict[str, bytes]], None]


def rebuild(options: BuildOptions, memory: BuildMemory, pages_ready: PagesReady | None = None,
            progress: Report = no_progress) -> BuildResult:
    """One build of a long-lived caller, reusing `memory` (and updating it)."""
    started = time.perf_counter()
    with no_cycle_collection():
        gathered = read_changed(options.content_path, memory.read, options.jobs, progress)
        progress("linking", 0, 0)
        content, problems = assemble(gathered.checked, options.drafts, options.base_url)
        problems = gathered.problems + problems
        graph = None
        if content is not None:
            memory.linked = relink(content, memory.linked)
            graph, problems = memory.linked.graph, problems + list(memory.linked.problems)
        problems = finish(problems, options)
        if graph is None or has_errors(problems):
            return BuildResult(problems, graph=graph, seconds=time.perf_counter() - started)
        result = _render(graph, options, memory, problems, pages_ready, progress)
    result.seconds = time.perf_counter() - started
    return result


def _render(graph: Graph, options: BuildOptions, memory: BuildMemory,
            problems: list[Diagnostic], pages_ready: PagesReady | None,
            progress: Report) -> BuildResult:
    settings = render_options(graph, options)
    changed = memory.changes(graph)  # None: render every page
    pages, units = memory.plan(graph, settings.language, changed)
    feeds = list(feed_paths(graph))
    only = memory.pick(changed, pages, feeds) if changed is not None and pages else None
    partial = changed is not None
    kept = memory.kept if memory.graph is None else None
    if kept is not None:  # the first build after an earlier session kept its state
        checked = memory.read.checked
        only = stale_outputs(kept, Digests(graph, {id(item.result): key for key, item in
                                                   checked.items() if item.result is not None}),
                             [*(page.path for page in pages), *feeds])
        partial = True
    assets = collect_assets(options.templates / "static")
    known = known_names(graph, pages, assets.files)
    sink = MemorySink()
    others = dict(assets.files)
    result = BuildResult(graph=graph)
    with collect_new_objects_only():
        job = RenderJob(graph, settings, options.templates, assets.names, pages, known, sink,
                        TRACKING, memory.templates(options.templates))
        indexes = [i for i, page in enumerate(pages) if only is None or page.path in only]
        done = render_pages(job, indexes, jobs_for(options.jobs), progress=progress)
        if done.template_problems:
            result.diagnostics = sorted(problems + done.template_problems)
            return result
        # only the feeds that read something that changed, as for pages
        feed_outputs, feed_reads = render_feeds(graph, settings.language, only, TRACKING)
        others.update(feed_outputs)
        if pages_ready is not None and not done.link_problems:
            pages_ready(memory.with_kept_pages({**sink.outputs, **others}, pages, feeds,
                                               partial))
        # in one process beside serve's threads: helpers that are new interpreters (not
        # forks) are safe there
        others.update(outputs_after_pages(graph, settings, pages, default_jobs(), progress))

        def read(path: str) -> bytes:  # a page kept from the last build was not rendered
            return sink.outputs[path] if path in sink.outputs else memory.outputs[path]

        made = {output_file(path) for path in (*done.reads, *feed_outputs)}
        planned = {*(output_file(page.path) for page in pages), *feeds}
        # the links of kept pages checked at the end, again: their targets may have changed
        late = {page: refs for page, refs in memory.late.items()
                if page in planned and page not in made} if partial else {}
        for ref in done.late:
            late.setdefault(ref.page, []).append(ref)
        link_problems = done.link_problems + check_links(
            others, settings.base_url, known.union(others),
            [ref for refs in late.values() for ref in refs], read)
    put_all(sink, others)
    result.diagnostics = sorted(problems + link_problems)
    result.outputs = sink.outputs
    if result.ok:
        result.outputs = memory.with_kept_pages(sink.outputs, pages, feeds, partial)
        memory.remember(graph, result.outputs, pages, feeds, {**done.reads, **feed_reads},
                        units)
        memory.late = late
        if partial:
            result.partial = (len(indexes) + len(feed_reads), len(pages) + len(feeds))
    result.files = len(result.outputs)
    return result
