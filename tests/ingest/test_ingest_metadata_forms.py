"""Date lines by their grammar and bylines in every bracket and spacing form, as small
outlets, regional papers, wires and press-release services write them. Fictional outlets
and people only."""

from __future__ import annotations

import pytest

from briefing.ingest.byline import load_publishers, outlet_names
from briefing.ingest.clean import clean_lines
from briefing.ingest.meta import find_dates_in_header, find_people_and_publisher

TABLE = load_publishers(None)
OUTLETS = outlet_names(TABLE)
BODY = "한빛텔레콤이 새 AI 서비스를 내놓는다고 3일 밝혔다. 회사는 가입자 100만명을 목표로 한다."
EN_BODY = "Hanbit Telecom said it would launch a new AI service for its customers next month."


def published(text: str) -> str | None:
    date = find_dates_in_header(clean_lines(text, OUTLETS))[0]
    return date.iso() if date else None


def people(text: str) -> tuple[str | None, str | None]:
    publisher, author, _ = find_people_and_publisher(clean_lines(text, OUTLETS), TABLE)
    return publisher, author


@pytest.mark.parametrize(("line", "date"), [
    ("2024.03.05 15:20 | IT/과학 | 홍길동 기자", "2024-03-05"),  # date, time, section, reporter
    ("IT/과학 / 홍길동 기자 / 2024.03.05 15:20", "2024-03-05"),  # section / reporter / date
    ("Jane Doe 5 Mar, 2024", "2024-03-05"),  # name, then day month year
    ("Mar.5,2024", "2024-03-05"),
    ("2024-03-05 15:20 조회수 1,234", "2024-03-05"),  # beside a view count
    ("Link [2022-06-11 14:39:36]", "2022-06-11"),  # an aggregator's link date
])
def test_a_line_that_is_mostly_one_date_is_the_date_line(line: str, date: str) -> None:
    assert published(f"{line}\n{BODY}") == date


def test_a_sentence_that_mentions_a_date_is_no_date_line() -> None:
    text = f"{EN_BODY}\nThe carrier first showed the service on March 5, 2024 at a fair in Spain."
    assert published(text) is None


def test_a_timeline_entry_is_content_not_a_date_line() -> None:
    entry = "2019.04.03 세계 최초 5G 상용화 서비스 개시"
    lines = clean_lines(f"{BODY}\n{entry}", OUTLETS)
    assert [line.kind for line in lines] == ["content", "content"]


@pytest.mark.parametrize(("text", "expected"), [
    (f"【 한빛경제=홍길동 기자 】 {BODY}", ("한빛경제", "홍길동")),
    (f"[ 한빛경제 = 홍길동 기자 ] {BODY}", ("한빛경제", "홍길동")),
    (f"[한빛뉴스|김철수 기자] {BODY}", ("한빛뉴스", "김철수")),
    (f"한빛경제 = 홍길동 기자 | {BODY}", ("한빛경제", "홍길동")),
    (f"{BODY} [한빛경제=홍길동 기자]", ("한빛경제", "홍길동")),
    (f"새 서비스 내놓는 한빛텔레콤[한빛경제 홍길동 기자] {BODY}", ("한빛경제", "홍길동")),
])
def test_bylines_in_every_bracket_and_spacing_form(text: str,
                                                   expected: tuple[str, str]) -> None:
    assert people(text) == expected


def test_a_byline_glued_after_a_deck_leaves_the_deck_and_the_lede() -> None:
    lines = clean_lines(f"새 서비스 내놓는 한빛텔레콤[한빛경제 홍길동 기자] {BODY}", OUTLETS)
    assert [(line.kind, line.text) for line in lines] == [
        ("content", "새 서비스 내놓는 한빛텔레콤"), ("byline", "[한빛경제 홍길동 기자]"),
        ("content", BODY)]


def test_a_name_and_mail_glued_to_the_last_sentence_is_a_byline() -> None:
    lines = clean_lines(f"{BODY} 홍길동 기자 hong@hanbit.example", OUTLETS)
    assert [line.kind for line in lines] == ["content", "byline"]
    assert lines[0].text == BODY
    assert people(f"{BODY} 홍길동 기자 hong@hanbit.example")[1] == "홍길동"


def test_a_cut_off_reporter_mail_is_still_a_byline() -> None:
    assert [line.kind for line in clean_lines("홍길동 기자 hong@hanbit-news.c")] == ["byline"]


def test_a_press_release_dateline_gives_the_wire_and_the_date() -> None:
    text = f"SEOUL, South Korea, May 23, 2018 /PRNewswire/ -- {EN_BODY}"
    assert people(text)[0] == "PR Newswire"
    assert published(text) == "2018-05-23"


@pytest.mark.parametrize("text", [
    f"SEOUL, March 10 (Korea Bizwire) — {EN_BODY}",
    f"SEOUL, March 10 (Korea Bizwire) - {EN_BODY}",
])
def test_a_wire_dateline_names_the_wire(text: str) -> None:
    assert people(text)[0] == "Korea Bizwire"


def test_outlet_then_day_in_brackets_names_the_outlet() -> None:
    assert people(f"Hanbit Wire (Mar 5) -- {EN_BODY}")[0] == "Hanbit Wire"


def test_reporting_and_editing_credits_give_the_author() -> None:
    text = f"{EN_BODY}\n(Reporting by Jane Doe; Editing by John Roe)"
    assert people(text) == (None, "Jane Doe")
    assert [line.kind for line in clean_lines(text)][-1] == "byline"


def test_a_desk_byline_names_the_outlet_not_an_author() -> None:
    assert people(f"By Hanbit News Desk··1 min read\n{EN_BODY}") == ("Hanbit News", None)
