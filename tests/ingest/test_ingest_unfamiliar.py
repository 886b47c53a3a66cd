"""Clutter and credits of outlets nobody tuned on (issue 13, third held-out round), by
shape: buttons in new spellings, summary-box labels, keyword runs, a photo's name card,
a notice after the body; a desk's place, a site's domain, a regional desk and a wire in
bylines. Fictional outlets, people and sentences only."""

from __future__ import annotations

import pytest

from briefing.ingest.byline import Publisher, load_publishers, outlet_names
from briefing.ingest.clean import clean_lines
from briefing.ingest.meta import find_people_and_publisher

BODY = ("한빛텔레콤이 새 AI 서비스를 내놓는다고 3일 밝혔다. 회사는 올해 가입자 100만명을 모으고 "
        "서비스 지역을 전국으로 넓힐 계획이라고 설명했으며, 요금은 다음 달에 공개한다.")
EN_BODY = ("Hanbit Telecom said on Tuesday it would launch a new AI service for its business "
           "customers next month, after a year of trials with three banks in Seoul.")
TABLE = (*load_publishers(None),
         Publisher("한빛경제", ("hanbit-econ.example",), ("Hanbit Economy",)))
OUTLETS = outlet_names(TABLE)


def kinds(text: str) -> list[tuple[str, str]]:
    return [(line.text, line.kind) for line in clean_lines(text, OUTLETS) if line.text]


def people(text: str) -> tuple[str | None, str | None]:
    publisher, author, _ = find_people_and_publisher(clean_lines(text, OUTLETS), TABLE)
    return publisher, author


@pytest.mark.parametrize("label", [
    "카카오스토리 공유하기", "밴드 공유하기", "공유하기 닫기", "본문 글씨 크게", "본문 글씨 작게",
    "글자 크게", "기사 저장", "이 콘텐츠를 공유하세요.", "Share on LinkedIn", "Share via Email",
    "Copy article link", "Text size",
    "3줄 요약", "2줄 요약", "AI 요약", "핵심 정리", "In sum – what to know:", "Key points",
    "Key Takeaways:", "TL;DR",
])
def test_buttons_and_summary_labels_in_new_spellings_are_clutter(label: str) -> None:
    text = f"한빛텔레콤, 새 AI 서비스 출시\n{label}\n{BODY}\n{label}\n{BODY}"
    assert (label, "content") not in kinds(text)


@pytest.mark.parametrize("line", [
    "데이터 공유 늘린다",  # a sub-head about sharing data: no button's verb
    "요약하면 이번 출시는 회사의 첫 유료 AI 상품이다.",
    "Share prices rose 3% after the launch.",
    "Key points of the deal were not disclosed, the company said.",
])
def test_lines_that_only_use_those_words_stay(line: str) -> None:
    assert (line, "content") in kinds(f"{BODY}\n{line}\n{BODY}")


def test_a_keyword_run_under_the_headline_goes_and_a_title_case_deck_stays() -> None:
    tags = "Hanbit Telecom Service Outage Routing Error Network Downtime"
    deck = "Hanbit Telecom Plans A Second Network For Its Business Customers"
    found = kinds(f"Hanbit Telecom reports a nationwide outage\n{tags}\n{deck}\n{EN_BODY}")
    assert (tags, "menu") in found and (deck, "content") in found
    # Between paragraphs the same shape is a sub-head: content.
    later = "The carrier expects the new service to reach two million users by next year."
    assert (tags, "content") in kinds(f"{EN_BODY}\n{tags}\n{later}")


def test_a_photos_name_card_is_a_caption_but_a_quote_attribution_in_a_sentence_stays() -> None:
    card = "Jane Doe, CEO, Hanbit Telecom"
    said = "“We will grow,” said Jane Doe, CEO of Hanbit Telecom, at the event."
    found = kinds(f"{EN_BODY}\n{card}\n{said}\n{EN_BODY}")
    assert (card, "caption") in found and (said, "content") in found


def test_also_see_links_are_related_stories() -> None:
    link = "ALSO SEE: Hanbit Bank Weighs A Digital Branch Plan"
    assert (link, "related") in kinds(f"{EN_BODY}\n{link}\n{EN_BODY}")


def test_a_summary_notice_names_its_source_and_ends_the_page() -> None:
    notice = "한빛픽의 문장 추출 기술을 사용하여 “한빛경제” 기사 내용을 3줄로 요약한 결과입니다."
    text = f"{BODY}\n{notice}\n이 콘텐츠를 공유하세요.\n안내 문구가 들어가는 자리입니다\n"
    found = kinds(text)
    assert [kind for _, kind in found] == ["content", "widget", "share", "related"]
    assert people(text)[0] == "한빛경제"


def test_after_buttons_mid_article_short_paragraphs_stay() -> None:
    short = "회사는 요금을 다음 달 공개한다."
    more = ("회사는 새 서비스를 먼저 수도권 기업 고객에게 내놓고, 반응을 본 뒤 하반기에 개인 "
            "고객으로 넓히며 요금제도 두 가지로 나눠 선보일 계획이라고 덧붙였다.")
    found = kinds(f"{BODY}\n카카오스토리 공유하기\n{short}\n{more}\n요금은 공개하지 않았다.")
    assert (short, "content") in found and ("요금은 공개하지 않았다.", "content") in found


@pytest.mark.parametrize(("text", "expected"), [
    # An overseas desk's place is no outlet: the outlet before its date line is.
    (f"한빛경제 2025.03.05 09:19\n【바르셀로나(스페인)=홍길동 기자】{BODY}",
     ("한빛경제", "홍길동")),
    (f"[서울=홍길동 기자] {BODY}", (None, "홍길동")),
    # The outlet's name alone in brackets before the lede.
    (f"[한빛데일리] {BODY}", ("한빛데일리", None)),
    # A site's domain as its credit: a known domain gives the outlet, else the site's name.
    (f"en.Hanbitwire.com Reported - {EN_BODY}", ("Hanbitwire", None)),
    (f"hanbit-econ.example Reported - {EN_BODY}", (None, None)),
    # A regional desk's sign-off names the reporter, not an outlet.
    (f"{BODY}\n광주전남취재본부 홍길동", (None, "홍길동")),
    (f"{BODY}\n부산지사 홍길동 기자", (None, "홍길동")),
    # A writer with the wire the story draws on: the writer is the author.
    (f"{EN_BODY}\n- Jane Doe, with Reuters", (None, "Jane Doe")),
])
def test_credits_of_unfamiliar_outlets(text: str, expected: tuple[str | None, str | None]
                                       ) -> None:
    assert people(text) == expected


def test_a_programme_tag_in_brackets_gives_way_to_the_outlets_credit() -> None:
    text = f"[자막뉴스]\n\"새 요금제 나온다\" 한빛텔레콤 발표 / 한빛경제\n{BODY}"
    assert people(text)[0] == "한빛경제"


def test_a_domain_credit_before_the_lede_is_split_off() -> None:
    found = kinds(f"en.Hanbitwire.com Reported - {EN_BODY}")
    assert found == [("en.Hanbitwire.com Reported -", "byline"), (EN_BODY, "content")]


@pytest.mark.parametrize(("line", "kind"), [
    # A CMS's data dump printed as text: ids, versions, flags and timestamps.
    ("10020030 0102024010110020030 08 0801001 6.1.11-RELEASE 96 한빛경제 0 false true "
     "1704067200000", "widget"),
    ("Hanbit Telecom- CM.png", "image"),  # an image's file name
    ("Written by 11:35 AM Tech", "widget"),  # a byline template without its name
    ("홍길동 한빛텔레콤 대표가 3일 발표하고 있다. 제공 | 한빛텔레콤", "caption"),
])
def test_page_leftovers_by_shape(line: str, kind: str) -> None:
    assert (line, kind) in kinds(f"{BODY}\n{line}\n{BODY}x")


def test_prose_with_numbers_and_date_lines_are_no_data_dump() -> None:
    line = "The carrier sold 120,000 units in 2024, up 35% from 88,000 in 2023, it said."
    assert (line, "content") in kinds(f"{EN_BODY}\n{line}")
    for date_line in ("입력 2025년 8월 11일 15시 00분",
                      "2024.03.05 15:20 | 2024.03.06 10:00 | 1234"):
        assert (date_line, "dateline") in kinds(f"한빛텔레콤 새 서비스\n{date_line}\n{BODY}")


def test_a_list_label_mid_article_goes_and_the_prose_after_it_stays() -> None:
    after = "회사는 새 서비스로 주말에도 상담을 받을 수 있게 됐다고 설명했다."
    found = kinds(f"{BODY}\n지금 뜨는 뉴스\n{after}")
    assert ("지금 뜨는 뉴스", "menu") in found and (after, "content") in found


def test_a_sign_off_with_the_outlets_slogan_gives_the_author() -> None:
    text = f"{BODY}\n홍길동 기자 / 경제를 읽는 창 - 한빛경제\nCopyright ⓒ 한빛경제 무단 전재 금지"
    assert people(text) == ("한빛경제", "홍길동")


@pytest.mark.parametrize(("text", "expected"), [
    # An English edition's bracketed byline before the lede.
    (f"[Hanbit Economy Reporter Jane Doe] {EN_BODY}", ("한빛경제", "Jane Doe")),  # its alias
    (f"[Orbit Daily Reporter Jane Doe] {EN_BODY}", ("Orbit Daily", "Jane Doe")),
    # A wire's dateline glued to the lede, and a name with initials before its e-mail.
    (f"SEOUL, Nov. 26 (Hanbit Wire)A fire hit a branch.\n{EN_BODY}\nH. S. Hong "
     "(hshong@hanbit-econ.example)", ("Hanbit Wire", "H. S. Hong")),
    # A translated broadcast hand-over.
    (f"{EN_BODY}\nFirst news, this is reporter Hong Gil-dong.", (None, "Hong Gil-dong")),
])
def test_english_credits_of_korean_outlets(text: str,
                                           expected: tuple[str | None, str | None]) -> None:
    assert people(text) == expected


def test_a_glued_wire_dateline_is_split_off_and_its_day_stays() -> None:
    found = kinds(f"SEOUL, Nov. 26 (Hanbit Wire)A fire hit a branch of the carrier.\n{EN_BODY}")
    assert found[:2] == [("SEOUL, Nov. 26 (Hanbit Wire)", "byline"),
                         ("(Nov. 26) A fire hit a branch of the carrier.", "content")]


@pytest.mark.parametrize("line", [
    "사진설명 홍길동 한빛텔레콤 대표가 발표하고 있다",
    "picture explanationHong Gil-dong, CEO of Hanbit, answers questions",
])
def test_a_captions_label_makes_it_a_caption(line: str) -> None:
    assert (line, "caption") in kinds(f"{BODY}\n{line}\n{EN_BODY}")
