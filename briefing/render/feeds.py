"""Atom feeds: entry ids are tag: URIs; `updated` comes from content, never the clock."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape

from briefing.core.routes import node_path
from briefing.link.graph import Graph
from briefing.render.i18n import strings
from briefing.render.reads import ReadLog, Tracking

FEED_SIZE = 50


def _attr(text: str) -> str:
    """An XML attribute value: quotes escaped too (base_url is checked, this is a second wall)."""
    return escape(text, {'"': "&quot;", "'": "&apos;"})


def _tag_authority(base_url: str) -> str:
    host = base_url.split("://", 1)[-1].split("/", 1)[0].split(":")[0] or "example.org"
    return f"{host},2024"


def _stamp(iso: str) -> str:
    parts = [*iso.split("-"), "01", "01"]
    return f"{parts[0]}-{parts[1]}-{parts[2]}T00:00:00Z"


def atom_feed(graph: Graph, feed_path: str, page_path: str, title: str,
              slugs: Sequence[str], language: str) -> bytes:
    base = graph.site.base_url
    authority = _tag_authority(base)
    t = strings(language)
    entries = []
    newest = "1970-01-01"
    for slug in slugs[:FEED_SIZE]:
        article = graph.articles[slug]
        if article.published is None:
            continue
        updated = (article.updated or article.published).iso()
        newest = max(newest, (article.updated or article.published).start.isoformat())
        entries.append(
            "<entry>"
            f"<id>tag:{authority}:article:{escape(slug)}</id>"
            f"<title>{escape(article.title)}</title>"
            f'<link rel="alternate" type="text/html" href="{_attr(base)}articles/{_attr(slug)}/"/>'
            f"<published>{_stamp(article.published.iso())}</published>"
            f"<updated>{_stamp(updated)}</updated>"
            f"<summary>{escape(article.summary or article.title)}</summary>"
            f"<author><name>{escape(article.source.publisher or graph.site.title)}</name></author>"
            "</entry>")
    head = (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{language}">'
        f"<id>tag:{authority}:feed:{escape(feed_path)}</id>"
        f"<title>{escape(title)}</title>"
        f"<subtitle>{escape(graph.site.description or t['articles'])}</subtitle>"
        f'<link rel="self" type="application/atom+xml" href="{_attr(base + feed_path)}"/>'
        f'<link rel="alternate" type="text/html" href="{_attr(base + page_path)}"/>'
        f"<updated>{_stamp(newest)}</updated>"
        f"<author><name>{escape(graph.site.title)}</name></author>")
    return (head + "".join(entries) + "</feed>\n").encode("utf-8")


def feed_paths(graph: Graph) -> dict[str, str]:
    """Every feed's path, and the carrier or entity it follows ("" for the site feed)."""
    paths = {"feed.xml": ""}
    for node_id in (*graph.carriers, *graph.entities):
        paths[node_path(node_id, graph.nodes[node_id].is_carrier) + "feed.xml"] = node_id
    return paths


def render_feeds(graph: Graph, language: str, only: set[str] | None = None,
                 tracking: Tracking | None = None
                 ) -> tuple[dict[str, bytes], dict[str, frozenset[Any]]]:
    """Every feed (or those in `only`); with `tracking`, what each one read."""
    log: ReadLog | None = tracking.new_log() if tracking is not None else None
    view = tracking.view(graph, log) if tracking is not None and log is not None else graph
    outputs: dict[str, bytes] = {}
    feed_reads: dict[str, frozenset[Any]] = {}
    for path, node_id in feed_paths(graph).items():
        if only is not None and path not in only:
            continue
        if log is not None:
            log.take()
        if node_id:
            outputs[path] = atom_feed(
                view, path, path.removesuffix("feed.xml"),
                f"{view.site.title}: {view.nodes[node_id].name.show(language)}",
                view.node_articles.get(node_id, ()), language)
        else:
            outputs[path] = atom_feed(view, path, "", view.site.title, view.articles_by_date,
                                      language)
        if log is not None:
            feed_reads[path] = log.take()
    return outputs, feed_reads
