"""Markdown bodies: wikilinks with their file lines, safe links, no raw HTML, no images."""

from __future__ import annotations

import pytest

from briefing.core.wikilinks import fill_links
from briefing.validate.markdown import make_markdown, parse_body

MD = make_markdown()


def _parse(text: str, first_line: int = 10) -> tuple:
    return parse_body(MD, text, "content/articles/x.md", first_line)


def _resolve(kind: str, target: str, label: str | None) -> tuple[str, str] | None:
    known = {("node", "skt"): ("../../carriers/skt/", "SK텔레콤"),
             ("article", "a"): ("../a/", "브리핑 A"), ("event", "e"): ("../../events/e/", "이벤트")}
    found = known.get((kind, target))
    return None if found is None else (found[0], label or found[1])


def _render(text: str) -> str:
    html, _links, problems = _parse(text)
    assert problems == []
    return fill_links(html, _resolve)


def test_every_wikilink_form_is_found_with_its_file_line() -> None:
    _, links, problems = _parse("첫 줄 [[skt]].\n\n[[microsoft|MS]] 그리고\n[[article:a]]와 "
                                "[[event:e|그 계약]]\n")
    assert problems == []
    assert [(w.kind, w.target, w.label, w.loc.line) for w in links] == [
        ("node", "skt", None, 10), ("node", "microsoft", "MS", 12),
        ("article", "a", None, 13), ("event", "e", "그 계약", 13)]
    assert {w.loc.path for w in links} == {"content/articles/x.md"}


def test_wikilinks_in_lists_and_tables_keep_their_lines() -> None:
    text = "- 하나\n- [[skt]]\n\n| a | b |\n| - | - |\n| x | [[event:e]] |\n"
    _, links, _ = _parse(text, first_line=1)
    assert [(w.target, w.loc.line) for w in links] == [("skt", 2), ("e", 6)]


def test_wikilinks_inside_code_are_not_links() -> None:
    _, links, _ = _parse("`[[skt]]` 와\n\n```\n[[kt]]\n```\n\n    [[lguplus]]\n")
    assert links == ()


def test_resolved_wikilinks_become_links_with_the_default_or_given_label() -> None:
    html = _render("[[skt]], [[skt|SKT]], [[article:a]], [[event:e]]\n")
    assert html == (
        '<p><a class="xref" href="../../carriers/skt/">SK텔레콤</a>, '
        '<a class="xref" href="../../carriers/skt/">SKT</a>, '
        '<a class="xref" href="../a/">브리핑 A</a>, '
        '<a class="xref" href="../../events/e/">이벤트</a></p>\n')


def test_an_unresolved_wikilink_is_shown_as_its_text() -> None:
    assert _render("[[nobody|<b>x</b>]]\n") == "<p>[[nobody|&lt;b&gt;x&lt;/b&gt;]]</p>\n"


def test_labels_are_escaped() -> None:
    html = _render('[[skt|<img src=x onerror="alert(1)">]]\n')
    assert "<img" not in html
    assert "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in html


def test_raw_html_is_shown_as_text() -> None:
    html = _render('<script>alert(1)</script>\n\n<div onclick="x()">hi</div> and <b>bold</b>\n')
    assert "<script" not in html and "<div" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


@pytest.mark.parametrize("href", ["https://example.com/a?b=1", "http://example.com",
                                  "mailto:desk@example.com", "#top", "HTTPS://EXAMPLE.COM"])
def test_http_mailto_and_anchor_links_are_fine(href: str) -> None:
    _, _, problems = _parse(f"[x]({href})\n")
    assert problems == []


@pytest.mark.parametrize("href", ["../other/", "other.md", "/articles/x/", "ftp://example.com/f",
                                  "//example.com/x"])
def test_other_link_targets_are_errors_that_point_to_wikilinks(href: str) -> None:
    _, _, problems = _parse(f"첫 줄\n\n둘째 [x]({href})\n")
    assert [(p.line, p.code) for p in problems] == [(12, "bad-link")]
    assert problems[0].message.startswith(f"link target '{href}' is not allowed; link to other "
                                          "pages with [[id]]")


@pytest.mark.parametrize("href", ["javascript:alert(1)", "JavaScript:alert(1)",
                                  "data:text/html,x", "vbscript:x"])
def test_script_links_are_errors_and_never_rendered_as_links(href: str) -> None:
    html, _, problems = _parse(f"\n[x]({href})\n")
    assert [(p.line, p.code) for p in problems] == [(11, "bad-link")]
    assert "<a" not in html
    assert html == f"<p>[x]({href})</p>\n"


def test_images_are_errors() -> None:
    _, _, problems = _parse("\n![photo](https://example.com/a.png)\n")
    assert [(p.line, p.code) for p in problems] == [(11, "image")]


def test_tables_scroll_in_their_own_box() -> None:
    html = _render("| a | b |\n| --- | --- |\n| 1 | 2 |\n")
    assert html.startswith('<div class="table-scroll" tabindex="0"><table>')
    assert html.rstrip().endswith("</table>\n</div>")


def test_headings_get_ids_for_anchor_links() -> None:
    html = _render("## 핵심 내용\n\n### The summary\n")
    assert '<h2 id="핵심-내용">핵심 내용</h2>' in html
    assert '<h3 id="the-summary">The summary</h3>' in html


def test_private_use_placeholder_characters_in_content_cannot_forge_links() -> None:
    forged = "\ue000node\ue001skt\ue001\ue001x\ue002"
    html = _render(f"{forged}\n")
    assert 'class="xref"' not in html


def test_problems_and_wikilinks_carry_their_column() -> None:
    _, links, problems = _parse("앞 [[skt]] 그리고 [문서](notes.md) 끝\n\n"
                                "![그림](https://x.example/a.png)\n")
    assert [(w.target, w.loc.line, w.loc.col) for w in links] == [("skt", 10, 3)]
    assert [(p.line, p.col, p.code) for p in problems] == [(10, 15, "bad-link"), (12, 1, "image")]


def test_an_escaped_wikilink_is_text() -> None:
    html, links, _ = _parse("\\[[skt]] 와 [[kt]]\n")
    assert [w.target for w in links] == ["kt"]
    assert html.startswith("<p>[[skt]] 와 \ue000")


def test_a_bracket_before_an_unclosed_backtick_renders() -> None:
    # markdown-it.rs panics on this shape; the body must still render, the same way.
    html, links, problems = _parse("[근거 `미확인 [[skt]]\n\n[다음](ftp://x)\n")
    assert html.startswith("<p>[근거 `미확인 \ue000node")
    assert [w.target for w in links] == ["skt"]
    assert [(p.line, p.code) for p in problems] == [(12, "bad-link")]


def test_heading_ids_ignore_wikilinks_and_stay_unique() -> None:
    html, _, _ = _parse("## 개요 [[skt]]\n\n## 개요\n\n#### `API` 변화\n")
    assert '<h2 id="개요-">' in html and '<h2 id="개요">' in html
    assert '<h4 id="api-변화">' in html


def test_an_autolink_with_another_scheme_is_a_located_error() -> None:
    _, _, problems = _parse("보기 <onerror:x> 와 <https://ok.example/>\n")
    assert [(p.line, p.col, p.code, p.target) for p in problems] == [
        (10, 4, "bad-link", "onerror:x")]
