"""Carriers only when a party: rivals and peers, career lines, comparisons and readers' quotes
name a carrier in passing. Fictional sentences in the style of Korean and English news."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.core.dates import parse_date
from briefing.ingest.dates import find_dates
from briefing.ingest.events import Sentence, propose_events
from briefing.ingest.money import find_money
from briefing.ingest.parties import passing_mentions
from briefing.ingest.recognise import Matcher
from tests.ingest.conftest import ingest

PUB = parse_date("2024-06-20")


def passing_ids(matcher: Matcher, text: str) -> list[str]:
    mentions = matcher.find(text)
    passing = passing_mentions(text, mentions)
    return [m.id for m in mentions if m.start in passing]


@pytest.mark.parametrize(("text", "ids"), [
    ("경쟁사인 SK텔레콤과 LG유플러스도 비슷한 프로그램을 운영한다.", ["skt", "lguplus"]),
    ("KT 출신인 김민수 대표가 회사를 이끈다.", ["kt"]),
    ("홍길동 SK텔레콤 전 부사장이 합류했다.", ["skt"]),
    ("KT의 가입자 증가 폭은 SK텔레콤보다 컸다.", ["skt"]),
    ("LG유플러스와 달리 KT는 자체 모델을 만든다.", ["lguplus"]),
    ("LG유플러스가 컨소시엄에 참여한 것과 달리, SK텔레콤은 주관사로 나섰다.", ["lguplus"]),
    ("SKT・KT・LGU+ 이동통신 3사 중 가장 빠른 곳은 SK텔레콤이다.", ["skt", "kt", "lguplus"]),
    ("KT·LG유플러스 등 경쟁사도 서비스를 준비한다.", ["kt", "lguplus"]),
    ("같은 기간 SK텔레콤의 연구비는 4% 늘었다.", ["skt"]),
    ("이용자들은 \"SKT랑 LG유플러스는 문제가 없는 것 같다\"고 말했다.", ["skt", "lguplus"]),
    ("KT seeks to catch up with rivals SK Telecom and LG Uplus.", ["skt", "lguplus"]),
    ("Kim, a former KT executive, joined the startup.", ["kt"]),
    ("Unlike SK Telecom, KT builds its own model.", ["skt"]),
    ("KT grew faster than SK Telecom in the quarter.", ["skt"]),
])
def test_carriers_named_in_passing(matcher: Matcher, text: str, ids: list[str]) -> None:
    assert passing_ids(matcher, text) == ids


@pytest.mark.parametrize("text", [
    "SK텔레콤과 KT가 공동으로 AI 펀드를 만들었다.",
    "KT는 SK텔레콤과 손잡고 데이터센터를 짓는다.",
    "SK Telecom and KT signed a roaming deal.",
])
def test_carriers_that_act_are_parties(matcher: Matcher, text: str) -> None:
    assert passing_ids(matcher, text) == []


def sentences(matcher: Matcher, *texts: str) -> list[Sentence]:
    result = []
    for text in texts:
        mentions = tuple(matcher.find(text))
        result.append(Sentence(text, mentions, tuple(find_money(text)),
                               tuple(find_dates(text, PUB)),
                               passing=passing_mentions(text, mentions)))
    return result


def test_an_event_never_carries_a_carrier_named_in_passing(matcher: Matcher) -> None:
    texts = ("KT 출신인 김민수 누리랩스 대표는 지난 18일 새 요금제를 출시했다.",
             "Unlike SK Telecom, which invested in the startup in May, KT builds its own models.")
    [event] = propose_events(sentences(matcher, *texts), PUB)
    assert event.carriers == () and event.kind == "product"


def test_the_article_lists_only_carriers_that_are_parties(tmp_path: Path) -> None:
    article = tmp_path / "broadcast.txt"
    article.write_text(
        "KT, AI 인재 1만 명 키운다\n\n"
        "[앵커]\nKT가 인공지능 인재 양성에 나서기로 했습니다.\n\n"
        "[기자]\nKT는 오늘 기자간담회를 열고 AI 인재 1만 명을 키우겠다고 밝혔습니다.\n\n"
        "경쟁사인 SK텔레콤과 LG유플러스도 비슷한 프로그램을 운영하고 있습니다.\n\n"
        "KT 출신인 김민수 누리랩스 대표도 이날 행사에 참석했습니다.\n\n"
        "입력 2024.06.20 18:30\n", "utf-8")
    run = ingest([str(article)], tmp_path / "out")
    assert run.code == 0, run.stderr
    front = run.front("2024-06-20")
    assert front["carriers"] == ["kt"]
    [plan] = [e for e in front["events"] if e["kind"] == "target"]
    assert (plan["date"], plan["carriers"]) == ("2024-06-20", ["kt"])
    people = {e["name"]: e["type"] for e in front["review"]["new_entities"]}
    assert people.get("김민수") == "person" and "김민수 누리랩스" not in people
