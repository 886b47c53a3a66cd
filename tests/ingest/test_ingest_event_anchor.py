"""Events on unfamiliar outlets: a story without a date line anchored by a credit's date or
a fair's year, parallel deals of one release, the lede of '… 이같이 밝혔다', results without
an announcement day, plans a carrier states in its own words, and kinds of unfamiliar verbs.
Fictional sentences in the styles of blogs, reposts, releases and Korean dailies."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.core.dates import PartialDate, parse_date
from briefing.ingest.anchor import Anchor, in_anchor_year, story_anchor
from briefing.ingest.dates import find_dates
from briefing.ingest.eventmerge import ProposedEvent, merge_events
from briefing.ingest.events import propose_events
from briefing.ingest.kinds import classify
from briefing.ingest.recognise import Matcher
from briefing.ingest.speech import unquoted
from tests.ingest.conftest import ingest, read_front
from tests.ingest.test_ingest_event_facts import brief, told


def test_a_credits_full_date_anchors_the_bare_day_of_the_body() -> None:
    lines = ["한빛도, AI 단지 협약", "▲협약식 기념촬영 사진2025.2.11ⓒ한빛도 제공",
             "한빛도는 11일 데이터센터 협약을 맺었다고 밝혔다."]
    anchor = story_anchor(lines, lines[2])
    assert anchor is not None and anchor.date == PartialDate(2025, 2, 11)
    # A full date whose day the body does not name is no anchor (a photo of another day).
    assert story_anchor(lines, "한빛도는 협약을 맺었다고 밝혔다.") is None


@pytest.mark.parametrize("line, year", [
    ("Hanbit Telecom at Orbit Expo 2025: the plans", 2025),
    ("지난 5일 열린 '2024 한빛IT쇼'에서 기조강연을 했다.", 2024),
    ("At MWC 2026 the carrier set out its plan.", 2026),
    ("오르빗 서밋 2023에 참가했다.", 2023),
])
def test_a_fairs_year_anchors_a_story_without_a_date(line: str, year: int) -> None:
    anchor = story_anchor([line], line)
    assert anchor is not None and anchor.date == PartialDate(year)


def test_no_fair_no_anchor_and_counts_are_no_years() -> None:
    assert story_anchor(["The firm grew 2025 units in a year."], "") is None
    assert story_anchor(["매출이 2024억원을 기록했다."], "") is None


def test_bare_days_and_relative_years_are_placed_in_the_anchor_year() -> None:
    anchor = Anchor(PartialDate(2025), "the year of the event the story names (2025)")
    day, last_year, month = find_dates("24일 행사에서 지난해 실적과 3월 계획을 밝혔다.", None)
    assert in_anchor_year(day, anchor).date == PartialDate(2025)
    assert in_anchor_year(last_year, anchor).date == PartialDate(2024)
    assert in_anchor_year(month, anchor).date is None  # a month of an unknown year stays


def test_a_story_at_a_fair_without_a_date_line_is_dated_by_its_year(tmp_path: Path) -> None:
    article = tmp_path / "blog.txt"
    article.write_text(
        "KT at Orbit Expo 2025\n\n"
        "At Orbit Expo 2025 in Lisbon, KT set out how it will rebuild its network around "
        "AI over the coming years.\n\n"
        "KT said it will redesign its core network for AI agents and open the system to "
        "partners.\n", "utf-8")
    run = ingest([str(article)], tmp_path / "out")
    assert run.code == 0, run.stderr
    [draft] = run.drafts().values()
    front = read_front(draft)
    assert "published" not in front  # the anchor is no publication date
    targets = [e for e in front["events"] if e["kind"] == "target"]
    assert targets and targets[0]["date"] == "2025" and targets[0]["approximate"] is True
    assert targets[0]["carriers"] == ["kt"]


def test_parallel_deals_of_a_release_are_one_event_each(matcher: Matcher) -> None:
    texts = ("SEOUL, June 20, 2024 — Hanbit Group announced today that it signed deals with "
             "Microsoft and Nvidia.",
             "KT signed a memorandum of understanding with Microsoft to build a data centre.",
             "SK Telecom signed a letter of intent with Nvidia to supply servers.")
    events = propose_events(told(matcher, *texts), parse_date("2024-06-20"))
    deals = {(e.carriers, e.entities) for e in events if e.date == PartialDate(2024, 6, 20)}
    assert (("kt",), ("microsoft",)) in deals and (("skt",), ("nvidia",)) in deals
    assert all(e.kind == "partnership" for e in events)


def _deal(evidence: str, entities: tuple[str, ...]) -> ProposedEvent:
    return ProposedEvent("", PartialDate(2024, 6, 20), None, False, None, "", "partnership",
                         ("kt",), entities, None, (evidence,), ())


def test_two_deals_of_one_carrier_and_day_with_other_counterparts_stay_two() -> None:
    one, two = _deal("KT signed with A.", ("microsoft",)), _deal("KT signed with B.", ("nvidia",))
    assert len(merge_events([one, two])) == 2
    # The same deal told again (a caption naming only one side) is still one.
    again = _deal("KT and Microsoft sign.", ("microsoft",))
    assert len(merge_events([one, again])) == 1


def test_the_lede_before_said_like_this_is_told_that_day(matcher: Matcher) -> None:
    texts = ("KT가 마이크로소프트와 손잡고 전문가 200여명을 투입해 AI 센터를 이달 출범한다.",
             "'한빛 전략 펀드'도 만들어 중소기업을 지원한다.",
             "김 대표는 4일(현지시간) 바르셀로나에서 기자간담회를 열고 이같이 밝혔다.")
    events = propose_events(told(matcher, *texts, published="2024-06-05"),
                            parse_date("2024-06-05"))
    assert ("2024-06-04", "partnership", ("kt",)) in brief(events)
    assert ("2024-06-04", "investment", ("kt",)) in brief(events)


def test_results_without_an_announcement_day_are_dated_by_their_year(matcher: Matcher) -> None:
    text = "LG유플러스는 2025년 1분기 영업이익 2000억원을 기록했다."
    [event] = propose_events(told(matcher, text, published=None), None)
    assert (event.date, event.until, event.kind, event.approximate) == (
        PartialDate(2025), None, "earnings", True)


def test_a_plan_a_carrier_states_in_its_own_words(matcher: Matcher) -> None:
    texts = ("SK Telecom outlined its strategy at a briefing in Seoul on Tuesday.",
             "The company said it would rebuild its billing systems around AI.")
    events = propose_events(told(matcher, *texts), parse_date("2024-06-20"))
    assert ("2024-06-20", "target", ("skt",)) in brief(events)
    # Someone else's reading of the carrier is no plan of its own.
    other = ("Observers think SK Telecom would rebuild its billing systems.",)
    assert propose_events(told(matcher, *other), parse_date("2024-06-20")) == []


def test_a_fronted_time_phrase_keeps_the_two_companies(matcher: Matcher) -> None:
    texts = ("KT and Microsoft signed a partnership in March 2023.",
             "One year into the partnership, the two companies launched the model Orbit-K in "
             "April 2024.")
    assert ("2024-04", "product", ("kt",)) in brief(propose_events(told(matcher, *texts),
                                                                  parse_date("2024-06-20")))


@pytest.mark.parametrize("clause, kind", [
    ("한빛텔레콤은 1월 고객 정보 유출 사고를 겪었다", "outage"),
    ("회사는 지난달 해커의 공격을 받아 이름과 번호가 공개됐다", "outage"),
    ("Customer data was leaked in January", "outage"),
    ("KT는 마이크로소프트와 손잡고 전문가 300여명을 투입해 센터를 연다", "partnership"),
    ("양사는 500억원 규모 펀드를 조성했다", "investment"),
    ("The two firms set up a joint AI fund for small firms", "investment"),
    ("홍 부사장은 '2025 한빛IT쇼'에서 기조강연을 했다", "conference"),
])
def test_kinds_of_unfamiliar_verbs(clause: str, kind: str) -> None:
    assert classify(clause)[0] == kind


def test_a_short_quote_is_a_name_not_speech() -> None:
    assert unquoted('KT는 "오르빗" 서비스를 출시했다.') == 'KT는 "오르빗" 서비스를 출시했다.'
    assert unquoted('그는 "고객 가치를 가장 먼저 생각하겠다"고 말했다.').count(" ") > 10


def test_a_quoted_name_is_no_speech() -> None:
    text = "The firms announced the fund at the launch of “Hanbit Orbit Alliance” in Lisbon."
    assert unquoted(text) == text
    assert classify(text)[0] == "alliance"
    # Speech stays speech, however it is capitalised at its start.
    assert "will" not in unquoted('He said, "We will double the fund next year."')


@pytest.mark.parametrize("clause, kind", [
    ("The first step of the alliance is the creation of Orbit Chips Inc. in Texas", "investment"),
    ("한빛텔레콤은 미국 법인을 설립했다", "investment"),
])
def test_a_company_founded_is_an_investment(clause: str, kind: str) -> None:
    assert classify(clause)[0] == kind


def test_headline_grammar_and_present_plans_are_plans(matcher: Matcher) -> None:
    from briefing.ingest.clauses import is_intent
    assert is_intent("KT, Orbit and Hanbit to create a fund worth KRW 100 billion")
    assert is_intent("SK텔레콤이 AI 비서 시대를 본격 준비한다.")
    assert is_intent("이들 기관은 데이터센터 구축에 협력하기로 뜻을 모았다.")
    assert not is_intent("KT and Orbit to the rescue of the market")  # no verb after 'to'
    [event] = propose_events(told(matcher, "SK텔레콤이 AI 비서 사업을 본격 추진한다."),
                             parse_date("2024-06-20"))
    assert (event.date, event.kind, event.carriers) == (PartialDate(2024, 6, 20), "target",
                                                         ("skt",))


def test_deals_of_a_story_anchored_by_a_fairs_year(matcher: Matcher) -> None:
    texts = ("KT announced a partnership with Microsoft at the launch of its AI lab in Lisbon.",
             "Visitors queued at the booth.")
    anchor = Anchor(PartialDate(2025), "the year of the event the story names (2025)")
    [event] = propose_events(told(matcher, *texts, published=None), None, anchor=anchor)
    assert (event.date, event.kind, event.carriers, event.approximate) == (
        PartialDate(2025), "partnership", ("kt",), True)
    assert any("no publication date" in issue for issue in event.issues)


def test_the_signatories_plan_with_a_measure(matcher: Matcher) -> None:
    texts = ("한빛도는 10일 KT 등과 데이터센터 업무협약을 맺었다고 10일 밝혔다.",
             "이들 기관은 협약을 통해 향후 1조원 규모 데이터센터 구축에 협력하기로 뜻을 모았다.")
    events = propose_events(told(matcher, *texts, published="2024-06-10"),
                            parse_date("2024-06-10"))
    assert ("2024-06-10", "target", ("kt",)) in brief(events)
    assert ("2024-06-10", "partnership", ("kt",)) in brief(events)
