"""Known carriers and entities, with particles and without false hits inside words."""

from __future__ import annotations

import pytest

from briefing.ingest.known import KnownNode
from briefing.ingest.recognise import Matcher, build_matcher


def ids(matcher: Matcher, text: str) -> list[str]:
    return [m.id for m in matcher.find(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("KT는 엔비디아로부터 GPU를 받는다", ["kt", "nvidia"]),
    ("MS와 SK텔레콤은 손잡았다", ["microsoft", "skt"]),
    ("LG유플러스도 앤트로픽과 만났다", ["lguplus", "anthropic"]),
    ("SK Telecom and LG Uplus Corp. met Microsoft", ["skt", "lguplus", "microsoft"]),
    ("SK telecom’s plan", ["skt"]),
    ("KT's partner Nvidia", ["kt", "nvidia"]),
    ("세계이동통신사업자연합회(GSMA)에 합류", ["gsma", "gsma"]),
    ("구축KT, MS와", ["kt", "microsoft"]),
])
def test_finds_names_with_particles(matcher: Matcher, text: str, expected: list[str]) -> None:
    assert ids(matcher, text) == expected


@pytest.mark.parametrize("text", [
    "KTX 승차권", "SMS 인증", "SKTelecommunication", "kt 소문자", "ms 단위",
    "메타버스 사업", "엔비디아랩스 출범", "AT&T와", "DMS 장비",
])
def test_no_false_hits_inside_other_words(matcher: Matcher, text: str) -> None:
    assert ids(matcher, text) == []


def test_a_name_shared_by_carrier_and_entity_goes_to_the_carrier() -> None:
    nodes = (KnownNode("kt", True, ("KT",), "carrier"),
             KnownNode("kt-group", False, ("KT", "KT그룹"), "company"))
    assert ids(build_matcher(nodes), "KT는 KT그룹과") == ["kt", "kt-group"]


def test_reports_offsets_of_each_mention(matcher: Matcher) -> None:
    mention = matcher.find("어제 SK텔레콤은")[0]
    assert (mention.start, mention.end, mention.text) == (3, 8, "SK텔레콤")
