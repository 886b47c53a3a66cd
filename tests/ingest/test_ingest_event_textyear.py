"""Stories without a date line dated from their own words (issue 13, point 4): a fair's year
however it is written, the latest year the text dates a fact in, bare months placed in that
year, deals of one sentence kept apart, and the base of a change that dates nothing.
Fictional sentences in the styles of call transcripts, trade sites and Korean dailies."""

from __future__ import annotations

import pytest

from briefing.core.dates import PartialDate
from briefing.ingest.anchor import Anchor, in_anchor_year, story_anchor, text_year
from briefing.ingest.dates import find_dates
from briefing.ingest.events import propose_events
from briefing.ingest.kinds import classify
from briefing.ingest.recognise import Matcher
from tests.ingest.test_ingest_event_facts import brief, told


@pytest.mark.parametrize("line, year", [
    ("KT는 오르빗 엑스포 2024에서 새 서비스를 공개했다.", 2024),  # a particle after the year
    ("한빛텔레콤이 다음달 열릴 모바일월드콩그레스(MWC)2026의 예고편을 공개했다.", 2026),
    ("김 대표는 MWC25 기자간담회에서 계획을 소개했다.", 2025),
])
def test_a_fairs_year_is_read_however_it_is_written(line: str, year: int) -> None:
    anchor = story_anchor([line], line)
    assert anchor is not None and anchor.date == PartialDate(year)


def test_a_fairs_short_year_needs_the_acronym_glued() -> None:
    assert story_anchor(["The MWC 25 countries joined."], "") is None


def test_the_latest_year_the_text_dates_a_fact_in_anchors_it(matcher: Matcher) -> None:
    sentences = told(matcher,
                     "Today we present the highlights of the third quarter of 2023.",
                     "Hanbit Telecom opened its first data centre in 2019.",
                     "The company plans to open a second one in 2027.",
                     published=None)
    anchor = text_year(sentences)
    # 2027 is a plan's year, not one the story is told in.
    assert anchor is not None and anchor.date == PartialDate(2023) and anchor.months


def test_bare_years_alone_anchor_nothing(matcher: Matcher) -> None:
    sentences = told(matcher, "KT는 2022년과 올해 두 차례에 걸쳐 한빛칩스에 투자했다.",
                     published=None)
    assert text_year(sentences) is None


def test_a_month_is_placed_in_the_texts_own_year_only() -> None:
    own = Anchor(PartialDate(2024), "the latest year the text tells a fact in (2024)",
                 months=True)
    fair = Anchor(PartialDate(2024), "the year of the event the story names (2024)")
    [june] = find_dates("a stake bought in June", None)
    [march] = find_dates("KT는 지난 3월 협약을 맺었다.", None)
    [ahead] = find_dates("KT는 오는 3월 출시할 예정이다.", None)
    assert in_anchor_year(june, own).date == PartialDate(2024, 6)
    assert in_anchor_year(march, own).date == PartialDate(2024, 3)
    assert in_anchor_year(ahead, own).date is None  # a month ahead may be next year's
    assert in_anchor_year(june, fair).date is None


def test_a_call_transcript_without_a_date_is_dated_by_its_quarter(matcher: Matcher) -> None:
    events = propose_events(told(
        matcher,
        "SK Telecom reported its results for the third quarter of 2023 today.",
        "Over the past year, SK Telecom has invested $500 million in AI, including a "
        "$20 million investment in May in Hanbit Labs, a maker of chips; and a $90 million "
        "investment in August in Orbit Cloud, a provider of GPU servers.",
        published=None), None)
    dated = {(date, kind) for date, kind, _ in brief(events)}
    # One sentence, three investments: each keeps its own amount and month.
    assert ("2023-05", "investment") in dated and ("2023-08", "investment") in dated
    amounts = {e.amount for e in events if e.kind == "investment"}
    assert {"$20 million", "$90 million"} <= amounts
    assert all(e.approximate for e in events if e.date is not None)
    assert all(any("latest year the text tells a fact in" in i for i in e.issues)
               for e in events if e.date is not None)


def test_the_base_of_a_change_is_no_date_of_the_fact() -> None:
    dates = find_dates("Its revenue rose last year, up 18.4% from 2023, to 422 billion won.",
                       None)
    assert [(d.text, d.role) for d in dates] == [("last year", "event"),
                                                 ("from 2023", "compare")]


def test_a_year_after_the_telling_in_a_plan_is_when_it_falls_due(matcher: Matcher) -> None:
    [event] = propose_events(told(
        matcher, "SK Telecom plans a national AI cloud, with its first site targeting a 2027 "
        "opening.", published="2026-03-02"), PartialDate(2026, 3, 2))
    assert (event.kind, event.date, event.due) == ("target", PartialDate(2026, 3, 2),
                                                   PartialDate(2027))


def test_plans_a_carrier_announced_are_its_own(matcher: Matcher) -> None:
    events = propose_events(told(
        matcher, "KT has announced plans to build a sovereign AI cloud for public bodies.",
        published="2026-03-02"), PartialDate(2026, 3, 2))
    assert brief(events) == [("2026-03-02", "target", ("kt",))]


def test_a_release_quoted_whole_is_the_fact_not_a_view(matcher: Matcher) -> None:
    done, view = told(
        matcher,
        "한빛도가 16일 “한빛군, 민간 기관과 함께 데이터센터 구축 업무협약을 맺었다”고 밝혔다.",
        "홍 지사는 16일 “이번 협약은 도민 모두가 환영할 것”이라고 말했다.", published="2026-01-17")
    assert brief(propose_events([done], PartialDate(2026, 1, 17))) == [
        ("2026-01-16", "partnership", ())]
    assert propose_events([view], PartialDate(2026, 1, 17)) == []


@pytest.mark.parametrize("text, kind", [
    ("LG유플러스는 경찰청이 진행하는 예방 캠페인에 동참한다고 3일 밝혔다.", "partnership"),
    ("In May 2023, SKT wrote $50 million for equity in Hanbit Labs.", "investment"),
])
def test_kinds_of_joining_a_campaign_and_buying_equity(text: str, kind: str) -> None:
    assert classify(text) == (kind, True)


def test_a_disclosure_is_a_fact_of_its_month(matcher: Matcher) -> None:
    disclosed, said = told(
        matcher, "In April 2026 SK Telecom disclosed it had trained its model on open data.",
        "In April 2026 SK Telecom said AI was central to its strategy.", published="2026-06-02")
    assert brief(propose_events([disclosed], PartialDate(2026, 6, 2))) == [
        ("2026-04", "statement", ("skt",))]
    # A remark needs its day: 'said' in a month is no event.
    assert propose_events([said], PartialDate(2026, 6, 2)) == []


@pytest.mark.parametrize("text, written, first, last", [
    ("Hanbit Telecom posted 2Q24 revenue of KRW 4 trillion.", "2Q24", (2024, 4), (2024, 6)),
    ("Hanbit Telecom Announces 3Q 2023 Earnings Results", "3Q 2023", (2023, 7), (2023, 9)),
    ("the highlights of 2024-Q2 earnings", "2024-Q2", (2024, 4), (2024, 6)),
    ("a paid plan targeting H1 2026", "H1 2026", (2026, 1), (2026, 6)),
    ("KT의 1H25 실적", "1H25", (2025, 1), (2025, 6)),
])
def test_results_shorthand_is_a_period(text: str, written: str, first: tuple[int, int],
                                       last: tuple[int, int]) -> None:
    [date] = find_dates(text, None)
    assert (date.text, date.date, date.until) == (written, PartialDate(*first),
                                                  PartialDate(*last))


def test_chip_names_are_no_periods() -> None:
    assert [d.text for d in find_dates("It bought 2H100 boards and H100 GPUs.", None)] == []


def test_a_product_unveiled_at_a_fair_is_the_product(matcher: Matcher) -> None:
    [event] = propose_events(told(
        matcher, "KT는 지난 5일 한빛 엑스포에서 공개한 AI 비서의 시범 서비스를 종료했다.",
        published="2025-03-10"), PartialDate(2025, 3, 10))
    assert (event.date, event.kind) == (PartialDate(2025, 3, 5), "product")


def test_last_year_compared_with_a_stated_year_anchors_the_story(matcher: Matcher) -> None:
    sentences = told(matcher, "LG U+ earned 422 billion won in cloud revenue last year, up "
                     "18.4% from 2023.", published=None)
    anchor = text_year(sentences)
    assert anchor is not None and anchor.date == PartialDate(2025) and not anchor.months
    [event] = propose_events(sentences, None)
    assert (event.date, event.kind, event.approximate) == (PartialDate(2024), "earnings", True)
    # A level, not a change: no year follows from it.
    assert text_year(told(matcher, "Revenue last year was higher than in 2019.",
                          published=None)) is None


def test_a_year_the_text_looks_ahead_to_is_no_anchor(matcher: Matcher) -> None:
    sentences = told(matcher, "Hanbit Telecom opened its Seoul site in March 2023 and is "
                     "readying the Busan site for completion in 2027.", published=None)
    anchor = text_year(sentences)
    assert anchor is not None and anchor.date == PartialDate(2023)


def test_one_fact_keeps_its_first_amount(matcher: Matcher) -> None:
    [event] = propose_events(told(
        matcher, "KT said on Thursday it will spend 5 trillion won on its platforms, including "
        "AI, robots, cloud and media from this year out of its total investment of 11 trillion "
        "won over the period.",
        published="2024-06-21"), PartialDate(2024, 6, 21))
    assert (event.kind, event.amount) == ("target", "5 trillion won")
