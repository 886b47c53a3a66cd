"""The files for crawlers: sitemap.xml (with lastmod for dated briefings) and robots.txt."""

from __future__ import annotations

from markupsafe import escape

from briefing.render.pages import Page


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
        lines.append(f"<url><loc>{escape(base_url + page.path)}</loc>{lastmod}</url>")
    lines.append("</urlset>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def site_files(pages: list[Page], base_url: str) -> dict[str, bytes]:
    """The sitemap and robots.txt."""
    return {"sitemap.xml": _sitemap(pages, base_url),
            "robots.txt": (f"User-agent: *\nAllow: /\nSitemap: {base_url}sitemap.xml\n"
                           ).encode()}
