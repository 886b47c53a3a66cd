"""A long-lived build: build.py's steps, composed with what BuildMemory keeps, so an
edit re-reads, relinks, re-plans and re-renders only what it changed. Outputs stay in
memory; the dev server syncs them into the folder it serves."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import cast

from briefing.build import BuildOptions, BuildResult, assemble, finish, jobs_for, render_options
from briefing.core.diagnostics import Diagnostic, has_errors
from briefing.core.routes import output_file
from briefing.incremental.memory import BuildMemory
from briefing.incremental.pagestate import Digests, stale_outputs
from briefing.incremental.relink import content_keys, relink
from briefing.incremental.stamps import read_changed
from briefing.incremental.tracking import Reads, TrackedGraph, changed_reads
from briefing.kept import (
    Kept,
    known_names,
    load_search_state,
    outputs_after_pages,
    put_all,
    save_search_state,
)
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


def _after(options: BuildOptions, memory: BuildMemory) -> Kept:
    """The data and search state of the last build; on the first, the search state the
    last process left in .briefing/ (a file that is not usable gets a one-line notice)."""
    after = memory.after
    if after.graph is None and after.search is None and options.cache_path is not None \
            and not options.fresh:
        after.search = load_search_state(options.cache_path.parent, options.notice)
    return after


def _to_check(others: dict[str, bytes], memory: BuildMemory, names: set[str]
              ) -> dict[str, bytes]:
    """The outputs whose links need checking: an output with the bytes the last good
    build checked (the sitemap, most feeds) links to the same names, which all still
    exist unless one went away; a #fragment is checked again anyway (its page may have
    changed)."""
    if not memory.outputs or not names.issuperset(memory.outputs):
        return others
    return {path: data for path, data in others.items()
            if memory.outputs.get(path) != data or b"#" in data}


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
            memory.linked = relink(content, memory.linked, content_keys(gathered.fresh))
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
        first = memory.graph is None
        after = _after(options, memory)
        since = changed_reads(after.graph, graph) if after.graph is not None else None
        others.update(outputs_after_pages(graph, settings, pages, default_jobs(), progress,
                                          after, since, TRACKING))

        def read(path: str) -> bytes:  # a page kept from the last build was not rendered
            return sink.outputs[path] if path in sink.outputs else memory.outputs[path]

        made = {output_file(path) for path in (*done.reads, *feed_outputs)}
        planned = {*(output_file(page.path) for page in pages), *feeds}
        # the links of kept pages checked at the end, again: their targets may have changed
        late = {page: refs for page, refs in memory.late.items()
                if page in planned and page not in made} if partial else {}
        for ref in done.late:
            late.setdefault(ref.page, []).append(ref)
        names = known.union(others)
        link_problems = done.link_problems + check_links(
            _to_check(others, memory, names), settings.base_url, names,
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
        if first and options.cache_path is not None and after.search is not None:
            save_search_state(options.cache_path.parent, after.search)  # for the next start
    result.files = len(result.outputs)
    return result
