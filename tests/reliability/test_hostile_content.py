"""Hostile content: markup, script URLs and template syntax in every field and body are shown
as text, never run; links and URLs with other schemes are errors with their file and line."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest
from reliability_helpers import (
    FIELDS,
    PAYLOADS,
    REFUSED_LINKS,
    SOURCE_TEXT_MARKER,
    Run,
    executable_markup,
    hostile_project,
    q,
    tagged,
    url_scheme_ok,
    write_tree,
)


def _files(site: Path, suffix: str) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes()
            for p in sorted(site.rglob(f"*{suffix}")) if p.is_file()}


class _Text(HTMLParser):
    """The visible text of a page (scripts and styles left out)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.skip += tag in ("script", "style")

    def handle_endtag(self, tag: str) -> None:
        self.skip -= tag in ("script", "style") and self.skip > 0

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts)


def json_ld(html: str) -> list[object]:
    found = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(text) for text in found]


# --- the built hostile site ----------------------------------------------------------------

def test_the_scanner_finds_what_it_looks_for() -> None:
    """A self-check: each kind of executable markup is caught."""
    caught = {
        "<script>x()</script>": "script element",
        '<a href="x" onclick="y()">': "event handler",
        '<a href=" JaVa\tScRiPt:x()">': "disallowed scheme",
        '<iframe src="data:text/html,x">': "<iframe>",
        '<form action="javascript:x()">': "disallowed scheme",
        '<script type="application/ld+json">{"a": "\\u003c/script"}</script>': "",
        '<script type="application/ld+json">{"a": "<b>"}</script>': "'<' inside a JSON data script",
        '<script src="https://cdn.example/x.js"></script>': "script element",
    }
    for html, problem in caught.items():
        found = executable_markup(html)
        assert (problem in " ".join(found)) if problem else not found, (html, found)
    assert executable_markup('<script src="../../assets/timeline.0123abcd.js" defer></script>') \
        == []
    assert not url_scheme_ok("\x01 javascript:x") and url_scheme_ok("../x/") \
        and url_scheme_ok("mailto:a@b.example")


def test_no_page_holds_markup_that_could_run_script(hostile_site: Path) -> None:
    pages = _files(hostile_site, ".html")
    assert len(pages) > 15
    problems = {name: executable_markup(data.decode("utf-8")) for name, data in pages.items()}
    assert {name: found for name, found in problems.items() if found} == {}


def test_every_field_reaches_the_output_as_text(hostile_site: Path) -> None:
    """Each field's tagged payload is in some page (so the test above was not vacuous), and
    no HTML or XML output holds a payload's markup unescaped."""
    outputs = {**_files(hostile_site, ".html"), **_files(hostile_site, ".xml")}
    everything = b"".join(outputs.values())
    missing = [field for field in FIELDS if f"@@{field}@@".encode() not in everything]
    assert missing == []
    for name, data in outputs.items():
        for raw in (b"<script>window.__pwned", b"<img src=x", b"<svg onload", b"<iframe",
                    b"<body onload", b'"><script>'):
            assert raw not in data, (name, raw)


def test_the_article_shows_every_payload_exactly_as_written(hostile_site: Path) -> None:
    page = (hostile_site / "articles/hostile-article/index.html").read_text(encoding="utf-8")
    text = visible_text(page)
    for field in ("article.title", "source.publisher", "source.title", "source.author",
                  "article.published_basis", "article.summary", "event.title"):
        assert tagged(" ".join(PAYLOADS), field) in text, field
    for label in ("<script>window.__pwned=1</script>", '" onmouseover="window.__pwned=1',
                  "</script><img src=x onerror=window.__pwned=1>"):
        assert label in text  # wikilink labels, as text inside the link
    assert "<div onclick=\"window.__pwned=1\"><img src=x onerror=window.__pwned=1></div>" in text


def test_jinja_syntax_in_content_is_literal_text(hostile_site: Path) -> None:
    page = (hostile_site / "articles/hostile-article/index.html").read_text(encoding="utf-8")
    text = visible_text(page)
    for literal in ("{{ 7*7 }} {% raw %}raw{% endraw %} {{ config }} {# c #} {{ ''.__class__ }}",
                    "{% for x in range(3) %}loop{% endfor %}"):
        assert literal in text
    assert "looploop" not in text and "<Config" not in text and "<class 'str'>" not in text
    website = "https://example.com/{{7*7}}?a=1&b=%3Cx%3E"
    carrier = (hostile_site / "carriers/hostile-carrier/index.html").read_text(encoding="utf-8")
    assert f'href="{website.replace("&", "&amp;")}"' in carrier


def test_json_ld_holds_the_exact_text_and_cannot_close_its_element(hostile_site: Path) -> None:
    page = (hostile_site / "articles/hostile-article/index.html").read_text(encoding="utf-8")
    [data] = json_ld(page)
    assert isinstance(data, dict)
    assert data["description"] == tagged(" ".join(PAYLOADS), "article.summary")
    assert data["isBasedOn"]["headline"] == tagged(" ".join(PAYLOADS), "source.title")
    raw = page.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in raw and ">" not in raw and "&" not in raw
    for name, html in _files(hostile_site, ".html").items():
        assert len(json_ld(html.decode())) <= 1, name


def test_feeds_and_sitemap_are_well_formed_with_the_payload_as_text(hostile_site: Path) -> None:
    feeds = _files(hostile_site, ".xml")
    assert "feed.xml" in feeds and "sitemap.xml" in feeds
    atom = "{http://www.w3.org/2005/Atom}"
    for name, data in feeds.items():
        root = ET.fromstring(data)
        for element in root.iter():
            assert not element.tag.endswith("script"), name
            assert not any(a.lower().startswith("on") for a in element.attrib), name
            href = element.attrib.get("href")
            assert href is None or href.startswith("https://example.org/sub/"), (name, href)
    titles = [e.text for e in ET.fromstring(feeds["feed.xml"]).iter(f"{atom}title")]
    assert tagged(" ".join(PAYLOADS), "article.title") in titles


def test_data_files_hold_exact_values_and_the_csv_defuses_formulas(hostile_site: Path) -> None:
    for data in _files(hostile_site, ".json").values():
        json.loads(data)  # valid JSON whatever the content
    rows = list(csv.reader(io.StringIO(
        (hostile_site / "data/events.csv").read_bytes().decode("utf-8-sig"))))
    titles = {row[0]: row[rows[0].index("title")] for row in rows[1:]}
    assert titles["hostile-event-two"].startswith("'=HYPERLINK(")
    assert titles["hostile-event"] == tagged(" ".join(PAYLOADS), "event.title")


def test_a_drafts_review_block_is_never_rendered(hostile_built: Path) -> None:
    site = hostile_built / "site"
    assert (site / "articles/hostile-draft/index.html").is_file()
    for path in site.rglob("*"):
        if path.is_file():
            assert SOURCE_TEXT_MARKER.encode() not in path.read_bytes(), path


# --- what is refused -------------------------------------------------------------------------

def _line_of(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").split("\n")
    return next(n for n, line in enumerate(lines, 1) if needle in line)


def test_links_to_script_data_and_other_schemes_are_errors_with_their_line(
        tmp_path: Path, run_main: Callable[..., Run]) -> None:
    body = "\n\n".join(["Intro [ok](https://example.com/) and [[hostile-entity]].",
                        *REFUSED_LINKS, "The end."]) + "\n"
    project = hostile_project(tmp_path, payload="plain", body=body)
    done = run_main(project, "check")
    assert done.code == 1
    article = project / "content/articles/hostile-article.md"
    expected = sorted(f"content/articles/hostile-article.md:{_line_of(article, first)}"
                      for first in (link.split("\n")[0] for link in REFUSED_LINKS))
    found = sorted(":".join(line.split(":")[:2]) for line in done.lines("bad-link")
                   if "hostile-article" in line)
    assert found == expected
    assert len(done.lines("bad-link")) == 3 * len(REFUSED_LINKS)  # carrier and entity too
    assert "Traceback" not in done.stderr


BAD_URLS = (
    "javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "\tjavascript:x",
    "jav&#x61;script:alert(1)", "data:text/html;base64,PHNjcmlwdD4=", "vbscript:msgbox(1)",
    "//evil.example/", "ftp://evil.example/", "https://example.com/\" onmouseover=\"x",
    "https://example.com/'><script>x</script>", "https://example.com/a b",
    "https://example.com/\u2028x", "https://example.com/\\x", "file:///etc/passwd",
    "https://example.com/`x`",
)


@pytest.mark.parametrize("url", BAD_URLS)
def test_website_and_source_urls_other_than_plain_http_are_errors(
        url: str, tmp_path: Path, run_main: Callable[..., Run]) -> None:
    project = hostile_project(tmp_path, payload="plain", website=url, body="Fine.\n")
    done = run_main(project, "check")
    assert done.code == 1
    places = sorted(line.split(": error")[0] for line in done.lines("bad-url"))
    assert places == ["content/articles/hostile-article.md:10:3",
                      "content/carriers/hostile-carrier.md:6:1",
                      "content/entities/hostile-entity.md:5:1"], done.stderr


@pytest.mark.parametrize("escape", ["\\u0001", "\\0", "\\e", "\\x1b", "\\x7f", "\\b",
                                    "\\uFFFE", "\\x9b", "\\r"])
def test_control_characters_written_as_yaml_escapes_are_errors(
        escape: str, tmp_path: Path, run_main: Callable[..., Run]) -> None:
    """They would make the feeds malformed XML (the YAML reader refuses them raw)."""
    project = hostile_project(tmp_path, payload="plain", body="Fine.\n")
    article = project / "content/articles/hostile-article.md"
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace('title: "plain @@article.title@@"',
                                    f'title: "plain {escape} title"'), encoding="utf-8")
    done = run_main(project, "check")
    assert done.code == 1
    [line] = done.lines("control-character")
    assert line.startswith("content/articles/hostile-article.md:2:8: error[control-character]: "
                           "control character U+")


def test_tabs_newlines_and_unicode_line_breaks_in_text_are_fine(
        tmp_path: Path, run_main: Callable[..., Run]) -> None:
    project = hostile_project(tmp_path, payload="a\tb\nc \u2028 \x85 d", body="Fine.\n")
    done = run_main(project, "build", "--out", "site")
    assert done.code == 0, done.stderr
    for feed in (project / "site").rglob("*.xml"):
        ET.parse(feed)


@pytest.mark.parametrize("base_url", [
    'https://example.org/"><script>x</script>', "https://example.org/\nDisallow: /",
    "javascript:alert(1)//", "https://example.org/?q=1", "https://example.org/#x",
    "https://[example.org/", "https:///nohost/"])
def test_base_urls_that_could_break_out_are_refused(
        base_url: str, tmp_path: Path, run_main: Callable[..., Run]) -> None:
    project = hostile_project(tmp_path, payload="plain", body="Fine.\n")
    site_yaml = project / "content/site.yaml"
    site_yaml.write_text(site_yaml.read_text(encoding="utf-8").replace(
        "https://example.org/sub/", q(base_url)), encoding="utf-8")
    done = run_main(project, "check")
    assert done.code == 1
    [line] = done.lines("bad-url")
    assert line.startswith("content/site.yaml:3:1: error[bad-url]: base_url ")
    good = project / "content/site.yaml"
    good.write_text(good.read_text(encoding="utf-8").replace(q(base_url), "https://example.org/"),
                    encoding="utf-8")
    refused = run_main(project, "build", "--base-url", base_url, "--out", "site")
    assert refused.code == 2
    assert refused.stderr.startswith("briefing: --base-url: base_url ")
    assert not (project / "site").exists()


def test_markup_in_ids_tags_and_references_is_an_error(
        tmp_path: Path, run_main: Callable[..., Run]) -> None:
    project = hostile_project(tmp_path, payload="plain", body="Fine.\n")
    write_tree(project, {"content/articles/bad-ids.md": f"""---
title: t
published: 2024-01-01
source: {{title: s}}
carriers: [{q('<script>x</script>')}]
entities: [{q('" onload="x')}]
tags: [{q('<img src=x onerror=x>')}, {q('javascript:x')}]
summary: s
events:
  - {{id: {q('<svg onload=x>')}, date: 2024-01-01, title: t, kind: product}}
---
"""})
    done = run_main(project, "check")
    assert done.code == 1
    lines = [line for line in done.stderr.splitlines() if "bad-ids.md" in line]
    assert [line.split(": error")[0] for line in lines] == [
        "content/articles/bad-ids.md:5:12", "content/articles/bad-ids.md:6:12",
        "content/articles/bad-ids.md:7:8", "content/articles/bad-ids.md:7:33",
        "content/articles/bad-ids.md:10:6"], done.stderr
