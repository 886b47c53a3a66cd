"""The search page and the header form in the built site."""

from __future__ import annotations

import posixpath
from pathlib import Path

from search_support import ServedSite

from briefing.link.graph import Graph
from briefing.render.i18n import STRINGS
from briefing.render.pages import plan_pages

SEARCH_KEYS = ("search", "search_label", "search_results", "search_placeholder",
               "search_description", "search_count", "search_none", "search_more",
               "search_error", "search_needs_server", "search_needs_js", "doc.article",
               "doc.event", "doc.carrier", "doc.entity")


def test_every_search_string_exists_in_both_languages() -> None:
    for key in SEARCH_KEYS:
        assert STRINGS["ko"][key] and STRINGS["en"][key], key
    assert "{n}" in STRINGS["ko"]["search_count"] and "{n}" in STRINGS["en"]["search_count"]


def test_the_search_page_is_planned_in_both_languages(search_graph: Graph) -> None:
    for language, title in (("ko", "검색"), ("en", "Search")):
        page = next(p for p in plan_pages(search_graph, language) if p.path == "search/")
        assert (page.template, page.title) == ("search.html", title)
        assert page.jsonld and page.jsonld["@type"] == "SearchResultsPage"
        labels = page.context["search_data"]
        assert set(labels) == {"types", "kinds", "entityTypes", "carriers", "strings"}
        assert page.context["event_kinds"] == ["partnership", "investment"]


def _forms(html: str) -> list[str]:
    return [chunk.split('"', 1)[0] for chunk in html.split('<form class="site-search" '
                                                          'role="search" action="')[1:]]


def test_every_page_has_a_search_form_that_reaches_the_search_page(
        served_search_site: ServedSite, file_urls_site: Path) -> None:
    for out in (served_search_site.out, file_urls_site):
        pages = sorted(p for p in out.rglob("*.html"))
        assert len(pages) > 20
        for page in pages:
            relative = page.relative_to(out).as_posix()
            actions = _forms(page.read_text(encoding="utf-8"))
            if relative == "search/index.html":
                assert actions == []  # the page has its own search box
                continue
            assert len(actions) == 1, relative
            if relative == "404.html":
                assert actions[0] in ("/search-test/search/", "/search-test/search/index.html")
                continue
            target = posixpath.normpath(posixpath.join(posixpath.dirname(relative),
                                                       actions[0]))
            if not target.endswith(".html"):
                target += "/index.html"
            assert (out / target).is_file(), (relative, actions[0])
