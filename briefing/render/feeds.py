"""Atom feeds: entry ids are tag: URIs; `updated` comes from content, never the clock."""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape

from briefing.link.graph import Graph
from briefing.render.i18n import strings

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
    head = feed_head(graph, feed_path, page_path, title, newest, language)
    return (head + "".join(entries) + "</feed>\n").encode("utf-8")


def feed_head(graph: Graph, feed_path: str, page_path: str, title: str, newest: str,
              language: str) -> str:
    """A feed's opening, up to its first entry; `newest` is an ISO date."""
    base = graph.site.base_url
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{language}">'
        f"<id>tag:{_tag_authority(base)}:feed:{escape(feed_path)}</id>"
        f"<title>{escape(title)}</title>"
        f"<subtitle>{escape(graph.site.description or strings(language)['articles'])}"
        "</subtitle>"
        f'<link rel="self" type="application/atom+xml" href="{_attr(base + feed_path)}"/>'
        f'<link rel="alternate" type="text/html" href="{_attr(base + page_path)}"/>'
        f"<updated>{_stamp(newest)}</updated>"
        f"<author><name>{escape(graph.site.title)}</name></author>")
