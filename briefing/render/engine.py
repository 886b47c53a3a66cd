"""Render every output of the site: pages through Jinja, feeds, data, sitemap, assets."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import jinja2
from markdown_it import MarkdownIt
from markupsafe import Markup

from briefing.dates import PartialDate
from briefing.diagnostics import Diagnostic, error
from briefing.graph import Graph
from briefing.markdown import make_markdown, parse_body, render_body
from briefing.model import Body
from briefing.render.assets import collect_assets
from briefing.render.charts import grouped_bars
from briefing.render.data import render_data
from briefing.render.feeds import atom_feed
from briefing.render.fmt import format_date, format_krw, format_month, format_value
from briefing.render.i18n import strings
from briefing.render.pages import Page, plan_pages
from briefing.render.seo import dump_jsonld
from briefing.render.urls import UrlMaker, output_file


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


def _helpers(graph: Graph, options: RenderOptions, md: MarkdownIt) -> dict[str, Any]:
    language = options.language
    t = strings(language)

    def fdate(date: PartialDate | None) -> str:
        return format_date(date, language) if date else ""

    def fkrw(value: Decimal | None) -> str:
        return format_krw(value, language) if value is not None else ""

    def name(node_id: str) -> str:
        node = graph.nodes.get(node_id)
        return node.name.show(language) if node else node_id

    return {"t": t, "g": graph, "site": graph.site, "lang": language, "fdate": fdate,
            "fkrw": fkrw, "fvalue": lambda a: format_value(a, language), "name": name,
            "fmonth": lambda y, m: format_month(y, m, language) if y else "—",
            "bars": grouped_bars, "md": md}


def _render_body(md: MarkdownIt, graph: Graph, body: Body, urls: UrlMaker,
                 language: str) -> Markup:
    tokens, _links, _problems = parse_body(md, body.text, "", body.line)

    def resolve(kind: str, target: str, label: str | None) -> tuple[str, str] | None:
        if kind == "node" and target in graph.nodes:
            node = graph.nodes[target]
            folder = "carriers" if node.is_carrier else "entities"
            return urls.url(f"{folder}/{target}/"), label or node.name.show(language)
        if kind == "article" and target in graph.articles:
            return urls.url(f"articles/{target}/"), label or graph.articles[target].title
        if kind == "event" and target in graph.events:
            return urls.url(f"events/{target}/"), label or graph.events[target].title
        return None

    return Markup(render_body(md, tokens, resolve))


def render_page(env: jinja2.Environment, page: Page, helpers: dict[str, Any], graph: Graph,
                options: RenderOptions, assets: dict[str, str], md: MarkdownIt) -> bytes:
    is_404 = page.path == "404.html"
    urls = UrlMaker(page.path, options.base_url, options.file_urls and not is_404,
                    root_relative=is_404)

    def asset(name: str) -> str:
        return urls.url(assets[name])

    def body(node_body: Body) -> Markup:
        return _render_body(md, graph, node_body, urls, options.language)

    context = {**helpers, **page.context, "page": page, "url": urls.url, "asset": asset,
               "absolute": urls.absolute, "body": body,
               "canonical": options.base_url + (page.path if not is_404 else ""),
               "jsonld": Markup(dump_jsonld(page.jsonld)) if page.jsonld else None}
    template = env.get_template(page.template)
    return template.render(context).encode("utf-8")


def _sitemap(graph: Graph, pages: list[Page], base_url: str) -> bytes:
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


def render_site(graph: Graph, options: RenderOptions, templates: Traversable
                ) -> tuple[dict[str, bytes], list[Diagnostic]]:
    """Every output file of the site, by site path."""
    env = make_environment(templates)
    md = make_markdown()
    assets = collect_assets(templates / "static")
    helpers = _helpers(graph, options, md)
    pages = plan_pages(graph, options.language)
    outputs: dict[str, bytes] = dict(assets.files)
    problems: list[Diagnostic] = []
    for page in pages:
        try:
            outputs[output_file(page.path)] = render_page(env, page, helpers, graph, options,
                                                          assets.names, md)
        except jinja2.TemplateError as exc:
            problems.append(_template_problem(exc, page))
            if isinstance(exc, jinja2.TemplateSyntaxError | jinja2.TemplateNotFound):
                break
    outputs.update(render_data(graph))
    t = strings(options.language)
    outputs["feed.xml"] = atom_feed(graph, "feed.xml", "", graph.site.title,
                                    graph.articles_by_date, options.language)
    for node_id in (*graph.carriers, *graph.entities):
        folder = "carriers" if graph.nodes[node_id].is_carrier else "entities"
        outputs[f"{folder}/{node_id}/feed.xml"] = atom_feed(
            graph, f"{folder}/{node_id}/feed.xml", f"{folder}/{node_id}/",
            f"{graph.site.title}: {helpers['name'](node_id)}",
            graph.node_articles.get(node_id, ()), options.language)
    outputs["sitemap.xml"] = _sitemap(graph, pages, options.base_url)
    outputs["robots.txt"] = (f"User-agent: *\nAllow: /\nSitemap: {options.base_url}sitemap.xml\n"
                             ).encode()
    del t
    return outputs, problems


def _template_problem(exc: jinja2.TemplateError, page: Page) -> Diagnostic:
    filename = getattr(exc, "filename", None) or getattr(exc, "name", None) or page.template
    line = getattr(exc, "lineno", None) or 1
    return error(str(filename), line, 1, "template",
                 f"{exc.message or type(exc).__name__} (rendering /{page.path})")
