"""Events dated from their context (round 7): a yearless wire dateline whose weekday fixes the
year, a photo's date a few days before the story's own day, a day with its month at a fair
named with its year, results told as net income, a remark about a deal, a regulator's order,
the day a release was told, and a local government's own plan. Fictional sentences in the
styles of wire copy, regional dailies and blogs."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.core.dates import PartialDate, parse_date
from briefing.ingest.anchor import Anchor, in_anchor_year, story_anchor
from briefing.ingest.dates import find_dates
from briefing.ingest.events import propose_events
from briefing.ingest.kinds import classify
from briefing.ingest.localgov import local_subject
from briefing.ingest.recognise import Matcher
from tests.ingest.conftest import ingest, read_front
from tests.ingest.test_ingest_event_facts import brief, told


def test_a_yearless_dateline_takes_the_year_its_weekday_falls_in() -> None:
    # 9 May is a Thursday in 2024 (not in 2023 or 2025).
    lines = ["Hanbit Mobile beats forecasts",
             "SEOUL, May 9 (Wire) — Hanbit Mobile said Thursday its first-quarter net income "
             "rose 12 percent.", "Its 2024 outlook was left unchanged."]
    anchor = story_anchor(lines, "\n".join(lines[1:]))
    assert anchor is not None and anchor.date == PartialDate(2024, 5, 9)
    assert "Thursday" in anchor.basis


def test_no_weekday_or_no_single_year_gives_no_dateline_anchor() -> None:
    no_weekday = ["SEOUL, May 9 (Wire) — Hanbit Mobile said its income rose.", "In 2024 …"]
    assert story_anchor(no_weekday, no_weekday[0]) is None
    no_year = ["SEOUL, May 9 (Wire) — Hanbit Mobile said Thursday its income rose."]
    assert story_anchor(no_year, no_year[0]) is None
    # 9 May is a Thursday in 2019 and in 2024: years named far apart fit both, so neither.
    both = [*no_year, "It was founded in 2019 and listed in 2024."]
    assert story_anchor(both, "\n".join(both)) is None


def test_a_photos_date_anchors_the_day_the_body_names_within_a_week_after() -> None:
    lines = ["한빛텔레콤, 오르빗과 협약",
             "한빛텔레콤이 2024년 9월 27일 오르빗과 협약을 맺었다. /사진=한빛텔레콤",
             "한빛텔레콤 대표가 30일 임직원에게 협약의 뜻을 설명했다."]
    anchor = story_anchor(lines, lines[2])
    assert anchor is not None and anchor.date == PartialDate(2024, 9, 30)
    # A body day more than a week later is another story's day: no anchor.
    assert story_anchor([*lines[:2], "대표가 9일 말했다."], "대표가 9일 말했다.") is None


def test_a_day_with_its_month_lies_in_the_year_of_the_fair() -> None:
    anchor = Anchor(PartialDate(2025), "the year of the event the story names (2025)")
    day, = find_dates("지난 11월 3일 열린 오르빗 서밋에서 만났다.", None)
    assert in_anchor_year(day, anchor).date == PartialDate(2025, 11, 3)
    english, = find_dates("They met on Nov. 3 at the summit.", None)
    assert in_anchor_year(english, anchor).date == PartialDate(2025, 11, 3)
    assert in_anchor_year(find_dates("2월 30일 발표", None)[0], anchor).date is None


@pytest.mark.parametrize("line, year", [
    ("Ryu spoke at the Orbit AI Summit 2024, an annual meeting of the group.", 2024),
    ("2025 CES에서 한빛텔레콤은 AI 전략을 소개했습니다.", 2025),
])
def test_a_fairs_year_before_a_comma_or_a_particle_is_its_year(line: str, year: int) -> None:
    anchor = story_anchor([line], line)
    assert anchor is not None and anchor.date == PartialDate(year)
    assert story_anchor(["The Orbit Expo 2,024 visitors came."], "") is None


def test_kinds_of_results_remarks_and_orders() -> None:
    assert classify("Hanbit Mobile reported its second-quarter net income jumped 30 percent.") \
        == ("earnings", True)
    assert classify("The carrier posted an operating loss for the quarter.")[0] == "earnings"
    # '현실적' holds '실적' but is no result.
    assert classify("한빛텔레콤은 현실적인 접근으로 전략을 바꾸고 있습니다.")[0] != "earnings"
    # A deal as what a remark is about is the remark.
    assert classify("대표는 오르빗과 체결한 파트너십의 의미를 이같이 설명했다.") == \
        ("statement", True)
    assert classify("The CEO explained the significance of the partnership to staff.")[0] == \
        "statement"
    assert classify("대표는 오르빗과 파트너십을 체결했다.")[0] == "partnership"
    # A regulator's order: administrative guidance, a halt to new sign-ups.
    assert classify("정부는 5월 초 행정지도를 발동해 한빛텔레콤의 신규 가입을 중단시켰다.")[0] == \
        "regulation"
    assert classify("The ministry issued a corrective order to the carrier.")[0] == "regulation"


def test_a_local_governments_plan_is_its_own_event(matcher: Matcher) -> None:
    assert local_subject("한빛도는 데이터센터를 지원할 계획이다.") is None  # no such province
    assert local_subject("전남도는 데이터센터를 지원할 계획이다.") == ("전남도", False)
    assert local_subject("우선 장성에는 1조원 규모 센터가 조성될 예정이다.") == ("장성", True)
    texts = ("전남도가 16일 “군과 함께 데이터센터 협약을 맺었다”고 밝혔다.",
             "협약에는 KT 등이 참여했다.",
             "우선 장성에는 1조 2000억원 규모 데이터센터가 조성될 예정이다.",
             "전남도는 착공을 앞당기기 위해 전담팀을 꾸려 지원할 계획이다.",
             "전남도는 지난 2019년 비전을 선포했다.")
    events = propose_events(told(matcher, *texts, published="2026-01-17"),
                            parse_date("2026-01-17"))
    targets = [e for e in events if e.kind == "target"]
    # Stated on the day the release was told (the 16th), not the day printed; no carrier
    # of the sentences before; the local government named for review and for the title.
    assert [(e.date, e.carriers, e.proposed) for e in targets] == [
        (PartialDate(2026, 1, 16), (), "장성"), (PartialDate(2026, 1, 16), (), "전남도")]
    assert all(any("local government" in i for i in e.issues) for e in targets)
    # A local government's past statement is no plan: still no event without a party.
    assert not [e for e in events if e.date == PartialDate(2019)]


def test_a_release_day_dates_plans_only_a_few_days_back(matcher: Matcher) -> None:
    texts = ("KT는 9일 오르빗과 협약을 맺었다고 밝혔다.",
             "KT는 연내 서비스를 300곳에 내놓을 계획이다.")
    events = propose_events(told(matcher, *texts, published="2024-06-20"),
                            parse_date("2024-06-20"))
    # The 9th is eleven days before the paper: the plan is dated the day printed.
    assert ("2024-06-20", "target", ("kt",)) in brief(events)


def test_a_wire_story_without_its_year_is_dated_by_its_weekday(tmp_path: Path) -> None:
    article = tmp_path / "wire.txt"
    article.write_text(
        "Hanbit Mobile beats forecasts\n\n"
        "SEOUL, May 9 (Wire) — Hanbit Mobile Corp. reported Thursday that its first-quarter "
        "net income rose 12 percent from a year earlier.\n\n"
        "The firm kept its outlook for 2024.\n", "utf-8")
    run = ingest([str(article)], tmp_path / "out")
    assert run.code == 0, run.stderr
    [draft] = run.drafts().values()
    front = read_front(draft)
    assert "published" not in front  # the anchor dates facts, not the story
    dated = [e for e in front["events"] if e.get("date") == "2024-05-09"]
    assert dated and dated[0]["kind"] == "earnings"


def test_a_regulators_order_is_about_the_carrier_it_names(matcher: Matcher) -> None:
    text = "이후 정부는 5월 초 행정지도를 발동해 SK텔레콤의 신규 가입을 중단시켰다."
    events = propose_events(told(matcher, text, published="2025-05-20"),
                            parse_date("2025-05-20"))
    assert brief(events) == [("2025-05", "regulation", ("skt",))]
    # Someone else's use of a carrier's money still leaves the carrier out.
    other = "이들 운용사는 5월 LG유플러스의 자금을 활용해 펀드에 투자했다."
    assert not any(e.carriers for e in propose_events(
        told(matcher, other, published="2025-05-20"), parse_date("2025-05-20")))


@pytest.mark.parametrize("text", [
    "지난 8월 한빛시 이용자들은 새벽에 결제 피해를 입었습니다.",
    "그 과정에서 인증번호가 고스란히 탈취되었습니다.",
    "Subscribers were hit by unauthorized micropayments in August.",
])
def test_harm_to_users_is_an_incident(text: str) -> None:
    assert classify(text) == ("outage", True)
