"""search.js in a real browser (Debian's Chromium through Playwright) on the built site.

Typed queries must rank exactly as the reference query in Python does; results show a
title, kind, date and a marked snippet; filters and the URL work; results are reachable
by keyboard; a --file-urls build opened from disk finds what the site finds over HTTP.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from search_support import ServedSite

from briefing.search import search

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


def _missing() -> str | None:
    if not CHROMIUM.is_file():
        return f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install playwright)"
    return None


pytestmark = pytest.mark.skipif(_missing() is not None, reason=_missing() or "")


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1000, "height": 800})
    opened = context.new_page()
    opened.set_default_timeout(10_000)
    errors: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    opened.on("console", lambda m: errors.append(m.text) if m.type == "error"
              and not m.location.get("url", "").endswith("/favicon.ico") else None)
    yield opened
    context.close()
    assert errors == []


def type_query(page: Page, query: str) -> None:
    box = page.locator("#search-q")
    box.fill("")
    box.press_sequentially(query, delay=20)
    page.wait_for_function(
        "q => document.getElementById('search-results').getAttribute('data-query') === q",
        arg=query)


def settle(page: Page, action: Any) -> None:
    """Run action (a change of the query or a filter) and wait for its search to finish."""
    before = page.locator("#search-results").get_attribute("data-search") or "0"
    action()
    page.wait_for_function(
        "n => (document.getElementById('search-results').getAttribute('data-search') || '0')"
        " !== n", arg=before)


def ranked(page: Page) -> list[list[int]]:
    result: list[list[int]] = page.evaluate("window.briefingSearch.ranked()")
    return result


def reference(index: dict[str, bytes], query: str, carrier: str = "", kind: str = ""
              ) -> list[list[int]]:
    return [[hit.doc, hit.score] for hit in search(index, query, carrier, kind).hits]


def open_search(page: Page, site: ServedSite, query: str = "") -> None:
    page.goto(site.url + "search/" + (f"?q={query}" if query else ""))
    page.wait_for_load_state("load")


QUERIES = ["텔레콤", "엔비디아", "SK텔레콤은", "MS", "MS와", "SKT", "증설", "KT 클라우드",
           "micro", "AI", "LG U+", "케", "contract extension", "마이크로소프트의 클라우드"]


def test_typed_queries_rank_as_the_reference_query(page: Page, served_search_site: ServedSite,
                                                    index_files: dict[str, bytes]) -> None:
    open_search(page, served_search_site)
    for query in QUERIES:
        type_query(page, query)
        assert ranked(page) == reference(index_files, query), query
        assert ranked(page), query


def test_example_queries_find_their_pages(page: Page, served_search_site: ServedSite) -> None:
    open_search(page, served_search_site)
    expected = {"텔레콤": "carriers/skt/", "엔비디아": "articles/2024-03-skt-gpu-supply/",
                "SK텔레콤은": "carriers/skt/", "MS": "articles/2024-06-kt-cloud-english/",
                "SKT": "articles/2024-03-skt-gpu-supply/"}
    for query, path in expected.items():
        type_query(page, query)
        hrefs = page.eval_on_selector_all("#search-results a", "as => as.map(a => a.href)")
        assert served_search_site.url + path in hrefs, query


def test_a_result_shows_title_kind_date_and_a_marked_snippet(
        page: Page, served_search_site: ServedSite, index_files: dict[str, bytes]) -> None:
    open_search(page, served_search_site)
    type_query(page, "엔비디아")
    count = len(reference(index_files, "엔비디아"))
    assert page.locator("#search-status").inner_text() == f"{count}건"
    first = page.locator("#search-results li").first
    assert first.locator("a").inner_text() == "엔비디아"
    assert first.locator("a mark").inner_text() == "엔비디아"
    article = page.locator("#search-results li", has=page.locator(
        "a[href='../articles/2024-03-skt-gpu-supply/']"))
    assert article.locator(".badge").inner_text() == "브리핑"
    assert article.locator("time").get_attribute("datetime") == "2024-03-04"
    assert article.locator("time").inner_text() == "2024년 3월 4일"
    assert article.locator(".snippet mark").first.inner_text() == "엔비디아"
    assert "엔비디아로부터" in article.locator(".snippet").inner_text()


def test_content_is_shown_as_text_never_as_markup(page: Page,
                                                   served_search_site: ServedSite) -> None:
    open_search(page, served_search_site)
    type_query(page, "soon")
    snippet = page.locator("#search-results li .snippet").first
    assert "<b>soon</b>" in snippet.inner_text()
    assert snippet.locator("b").count() == 0
    assert snippet.locator("mark").inner_text() == "soon"


def test_filters_narrow_the_results_and_live_in_the_url(
        page: Page, served_search_site: ServedSite, index_files: dict[str, bytes]) -> None:
    open_search(page, served_search_site)
    type_query(page, "클라우드")
    assert ranked(page) == reference(index_files, "클라우드")
    settle(page, lambda: page.select_option("#search-carrier", "skt"))
    assert ranked(page) == []
    assert page.locator("#search-status").inner_text() == "검색 결과가 없습니다."
    settle(page, lambda: page.select_option("#search-carrier", "kt"))
    assert ranked(page) == reference(index_files, "클라우드", carrier="kt")
    settle(page, lambda: page.select_option("#search-kind", "article"))
    assert ranked(page) == reference(index_files, "클라우드", carrier="kt", kind="article")
    assert len(ranked(page)) == 1
    assert page.url.endswith("/search/?q=%ED%81%B4%EB%9D%BC%EC%9A%B0%EB%93%9C&carrier=kt"
                             "&kind=article")
    page.reload()
    page.wait_for_function("() => window.briefingSearch.ranked().length === 1")
    assert page.locator("#search-carrier").input_value() == "kt"
    assert page.locator("#search-kind").input_value() == "article"
    assert page.locator("#search-q").input_value() == "클라우드"
    settle(page, lambda: page.select_option("#search-kind", "event:partnership"))
    assert page.locator("#search-results a").all_inner_texts() == ["KT 클라우드 계약 연장"]
    settle(page, lambda: page.select_option("#search-kind", "entity"))
    assert page.locator("#search-results a").all_inner_texts() == ["마이크로소프트"]


def test_results_are_reachable_by_keyboard(page: Page, served_search_site: ServedSite) -> None:
    open_search(page, served_search_site)
    type_query(page, "MS")
    links = page.locator("#search-results a")
    assert links.count() >= 3

    def focused() -> Any:
        return page.evaluate("document.activeElement.getAttribute('href') || "
                             "document.activeElement.id")

    page.keyboard.press("ArrowDown")
    assert focused() == links.nth(0).get_attribute("href")
    page.keyboard.press("ArrowDown")
    assert focused() == links.nth(1).get_attribute("href")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert focused() == "search-q"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(served_search_site.url + "entities/microsoft/")


def test_tab_order_reaches_the_results(page: Page, served_search_site: ServedSite) -> None:
    open_search(page, served_search_site, "SKT")
    page.wait_for_function("() => window.briefingSearch.ranked().length > 0")
    first = page.locator("#search-results a").first.get_attribute("href")
    page.locator("#search-kind").focus()
    for _ in range(5):  # past the filters, straight into the results
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('href')") == first:
            break
    assert page.evaluate("document.activeElement.getAttribute('href')") == first


def test_the_header_form_opens_search_with_the_query(page: Page,
                                                      served_search_site: ServedSite) -> None:
    page.goto(served_search_site.url + "articles/")
    page.fill("header input[name=q]", "텔레콤")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=*")
    page.wait_for_function("() => window.briefingSearch.ranked().length > 0")
    assert page.locator("#search-q").input_value() == "텔레콤"
    assert page.locator("#search-results a").first.inner_text() == "SK텔레콤"


def test_a_query_fetches_only_the_shards_it_needs(
        page: Page, served_search_site: ServedSite, index_files: dict[str, bytes]) -> None:
    fetched: list[str] = []
    page.on("request", lambda r: fetched.append(r.url) if "/search/" in r.url
            and r.url.split("?")[0].endswith(".json") else None)
    open_search(page, served_search_site)
    settle(page, lambda: page.fill("#search-q", "엔비디아"))  # one input event, no prefixes
    paths = {url.split("?")[0].removeprefix(served_search_site.url) for url in fetched}
    assert paths == set(search(index_files, "엔비디아", limit=20).files)
    meta = json.loads(index_files["search/meta.json"])
    assert len(paths) < meta["termShards"] + meta["docShards"]


# The queries the README shows (its Search section).
README_QUERIES = ["텔레콤", "엔비디아", "엔비디아로부터", "SK텔레콤은", "MS", "SKT"]


def _hits(page: Page, root: str) -> list[str]:
    """The result links, relative to the site root, as folder paths."""
    hrefs = page.eval_on_selector_all("#search-results a", "as => as.map(a => a.href)")
    return [h.removeprefix(root).removesuffix("index.html") for h in hrefs]


def test_a_file_urls_build_opened_from_disk_searches_as_over_http(
        page: Page, served_search_site: ServedSite, file_urls_site: Path) -> None:
    over_http = {}
    open_search(page, served_search_site)
    for query in README_QUERIES:
        type_query(page, query)
        over_http[query] = (ranked(page), _hits(page, served_search_site.url))
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto((file_urls_site / "index.html").as_uri())
    page.fill("header input[name=q]", "MS")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/index.html?q=MS")
    page.wait_for_function("() => window.briefingSearch.ranked().length > 0")
    root = file_urls_site.as_uri() + "/"
    for query in README_QUERIES:
        type_query(page, query)
        assert (ranked(page), _hits(page, root)) == over_http[query], query
        assert over_http[query][0], query
    assert page.locator("#search-server").is_hidden()
    # the index came as scripts (term and document shards), each the JSON file's twin
    scripts = {u.removeprefix(root) for u in requested
               if "/search/" in u and "/search/index.html" not in u}
    assert "search/meta.js" in scripts
    assert {s.split("/")[1] for s in scripts if s.count("/") == 2} == {"t", "d"}
    assert all(s.endswith(".js") for s in scripts), scripts
    for script in scripts:
        data = (file_urls_site / script).read_text(encoding="utf-8")
        twin = (file_urls_site / script.removesuffix(".js")).with_suffix(".json")
        name = script.removeprefix("search/").removesuffix(".js") + ".json"
        assert data == f'briefingSearchFile("{name}",{twin.read_text().rstrip()});\n'

    # a result opens its page from disk
    page.locator("#search-results a").first.click()
    page.wait_for_load_state("load")
    assert page.url.startswith(root) and page.url.endswith("/index.html")
    assert page.locator("h1").count() == 1


def test_a_build_for_a_server_opened_from_disk_says_how_to_search(
        browser: Browser, served_search_site: ServedSite) -> None:
    assert not (served_search_site.out / "search" / "meta.js").exists()
    context = browser.new_context()  # its failed index load is expected: not `page`
    page = context.new_page()
    page.goto((served_search_site.out / "search" / "index.html").as_uri() + "?q=MS")
    notice = page.locator("#search-server")
    notice.wait_for(state="visible")
    assert "--file-urls" in notice.inner_text()
    assert page.locator("#search-results li").count() == 0
    context.close()
