"""Helpers for the browser, accessibility and validity checks (no pytest fixtures here).

- `build_site(out, base_url)` builds the shipped content/ with the real CLI;
- `StaticServer` serves a folder on 127.0.0.1 from a stdlib thread, with the site's
  404.html for any missing path (as GitHub Pages does), optionally under a sub-path;
- `BrowserHost` starts Debian's Chromium through Playwright once and stops it on demand;
- `Visit` is one loaded page with what went wrong while loading it.

Playwright is imported lazily, so the checks that need no browser run without it.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Playwright

PROJECT_ROOT = Path(__file__).resolve().parents[2]
BUILD_PY = PROJECT_ROOT / "build.py"
TOOLS = PROJECT_ROOT / "tests" / "tools"
ARTIFACTS = PROJECT_ROOT / "test-artifacts"
# Debian's chromium; BRIEFING_CHROMIUM points elsewhere (another Chromium build).
CHROMIUM = Path(os.environ.get("BRIEFING_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]

# One page of every kind in the shipped content (site path; '' is home).
PAGE_KINDS: dict[str, str] = {
    "home": "",
    "carriers": "carriers/",
    "carrier": "carriers/skt/",
    "entities": "entities/",
    "entity": "entities/microsoft/",
    "articles": "articles/",
    "article": "articles/2024-08-skt-kt-lgu-bigtech-alliances/",
    "event": "events/kt-microsoft-five-year-partnership/",
    "timeline": "timeline/",
    "timeline-year": "timeline/2024/",
    "timeline-carrier": "timeline/kt/",
    "compare": "compare/",
    "search": "search/",
    "graph": "graph/",
    "feeds": "feeds/",
    "targets": "targets/",
    "weeks": "weeks/",
    "week": "weeks/2024-W02/",
    "404": "no/such/page/",  # served the site's 404.html, at depth
}
# Kinds a build may not have yet (their tests skip, naming the reason).
OPTIONAL_KINDS = {"search": "search/index.html"}
SUBPATH = "/repo/"


def _playwright_missing() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install -e '.[test]')"
    return None


def browser_missing() -> str | None:
    """Why the browser checks cannot run here, or None."""
    if not CHROMIUM.is_file():
        return f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    return _playwright_missing()


requires_browser = pytest.mark.skipif(browser_missing() is not None,
                                      reason=browser_missing() or "")


# --- building ---------------------------------------------------------------------------------

def build_site(out: Path, base_url: str, *extra: str) -> Path:
    """`python build.py build --out OUT --base-url URL` in the project, as users run it."""
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "PYTHONHASHSEED")}
    env["PYTHONIOENCODING"] = "utf-8"
    done = subprocess.run([sys.executable, str(BUILD_PY), "build", "--out", str(out),
                           "--base-url", base_url, *extra],
                          cwd=PROJECT_ROOT, env=env, capture_output=True, text=True,
                          encoding="utf-8", timeout=300, check=False)
    assert done.returncode == 0, f"build failed:\n{done.stdout}\n{done.stderr}"
    return out


# --- serving ----------------------------------------------------------------------------------

class _Handler(http.server.SimpleHTTPRequestHandler):
    """Quiet static files; the site's 404.html (status 404) for any missing path."""

    not_found_page: Path | None = None

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def send_error(self, code: int, message: str | None = None,
                   explain: str | None = None) -> None:
        page = self.not_found_page
        if code != 404 or page is None or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


class StaticServer:
    """Serves `root` on 127.0.0.1 (a free port) from a daemon thread."""

    def __init__(self, root: Path, not_found_page: Path) -> None:
        handler = type("Handler", (_Handler,), {"not_found_page": not_found_page})
        self.root = root
        self.httpd = http.server.ThreadingHTTPServer(
            ("127.0.0.1", 0), functools.partial(handler, directory=str(root)))
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True,
                                       name=f"static-server-{self.port}")

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> StaticServer:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)


@dataclass(frozen=True)
class ServedSite:
    out: Path  # the built site folder
    url: str  # the site's root URL, ending in '/'
    origin: str  # scheme://host:port

    def page_url(self, kind_or_path: str) -> str:
        return self.url + PAGE_KINDS.get(kind_or_path, kind_or_path)


# --- the browser ------------------------------------------------------------------------------

class BrowserHost:
    """One Chromium for the whole session, started on first use.

    Playwright's sync API refuses a second instance in the same thread, so other test
    folders that start their own (tests/serve) need this one stopped first: conftest
    stops it after the last test that uses it; it restarts if a later test needs it.
    """

    def __init__(self) -> None:
        self._playwright: Playwright | None = None
        self._browser: Browser | None = None
        self._pages: dict[tuple[int, int, str], Page] = {}

    def get(self) -> Browser:
        if self._browser is None:
            reason = browser_missing()
            if reason:
                pytest.skip(reason)
            from playwright.sync_api import sync_playwright

            self._playwright = sync_playwright().start()
            self._browser = self._playwright.chromium.launch(
                executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        return self._browser

    def page(self, width: int, height: int, color_scheme: str) -> Page:
        """A page of this size and colour scheme, reused across tests (a new context each
        would cost more than the checks); each test navigates it afresh."""
        key = (width, height, color_scheme)
        page = self._pages.get(key)
        if page is None or page.is_closed():
            context = self.get().new_context(
                viewport={"width": width, "height": height}, color_scheme=color_scheme,
                reduced_motion="reduce", service_workers="block")
            page = self._pages[key] = context.new_page()
            page.set_default_timeout(15000)
        return page

    def stop(self) -> None:
        for page in self._pages.values():
            page.context.close()
        self._pages.clear()
        browser, playwright = self._browser, self._playwright
        self._browser = self._playwright = None
        if browser is not None:
            browser.close()
        if playwright is not None:
            playwright.stop()


@dataclass
class Visit:
    """A page loaded in its own browser context, and what went wrong while loading it."""

    page: Page
    site: ServedSite
    console_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)
    _listeners: list[tuple[str, Any]] = field(default_factory=list, repr=False)

    def watch(self, expected_status: int = 200) -> None:
        """Record problems from now on (until unwatch)."""
        page, origin = self.page, self.site.origin

        def on_console(message: Any) -> None:
            if message.type == "error":
                self.console_errors.append(f"{message.text} @ {message.location.get('url')}")

        def on_request(request: Any) -> None:
            scheme = urlsplit(request.url).scheme
            if scheme in ("http", "https", "ws", "wss") and not request.url.startswith(
                    origin + "/"):
                self.foreign_requests.append(request.url)

        def on_response(response: Any) -> None:
            main = response.request.is_navigation_request() and response.frame == page.main_frame
            expected = expected_status if main else 200
            if response.status not in (expected, 304):
                self.failed_requests.append(f"{response.status} {response.url}")

        def on_page_error(error: Any) -> None:
            self.console_errors.append(f"page error: {error}")

        def on_request_failed(request: Any) -> None:
            self.failed_requests.append(f"failed ({request.failure}) {request.url}")

        self._listeners = [("console", on_console), ("pageerror", on_page_error),
                           ("request", on_request), ("requestfailed", on_request_failed),
                           ("response", on_response)]
        for event, listener in self._listeners:
            page.on(event, listener)

    def unwatch(self) -> None:
        for event, listener in self._listeners:
            self.page.remove_listener(event, listener)
        self._listeners = []

    def problems(self) -> list[str]:
        """Console errors, failed and foreign requests, one line each."""
        return ([f"console: {m}" for m in self.console_errors]
                + [f"request: {m}" for m in self.failed_requests]
                + [f"other host: {m}" for m in self.foreign_requests])


def displays(page: Any, selectors: list[str]) -> list[str]:
    """The computed `display` of the first element matching each selector."""
    return page.evaluate(
        "s => s.map(q => getComputedStyle(document.querySelector(q)).display)", selectors)


def chromium_main_document_404(message: str, url: str) -> bool:
    """Chromium logs the 404 status of the page itself as a console error."""
    return "status of 404" in message and message.endswith(f"@ {url}")


def tool_path(*parts: str) -> Path:
    return TOOLS.joinpath(*parts)


def which(name: str) -> str | None:
    return shutil.which(name)
