"""Fixtures for the browser, accessibility and validity checks of the shipped site.

- `shipped_site`: content/ built once per session and served at http://127.0.0.1:PORT/;
- `subpath_site`: a second build served under /repo/ with --base-url …/repo/;
- `browser`: one headless Chromium per session (skips with the reason when missing);
- `visit(site, kind_or_path, width=1280, color_scheme="light")`: the page loaded afresh in
  the session's tab for that size and scheme, recording console errors, failed requests
  and requests to other hosts.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterator
from pathlib import Path

import pytest
from browser_support import (
    OPTIONAL_KINDS,
    PAGE_KINDS,
    SUBPATH,
    BrowserHost,
    ServedSite,
    StaticServer,
    Visit,
    build_site,
)

_HOST = pytest.StashKey[BrowserHost]()


def pytest_configure(config: pytest.Config) -> None:
    config.stash[_HOST] = BrowserHost()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None
                            ) -> Generator[None, None, None]:
    """Stop the browser after the last test using it (tests/serve starts its own)."""
    try:
        return (yield)
    finally:
        if nextitem is None or "browser" not in getattr(nextitem, "fixturenames", ()):
            item.config.stash[_HOST].stop()


def pytest_unconfigure(config: pytest.Config) -> None:
    host = config.stash.get(_HOST, None)
    if host is not None:
        host.stop()


@pytest.fixture(scope="session")
def shipped_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    """The shipped content, built once and served at the root of a loopback server."""
    root = tmp_path_factory.mktemp("shipped")
    site = root / "site"
    server = StaticServer(site, site / "404.html")
    url = server.origin + "/"
    build_site(site, url)
    server.start()
    try:
        yield ServedSite(site, url, server.origin)
    finally:
        server.stop()


@pytest.fixture(scope="session")
def subpath_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    """A second build served under /repo/, as GitHub Pages serves a project site."""
    root = tmp_path_factory.mktemp("subpath")
    site = root / "www" / SUBPATH.strip("/")
    server = StaticServer(root / "www", site / "404.html")
    url = server.origin + SUBPATH
    build_site(site, url)
    server.start()
    try:
        yield ServedSite(site, url, server.origin)
    finally:
        server.stop()


@pytest.fixture
def browser(request: pytest.FixtureRequest) -> BrowserHost:
    """The session's Chromium (started on first use), with its reusable pages."""
    host = request.config.stash[_HOST]
    host.get()
    return host


VisitFactory = Callable[..., Visit]


@pytest.fixture
def visit(browser: BrowserHost) -> Iterator[VisitFactory]:
    """visit(site, 'carrier' or a site path, width=1280, color_scheme='light') -> Visit.

    The page is the session's page for that size and scheme, navigated afresh; what
    goes wrong while loading and using it is recorded until the test ends.
    """
    visits: list[Visit] = []

    def open_page(site: ServedSite, kind_or_path: str, width: int = 1280,
                  color_scheme: str = "light", height: int = 900) -> Visit:
        optional = OPTIONAL_KINDS.get(kind_or_path)
        if optional and not (site.out / optional).is_file():
            pytest.skip(f"this build has no {kind_or_path} page ({optional})")
        page = browser.page(width, height, color_scheme)
        page.goto("about:blank")
        loaded = Visit(page, site)
        visits.append(loaded)
        loaded.watch(404 if kind_or_path == "404" else 200)
        page.goto(site.page_url(kind_or_path), wait_until="load")
        return loaded

    try:
        yield open_page
    finally:
        for loaded in visits:
            loaded.unwatch()


@pytest.fixture(scope="session")
def shipped_pages(shipped_site: ServedSite) -> list[Path]:
    """Every HTML page of the shipped build."""
    pages = sorted(shipped_site.out.rglob("*.html"))
    assert len(pages) > len(PAGE_KINDS)
    return pages
