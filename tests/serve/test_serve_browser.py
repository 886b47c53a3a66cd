"""Live reload in a real browser: the page reloads itself after an edit, and shows errors."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from typing import Any

import pytest
from serve_helpers import Served, SiteText

sync_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture
def browser_page() -> Iterator[Any]:
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    with sync_api.sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(executable_path=executable,
                                                 args=["--no-sandbox"])
        except sync_api.Error as exc:
            pytest.skip(f"no Chromium to drive: {exc}")
        try:
            yield browser.new_page()
        finally:
            browser.close()


def test_the_open_page_reloads_itself_and_shows_build_errors(served: Served,
                                                              browser_page: Any) -> None:
    page = browser_page
    page.goto(served.url + SiteText.url.lstrip("/"))
    assert "ORIGINAL-MARKER" in page.inner_text("main")
    served.write(SiteText.path, SiteText.article("EDITED-MARKER"))
    page.wait_for_function("document.body.innerText.includes('EDITED-MARKER')", timeout=10000)
    served.write(SiteText.path, SiteText.broken_article("BROKEN"))
    overlay = page.locator("#briefing-dev-errors")
    overlay.wait_for(state="visible", timeout=10000)
    assert "2024-05-hello.md:" in overlay.inner_text()
    assert "EDITED-MARKER" in page.inner_text("main")  # the last good page under it
    served.write(SiteText.path, SiteText.article("FIXED-MARKER"))
    page.wait_for_function("document.body.innerText.includes('FIXED-MARKER')", timeout=10000)
    assert overlay.count() == 0
