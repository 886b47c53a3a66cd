"""Date expressions, absolute and relative to the publication date."""

from __future__ import annotations

import pytest

from briefing.core.dates import parse_date
from briefing.ingest.dates import find_dates

PUB = parse_date("2024-06-20")


def first(sentence: str,
          published: str | None = "2024-06-20") -> tuple[str | None, str | None, str]:
    [found, *_] = find_dates(sentence, parse_date(published) if published else None)
    return (found.date.iso() if found.date else None,
            found.until.iso() if found.until else None, found.role)


@pytest.mark.parametrize(("sentence", "date", "until", "role"), [
    ("KT는 지난 10일 협약을 맺었다", "2024-06-10", None, "event"),
    ("올해 2월에는 스페인에서", "2024-02", None, "event"),
    ("올 4월에는 대표가 참석했다", "2024-04", None, "event"),
    ("지난해 5월 업무협약을 체결", "2023-05", None, "event"),
    ("지난해 11월 출범하여", "2023-11", None, "event"),
    ("18일(현지시간) 덴마크에서", "2024-06-18", None, "event"),
    ("이번달 1~2일 서울에서", "2024-06-01", "2024-06-02", "event"),
    ("2022년부터 2023년까지 투자했다", "2022", "2023", "event"),
    ("2013년부터 해마다 연다", "2013", None, "since"),
    ("2027년까지 목표로", "2027", None, "target"),
    ("2024년 6월 19일 계약", "2024-06-19", None, "event"),
    ("2024년 3월 발표", "2024-03", None, "event"),
    ("내년 상반기에 내놓는다", "2025-01", "2025-06", "event"),
    ("지난달 15일 출시했다", "2024-05-15", None, "event"),
    ("지난달 15일 발표했다", "2024-05-15", None, "announce"),
    ("오는 9월 출시", "2024-09", None, "event"),
    ("30일 업계에 따르면", "2024-05-30", None, "report"),
    ("개최했다고 20일 밝혔다", "2024-06-20", None, "announce"),
    ("invested in startups from 2022 to 2023", "2022", "2023", "event"),
    ("AI companies since 2022", "2022", None, "since"),
    ("malware infected the server around 11 p.m. on the 19th", "2024-06-19", None, "event"),
    ("어제 전국에서 인터넷이 끊겼습니다", "2024-06-19", None, "event"),
    ("The network went down yesterday", "2024-06-19", None, "event"),
    ("KT는 올해 2분기(4~6월) 영업이익이 늘었다", "2024-04", "2024-06", "event"),
    ("invested in September 2023.", "2023-09", None, "event"),
    ("KT agreed in January to spend more", "2024-01", None, "event"),
    ("a pilot that started in December", "2023-12", None, "event"),
    ("to open the lab by September", "2024-09", None, "target"),
    ("signed on June 18, 2024 a deal", "2024-06-18", None, "event"),
    ("last year it launched", "2023", None, "event"),
    ("to 36 percent by 2028", "2028", None, "target"),
    ("According to market watchers on Tuesday, the", "2024-06-18", None, "report"),
    ("KT said on June 18, 2024 that it", "2024-06-18", None, "announce"),
])
def test_resolves_each_expression(sentence: str, date: str, until: str | None, role: str) -> None:
    assert first(sentence) == (date, until, role)


@pytest.mark.parametrize("sentence", [
    "24시간 365일 응답한다", "2년 연속 맡았다", "5년 간 파트너십", "MWC 2024에서 만났다",
    "1~6개월 통신비를", "3일간 열린다",
])
def test_durations_and_names_are_not_dates(sentence: str) -> None:
    assert find_dates(sentence, PUB) == []


@pytest.mark.parametrize("sentence", ["지난 10일 협약", "올해 2월 설립", "지난해 실적",
                                      "last year"])
def test_relative_dates_without_a_publication_date_are_flagged(sentence: str) -> None:
    [found] = find_dates(sentence, None)
    assert found.date is None
    assert found.problem


def test_absolute_dates_need_no_publication_date() -> None:
    assert first("2023년 업스테이지에 투자했다", None) == ("2023", None, "event")


def test_a_bare_day_after_the_publication_day_is_last_month() -> None:
    [found] = find_dates("25일 오전 발표", PUB)
    assert found.date is not None and found.date.iso() == "2024-05-25"
    assert found.basis and "month before" in found.basis


def test_that_day_refers_to_the_day_named_before() -> None:
    [found] = find_dates("이날 행사에서", PUB, parse_date("2024-06-18"))
    assert found.date is not None and found.date.iso() == "2024-06-18"


def test_dates_inside_quoted_speech_are_skipped() -> None:
    assert find_dates('그는 "지난해 통신과 AI의 융합을 보여 줬다"고 말했다', PUB) == []
