"""Local governments as parties, names glossed in the middle, '전' read as part of a name,
and known people spelled another way. Fictional sentences in the style of news copy."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from briefing.ingest.known import KnownNode
from briefing.ingest.localgov import local_governments
from briefing.ingest.nlp import KoreanAnalyser
from briefing.ingest.people import korean_people, spelling_variants
from briefing.ingest.products import glossed_versions
from briefing.ingest.recognise import build_matcher
from tests.ingest.conftest import ingest


@pytest.mark.parametrize(("sentence", "expected"), [
    ("울산시와 KT는 AI 데이터센터 협약을 맺었다.", ["울산시"]),
    ("경기도는 SK텔레콤과 공동으로 관제망을 구축한다.", ["경기도"]),
    ("양평군이 LG유플러스와 스마트 마을 사업을 추진한다.", ["양평군"]),
    ("[울산=한빛뉴스] KT는 울산시에 데이터센터를 짓는다고 밝혔다.", []),  # a place
    ("당시 KT는 신제품군과 요금제를 공개했다.", []),  # '당시', '제품군' are words
    ("울산시와 부산시는 날씨가 맑았다.", []),  # no deal: a weather line, not parties
])
def test_local_governments_are_parties_only(sentence: str, expected: list[str]) -> None:
    assert local_governments(sentence, []) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("회사는 한빛모델(Hanbit Model) V2.5 모델을 시험했다.",
     [("한빛모델 V2.5", "model", 4, "Hanbit Model V2.5")]),
    ("Orbit(오르빗) R1을 공개했다.", [("Orbit R1", "model", 0, "오르빗 R1")]),
    ("한빛전자(Hanbit) 2025 행사가 열렸다.", []),  # a year, not a version
])
def test_versions_glossed_in_the_middle(sentence: str,
                                         expected: list[tuple[str, str, int, str]]) -> None:
    assert glossed_versions(sentence) == expected


@pytest.mark.parametrize("name", ["전정석", "전경호"])
def test_jeon_read_as_former_is_part_of_the_name(analyser: KoreanAnalyser, name: str) -> None:
    # Kiwi reads '전' as the determiner 'former' and the rest as a common noun.
    for sentence in (f"▲ (왼쪽부터) 한빛전자 김도윤 사장, KT {name} 부사장이 섰다.",
                     f"KT {name} 부사장은 이날 전략을 설명했다."):
        tokens = analyser.tokenize([sentence])[0]
        kt = sentence.index("KT")
        assert (name, sentence.index(name)) in korean_people(sentence, tokens, [(kt, kt + 2)])


def test_a_caption_order_is_no_person(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("KT, 협의체 출범\n\nKT는 한빛전자와 AI 협의체를 꾸렸다고 밝혔다.\n\n"
                       "▲ (왼쪽부터) 한빛전자 김도윤 사장, KT 전정석 부사장이 서명했다.\n", "utf-8")
    run = ingest([str(article)], tmp_path / "out")
    (draft,) = run.drafts().values()
    front = yaml.safe_load(draft.read_text("utf-8").split("---\n")[1])
    names = {e["name"]: e["type"] for e in front["review"]["new_entities"]}
    assert names.get("전정석") == "person" and names.get("김도윤") == "person"
    assert "왼쪽부터" not in names


def test_a_local_government_party_is_proposed_as_a_government(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("KT, 울산에 AI 거점\n\n울산시와 KT는 AI 데이터센터 협약을 맺었다.\n",
                       "utf-8")
    run = ingest([str(article)], tmp_path / "out")
    (draft,) = run.drafts().values()
    front = yaml.safe_load(draft.read_text("utf-8").split("---\n")[1])
    names = {e["name"]: e["type"] for e in front["review"]["new_entities"]}
    assert names.get("울산시") == "government"


def test_known_people_are_recognised_in_other_spellings() -> None:
    assert spelling_variants("Sam Altman") == []
    assert "Yoo Yeong-sang" in spelling_variants("Ryu Young-sang")
    person = KnownNode("ryu", False, ("류영상", "Ryu Young-sang"), "person")
    other = KnownNode("yoo", False, ("Yoo Young-sang",), "person")  # a real name wins
    found = build_matcher((person,)).find("Yu Yeong-sang and Yoo Young-sang spoke.")
    assert [(m.id, m.text) for m in found] == [("ryu", "Yu Yeong-sang"), ("ryu", "Yoo Young-sang")]
    both = build_matcher((person, other)).find("Yoo Young-sang spoke.")
    assert [m.id for m in both] == ["yoo"]
