"""Known carriers and entities, with particles and without false hits inside words."""

from __future__ import annotations

import pickle

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


SPACED = build_matcher((
    KnownNode("lguplus", True, ("LG유플러스", "LG U+"), "carrier"),
    KnownNode("skt", True, ("SK텔레콤", "SKT"), "carrier"),
    KnownNode("kt", True, ("KT",), "carrier"),
    KnownNode("a-dot", False, ("에이닷", "A."), "product"),
))


@pytest.mark.parametrize(("text", "expected"), [
    ("LG 유플러스는 새 요금제를 내놨다", ["lguplus"]),  # a space where Latin meets Hangul
    ("SK 텔레콤과 KT가 손잡았다", ["skt", "kt"]),
    ("LG유플러스가 밝혔다", ["lguplus"]),
    ("SKT의 A. 서비스", ["skt", "a-dot"]),
])
def test_a_name_may_be_written_with_or_without_a_space_between_scripts(
        text: str, expected: list[str]) -> None:
    assert ids(SPACED, text) == expected


@pytest.mark.parametrize("text", [
    "A.X 4.0 모델을 공개했다",  # a model name that starts with a known product's name
    "KT나스미디어가 서비스를 출시했다",  # a subsidiary is not its parent
    "KT그룹의 광고 자회사",
])
def test_a_known_name_never_matches_inside_a_longer_different_name(text: str) -> None:
    assert ids(SPACED, text) == []


def test_the_first_characters_index_keeps_every_kind_of_name() -> None:
    # The matcher only searches names whose first two characters the text has: a name
    # written in other case, a one-character Hangul name and a name at the very end of
    # the text must still be found, and a name whose start is absent must not.
    nodes = (KnownNode("perplexity", False, ("Perplexity",), "startup"),
             KnownNode("sam", False, ("삼",), "company"),
             KnownNode("kt", True, ("KT",), "carrier"),
             KnownNode("nvidia", False, ("엔비디아",), "company"))
    matcher = build_matcher(nodes)
    assert ids(matcher, "PERPLEXITY와 삼은 협력한다. 결국 KT") == ["perplexity", "sam", "kt"]
    assert ids(matcher, "엔비 디아는 없다") == []
    # The index travels with the matcher to worker processes.
    restored = pickle.loads(pickle.dumps(matcher))
    assert ids(restored, "결국 엔비디아와 KT") == ["nvidia", "kt"]
