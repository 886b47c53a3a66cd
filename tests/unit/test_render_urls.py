"""Page URLs: relative and ending in '/', or 'index.html' from disk; 404 is root-relative."""

from __future__ import annotations

import posixpath

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.core.routes import ROOT, base_path, make_url, output_file, root_prefix

BASE = "https://org.github.io/repo/"


def link(page: str, target: str, fragment: str = "", file_urls: bool = False,
         base_url: str = BASE) -> str:
    """The href written on `page` for the site path `target`."""
    raw = make_url(file_urls)(target, fragment)
    return raw.replace(ROOT, root_prefix(page, base_url))


@pytest.mark.parametrize(("page", "target", "href"), [
    ("", "carriers/", "./carriers/"),
    ("", "", "./"),
    ("carriers/", "", "../"),
    ("carriers/skt/", "carriers/", "../../carriers/"),
    ("carriers/skt/", "carriers/skt/", "../../carriers/skt/"),
    ("articles/2024-06-x/", "events/e/", "../../events/e/"),
    ("articles/page/2/", "articles/", "../../../articles/"),
    ("carriers/skt/", "carriers/skt/feed.xml", "../../carriers/skt/feed.xml"),
    ("", "assets/style.0123456789.css", "./assets/style.0123456789.css"),
])
def test_links_between_pages_are_relative_and_pages_end_in_a_slash(
        page: str, target: str, href: str) -> None:
    assert link(page, target) == href


def test_fragments_are_kept() -> None:
    assert link("articles/x/", "articles/y/", "the-summary") == "../../articles/y/#the-summary"


@pytest.mark.parametrize(("page", "target", "href"), [
    ("", "", "./index.html"),
    ("carriers/skt/", "carriers/", "../../carriers/index.html"),
    ("carriers/skt/", "carriers/skt/feed.xml", "../../carriers/skt/feed.xml"),
])
def test_file_urls_end_in_index_html(page: str, target: str, href: str) -> None:
    assert link(page, target, file_urls=True) == href


@pytest.mark.parametrize(("base_url", "href"), [
    ("https://org.github.io/repo/", "/repo/timeline/"),
    ("https://org.github.io/repo", "/repo/timeline/"),
    ("https://example.org/", "/timeline/"),
    ("https://example.org", "/timeline/"),
    ("https://example.org/a/b/", "/a/b/timeline/"),
])
def test_the_404_page_links_root_relative_with_the_sub_path(base_url: str, href: str) -> None:
    assert link("404.html", "timeline/", base_url=base_url) == href


def test_base_path_is_the_path_of_base_url() -> None:
    assert base_path("https://org.github.io/repo") == "/repo/"
    assert base_path("http://localhost:8000/") == "/"


@pytest.mark.parametrize(("page", "file"), [
    ("", "index.html"), ("carriers/", "carriers/index.html"),
    ("carriers/skt/", "carriers/skt/index.html"), ("404.html", "404.html"),
    ("feed.xml", "feed.xml"),
])
def test_each_page_is_written_to_its_file(page: str, file: str) -> None:
    assert output_file(page) == file


_SEGMENT = st.from_regex(r"[a-z0-9]{1,6}(-[a-z0-9]{1,4})?", fullmatch=True)


@settings(database=None, max_examples=200, deadline=None)  # a loaded CI machine is slow
@given(st.lists(_SEGMENT, max_size=4), st.lists(_SEGMENT, max_size=4), st.booleans())
def test_every_relative_link_resolves_to_its_target(here: list[str], there: list[str],
                                                    file_urls: bool) -> None:
    page = "".join(f"{s}/" for s in here)
    target = "".join(f"{s}/" for s in there)
    href = link(page, target, file_urls=file_urls)
    assert href.endswith("index.html" if file_urls else "/")
    resolved = posixpath.normpath(posixpath.join("/" + page, href))
    expected = "/" + target + ("index.html" if file_urls else "")
    assert resolved.rstrip("/") == expected.rstrip("/")
