"""Render every output of the site: pages through Jinja, feeds, data, sitemap, assets."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import partial
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, cast

import jinja2
from markupsafe import Markup

from briefing.dates import PartialDate
from briefing.diagnostics import Diagnostic, error
from briefing.graph import Graph
from briefing.linkcheck import LateRef, LinkScanner, check_late
from briefing.markdown import fill_links
from briefing.model import Article, Body
from briefing.parallel import map_chunks
from briefing.progress import Report, no_progress
from briefing.render.assets import collect_assets
from briefing.render.charts import grouped_bars
from briefing.render.data import data_paths, render_data
from briefing.render.digest_feeds import FEEDS, digest_feed
from briefing.render.feeds import atom_feed
from briefing.render.fmt import format_date, format_krw, format_month, format_value
from briefing.render.i18n import strings
from briefing.render.pages import Page, article_page, plan_pages
from briefing.render.seo import dump_jsonld
from briefing.render.tracking import Read, Reads, TrackedGraph
from briefing.render.urls import ROOT, make_url, output_file, root_prefix
from briefing.search import build_search_index
from briefing.write import Staging


@dataclass(frozen=True, slots=True)
class RenderOptions:
    language: str
    base_url: str
    file_urls: bool = False


def packaged_templates() -> Traversable:
    return files("briefing._templates")


def template_root(explicit: Path | None, cwd: Path) -> Traversable:
    """Lookup order: --templates, then ./templates, then the packaged default."""
    if explicit is not None:
        return explicit
    local = cwd / "templates"
    if (local / "base.html").is_file():
        return local
    return packaged_templates()


def folder_problem(content: Path, templates: Path | None) -> str | None:
    """What is wrong with the --content and --templates folders, if anything."""
    if not content.is_dir():
        return f"content folder '{content}' not found"
    if templates is not None and not (templates / "base.html").is_file():
        return f"templates folder '{templates}' has no base.html"
    return None


class _TraversableLoader(jinja2.BaseLoader):
    """Loads templates from a folder or from the installed package alike."""

    def __init__(self, root: Traversable) -> None:
        self.root = root

    def get_source(self, environment: jinja2.Environment, template: str
                   ) -> tuple[str, str | None, Any]:
        item = self.root
        for part in template.split("/"):
            item = item / part
        if not item.is_file():
            raise jinja2.TemplateNotFound(template)
        filename = str(item) if isinstance(item, Path) else template
        return item.read_text(encoding="utf-8"), filename, lambda: True


def make_environment(root: Traversable) -> jinja2.Environment:
    env = jinja2.Environment(loader=_TraversableLoader(root), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True,
                             lstrip_blocks=True, keep_trailing_newline=True)
    return env


def _helpers(graph: Graph, options: RenderOptions, reads: Reads | None = None
             ) -> dict[str, Any]:
    """What templates see besides the page; with `reads`, every graph lookup is recorded."""
    language = options.language
    g: Any = TrackedGraph(graph, reads) if reads is not None else graph

    def fdate(date: PartialDate | None) -> str:
        return format_date(date, language) if date else ""

    def fkrw(value: Decimal | None) -> str:
        return format_krw(value, language) if value is not None else ""

    def name(node_id: str) -> str:
        node = g.nodes.get(node_id)
        return node.name.show(language) if node else node_id

    url = make_url(options.file_urls)

    def resolve(kind: str, target: str, label: str | None) -> tuple[str, str] | None:
        if kind == "node" and target in g.nodes:
            node = g.nodes[target]
            folder = "carriers" if node.is_carrier else "entities"
            return url(f"{folder}/{target}/"), label or node.name.show(language)
        if kind == "article" and target in g.articles:
            return url(f"articles/{target}/"), label or g.articles[target].title
        if kind == "event" and target in g.events:
            return url(f"events/{target}/"), label or g.events[target].title
        return None

    def body(node_body: Body) -> Markup:
        return Markup(fill_links(node_body.html, resolve))

    return {"t": strings(language), "g": g, "site": graph.site, "lang": language,
            "fdate": fdate, "fkrw": fkrw, "fvalue": lambda a: format_value(a, language),
            "name": name, "fmonth": lambda y, m: format_month(y, m, language) if y else "—",
            "bars": grouped_bars, "url": url, "body": body, "absolute": lambda p:
            options.base_url + p}


class _Fragments:
    """Macros rendered once per item and reused on every page that lists the item."""

    def __init__(self, env: jinja2.Environment, helpers: dict[str, Any],
                 assets: dict[str, str], reads: Reads | None = None) -> None:
        self.module = env.get_template("macros.html").make_module(
            {**helpers, "asset": lambda name: helpers["url"](assets[name])})
        self.memo: dict[tuple[str, tuple[Any, ...]], Markup] = {}
        self.reads = reads
        # What each memoised fragment read: every page that shows it has read that too.
        self.memo_reads: dict[tuple[str, tuple[Any, ...]], frozenset[Read]] = {}

    def __getattr__(self, name: str) -> Any:
        macro = getattr(self.module, name)

        def call(*args: Any) -> Markup:
            key = (name, args)
            reads = self.reads
            if key not in self.memo:
                if reads is not None:
                    reads.push()
                self.memo[key] = Markup(macro(*args))
                if reads is not None:
                    self.memo_reads[key] = reads.pop()
            elif reads is not None:
                reads.add_all(self.memo_reads[key])
            return self.memo[key]

        return call


def _page_helpers(env: jinja2.Environment, graph: Graph, options: RenderOptions,
                  assets: dict[str, str], reads: Reads | None = None) -> dict[str, Any]:
    """The helpers, with the memoised fragments (`cached`) that share their reads."""
    helpers = _helpers(graph, options, reads)
    helpers["cached"] = _Fragments(env, helpers, assets, reads)
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


def _sitemap(pages: list[Page], base_url: str) -> bytes:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for page in pages:
        if page.path == "404.html":
            continue
        lastmod = ""
        if page.template == "article.html":
            article = page.context["article"]
            stamp = article.updated or article.published
            if stamp and stamp.precision == "day":
                lastmod = f"<lastmod>{stamp.iso()}</lastmod>"
        lines.append(f"<url><loc>{jinja2.utils.markupsafe.escape(base_url + page.path)}</loc>"
                     f"{lastmod}</url>")
    lines.append("</urlset>")
    return ("\n".join(lines) + "\n").encode("utf-8")


@dataclass(slots=True)
class Rendered:
    """What render_site made: every output (when rendered in memory; a staged render
    writes them instead), the problems, and the write counts."""

    outputs: dict[str, bytes] = field(default_factory=dict)
    problems: list[Diagnostic] = field(default_factory=list)
    files: int = 0
    written: int = 0
    unchanged: int = 0
    pages: list[Page] = field(default_factory=list)  # the plan, every page
    feeds: list[str] = field(default_factory=list)  # every feed's path
    # each staged file's (path once published, size, mtime): the output's stamp
    entries: list[tuple[str, int, int]] = field(default_factory=list)
    # what each page (by site path) and feed (by output path) read, when tracked
    reads: dict[str, frozenset[Read]] = field(default_factory=dict)


@dataclass(slots=True)
class _Chunk:
    outputs: list[tuple[str, bytes]] = field(default_factory=list)
    template_problems: list[Diagnostic] = field(default_factory=list)
    link_problems: list[Diagnostic] = field(default_factory=list)
    late: list[LateRef] = field(default_factory=list)
    reads: dict[str, frozenset[Read]] = field(default_factory=dict)
    entries: list[tuple[str, int, int]] = field(default_factory=list)  # when staged
    files: int = 0
    written: int = 0


def _render_chunk(state: dict[str, Any], chunk: Sequence[int]) -> _Chunk:
    """Render some of the planned pages, check their links and write them to the staging
    folder, or keep them (in a worker process at scale)."""
    if "env" not in state:
        env = state["environment"] or make_environment(state["templates"])
        reads = Reads() if state["track"] else None
        state["env"], state["reads"] = env, reads
        state["helpers"] = _page_helpers(env, state["graph"], state["options"],
                                         state["assets"], reads)
        state["scanner"] = LinkScanner(state["options"].base_url, state["known"])
    stage: Staging | None = state["stage"]
    reads = state["reads"]
    done = _Chunk()
    for index in chunk:
        page = state["pages"][index]
        if reads is not None:
            reads.take()  # a page that failed must not leave its reads to the next
        path = output_file(page.path)
        try:
            data = render_page(state["env"], page, state["helpers"], state["options"],
                               state["assets"])
        except jinja2.TemplateError as exc:
            done.template_problems.append(_template_problem(exc, page))
            if isinstance(exc, jinja2.TemplateSyntaxError | jinja2.TemplateNotFound):
                break
            continue
        if reads is not None:
            done.reads[page.path] = reads.take()
        problems, late = state["scanner"].scan(path, data)
        done.link_problems += problems
        done.late += late
        done.files += 1
        if stage is None:
            done.outputs.append((path, data))
            continue
        if stage.put(path, data):
            done.written += 1
        done.entries.append(stage.entry(path))
    return done


def feed_paths(graph: Graph) -> dict[str, str]:
    """Every feed's path, and the carrier or entity it follows ("" for the site feed,
    "@targets" and "@weeks" for those of /targets/ and /weeks/)."""
    paths = {"feed.xml": ""}
    for node_id in (*graph.carriers, *graph.entities):
        folder = "carriers" if graph.nodes[node_id].is_carrier else "entities"
        paths[f"{folder}/{node_id}/feed.xml"] = node_id
    return {**paths, **FEEDS}


def _feeds(graph: Graph, options: RenderOptions, only: set[str] | None = None,
           reads: Reads | None = None) -> tuple[dict[str, bytes], dict[str, frozenset[Read]]]:
    """Every feed (or those in `only`); with `reads`, what each one read from the graph."""
    view = cast(Graph, TrackedGraph(graph, reads)) if reads is not None else graph
    language = options.language
    outputs: dict[str, bytes] = {}
    feed_reads: dict[str, frozenset[Read]] = {}
    for path, node_id in feed_paths(graph).items():
        if only is not None and path not in only:
            continue
        if reads is not None:
            reads.take()
        if node_id.startswith("@"):  # the tracker's and the weekly digests' feeds
            outputs[path] = digest_feed(view, node_id, language)
        elif node_id:
            outputs[path] = atom_feed(
                view, path, path.removesuffix("feed.xml"),
                f"{view.site.title}: {view.nodes[node_id].name.show(language)}",
                view.node_articles.get(node_id, ()), language)
        else:
            outputs[path] = atom_feed(view, path, "", view.site.title, view.articles_by_date,
                                      language)
        if reads is not None:
            feed_reads[path] = reads.take()
    return outputs, feed_reads


def _site_files(pages: list[Page], options: RenderOptions) -> dict[str, bytes]:
    """The sitemap and robots.txt."""
    return {"sitemap.xml": _sitemap(pages, options.base_url),
            "robots.txt": (f"User-agent: *\nAllow: /\nSitemap: {options.base_url}sitemap.xml\n"
                           ).encode()}


def render_site(graph: Graph, options: RenderOptions, templates: Traversable, jobs: int = 1,
                stage: Staging | None = None, progress: Report = no_progress,
                track: bool = False, pages: list[Page] | None = None,
                only: set[str] | None = None,
                before_search: Callable[[Rendered, dict[str, bytes]], None] | None = None,
                environment: jinja2.Environment | None = None,
                search_jobs: int = 0) -> Rendered:
    """Every output of the site, links checked: in memory, or written into `stage`.

    Pages render on every core, each page's links checked as it is made against the
    names known by then (pages, assets, data, feeds); this process makes the feeds
    meanwhile (or after, with `track`: each feed's reads recorded, as each page's).
    `before_search` gets the pages and feeds as soon as they are done. The data files
    and the search index come after the pages, so the two big phases never overlap; the
    index is split between this process and `search_jobs - 1` fresh helpers (default:
    `jobs`), which hold only their documents (forked copies of this process would count
    its memory again).

    `pages` is the plan when the caller made it, `only` the site paths of the pages and
    the feeds to render (the others are known unchanged), `environment` the templates,
    compiled, of a long-lived caller."""
    assets = collect_assets(templates / "static")
    if pages is None:
        pages = plan_pages(graph, options.language)
    others = dict(assets.files)
    feeds = feed_paths(graph)
    known = {*others, *data_paths(graph), *feeds, "sitemap.xml", "robots.txt"}
    known.update(output_file(page.path) for page in pages)
    state = {"graph": graph, "options": options, "templates": templates,
             "assets": assets.names, "pages": pages, "known": known, "stage": stage,
             "track": track, "environment": environment}
    rendered = Rendered(pages=pages, feeds=list(feeds))
    done = _Chunk()
    indexes = [i for i, page in enumerate(pages) if only is None or page.path in only]
    for chunk in map_chunks(_render_chunk, indexes, state, jobs,
                            # (a long-lived build tracks its feeds: they come after)
                            meanwhile=None if track else lambda: others.update(
                                _feeds(graph, options)[0]),
                            progress=partial(progress, "rendering pages")):
        rendered.outputs.update(chunk.outputs)
        rendered.reads.update(chunk.reads)
        rendered.entries += chunk.entries
        done.template_problems += chunk.template_problems
        done.link_problems += chunk.link_problems
        done.late += chunk.late
        rendered.files += chunk.files
        rendered.written += chunk.written
    if done.template_problems:  # one message per template problem, not one per page
        rendered.problems = sorted(set(done.template_problems))[:20]
        return rendered
    if track:  # only the feeds that read something that changed, as for pages
        feed_outputs, feed_reads = _feeds(graph, options, only, Reads())
        others.update(feed_outputs)
        rendered.reads.update(feed_reads)
    if before_search is not None and not done.link_problems:
        before_search(rendered, others)  # the pages are ready: a dev server shows them
    others.update(_site_files(pages, options))
    others.update(render_data(graph))
    progress("search index", 0, 0)
    others.update(build_search_index(graph, options.language, jobs=search_jobs or jobs))
    scanner = LinkScanner(options.base_url, known.union(others))
    for path in sorted(others):
        problems, late = scanner.scan(path, others[path])
        done.link_problems += problems
        done.late += late
        rendered.files += 1
        if stage is None:
            rendered.outputs[path] = others[path]
            continue
        if stage.put(path, others[path]):
            rendered.written += 1
        rendered.entries.append(stage.entry(path))
    rendered.unchanged = rendered.files - rendered.written if stage is not None else 0
    read = stage.read if stage is not None else rendered.outputs.__getitem__
    rendered.problems = done.link_problems + check_late(done.late, known.union(others), read)
    return rendered


def render_article_preview(graph: Graph, options: RenderOptions, templates: Traversable,
                           article: Article, environment: jinja2.Environment | None = None
                           ) -> tuple[str, bytes]:
    """One article's page against the last linked graph, with the article swapped in:
    the dev server shows an edit at once, before the full rebuild (which may still change
    what the page lists from other files, such as related briefings)."""
    graph = dataclasses.replace(graph, articles={**graph.articles, article.id: article})
    page = article_page(graph, article, options.language)
    env = environment or make_environment(templates)
    assets = collect_assets(templates / "static")
    helpers = _page_helpers(env, graph, options, assets.names)
    return output_file(page.path), render_page(env, page, helpers, options, assets.names)


def _template_problem(exc: jinja2.TemplateError, page: Page) -> Diagnostic:
    filename = getattr(exc, "filename", None) or getattr(exc, "name", None) or page.template
    line = getattr(exc, "lineno", None) or 1
    return error(str(filename), line, 1, "template",
                 f"{exc.message or type(exc).__name__} (rendering /{page.path})")
