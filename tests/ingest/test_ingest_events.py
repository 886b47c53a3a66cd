"""Proposed events: kinds, clauses, merging, and ids against the content."""

from __future__ import annotations

import pytest

from briefing.core.dates import parse_date
from briefing.ingest.dates import find_dates
from briefing.ingest.draft import draft_event
from briefing.ingest.eventids import EventIndex, assign_ids
from briefing.ingest.events import Sentence, propose_events
from briefing.ingest.kinds import classify
from briefing.ingest.known import KnownEvent
from briefing.ingest.money import find_money
from briefing.ingest.recognise import Matcher

PUB = parse_date("2024-06-20")


def sentences(matcher: Matcher, *texts: str, caption: bool = False) -> list[Sentence]:
    return [Sentence(t, tuple(matcher.find(t)), tuple(find_money(t)), tuple(find_dates(t, PUB)),
                     caption) for t in texts]


def test_classifies_kinds_from_verbs() -> None:
    assert classify("KT는 앤트로픽에 300억원을 투자했다")[0] == "investment"
    assert classify("두 회사가 업무협약(MOU)을 맺었다")[0] == "partnership"
    assert classify("글로벌 텔코 AI 얼라이언스가 출범했다")[0] == "alliance"
    assert classify("전국에서 인터넷 장애가 발생했다")[0] == "outage"
    assert classify("AI 비서를 출시했다")[0] == "product"
    assert classify("CEO로 선임됐다")[0] == "appointment"
    assert classify("2025년 매출 5000억원을 목표로")[0] == "target"
    assert classify("The company unveiled a model")[0] == "product"
    assert classify("graphics processors arrived") == ("statement", False)


def test_a_dated_sentence_becomes_an_event(matcher: Matcher) -> None:
    text = "KT는 지난 12일 앤트로픽에 300억원을 투자했다."
    [event] = propose_events(sentences(matcher, text), PUB)
    assert (event.date.iso() if event.date else None, event.kind) == ("2024-06-12", "investment")
    assert (event.carriers, event.entities, event.amount) == (("kt",), ("anthropic",), "300억원")
    assert event.evidence == ("KT는 지난 12일 앤트로픽에 300억원을 투자했다.",)


def test_two_dated_clauses_are_two_events(matcher: Matcher) -> None:
    text = ("KT invested 30 billion won in Upstage in 2022, followed by a partnership with "
            "Microsoft in September 2023.")
    first, second = propose_events(sentences(matcher, text), PUB)
    assert (first.date.iso(), first.kind, first.entities, first.amount) == \
        ("2022", "investment", ("upstage",), "30 billion won")  # type: ignore[union-attr]
    assert (second.date.iso(), second.kind, second.entities) == \
        ("2023-09", "partnership", ("microsoft",))  # type: ignore[union-attr]


def test_a_caption_and_its_paragraph_are_one_event(matcher: Matcher) -> None:
    events = propose_events(sentences(
        matcher, "▲ 18일(현지시간) 행사에서 발표하는 KT 전무",
        "KT는 18일(현지시간) 샌프란시스코 행사에서 엔비디아와 만났다."), PUB)
    assert len(events) == 1
    assert len(events[0].evidence) == 2
    assert events[0].entities == ("nvidia",)


def test_a_report_date_alone_gives_its_month_marked_approximate(matcher: Matcher) -> None:
    text = "18일 업계에 따르면 KT는 최근 GSMA 이사로 선임됐다."
    [event] = propose_events(sentences(matcher, text), PUB)
    assert (event.date, event.approximate, event.kind) == (parse_date("2024-06"), True,
                                                           "appointment")
    assert event.basis and "reported on 2024-06-18" in event.basis


def test_carriers_come_from_the_sentence_before_when_missing(matcher: Matcher) -> None:
    texts = ("SK텔레콤은 AI에 힘을 쏟는다.", "회사는 올해 2월 비서를 출시했다.")
    events = propose_events(sentences(matcher, *texts), PUB)
    assert events[-1].carriers == ("skt",)
    assert any("taken from the sentences before" in issue for issue in events[-1].issues)


def test_reuses_the_id_of_the_same_event_in_the_content(matcher: Matcher) -> None:
    known = (KnownEvent("kt-anthropic-pact", "2024-06-12", "partnership", frozenset({"kt"}),
                        frozenset({"anthropic"}), "content/articles/x.md"),)
    [event] = assign_ids(tuple(propose_events(sentences(
        matcher, "KT는 지난 12일 앤트로픽과 협약을 맺었다."), PUB)), EventIndex.of(known))
    assert (event.id, event.existing) == ("kt-anthropic-pact", "content/articles/x.md")


def test_new_ids_are_slugs_that_avoid_taken_ones(matcher: Matcher) -> None:
    known = (KnownEvent("kt-anthropic-partnership-2024-06-12", "2024-06-11", "outage",
                        frozenset(), frozenset(), "x.md"),)
    [event] = assign_ids(tuple(propose_events(sentences(
        matcher, "KT는 지난 12일 앤트로픽과 협약을 맺었다."), PUB)), EventIndex.of(known))
    assert event.id == "kt-anthropic-partnership-2024-06-12-2"
    assert event.existing is None


@pytest.mark.parametrize(("content_amount", "written", "conflict"), [
    (None, {"id": "kt-anthropic-pact", "amount": "300억원"}, None),
    ("300억 원", {"id": "kt-anthropic-pact", "amount": "300억원"}, None),  # same value
    ("500억원", {"id": "kt-anthropic-pact"}, "500억원"),
])
def test_an_event_reusing_a_content_id_repeats_its_amount(
        matcher: Matcher, content_amount: str | None, written: dict[str, str],
        conflict: str | None) -> None:
    known = (KnownEvent("kt-anthropic-pact", "2024-06-12", "investment", frozenset({"kt"}),
                        frozenset({"anthropic"}), "content/articles/x.md",
                        amount=content_amount),)
    [event] = assign_ids(tuple(propose_events(sentences(
        matcher, "KT는 지난 12일 앤트로픽에 300억원을 투자했다."), PUB)), EventIndex.of(known))
    assert event.existing == "content/articles/x.md" and event.amount_conflict == conflict
    assert draft_event(event) == written
