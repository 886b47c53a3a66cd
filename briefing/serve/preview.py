"""Dev server: an edited briefing's own page, rendered at once against the last build's
graph, before the full rebuild (which may still change what the page lists from other
files, such as related briefings)."""

from __future__ import annotations

import dataclasses
from importlib.resources.abc import Traversable
from pathlib import Path

import jinja2

from briefing.build import check_bytes
from briefing.core.diagnostics import Severity
from briefing.core.routes import output_file
from briefing.link.graph import Graph
from briefing.load.files import display_path, read_bytes
from briefing.render.assets import collect_assets
from briefing.render.engine import RenderOptions, page_helpers, render_page
from briefing.render.pages import article_page
from briefing.render.templates import make_environment
from briefing.validate.markdown import make_markdown
from briefing.validate.model import Article


def valid_article(path: Path) -> Article | None:
    """The briefing in a file, if it loads and validates without an error."""
    data, _ = read_bytes(path, display_path(path))
    if data is None:
        return None
    checked = check_bytes(path, "article", data, make_markdown())
    if any(p.severity is Severity.ERROR for p in checked.problems):
        return None
    article = checked.result
    return article if isinstance(article, Article) and not article.draft else None


def render_article_preview(graph: Graph, options: RenderOptions, templates: Traversable,
                           article: Article, environment: jinja2.Environment | None = None
                           ) -> tuple[str, bytes]:
    """One article's page (its output path and bytes) against `graph`, with the article
    swapped in."""
    graph = dataclasses.replace(graph, articles={**graph.articles, article.id: article})
    page = article_page(graph, article, options.language)
    env = environment or make_environment(templates)
    assets = collect_assets(templates / "static")
    helpers = page_helpers(env, graph, options, assets.names)
    return output_file(page.path), render_page(env, page, helpers, options, assets.names)
