"""Every kind of page loads cleanly in a real browser, at desktop and phone widths,
at the site root and under a sub-path."""

from __future__ import annotations

from typing import Any

import pytest
from browser_support import (
    PAGE_KINDS,
    SUBPATH,
    ServedSite,
    chromium_main_document_404,
    displays,
    requires_browser,
)

pytestmark = requires_browser

KINDS = list(PAGE_KINDS)


def _problems(visited: Any, kind: str) -> list[str]:
    url = visited.page.url
    return [p for p in visited.problems()
            if not (kind == "404" and chromium_main_document_404(p, url))]


@pytest.mark.parametrize("kind", KINDS)
def test_page_loads_without_console_errors_failed_or_foreign_requests(
        shipped_site: ServedSite, visit: Any, kind: str) -> None:
    visited = visit(shipped_site, kind)
    assert _problems(visited, kind) == []
    assert visited.page.locator("h1").count() == 1
    assert visited.page.locator("link[rel=stylesheet]").count() >= 1
    # the stylesheet applied: the skip link is moved off-screen until focused
    assert visited.page.eval_on_selector(".skip", "e => e.getBoundingClientRect().right <= 0")


@pytest.mark.parametrize("kind", KINDS)
def test_no_horizontal_scrolling_at_360_px(shipped_site: ServedSite, visit: Any,
                                           kind: str) -> None:
    page = visit(shipped_site, kind, width=360).page
    widths = page.evaluate("""() => {
        const s = document.scrollingElement;
        const wide = [...document.querySelectorAll('body *')]
          .filter(e => e.getBoundingClientRect().right > s.clientWidth + 0.5
                       && !e.closest('.table-scroll'))
          .slice(0, 5).map(e => e.tagName + '.' + e.className);
        return {scroll: s.scrollWidth, client: s.clientWidth, wide};
    }""")
    assert widths["scroll"] <= widths["client"], widths


def test_wide_tables_scroll_in_their_own_box_at_360_px(shipped_site: ServedSite,
                                                      visit: Any) -> None:
    page = visit(shipped_site, "compare", width=360).page
    boxes = page.evaluate("""() => [...document.querySelectorAll('.table-scroll')]
        .filter(b => b.offsetParent !== null)
        .map(b => ({scroll: b.scrollWidth, client: b.clientWidth,
                    overflow: getComputedStyle(b).overflowX}))""")
    assert boxes, "the compare page shows its matrix in a scroll box"
    assert all(b["overflow"] == "auto" for b in boxes), boxes
    assert any(b["scroll"] > b["client"] for b in boxes), "the matrix is wider than a phone"


def test_404_is_served_at_any_depth_with_working_links_and_assets(
        shipped_site: ServedSite, visit: Any) -> None:
    visited = visit(shipped_site, "404")
    assert _problems(visited, "404") == []
    hrefs = visited.page.eval_on_selector_all("main a[href]", "els => els.map(e => e.href)")
    assert hrefs and all(h.startswith(shipped_site.url) for h in hrefs), hrefs
    for href in hrefs:
        assert visited.page.request.get(href).status == 200, href


@pytest.mark.parametrize("kind", KINDS)
def test_site_under_a_sub_path_loads_assets_and_every_link_resolves(
        subpath_site: ServedSite, visit: Any, kind: str) -> None:
    visited = visit(subpath_site, kind)
    assert _problems(visited, kind) == []
    page = visited.page
    assert page.url.startswith(subpath_site.origin + SUBPATH)
    links = page.eval_on_selector_all(
        # (an SVG link's href is an SVGAnimatedString, resolved against the page here)
        "a[href]", """els => [...new Set(els.map(e => (typeof e.href === 'string' ? e.href :
            new URL(e.href.baseVal, location.href).href).split('#')[0]))]""")
    local = [link for link in links
             if link.startswith(subpath_site.origin) and link != page.url.split("#")[0]]
    assert local, "the page links to other pages"
    outside = [link for link in local if not link.startswith(subpath_site.url)]
    assert outside == [], "links leave the sub-path"
    broken = [link for link in local if page.request.get(link).status != 200]
    assert broken == []


def test_navigation_under_a_sub_path_follows_the_header(subpath_site: ServedSite,
                                                       visit: Any) -> None:
    page = visit(subpath_site, "home").page
    for label_index in range(page.locator(".site-header nav a").count()):
        page.locator(".site-header nav a").nth(label_index).click()
        page.wait_for_load_state("load")
        assert page.url.startswith(subpath_site.url)
        assert page.locator("h1").count() == 1
        assert page.locator(".site-header nav a[aria-current=page]").count() == 1
        page.locator(".site-header .brand").click()
        page.wait_for_load_state("load")
        assert page.url == subpath_site.url


def test_print_stylesheet_drops_navigation_and_filters(shipped_site: ServedSite,
                                                       visit: Any) -> None:
    page = visit(shipped_site, "timeline").page
    page.emulate_media(media="print")
    try:
        hidden = displays(page, [".site-header nav", "#filters", ".subnav", ".site-footer"])
        assert hidden == ["none"] * 4
        assert page.evaluate("getComputedStyle(document.body).backgroundColor") == \
            "rgb(255, 255, 255)"
    finally:
        page.emulate_media(media="screen")


def test_dark_mode_follows_the_system(shipped_site: ServedSite, visit: Any) -> None:
    light = visit(shipped_site, "home").page.evaluate(
        "getComputedStyle(document.body).backgroundColor")
    dark = visit(shipped_site, "home", color_scheme="dark").page.evaluate(
        "getComputedStyle(document.body).backgroundColor")
    assert light == "rgb(255, 255, 255)" and dark != light
