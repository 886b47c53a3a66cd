"""`build` and `check` that remember what each page read, across processes: the render,
link-check and write steps of build.py, rendering only the pages and feeds that read
something that changed since the last build (see pagestate.py for what is kept).

Every other output is taken unchanged from the folder the last build published
(hard-linked into the new folder). Anything that can't be vouched for falls back to
rendering everything: no state, another tool version, other options, templates or
site.yaml, a published folder someone touched.
"""

from __future__ import annotations

import dataclasses
from array import array
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from briefing.build import (
    BuildOptions,
    BuildResult,
    Gathered,
    jobs_for,
    render_options,
    save_before_pages,
    save_checked,
)
from briefing.core.diagnostics import Diagnostic
from briefing.core.routes import output_file
from briefing.incremental.datastate import data_state_file, load_kept_data, save_kept_data
from briefing.incremental.pagestate import (
    Digests,
    PageState,
    config_of,
    load_state,
    numbered_state,
    save_state,
    stale_outputs,
    state_file,
    usable_folder,
)
from briefing.incremental.planstate import (
    Planned,
    load_plan,
    next_plan,
    plan_file,
    plan_kept,
    save_plan,
    worth_saving,
)
from briefing.incremental.readtable import ChunkTable
from briefing.incremental.rebuild import TRACKING
from briefing.incremental.tracking import Read
from briefing.kept import (
    Kept,
    data_files,
    known_names,
    load_search_state,
    outputs_after_pages,
    put_all,
    save_search_state,
)
from briefing.link.graph import Graph
from briefing.render.assets import collect_assets
from briefing.render.engine import Numbering, RenderedPages, RenderJob, render_pages
from briefing.render.feedset import feed_paths, render_feeds
from briefing.render.linkcheck import check_links
from briefing.render.pages import Page
from briefing.render.sink import Entry, MemorySink
from briefing.search.documents import Read as SearchRead
from briefing.search.state import SearchState
from briefing.validate.bodies import bodies_to_file
from briefing.workdir.skip import stamp_of, updated_stamp
from briefing.workers.gc import collect_new_objects_only, release_free_memory
from briefing.workers.progress import Report
from briefing.write.inplace import InPlace
from briefing.write.staging import MARKER, Staging, WriteStats, recover


def render_kept(graph: Graph, options: BuildOptions, problems: list[Diagnostic],
                progress: Report, gathered: Gathered) -> BuildResult:
    """build.py's render and write, reusing and then saving .briefing/'s page state."""
    settings = render_options(graph, options)
    jobs = jobs_for(options.jobs)
    out = options.out_path
    where = state_file(options.cache_path, out) if options.cache_path is not None else None
    config = config_of(options)
    kept: PageState | None = None
    existing: dict[str, Entry] = {}
    if out is not None:
        recover(out)  # a publish killed part way is undone first: the state vouches for it
    if where is not None and not options.fresh:
        kept, existing = usable_folder(load_state(where, options.notice), config, out,
                                       gathered.published)
    digests = Digests(graph, {id(item.result): key for key, item in gathered.fresh.items()
                              if item.result is not None})
    # the plan in parts, each with what it read (a page's reads include its part's): the
    # parts kept whose reads did not change, the others made; the pages are made again
    # where they render (render.plan.LazyPlan: not held whole)
    plan_at = plan_file(options.cache_path, out) if options.cache_path is not None else None
    last_plan = load_plan(plan_at, config, options.notice) \
        if plan_at is not None and not options.fresh else None
    planned = plan_kept(graph, settings.language, digests, last_plan)
    plan = planned.plan
    pages = plan.stubs
    feeds = list(feed_paths(graph))
    stale = stale_outputs(kept, digests, [*(p.path for p in pages), *feeds]) if kept else None
    assets = collect_assets(options.templates / "static")
    known = known_names(graph, pages, assets.files)
    sink = _sink(out, kept, stale, existing, len(pages) + len(feeds))
    result = BuildResult(graph=graph)
    work = options.cache_path.parent if options.cache_path is not None else None
    after = Kept(None if options.fresh else load_search_state(work, options.notice)) \
        if work is not None else None  # the search index's state (search.update)
    changed = changed_reads(after.search, digests) if after is not None else None
    data_file = data_state_file(options.cache_path, out) \
        if options.cache_path is not None and out is not None else None
    if after is not None and data_file is not None and out is not None and kept is not None \
            and changed is not None:
        # the data units whose reads digest the same, their files from the folder
        after.data = load_kept_data(data_file, out, kept.stamp, digests, options.notice)
    # the bodies read from a file where they are used, not held by this process and
    # counted again in each forked worker
    bodies_to_file(graph.articles.values(), options.cache_path)
    # what the next build keeps but rendering does not read: saved now, and dropped
    save_before_pages(options, gathered)
    try:
        kept_files = _keep(sink, kept, stale, pages, feeds)
        others = dict(assets.files)
        feed_reads: dict[str, frozenset[Read]] = {}
        data = Written()

        def make_feeds() -> None:  # in this process while the workers render
            made, reads = render_feeds(graph, settings.language, stale, TRACKING)
            data.put(sink, made)  # planned feeds: the OPML lists them from the plan
            feed_reads.update(reads)
            # each unit's files written as made, neither they nor each item's JSON held
            data_files(graph, after, changed, TRACKING, partial(data.put, sink))
            release_free_memory()
            if out is not None:
                save_checked(options, gathered)

        with collect_new_objects_only():
            # each worker numbers and digests its pages' reads (readtable.ChunkTable)
            tracking = dataclasses.replace(TRACKING, table=partial(ChunkTable, digests.of))
            job = RenderJob(graph, settings, options.templates, assets.names, plan, known,
                            sink, tracking)
            indexes = [i for i, page in enumerate(pages) if stale is None or page.path in stale]
            done = render_pages(job, indexes, jobs, progress=progress, meanwhile=make_feeds)
            if done.template_problems:
                result.diagnostics = sorted(problems + done.template_problems)
                return result
            others.update(outputs_after_pages(graph, settings, pages, jobs, progress, after,
                                              changed, TRACKING, {}))
            late = done.late + [ref for ref in kept.late if ref.page in kept_files] \
                if kept else done.late
            read = _on_demand(job, pages, sink) if isinstance(sink, MemorySink) else sink.read
            same: set[str] = set()  # put before the check: a failed build publishes nothing
            written, entries = put_all(sink, others, same)
            names = known.union(others)
            link_problems = done.link_problems + check_links(
                _to_check(others, same, names, existing if isinstance(sink, InPlace) else None),
                settings.base_url, names, late, read)
        written, entries = written + data.written, entries + data.entries
        result.diagnostics = sorted(problems + link_problems)
        result.files = done.files + len(others) + len(data.names) + len(kept_files)
        if stale is not None:
            result.partial = (len(indexes) + len(feed_reads), len(pages) + len(feeds))
        # every file of the folder once published (pagestate.usable_folder stats them)
        published = {*others, *data.names, *kept_files,
                     *(output_file(page.path) for page in pages)}
        if isinstance(sink, MemorySink):
            result.outputs = sink.outputs
        elif result.ok and isinstance(sink, InPlace):
            assert kept is not None
            result.stamp = updated_stamp(kept.stamp, *sink.commit(published))
            written += done.written
            result.stats = WriteStats(written, result.files - written)
        elif result.ok and isinstance(sink, Staging):
            entries += [sink.entry(name) for name in kept_files]
            result.stamp = stamp_of([*done.entries, *entries, sink.entry(MARKER)])
            sink.commit()
            written += done.written
            result.stats = WriteStats(written, result.files - written)
        if result.ok and work is not None and after is not None and after.search is not None:
            after.search.read_digests = read_digests(after.search, digests)
            save_search_state(work, after.search)
        if result.stats is not None and data_file is not None and after is not None:
            save_kept_data(data_file, after.data, result.stamp, digests)
        if result.ok and where is not None:
            made = _numbered(done, digests, planned, feed_reads)
            folder = str(out.resolve()) if out is not None else ""
            state = numbered_state(config, folder, result.stamp, kept, digests,
                                   (done.table, done.digests), made, {*planned.part_of, *feeds},
                                   late)
            state.names = sorted({*published, MARKER}) if out is not None else []
            save_state(where, state)
        if result.ok and plan_at is not None and worth_saving(last_plan, planned):
            save_plan(plan_at, next_plan(config, planned, digests))
    finally:
        if not isinstance(sink, MemorySink) and result.stats is None:
            sink.abort()
    return result


@dataclass(slots=True)
class Written:
    """The feeds and data files, put into the sink as soon as they are made: at 100,000
    articles they are about 500 MB that would otherwise wait beside the pages rendering."""

    names: list[str] = field(default_factory=list)
    written: int = 0
    entries: list[Entry] = field(default_factory=list)

    def put(self, sink: Staging | InPlace | MemorySink, files: dict[str, bytes]) -> None:
        written, entries = put_all(sink, files)
        self.written += written
        self.entries += entries
        self.names += sorted(files)
        files.clear()


# An edit that makes more than this share of the pages and feeds again is published as a
# new folder swapped in whole (write.staging): cheaper than moving most files one by one.
IN_PLACE_SHARE = 4


def _sink(out: Path | None, kept: PageState | None, stale: set[str] | None,
          existing: dict[str, Entry], planned: int) -> Staging | InPlace | MemorySink:
    """Where the outputs go: memory (`check`), the published folder in place (an edit
    that changed a few outputs of a folder the state vouched for), or a new folder."""
    if out is None:
        return MemorySink()
    if kept is not None and stale is not None and existing \
            and len(stale) * IN_PLACE_SHARE <= planned:
        return InPlace(out, existing)
    return Staging(out)


def _to_check(others: dict[str, bytes], same: set[str], names: set[str],
              published: dict[str, Entry] | None) -> dict[str, bytes]:
    """The outputs besides pages and feeds whose links need checking. One whose bytes are
    those published (the sitemap, the search index's files, most data files: checked by
    the build that made them, which succeeded) links to the same names, which all still
    exist when none of the published files goes away; a #fragment is checked again
    anyway (its page may have changed). serve's rebuild keeps the same rule."""
    if published is None or not names.issuperset(name for name in published
                                                 if name != MARKER):
        return others
    return {path: data for path, data in others.items() if path not in same or b"#" in data}


def changed_reads(state: SearchState | None, digests: Digests) -> set[SearchRead] | None:
    """What the search documents read whose value changed since they were made (None:
    unknown, every document is made again and compared)."""
    if state is None or not state.read_digests:
        return None
    return {read for read, digest in state.read_digests.items() if digests.of(read) != digest}


def read_digests(state: SearchState, digests: Digests) -> dict[SearchRead, bytes]:
    """A digest of every value the search documents read, for the next build, in repr
    order (the same whatever the hash seed). After an edit the documents most often read
    what they read last time: the last build's reads keep their order (sorted then) and
    only the sort (about 30,000 reads by repr at 10,000 articles) is saved; their digests
    were made already (changed_reads). A read added or dropped sorts them all again."""
    reads: set[SearchRead] = set().union(*(entry.reads for entry in state.docs.values()))
    last = state.read_digests
    if last.keys() == reads:  # compared in C, as the union is made
        return {read: digests.of(read) for read in last}
    return {read: digests.of(read) for read in sorted(reads, key=repr)}


def _numbered(done: RenderedPages, digests: Digests, planned: Planned,
              feed_reads: dict[str, frozenset[Read]]) -> dict[str, array[int]]:
    """What each page and feed made read, as ids into `done.table`: the pages' own (from
    the workers), with their plan part's and the feeds' numbered here."""
    table = ChunkTable(digests.of)
    parts: dict[str, array[int]] = {}  # a plan part's reads are one set for its pages
    part_of: dict[str, str] = {}
    for path in done.numbered:
        key = planned.part_of.get(path)
        if key is not None:
            if key not in parts:
                parts[key] = table.ids(planned.part_reads(key))
            part_of[path] = key
    feeds = {path: table.ids(reads) for path, reads in feed_reads.items()}
    renumber = Numbering(done).add(*table.flush()).__getitem__
    part_sets = {key: set(map(renumber, ids)) for key, ids in parts.items()}
    made = {}
    for path, ids in done.numbered.items():
        key = part_of.get(path)
        made[path] = ids if key is None else array("I", sorted(part_sets[key].union(ids)))
    made.update((path, array("I", sorted(map(renumber, ids)))) for path, ids in feeds.items())
    return made


def _keep(sink: Staging | InPlace | MemorySink, kept: PageState | None, stale: set[str] | None,
          pages: list[Page], feeds: list[str]) -> set[str]:
    """Take the outputs not made again from the published folder; their file names."""
    if kept is None or stale is None:
        return set()
    names = {output_file(page.path) for page in pages if page.path not in stale}
    names.update(feed for feed in feeds if feed not in stale)
    if not isinstance(sink, MemorySink):
        for name in sorted(names):
            sink.keep(name)
    return names


def _on_demand(job: RenderJob, pages: list[Page], sink: MemorySink
               ) -> Callable[[str], bytes]:
    """`check` keeps no outputs: a kept page whose #fragments are linked is rendered when
    the link check asks for it."""
    index = {output_file(page.path): number for number, page in enumerate(pages)}
    workers: list[Callable[[list[int]], RenderedPages]] = []

    def read(name: str) -> bytes:
        if name not in sink.outputs and name in index:
            if not workers:
                workers.append(job.start())
            made = workers[0]([index[name]])
            sink.outputs.update(made.outputs)
        return sink.outputs.get(name, b"")

    return read
