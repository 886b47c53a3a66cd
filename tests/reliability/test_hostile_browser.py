"""The hostile site in a real browser: no payload runs, no dialog opens, nothing is fetched
that the site does not hold (an injected <img src=x> would ask for 'x')."""

from __future__ import annotations

import functools
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urlsplit

import pytest

sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not "
                               "installed (pip install playwright)")

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
# Runs before any page script: any payload that ran would set these.
WATCH = """
window.__pwned = undefined;
window.__alerts = [];
for (const name of ["alert", "confirm", "prompt", "print"]) {
  const original = window[name];
  window[name] = function (...args) { window.__alerts.push(name); };
}
"""


POKE = """() => {
  const all = document.querySelectorAll("body *");
  for (const el of all) {
    for (const type of ["mouseover", "mouseenter", "focus", "focusin", "pointerdown"]) {
      el.dispatchEvent(new Event(type, {bubbles: true}));
    }
  }
  return all.length;
}"""


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def served(hostile_site: Path) -> Iterator[str]:
    """The hostile site on a loopback port under base_url's path /sub/; yields its URL."""
    root = hostile_site.parent / "webroot"
    root.mkdir(exist_ok=True)
    if not (root / "sub").exists():
        (root / "sub").symlink_to(hostile_site, target_is_directory=True)
    handler = functools.partial(_Quiet, directory=str(root))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1},
                              daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/sub/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists() and shutil.which("chromium") is None:
        pytest.skip(f"no Chromium at {CHROMIUM}: install it to run the browser checks")
    executable = CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")
    with sync_api.sync_playwright() as playwright:
        try:
            launched = playwright.chromium.launch(executable_path=executable, args=ARGS)
        except sync_api.Error as exc:
            pytest.skip(f"Chromium would not start under Playwright: {exc}")
        try:
            yield launched
        finally:
            launched.close()


def _pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def test_no_payload_runs_on_any_page(browser: Any, served: str, hostile_site: Path) -> None:
    context = browser.new_context(java_script_enabled=True)
    context.add_init_script(WATCH)
    dialogs: list[str] = []
    fetched: list[str] = []
    page = context.new_page()
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("request", lambda request: fetched.append(request.url))
    ran: dict[str, Any] = {}
    hovered = 0
    for name in _pages(hostile_site):
        page.goto(served + name.removesuffix("index.html"), wait_until="load")
        # Any inline onmouseover/onfocus/... handler would fire on these.
        hovered += page.evaluate(POKE)
        state = page.evaluate("[window.__pwned, window.__alerts, document.scripts.length]")
        if state[0] is not None or state[1]:
            ran[name] = state
    context.close()
    assert hovered > 1000
    assert ran == {} and dialogs == []
    outside = [url for url in fetched if urlsplit(url).netloc != urlsplit(served).netloc]
    assert outside == []
    missing = [url for url in fetched
               if not (hostile_site / unquote(urlsplit(url).path).removeprefix("/sub/")).exists()]
    assert missing == []


def test_timeline_filters_take_hostile_query_values_as_text(
        browser: Any, served: str, hostile_site: Path) -> None:
    context = browser.new_context()
    context.add_init_script(WATCH)
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    hostile = quote('"]<img src=x onerror=window.__pwned=1>')
    page.goto(f"{served}timeline/?carrier={hostile}&kind={hostile}&entity=hostile-entity"
              f"#<img src=x onerror=window.__pwned=1>")
    form = page.locator("#filters")
    assert form.is_visible()  # the script ran and showed its filters
    page.select_option("select[name=carrier]", index=1)
    page.select_option("select[name=kind]", index=1)
    assert "carrier=hostile-carrier" in page.url
    assert page.evaluate("[window.__pwned, window.__alerts]") == [None, []]
    assert dialogs == []
    context.close()


def test_search_shows_hostile_titles_and_snippets_as_text(
        browser: Any, served: str, hostile_site: Path) -> None:
    if not (hostile_site / "search/index.html").is_file():
        pytest.skip("this build has no search page")
    context = browser.new_context()
    context.add_init_script(WATCH)
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    hostile = quote("<img src=x onerror=window.__pwned=1>")
    page.goto(f"{served}search/?q={hostile}", wait_until="load")
    for query in ("script pwned", "onerror", "@@article.title@@", "{{ 7*7 }}"):
        page.fill("#search-q", query)
        page.press("#search-q", "Enter")
        page.wait_for_function("document.querySelectorAll('#search-results li').length > 0 || "
                               "document.getElementById('search-status').textContent !== ''")
    page.fill("#search-q", "pwned")
    page.press("#search-q", "Enter")
    page.wait_for_selector("#search-results li a")
    hits = page.locator("#search-results li").count()
    assert hits > 0
    titles = page.locator("#search-results a").all_text_contents()
    assert any("<script>window.__pwned=1" in title for title in titles), titles
    assert page.evaluate(POKE) > 0
    assert page.evaluate("[window.__pwned, window.__alerts]") == [None, []]
    assert page.evaluate("document.querySelectorAll('#search-results script, "
                         "#search-results img, #search-results [onerror]').length") == 0
    assert dialogs == []
    context.close()
