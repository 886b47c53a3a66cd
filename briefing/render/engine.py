"""Render planned pages through Jinja into a sink, each page's links checked as it is
made, on every core (workers hold a typed RenderJob, not a dict)."""

from __future__ import annotations

from array import array
from collections import OrderedDict
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import partial
from importlib.resources.abc import Traversable
from typing import Any

import jinja2
from markupsafe import Markup

from briefing.core.dates import PartialDate
from briefing.core.diagnostics import Diagnostic, error
from briefing.core.fmt import format_date, format_krw, format_month, format_value
from briefing.core.routes import (
    ROOT,
    article_path,
    event_path,
    make_url,
    node_path,
    output_file,
    root_prefix,
)
from briefing.core.wikilinks import fill_links
from briefing.link.graph import Graph
from briefing.render.charts import grouped_bars
from briefing.render.feedplan import watch_links
from briefing.render.i18n import strings
from briefing.render.linkcheck import LateRef, LinkScanner
from briefing.render.pages import Page
from briefing.render.reads import ReadLog, ReadTable, Tracking
from briefing.render.relview import GraphViews
from briefing.render.seo import dump_jsonld
from briefing.render.sink import Entry, Sink
from briefing.render.templates import make_environment
from briefing.validate.model import Body
from briefing.workers.parallel import map_chunks
from briefing.workers.progress import Report, no_progress


@dataclass(frozen=True, slots=True)
class RenderOptions:
    language: str
    base_url: str
    file_urls: bool = False


def _helpers(graph: Graph, options: RenderOptions, view: Graph) -> dict[str, Any]:
    """What templates see besides the page; `view` is the graph they look things up in
    (a recording view when a long-lived build tracks reads)."""
    language = options.language
    g: Any = view

    def fdate(date: PartialDate | None) -> str:
        return format_date(date, language) if date else ""

    def fkrw(value: Decimal | None) -> str:
        return format_krw(value, language) if value is not None else ""

    def name(node_id: str) -> str:
        node = g.nodes.get(node_id)
        return node.name.show(language) if node else node_id

    url = make_url(options.file_urls)

    def resolve(kind: str, target: str, label: str | None) -> tuple[str, str] | None:
        # one lookup each (a recording view records the same read for `in` and `[]`)
        if kind == "node" and (node := g.nodes.get(target)) is not None:
            return url(node_path(target, node.is_carrier)), label or node.name.show(language)
        if kind == "article" and (article := g.articles.get(target)) is not None:
            return url(article_path(target)), label or article.title
        if kind == "event" and (event := g.events.get(target)) is not None:
            return url(event_path(target)), label or event.title
        return None

    def body(node_body: Body) -> Markup:
        return Markup(fill_links(node_body.html, resolve))

    return {"t": strings(language), "g": g, "site": graph.site, "lang": language,
            "graphs": GraphViews(g, name, url, strings(language)),
            "watch_links": watch_links(graph, g, language),
            "fdate": fdate, "fkrw": fkrw, "fvalue": lambda a: format_value(a, language),
            "name": name, "fmonth": lambda y, m: format_month(y, m, language) if y else "—",
            "bars": grouped_bars, "url": url, "body": body, "absolute": lambda p:
            options.base_url + p}


# Fragments kept per process: the least recently used go first past this bound, so the
# memory stays flat at 100,000 articles (a fragment and its reads are about 1 KiB). An
# item is listed on pages far apart in the plan (an event row on its briefing's, its
# entities' and its week's pages): at 10,000 articles with -j 2 each process meets about
# 38,000 distinct fragments, and emptying the memo at 20,000 rendered 124,000 of them.
MEMO_LIMIT = 40_000


class _Fragments:
    """Macros rendered once per item and reused on every page that lists the item."""

    def __init__(self, env: jinja2.Environment, helpers: dict[str, Any],
                 assets: dict[str, str], log: ReadLog | None = None) -> None:
        self.module = env.get_template("macros.html").make_module(
            {**helpers, "asset": lambda name: helpers["url"](assets[name])})
        # fragment -> (its markup, what it read: every page that shows it read that too)
        self.memo: OrderedDict[tuple[str, tuple[Any, ...]],
                               tuple[Markup, frozenset[Any]]] = OrderedDict()
        self.log = log

    def __getattr__(self, name: str) -> Any:
        macro = getattr(self.module, name)

        def call(*args: Any) -> Markup:
            key = (name, args)
            log, memo = self.log, self.memo
            found = memo.get(key)
            if found is None:
                if len(memo) >= MEMO_LIMIT:
                    memo.popitem(last=False)
                if log is not None:
                    log.push()
                markup = Markup(macro(*args))
                found = memo[key] = (markup, log.pop() if log is not None else frozenset())
            else:
                memo.move_to_end(key)
                if log is not None:
                    log.add_all(found[1])
            return found[0]

        self.__dict__[name] = call  # later lookups of the name don't come here
        return call


def page_helpers(env: jinja2.Environment, graph: Graph, options: RenderOptions,
                 assets: dict[str, str], tracking: Tracking | None = None,
                 log: ReadLog | None = None) -> dict[str, Any]:
    """The helpers, with the memoised fragments (`cached`) that share their reads."""
    view = tracking.view(graph, log) if tracking is not None and log is not None else graph
    helpers = _helpers(graph, options, view)
    helpers["cached"] = _Fragments(env, helpers, assets, log)
    return helpers


def render_page(env: jinja2.Environment, page: Page, helpers: dict[str, Any],
                options: RenderOptions, assets: dict[str, str]) -> bytes:
    url = helpers["url"]
    is_404 = page.path == "404.html"
    context = {**helpers, **page.context, "page": page,
               "asset": lambda name: url(assets[name]),
               "canonical": options.base_url + (page.path if not is_404 else ""),
               "jsonld": Markup(dump_jsonld(page.jsonld)) if page.jsonld else None}
    html = env.get_template(page.template).render(context)
    return html.replace(ROOT, root_prefix(page.path, options.base_url)).encode("utf-8")


def template_problem(exc: jinja2.TemplateError, page: Page) -> Diagnostic:
    filename = getattr(exc, "filename", None) or getattr(exc, "name", None) or page.template
    line = getattr(exc, "lineno", None) or 1
    return error(str(filename), line, 1, "template",
                 f"{exc.message or type(exc).__name__} (rendering /{page.path})")


@dataclass(frozen=True, slots=True)
class RenderJob:
    """What every page worker needs: inherited by forked workers, never pickled."""

    graph: Graph
    options: RenderOptions
    templates: Traversable
    assets: dict[str, str]  # asset name -> its fingerprinted site path
    pages: Sequence[Page]  # the plan (a render.plan.LazyPlan in a cold build)
    known: Collection[str]  # output names known before the pages (checked links)
    sink: Sink
    tracking: Tracking | None = None
    environment: jinja2.Environment | None = None  # compiled, of a long-lived caller

    def start(self) -> _PageWorker:
        return _PageWorker(self)


@dataclass(slots=True)
class RenderedPages:
    """What the page workers made: counts, problems, links left for the end, and (with
    tracking) what each page read: as sets in `reads`, or with a ReadTable as numbers
    into `table` in `numbered` (`digests`: each table entry's digest)."""

    template_problems: list[Diagnostic] = field(default_factory=list)
    link_problems: list[Diagnostic] = field(default_factory=list)
    late: list[LateRef] = field(default_factory=list)
    reads: dict[str, frozenset[Any]] = field(default_factory=dict)
    numbered: dict[str, array[int]] = field(default_factory=dict)
    table: list[Any] = field(default_factory=list)
    digests: list[bytes] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)  # when the sink is shared
    outputs: list[tuple[str, bytes]] = field(default_factory=list)  # when it is not
    files: int = 0
    written: int = 0


class _PageWorker:
    """One process's templates, helpers and link scanner."""

    def __init__(self, job: RenderJob) -> None:
        self.job = job
        self.env = job.environment or make_environment(job.templates)
        self.log = job.tracking.new_log() if job.tracking is not None else None
        self.table: ReadTable | None = job.tracking.table() \
            if job.tracking is not None and job.tracking.table is not None else None
        self.helpers = page_helpers(self.env, job.graph, job.options, job.assets,
                                    job.tracking, self.log)
        self.scanner = LinkScanner(job.options.base_url, job.known)
        # One object per distinct read: pages repeat the same few (the header, lists),
        # so what travels back from a forked worker and what the build holds is a
        # fraction of one tuple per read per page (millions at 10,000 articles).
        self.interned: dict[Any, Any] = {}

    def __call__(self, chunk: Sequence[int]) -> RenderedPages:
        job, log = self.job, self.log
        done = RenderedPages()
        for index in chunk:
            page = job.pages[index]
            if log is not None:
                log.take()  # a page that failed must not leave its reads to the next
            path = output_file(page.path)
            try:
                data = render_page(self.env, page, self.helpers, job.options, job.assets)
            except jinja2.TemplateError as exc:
                done.template_problems.append(template_problem(exc, page))
                if isinstance(exc, jinja2.TemplateSyntaxError | jinja2.TemplateNotFound):
                    break
                continue
            if log is not None and self.table is not None:
                done.numbered[page.path] = self.table.ids(log.take())
            elif log is not None:
                reads = log.take()
                done.reads[page.path] = frozenset(map(self.interned.setdefault, reads, reads))
            problems, late = self.scanner.scan(path, data)
            done.link_problems += problems
            done.late += late
            done.files += 1
            if not job.sink.shared:
                done.outputs.append((path, data))
                continue
            if job.sink.put(path, data):
                done.written += 1
            done.entries.append(job.sink.entry(path))
        if self.table is not None:
            done.table, done.digests = self.table.flush()
        return done


class Numbering:
    """One table of reads for the whole build (`into`'s), from the chunks' own
    (ReadTable), or from reads numbered here."""

    def __init__(self, into: RenderedPages) -> None:
        self.into = into
        self.number: dict[Any, int] = {read: n for n, read in enumerate(into.table)}

    def add(self, reads: list[Any], digests: list[bytes]) -> list[int]:
        """Number `reads` (with their digests) in the build's table; their numbers."""
        table, number, into = self.into.table, self.number, self.into
        numbers = []
        for read, digest in zip(reads, digests, strict=True):
            found = number.get(read)
            if found is None:
                found = number[read] = len(table)
                table.append(read)
                into.digests.append(digest)
            numbers.append(found)
        return numbers

    def merge(self, chunk: RenderedPages) -> None:
        renumber = self.add(chunk.table, chunk.digests).__getitem__
        for path, ids in chunk.numbered.items():
            self.into.numbered[path] = array("I", sorted(map(renumber, ids)))


def render_pages(job: RenderJob, indexes: Sequence[int], jobs: int,
                 meanwhile: Callable[[], object] | None = None,
                 progress: Report = no_progress) -> RenderedPages:
    """Render the planned pages at `indexes` into the job's sink, on every core, their
    links checked against the names known so far. `meanwhile` runs in this process while
    the workers render."""
    rendered = RenderedPages()
    numbering = Numbering(rendered)
    for chunk in map_chunks(job.start, indexes, jobs, meanwhile=meanwhile,
                            progress=partial(progress, "rendering pages")):
        for path, data in chunk.outputs:  # made in a worker the sink could not reach
            rendered.written += job.sink.put(path, data)
        rendered.reads.update(chunk.reads)
        numbering.merge(chunk)
        rendered.entries += chunk.entries
        rendered.template_problems += chunk.template_problems
        rendered.link_problems += chunk.link_problems
        rendered.late += chunk.late
        rendered.files += chunk.files
        rendered.written += chunk.written
    # one message per template problem, not one per page
    rendered.template_problems = sorted(set(rendered.template_problems))[:20]
    return rendered


# Shims for branches written against the old render/engine.py: to remove once they are
# ported (docs/architecture.md, "Where things moved").
from briefing.render.feedset import feed_paths as feed_paths  # noqa: E402
from briefing.render.templates import folder_problem as folder_problem  # noqa: E402
from briefing.render.templates import packaged_templates as packaged_templates  # noqa: E402
from briefing.render.templates import template_root as template_root  # noqa: E402
