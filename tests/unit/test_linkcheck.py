"""Every internal link, fragment, feed and sitemap URL must resolve to an output."""

from __future__ import annotations

from briefing.render.linkcheck import check_links

BASE = "https://org.github.io/repo/"


def _page(body: str) -> bytes:
    return f'<!DOCTYPE html>\n<html>\n<body id="top">\n{body}\n</body>\n</html>\n'.encode()


def _site(**pages: bytes) -> dict[str, bytes]:
    site = {"index.html": _page('<h2 id="latest">x</h2>'), "carriers/index.html": _page(""),
            "carriers/skt/index.html": _page('<h2 id="deals">x</h2>'),
            "assets/style.css": b"body{}", "feed.xml": b"<feed/>"}
    site.update(pages)
    return site


def _problems(outputs: dict[str, bytes], base_url: str = BASE) -> list[str]:
    return [d.format() for d in check_links(outputs, base_url)]


def test_a_site_whose_links_all_resolve_has_no_problems() -> None:
    outputs = _site(**{"articles/x/index.html": _page(
        '<a href="../../carriers/skt/#deals">a</a> <a href="../../">home</a> '
        '<a href="../../#latest">l</a> <link href="../../assets/style.css"> '
        '<a href="#top">top</a> <a href="../../feed.xml">feed</a> '
        '<a href="../../carriers/skt/index.html">disk</a>')})
    assert _problems(outputs) == []


def test_the_home_page_may_link_to_itself_with_dot_slash() -> None:
    assert _problems(_site(**{"index.html": _page('<a href="./">h</a> <a href="./carriers/">c'
                                                  '</a>')})) == []


def test_a_link_to_a_missing_page_is_an_error_with_its_page_and_line() -> None:
    outputs = _site(**{"carriers/kt/index.html": _page('<p>\n<a href="../lguplus/">x</a></p>')})
    assert _problems(outputs) == [
        "carriers/kt/index.html:5:1: error[broken-link]: link '../lguplus/' points to a page "
        "the site does not have"]


def test_a_link_to_a_missing_fragment_is_an_error() -> None:
    outputs = _site(**{"carriers/kt/index.html": _page('<a href="../skt/#partners">x</a>')})
    assert _problems(outputs) == [
        "carriers/kt/index.html:4:1: error[broken-link]: link '../skt/#partners' points to a "
        "missing #partners"]


def test_a_fragment_on_the_same_page_must_exist() -> None:
    outputs = _site(**{"carriers/kt/index.html": _page('<a href="#nowhere">x</a>')})
    assert [p.split(": ", 2)[2] for p in _problems(outputs)] == [
        "link '#nowhere' points to a missing #nowhere"]


def test_outbound_http_and_mailto_links_are_not_checked() -> None:
    outputs = _site(**{"a/index.html": _page(
        '<a href="https://other.example/x/">x</a> <a href="http://x.example">y</a> '
        '<a href="mailto:desk@example.com">m</a>')})
    assert _problems(outputs) == []


def test_a_link_with_another_scheme_is_an_error() -> None:
    outputs = _site(**{"a/index.html": _page('<a href="javascript:alert(1)">x</a>')})
    assert len(_problems(outputs)) == 1


def test_root_relative_links_are_checked_under_the_base_path() -> None:
    good = _site(**{"404.html": _page('<a href="/repo/carriers/skt/">x</a> '
                                      '<link href="/repo/assets/style.css">')})
    assert _problems(good) == []
    bad = _site(**{"404.html": _page('<a href="/repo/timeline/">x</a>')})
    assert _problems(bad) == [
        "404.html:4:1: error[broken-link]: link '/repo/timeline/' points to a page the site does "
        "not have"]


def test_absolute_links_to_the_site_itself_are_checked() -> None:
    outputs = _site(**{"a/index.html": _page(
        f'<link rel="canonical" href="{BASE}a/"> <a href="{BASE}nowhere/">x</a>')})
    assert [p.split(": ", 2)[2] for p in _problems(outputs)] == [
        f"link '{BASE}nowhere/' points to a page the site does not have"]


def test_feed_and_sitemap_urls_under_the_base_url_are_checked() -> None:
    outputs = _site(**{
        "feed.xml": (f'<feed><link href="{BASE}feed.xml"/><link href="{BASE}carriers/skt/"/>'
                     f'<link href="{BASE}articles/gone/"/>'
                     '<link href="https://elsewhere.example/x/"/></feed>').encode(),
        "sitemap.xml": f"<urlset>\n<url><loc>{BASE}carriers/</loc></url>\n"
                       f"<url><loc>{BASE}missing/</loc></url>\n</urlset>".encode(),
    })
    assert _problems(outputs) == [
        f"feed.xml:1:1: error[broken-link]: link '{BASE}articles/gone/' points to a page the "
        "site does not have",
        f"sitemap.xml:3:1: error[broken-link]: link '{BASE}missing/' points to a page the site "
        "does not have",
    ]


def test_escaped_ampersands_and_percent_escapes_are_read_as_urls() -> None:
    outputs = _site(**{"a b/index.html": _page(""),
                       "x/index.html": _page('<a href="../a%20b/?x=1&amp;y=2">x</a>')})
    assert _problems(outputs) == []


def test_non_page_outputs_are_not_scanned() -> None:
    outputs = _site(**{"data/index.json": b'{"href="nowhere/"": 1}',
                       "assets/app.js": b'x = "href=\\"nowhere/\\""'})
    assert _problems(outputs) == []


def test_a_bare_fragment_is_looked_up_on_its_own_page_not_a_neighbour_in_its_folder() -> None:
    # 404.html is scanned first and has the id; index.html, in the same folder, has not.
    outputs = _site(**{"404.html": _page('<p id="only-here">x</p> <a href="#only-here">a</a>'),
                       "index.html": _page('<a href="#only-here">b</a>')})
    assert _problems(outputs) == [
        "index.html:4:1: error[broken-link]: link '#only-here' points to a missing #only-here"]


def test_every_occurrence_of_a_broken_link_is_reported_after_the_same_link_was_fine() -> None:
    # the scanner remembers hrefs found fine; a broken one is reported on every line, even
    # on a page scanned after the same href resolved fine on a page of another depth
    outputs = _site(**{"a/index.html": _page('<a href="../carriers/">ok</a>'),
                       "b/c/index.html": _page('<a href="../carriers/">1</a>\n'
                                               '<a href="../carriers/">2</a>')})
    problems = _problems(outputs)
    assert [p.split(": error")[0] for p in problems] == ["b/c/index.html:4:1",
                                                         "b/c/index.html:5:1"]
