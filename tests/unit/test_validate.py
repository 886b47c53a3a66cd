"""Validate: raw documents -> typed content, or diagnostics at the offending key."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from briefing.build import read_content
from briefing.core.dates import PartialDate
from briefing.validate.model import Content

SITE = """title: 테스트
base_url: https://example.org/sub
fx:
  USD: {2024: 1364}
"""
SKT = "---\nname: {ko: SK텔레콤, en: SK Telecom}\naliases: [SKT]\ncolor: \"#e4002b\"\n---\n"
ARTICLE = """---
title: SKT의 가상 제휴
published: 2024-03-02
source:
  publisher: 가상신문
  title: "SKT, 제휴"
  url: https://news.example.com/1
  language: en
carriers: [skt]
summary: 요약.
events:
  - id: deal
    date: 2024-03
    title: 제휴
    kind: partnership
    carriers: [skt]
    amount: 약 $5 million
---
본문.
"""


@pytest.fixture
def check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, write_files):
    """check(files, drafts=True) -> (content, ['path:line:col: severity[code]: message'])."""
    monkeypatch.chdir(tmp_path)

    def run(files: dict[str, str], drafts: bool = True) -> tuple[Content | None, list[str]]:
        write_files(tmp_path, {"content/site.yaml": SITE, "content/carriers/skt.md": SKT,
                               **files})
        content, found = read_content(Path("content"), drafts=drafts)
        return content, [d.format() for d in sorted(found)]

    return run


def test_a_valid_article_becomes_typed_content(check) -> None:
    content, problems = check({"content/articles/a.md": ARTICLE})
    assert problems == []
    assert content is not None
    article = content.articles[0]
    assert article.published == PartialDate(2024, 3, 2)
    assert article.language == "en"  # from the source when the briefing gives none
    assert [r.id for r in article.carriers] == ["skt"]
    assert (article.carriers[0].loc.line, article.carriers[0].loc.col) == (9, 12)
    occurrence = article.occurrences[0]
    assert occurrence.date == PartialDate(2024, 3)
    assert occurrence.amount is not None
    assert (occurrence.amount.value, occurrence.amount.qualifier) == (Decimal(5000000), "about")
    assert (occurrence.loc.line, occurrence.loc.col) == (12, 5)
    assert article.body.line == 19


def test_the_site_gets_a_trailing_slash_and_sorted_fx(check) -> None:
    content, problems = check({"content/articles/a.md": ARTICLE})
    assert problems == [] and content is not None
    assert content.site.base_url == "https://example.org/sub/"
    assert content.site.fx == {"USD": {2024: Decimal(1364)}}
    assert (content.site.language, content.site.timezone) == ("ko", "Asia/Seoul")


def test_a_name_given_once_serves_both_languages(check) -> None:
    content, _ = check({"content/entities/x.md": "---\nname: Nvidia\ntype: company\n---\n",
                        "content/articles/a.md": ARTICLE})
    assert content is not None
    node = next(n for n in content.nodes if n.id == "x")
    assert (node.name.ko, node.name.en) == ("Nvidia", "Nvidia")
    skt = next(n for n in content.nodes if n.id == "skt")
    assert (skt.name.show("ko"), skt.name.show("en")) == ("SK텔레콤", "SK Telecom")
    assert skt.is_carrier and skt.type == "carrier" and skt.color == "#e4002b"


def test_errors_on_an_unknown_key_with_did_you_mean_at_the_key(check) -> None:
    _, problems = check({"content/articles/a.md": ARTICLE.replace("summary:", "sumary:")})
    assert problems == [
        "content/articles/a.md:10:1: error[unknown-key]: unknown key 'sumary' "
        "(did you mean 'summary'?)"]


def test_errors_on_an_unknown_nested_key_with_did_you_mean(check) -> None:
    _, problems = check({"content/articles/a.md": ARTICLE.replace(
        "  publisher:", "  publsher:")})
    assert problems == [
        "content/articles/a.md:5:3: error[unknown-key]: unknown key 'publsher' "
        "(did you mean 'publisher'?)"]


def test_errors_on_an_unknown_enum_value_with_did_you_mean(check) -> None:
    _, problems = check({"content/articles/a.md": ARTICLE.replace(
        "kind: partnership", "kind: investmnet")})
    assert problems[0].startswith(
        "content/articles/a.md:15:5: error[bad-enum]: 'investmnet' is not a valid kind (did "
        "you mean 'investment'?); expected one of 'partnership'")


def test_errors_on_a_list_where_text_is_expected(check) -> None:
    _, problems = check({"content/articles/a.md": ARTICLE.replace(
        "summary: 요약.", "summary: [요약]")})
    assert problems == [
        "content/articles/a.md:10:1: error[type]: 'summary' must be text, not a list"]


def test_errors_on_a_missing_required_field(check) -> None:
    _, problems = check({"content/articles/a.md": ARTICLE.replace("summary: 요약.\n", "")})
    assert problems == [
        "content/articles/a.md:2:1: error[missing-field]: missing required field 'summary'"]


def test_a_draft_turns_missing_fields_into_warnings_and_allows_review(check) -> None:
    draft = ARTICLE.replace("summary: 요약.\n", "draft: true\nreview:\n  items:\n"
                            "    - {field: published, issue: 날짜가 없다}\n")
    content, problems = check({"content/articles/a.md": draft})
    assert problems == [
        "content/articles/a.md:2:1: warning[missing-field]: missing required field 'summary' "
        "(allowed while draft: true)",
        "content/articles/a.md:11:1: warning[open-review]: 1 open review item(s) in this draft; "
        "resolve them, then remove the review block and draft: true",
    ]
    assert content is not None and content.articles[0].draft


def test_drafts_are_dropped_with_their_warnings_unless_included(check) -> None:
    draft = ARTICLE.replace("summary: 요약.\n", "draft: true\n")
    content, problems = check({"content/articles/a.md": draft}, drafts=False)
    assert content is not None and content.articles == ()
    assert problems == []


def test_a_review_block_in_a_published_briefing_is_an_error(check) -> None:
    published = ARTICLE.replace("summary: 요약.\n", "summary: 요약.\nreview:\n  items: []\n")
    _, problems = check({"content/articles/a.md": published})
    assert problems == [
        "content/articles/a.md:11:1: error[review-in-published]: a 'review' block is only "
        "allowed in drafts; remove it before publishing"]


def test_warns_when_the_title_is_the_source_headline(check) -> None:
    _, problems = check({"content/articles/a.md": ARTICLE.replace(
        "title: SKT의 가상 제휴", 'title: "SKT, 제휴"')})
    assert problems == [
        "content/articles/a.md:2:1: warning[title-is-headline]: the briefing title is the "
        "source headline; write the briefing's own title"]


def test_warns_when_a_briefing_has_no_events(check) -> None:
    no_events = ARTICLE[:ARTICLE.index("events:")] + "---\n본문.\n"
    _, problems = check({"content/articles/a.md": no_events})
    assert problems == [
        "content/articles/a.md:2:1: warning[no-events]: this briefing has no events; list what "
        "the source reports under 'events:'"]


def test_errors_on_an_impossible_date_at_its_key(check) -> None:
    content, problems = check({"content/articles/a.md": ARTICLE.replace(
        "date: 2024-03\n", "date: 2024-02-30\n")})
    assert problems == [
        "content/articles/a.md:13:5: error[bad-date]: '2024-02-30' does not exist: 2024-02 has "
        "29 days"]
    assert content is not None and content.articles[0].occurrences[0].broken


def test_errors_when_until_is_before_the_date(check) -> None:
    _, problems = check({"content/articles/a.md": ARTICLE.replace(
        "date: 2024-03\n", "date: 2024-03\n    until: 2024-02\n")})
    assert problems == [
        "content/articles/a.md:14:5: error[bad-date]: until 2024-02 is before date 2024-03"]


def test_errors_on_an_unreadable_amount_at_its_key(check) -> None:
    _, problems = check({"content/articles/a.md": ARTICLE.replace(
        "약 $5 million", "수백억원")})
    assert problems == [
        "content/articles/a.md:17:5: error[bad-amount]: cannot read amount '수백억원'; write it "
        "as reported, e.g. '2조4000억원', '5000억원', '2억달러', '22.4 billion won', "
        "'$75.8 million'"]


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://x.example/", "//evil.example/",
                                 "https://x.example/a b"])
def test_only_http_urls_are_accepted(check, url: str) -> None:
    _, problems = check({"content/articles/a.md": ARTICLE.replace(
        "https://news.example.com/1", url)})
    assert problems == [
        f"content/articles/a.md:7:3: error[bad-url]: '{url}' is not an http(s) URL"]


def test_errors_on_an_event_listed_twice_in_one_article(check) -> None:
    twice = ARTICLE.replace("---\n본문", "  - id: deal\n---\n본문")
    _, problems = check({"content/articles/a.md": twice})
    assert problems == [
        "content/articles/a.md:18:5: error[duplicate-id]: event 'deal' is listed twice in this "
        "article (first at line 12)"]


def test_carriers_and_entities_share_one_namespace_articles_have_their_own(check) -> None:
    content, problems = check({
        "content/entities/skt.md": "---\nname: SKT 재단\ntype: organization\n---\n",
        "content/articles/skt.md": ARTICLE,
    })
    assert problems == [
        "content/entities/skt.md:1:1: error[duplicate-id]: id 'skt' is already used by "
        "content/carriers/skt.md; rename one of the files"]
    assert content is not None and [a.id for a in content.articles] == ["skt"]


def test_a_colour_must_be_hex_and_only_carriers_have_one(check) -> None:
    _, problems = check({
        "content/carriers/kt.md": "---\nname: KT\ncolor: red\n---\n",
        "content/entities/x.md": "---\nname: X\ntype: company\ncolor: \"#123456\"\n---\n",
    })
    assert problems == [
        "content/carriers/kt.md:3:1: error[type]: 'red' is not a colour; write it as \"#rrggbb\"",
        "content/entities/x.md:4:1: error[unknown-key]: 'color' is only for carriers; remove it "
        "from this entity",
    ]


def test_an_entity_needs_a_type_and_a_name(check) -> None:
    _, problems = check({"content/entities/x.md": "---\naliases: [X]\n---\n"})
    assert problems == [
        "content/entities/x.md:2:1: error[missing-field]: missing required field 'name'",
        "content/entities/x.md:2:1: error[missing-field]: missing required field 'type'",
    ]


def test_the_ids_of_files_dropped_for_errors_are_remembered(check) -> None:
    content, problems = check({
        "content/entities/x.md": "---\nname: X\ntype: human\n---\n",
        "content/articles/bad.md": ARTICLE.replace("title: SKT의 가상 제휴", "title: [a]"),
    })
    assert len(problems) == 2
    assert content is not None
    # the files themselves, and (read leniently, see validate/salvage.py) what they define
    assert {"x", "article:bad", "event:deal", "mention:skt"} <= content.broken_ids
    assert not any(i.startswith("event:") and i != "event:deal" for i in content.broken_ids)


def test_every_file_is_checked_even_when_the_first_is_broken(check) -> None:
    _, problems = check({
        "content/articles/a.md": ARTICLE.replace("summary:", "sumary:"),
        "content/articles/b.md": ARTICLE.replace("kind: partnership", "kind: nope"),
        "content/articles/c.md": ARTICLE.replace("date: 2024-03\n", "date: 2024-13\n"),
    })
    assert [p.split(":")[0] for p in problems] == [
        "content/articles/a.md", "content/articles/b.md", "content/articles/c.md"]


def test_without_a_valid_site_yaml_there_is_no_content(check, tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content/site.yaml").write_text("title: x\nlanguage: jp\n", encoding="utf-8")
    content, problems = read_content(Path("content"), drafts=True)
    assert content is None
    assert [d.format() for d in problems] == [
        "content/site.yaml:2:1: error[bad-enum]: 'jp' is not a valid language; expected one of "
        "'ko' or 'en'"]


def test_only_true_and_false_are_accepted_for_draft(check) -> None:
    _, problems = check({"content/articles/a.md": ARTICLE.replace(
        "summary: 요약.\n", "summary: 요약.\ndraft: no\n")})
    assert problems == [
        "content/articles/a.md:11:1: error[type]: 'draft' must be true or false, not 'no'"]


def test_a_draft_proposal_may_carry_aliases_and_a_parent(check) -> None:
    draft = ARTICLE.replace("summary: 요약.\n", "draft: true\nreview:\n  new_entities:\n"
                            "    - {name: 한빛랩, type: organization, aliases: [Hanbit Lab],"
                            " parent: skt}\n")
    content, problems = check({"content/articles/a.md": draft})
    assert content is not None
    assert [p for p in problems if "error" in p] == []
    bad = draft.replace("parent: skt", "parent: Not A Slug")
    _, problems = check({"content/articles/a.md": bad})
    assert any("error" in p and "parent" in p for p in problems)
