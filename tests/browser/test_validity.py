"""The generated site is valid: every page passes the Nu HTML checker, every feed parses
cleanly, every page's JSON-LD parses and has the fields its schema.org type needs."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
from browser_support import ServedSite, tool_path, which

VNU_JAR = tool_path("node_modules", "vnu-jar", "build", "dist", "vnu.jar")
JSONLD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)

# What each schema.org type needs here; a tuple means "one of these".
REQUIRED: dict[str, list[str | tuple[str, ...]]] = {
    "NewsArticle": ["headline", "datePublished", "author", ("publisher", "isBasedOn")],
    "Event": ["name", "startDate", "location"],
    "Organization": ["name"],
    "Person": ["name"],
    "Product": ["name"],
    "WebSite": ["name", "url"],
    "CollectionPage": ["name", "url"],
}
# Which type each kind of page declares (by the start of its site path).
EXPECTED_TYPE = [("articles/", "NewsArticle"), ("events/", "Event"),
                 ("carriers/", "Organization"), ("entities/", ("Organization", "Person",
                                                              "Product"))]


@pytest.fixture(scope="session")
def vnu_messages(shipped_site: ServedSite) -> list[dict[str, Any]]:
    """The Nu HTML checker, run once over every page of the shipped site."""
    java = which("java")
    if java is None:
        pytest.skip("no java to run the Nu HTML checker (apt-get install default-jre-headless)")
    if not VNU_JAR.is_file():
        pytest.skip(f"no {VNU_JAR.name}: run `npm ci --prefix tests/tools`")
    done = subprocess.run([java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json",
                           "--skip-non-html", str(shipped_site.out)],
                          capture_output=True, text=True, encoding="utf-8", timeout=300,
                          check=False)
    report = json.loads(done.stderr or done.stdout)
    return list(report["messages"])


def test_every_page_passes_the_nu_html_checker(vnu_messages: list[dict[str, Any]],
                                               shipped_site: ServedSite) -> None:
    errors = [f"{m.get('url', '').rsplit(str(shipped_site.out), 1)[-1]}:{m.get('lastLine')}: "
              f"{m['type']}: {m['message']}" for m in vnu_messages]
    assert errors == []


def _feeds(site: Path) -> list[Path]:
    """Every Atom feed the build wrote, whatever its name."""
    return sorted(p for p in site.rglob("*.xml")
                  if b"http://www.w3.org/2005/Atom" in p.read_bytes()[:200])


def test_every_feed_parses_cleanly_with_complete_entries(shipped_site: ServedSite) -> None:
    feedparser = pytest.importorskip("feedparser")
    feeds = _feeds(shipped_site.out)
    assert shipped_site.out / "feed.xml" in feeds
    problems = []
    entries = 0
    for path in feeds:
        parsed = feedparser.parse(path.read_bytes())
        name = path.relative_to(shipped_site.out).as_posix()
        if parsed.bozo:
            problems.append(f"{name}: {parsed.bozo_exception}")
        if not parsed.feed.get("title") or not parsed.feed.get("updated"):
            problems.append(f"{name}: feed title or updated missing")
        for entry in parsed.entries:
            entries += 1
            missing = [k for k in ("id", "title", "link", "updated") if not entry.get(k)]
            if missing:
                problems.append(f"{name}: entry {entry.get('id')} lacks {missing}")
            if not str(entry.get("id", "")).startswith("tag:"):
                problems.append(f"{name}: entry id {entry.get('id')} is not a tag: URI")
            if not entry.get("link", "").startswith(shipped_site.url):
                problems.append(f"{name}: entry link {entry.get('link')} is not absolute")
    assert problems == []
    assert entries > 0


def _types(data: dict[str, Any]) -> list[str]:
    kind = data.get("@type")
    return list(kind) if isinstance(kind, list) else [kind] if kind else []


def _missing(data: dict[str, Any], kind: str) -> list[str]:
    missing = []
    for need in REQUIRED.get(kind, ["name"]):
        options = need if isinstance(need, tuple) else (need,)
        if not any(data.get(option) not in (None, "", [], {}) for option in options):
            missing.append(" or ".join(options))
    return missing


def test_every_page_has_json_ld_with_the_fields_its_type_needs(
        shipped_site: ServedSite, shipped_pages: list[Path]) -> None:
    problems = []
    for path in shipped_pages:
        name = path.relative_to(shipped_site.out).as_posix()
        blocks = JSONLD.findall(path.read_text(encoding="utf-8"))
        if name == "404.html":
            continue
        if len(blocks) != 1:
            problems.append(f"{name}: {len(blocks)} JSON-LD blocks")
            continue
        try:
            data = json.loads(blocks[0])
        except json.JSONDecodeError as exc:
            problems.append(f"{name}: JSON-LD does not parse: {exc}")
            continue
        if data.get("@context") != "https://schema.org":
            problems.append(f"{name}: @context is {data.get('@context')!r}")
        types = _types(data)
        if not types:
            problems.append(f"{name}: no @type")
        for kind in types:
            problems.extend(f"{name}: {kind} lacks {m}" for m in _missing(data, kind))
        for prefix, expected in EXPECTED_TYPE:
            allowed = expected if isinstance(expected, tuple) else (expected,)
            page_depth = name.count("/")
            if name.startswith(prefix) and page_depth == 2 and not set(types) & set(allowed):
                problems.append(f"{name}: @type {types}, expected {' or '.join(allowed)}")
        url = data.get("url", "")
        if url and not url.startswith(shipped_site.url):
            problems.append(f"{name}: url {url} is not under --base-url")
    assert problems == []


def test_news_article_author_and_publisher_are_typed(shipped_site: ServedSite,
                                                     shipped_pages: list[Path]) -> None:
    for path in shipped_pages:
        if not path.relative_to(shipped_site.out).as_posix().startswith("articles/"):
            continue
        for block in JSONLD.findall(path.read_text(encoding="utf-8")):
            data = json.loads(block)
            if data.get("@type") != "NewsArticle":
                continue
            assert data["author"].get("@type") in ("Person", "Organization"), path
            assert data["author"].get("name"), path
            based_on = data.get("isBasedOn") or {}
            assert data.get("publisher") or based_on.get("headline"), path
