"""Of two dates in one clause, an explicit day beats '오늘' (issue 13, held-out set)."""

from __future__ import annotations

from briefing.core.dates import parse_date
from briefing.ingest.dates import find_dates
from briefing.ingest.events import Sentence, propose_events
from briefing.ingest.money import find_money
from briefing.ingest.recognise import Matcher

PUB = parse_date("2024-06-28")


def _dates(matcher: Matcher, text: str) -> list[str | None]:
    sentence = Sentence(text, tuple(matcher.find(text)), tuple(find_money(text)),
                        tuple(find_dates(text, PUB)), False)
    return [e.date.iso() if e.date else None for e in propose_events([sentence], PUB)]


def test_an_explicit_day_beats_today_in_the_same_clause(matcher: Matcher) -> None:
    assert _dates(matcher, "오늘 27일(현지시간) KT는 앤트로픽과 협약을 맺었다.") == [
        "2024-06-27"]


def test_today_alone_still_dates_the_event(matcher: Matcher) -> None:
    assert _dates(matcher, "KT는 오늘 앤트로픽과 협약을 맺었다.") == ["2024-06-28"]
