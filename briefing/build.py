"""The orchestrator: gather (load + validate each file) -> assemble -> link -> render
pages, feeds, site files, data and search into a sink -> check links -> write.

`build` reads top to bottom as that sequence; each step is one call into its stage.
The dev server composes the same steps with what it keeps between builds
(briefing.incremental.rebuild); nothing here knows about it.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from importlib.resources.abc import Traversable
from pathlib import Path

from markdown_it_pyrs import MarkdownIt

from briefing.core.diagnostics import Diagnostic, has_errors, strict
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
from briefing.link.link import link_site
from briefing.load.files import Kind, content_files, display_path, load_file, load_site, read_bytes
from briefing.render.assets import collect_assets
from briefing.render.engine import RenderJob, RenderOptions, render_pages
from briefing.render.feedset import render_feeds
from briefing.render.linkcheck import check_links
from briefing.render.plan import LazyPlan
from briefing.render.sink import Entry, MemorySink
from briefing.validate.assemble import assemble_content
from briefing.validate.fields import Checked, check_document, with_slash
from briefing.validate.markdown import make_markdown
from briefing.validate.model import Content
from briefing.validate.salvage import salvage
from briefing.workdir.cache import file_key, load_cache, save_cache
from briefing.workdir.packed import Notice, quiet
from briefing.workdir.skip import InputCheck, check_inputs, options_text, save_state, stamp_of
from briefing.workers.gc import collect_new_objects_only, no_cycle_collection
from briefing.workers.parallel import default_jobs, map_chunks
from briefing.workers.progress import Report, no_progress
from briefing.write.staging import MARKER, Staging, WriteStats


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
    fresh: bool = False  # --no-cache: read nothing kept in cache_path (still save to it)
    # where a kept state that can't be used is reported (one line each)
    notice: Notice = field(default=quiet, compare=False)


@dataclass(slots=True)
class BuildResult:
    diagnostics: list[Diagnostic] = field(default_factory=list)
    outputs: dict[str, bytes] = field(default_factory=dict)  # when nothing was written
    graph: Graph | None = None
    files: int = 0  # outputs made
    stats: WriteStats | None = None  # set once the site was published
    stamp: str = ""  # the published folder's output stamp (see workdir.skip.stamp_of)
    # pages and feeds rendered, of all planned, when the rest were kept from the last build
    partial: tuple[int, int] | None = None
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not has_errors(self.diagnostics)


def jobs_for(requested: int) -> int:
    return requested if requested > 0 else default_jobs()


# --- gather: load and validate each content file ---------------------------------------


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


@dataclass(frozen=True, slots=True)
class ReadJob:
    """What every reading worker needs: the checked files of the last build, by key."""

    previous: dict[str, Checked]

    def start(self) -> _FileWorker:
        return _FileWorker(self.previous)


class _FileWorker:
    """Loads and validates files in one process, with its own Markdown parser."""

    def __init__(self, previous: dict[str, Checked]) -> None:
        self.previous = previous
        self.md = make_markdown()

    def __call__(self, chunk: Sequence[tuple[Path, Kind]]) -> list[tuple[str, Checked]]:
        """Each file's content key ("" if unreadable) and its checked result, reused from
        `previous` when its bytes did not change."""
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
            checked.append((key, self.previous[key] if key in self.previous else
                            check_bytes(path, kind, data, self.md)))
        return checked


def read_files(files: Sequence[tuple[Path, Kind]], previous: dict[str, Checked], jobs: int,
               progress: Report = no_progress, known: Mapping[str, str] | None = None
               ) -> list[tuple[str, Checked]]:
    """Load and validate `files` on every core (see _FileWorker), in order. Files whose
    key is `known` and checked in `previous` are taken here: no worker is started (nor
    its results sent back) for what needs no reading."""
    known = known or {}
    found: list[tuple[str, Checked] | None] = []
    todo: list[tuple[Path, Kind]] = []
    for path, kind in files:
        key = known.get(str(path), "")
        found.append((key, previous[key]) if key in previous else None)
        if key not in previous:
            todo.append((path, kind))
    if not todo:
        return [item for item in found if item is not None]
    chunks = map_chunks(ReadJob(previous).start, todo, jobs_for(jobs),
                        progress=partial(progress, "reading files"))
    read = iter(item for chunk in chunks for item in chunk)
    return [item if item is not None else next(read) for item in found]


@dataclass(slots=True)
class Listed:
    """The content folder before its files are read: site.yaml checked, the files found."""

    site: list[Checked]  # site.yaml's result, if it loaded
    files: list[tuple[Path, Kind]]
    problems: list[Diagnostic]  # found before validation


def list_content(content_path: Path) -> Listed:
    site, site_problem = load_site(content_path / "site.yaml")
    files, problems = content_files(content_path)
    if site_problem:
        problems.append(site_problem)
    return Listed([check_document(site, make_markdown())] if site else [], files, problems)


@dataclass(slots=True)
class Gathered:
    checked: list[Checked]  # every file, in order
    fresh: dict[str, Checked]  # the same by content key: the next cache
    problems: list[Diagnostic]  # found before validation
    kept: Collection[str] = frozenset()  # the keys of the cache loaded (save_checked)
    saved: bool = False  # save_checked has run
    also_save: list[Callable[[], None]] = field(default_factory=list)  # with the files
    # saved sooner, before the pages render (save_before_pages), with the files at the latest
    save_first: list[Callable[[], None]] = field(default_factory=list)
    published: dict[str, Entry] | None = None  # the skip check's walk (InputCheck.published)


def gather(content_path: Path, previous: dict[str, Checked], jobs: int = 0,
           progress: Report = no_progress, known: Mapping[str, str] | None = None
           ) -> Gathered:
    """Load and validate every content file, reusing `previous` (checked files by key;
    `known`: the keys of files read already, by path)."""
    listed = list_content(content_path)
    read = read_files(listed.files, previous, jobs, progress, known)
    return Gathered([*listed.site, *(item for _, item in read)],
                    {key: item for key, item in read if key}, listed.problems)


def save_checked(options: BuildOptions, gathered: Gathered) -> None:
    """Keep the checked files in .briefing/cache/, once a build: from the render step
    while the page workers render (after the pages this core would be working alone),
    else at the end of `build`."""
    if options.cache_path is not None and not gathered.saved:
        with no_cycle_collection():
            if gathered.fresh.keys() != gathered.kept:
                save_cache(options.cache_path, gathered.fresh, gathered.kept)
            _save_first(gathered)
            for save in gathered.also_save:
                save()
    gathered.saved = True
    gathered.save_first.clear()


def save_before_pages(options: BuildOptions, gathered: Gathered | None) -> None:
    """Save what is kept for the next build but not read by rendering (the link's parts:
    a tenth of the build process at 10,000 articles) and drop it, before the page workers
    fork: else this process holds it to the end and each worker counts it again. `check`
    saves nothing before it has succeeded (save_checked)."""
    if gathered is None or options.out_path is None or options.cache_path is None:
        return
    with no_cycle_collection():
        _save_first(gathered)


def _save_first(gathered: Gathered) -> None:
    """Run the saves that may come before the pages, once: they are dropped after."""
    for save in gathered.save_first:
        save()
    gathered.save_first.clear()


def assemble(checked: list[Checked], drafts: bool, base_url: str | None = None
             ) -> tuple[Content | None, list[Diagnostic]]:
    """Checked files -> Content, with --base-url applied to the site before linking."""
    content, problems = assemble_content(checked, include_drafts=drafts)
    if content is not None and base_url is not None:
        site = dataclasses.replace(content.site, base_url=with_slash(base_url))
        content = dataclasses.replace(content, site=site)
    return content, problems


def finish(problems: list[Diagnostic], options: BuildOptions) -> list[Diagnostic]:
    return strict(problems) if options.strict else problems


def read_content(content_path: Path, drafts: bool = False, jobs: int = 1
                 ) -> tuple[Content | None, list[Diagnostic]]:
    """Typed content and the problems found: `build`'s own first steps, without a cache."""
    gathered = gather(content_path, {}, jobs)
    content, problems = assemble(gathered.checked, drafts)
    return content, gathered.problems + problems


# --- render: everything but the pages ----------------------------------------------------


def render_options(graph: Graph, options: BuildOptions) -> RenderOptions:
    return RenderOptions(options.language or graph.site.language, graph.site.base_url,
                         options.file_urls)


# --- the build ----------------------------------------------------------------------------


# The render, link-check and write steps, given the linked graph and the files read: this
# module's own (`render_and_write`), or a caller's that reuses what it keeps.
Render = Callable[[Graph, "BuildOptions", list[Diagnostic], Report, Gathered], BuildResult]
# The link step: link_site, or a caller's that reuses the parts it keeps.
Link = Callable[[Content, "BuildOptions", Gathered], tuple[Graph, list[Diagnostic]]]


def build(options: BuildOptions, progress: Report = no_progress,
          render: Render | None = None, known: Mapping[str, str] | None = None,
          link: Link | None = None, published: dict[str, Entry] | None = None
          ) -> BuildResult:
    """The whole build. Without options.out_path every output stays in memory
    (`check`); with it, outputs are written as they are rendered into a new folder beside
    out_path, which replaces it only if the build succeeds."""
    started = time.perf_counter()
    cache = options.cache_path
    with no_cycle_collection():
        previous = load_cache(cache, options.notice) if cache is not None \
            and not options.fresh else {}
        gathered = gather(options.content_path, previous, options.jobs, progress, known)
        gathered.kept, gathered.published = previous.keys(), published
        checked_ok = False
        try:
            progress("linking", 0, 0)
            content, problems = assemble(gathered.checked, options.drafts, options.base_url)
            problems = gathered.problems + problems
            graph, link_problems = (link(content, options, gathered) if link else
                                    link_site(content)) if content else (None, [])
            problems = finish(problems + link_problems, options)
            if graph is None or has_errors(problems):
                return BuildResult(problems, graph=graph, seconds=time.perf_counter() - started)
            result = (render or render_and_write)(graph, options, problems, progress, gathered)
            checked_ok = result.ok
        finally:
            # Saved whatever the outcome of a build, never before the render workers fork
            # (encoding every file would grow this process first). `check` writes nothing
            # when it fails (it may run in a folder that must stay as it is).
            if options.out_path is not None or checked_ok:
                save_checked(options, gathered)
    result.seconds = time.perf_counter() - started
    return result


def render_and_write(graph: Graph, options: BuildOptions, problems: list[Diagnostic],
                     progress: Report, gathered: Gathered | None = None) -> BuildResult:
    settings = render_options(graph, options)
    jobs = jobs_for(options.jobs)
    plan = LazyPlan(graph, settings.language)  # pages made again where they render
    pages = plan.stubs
    assets = collect_assets(options.templates / "static")
    known = known_names(graph, pages, assets.files)
    sink: Staging | MemorySink = Staging(options.out_path) if options.out_path else MemorySink()
    others = dict(assets.files)
    result = BuildResult(graph=graph)
    work = options.cache_path.parent if options.cache_path is not None else None
    kept = Kept(None if options.fresh else load_search_state(work, options.notice)) \
        if work is not None else None
    try:
        with collect_new_objects_only():
            job = RenderJob(graph, settings, options.templates, assets.names, plan, known, sink)
            data: dict[str, bytes] = {}

            def meanwhile() -> None:  # in this process while the workers render
                others.update(render_feeds(graph, settings.language)[0])
                data.update(data_files(graph, kept))
                if gathered is not None and options.out_path is not None:
                    save_checked(options, gathered)

            save_before_pages(options, gathered)
            done = render_pages(job, range(len(pages)), jobs, progress=progress,
                                meanwhile=meanwhile)
            if done.template_problems:
                result.diagnostics = sorted(problems + done.template_problems)
                return result
            others.update(outputs_after_pages(graph, settings, pages, jobs, progress, kept,
                                              data=data))
            link_problems = done.link_problems + check_links(
                others, settings.base_url, known.union(others), done.late, sink.read)
        written, entries = put_all(sink, others)
        result.diagnostics = sorted(problems + link_problems)
        result.files = done.files + len(others)
        if isinstance(sink, MemorySink):
            result.outputs = sink.outputs
        elif result.ok:
            # the output stamp without a walk over the published folder
            stamp = stamp_of([*done.entries, *entries, sink.entry(MARKER)])
            sink.commit()
            written += done.written
            if work is not None and kept is not None and kept.search is not None:
                save_search_state(work, kept.search)
            result.stats, result.stamp = WriteStats(written, result.files - written), stamp
    finally:
        if isinstance(sink, Staging) and result.stats is None:
            sink.abort()
    return result


def _options_key(options: BuildOptions) -> str:
    return options_text(options.content_path, options.base_url, options.language,
                        options.drafts, options.strict, options.file_urls)


def options_key(options: BuildOptions) -> str:
    """Every option that changes what is built, as text."""
    return _options_key(options)


def build_site(options: BuildOptions, progress: Report = no_progress,
               render: Render | None = None, inputs: InputCheck | None = None,
               link: Link | None = None) -> BuildResult:
    """`build`, skipped when neither the inputs nor the published folder changed since
    the last one (workdir.skip; `inputs`: its check, made already by the caller)."""
    out, cache_path = options.out_path, options.cache_path
    started = time.perf_counter()
    if out is not None and cache_path is not None and inputs is None:
        inputs = check_inputs(options.content_path, options.templates, _options_key(options),
                              cache_path, out, options.fresh, options.notice)
    if inputs is not None and inputs.unchanged is not None:
        last = inputs.unchanged
        return BuildResult(diagnostics=list(last[3]), stats=WriteStats(0, last[2]),
                           seconds=time.perf_counter() - started)
    result = build(options, progress, render, inputs.known if inputs is not None else {},
                   link, inputs.published if inputs is not None else None)
    if result.stats is not None and out is not None and cache_path is not None \
            and inputs is not None:
        save_state(cache_path, out, (inputs.fingerprint, result.stamp, result.files,
                                     tuple(result.diagnostics)))
    return result
