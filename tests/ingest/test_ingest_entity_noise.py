"""General words, verb forms and amounts are no new entities; long Latin names are kept whole
(issue 13, held-out set). Fictional names only."""

from __future__ import annotations

import pytest

from briefing.ingest.newents import propose_entities
from briefing.ingest.nlp import KoreanAnalyser
from briefing.ingest.recognise import Matcher


def names(matcher: Matcher, analyser: KoreanAnalyser, text: str) -> list[str]:
    tokens = analyser.tokenize([text])[0] if any("가" <= c <= "힣" for c in text) else None
    return [e.name for e in propose_entities([text], [matcher.find(text)], [tokens], frozenset())]


@pytest.mark.parametrize("text", [
    "두 회사의 협력으로 이어진 KT 대표의 발언이 업계에서 화제가 됐다.",
    "현장 점검을 진행해 KT 사장이 직접 결과를 설명했다.",
])
def test_verb_forms_before_a_company_and_title_are_no_people(
        matcher: Matcher, analyser: KoreanAnalyser, text: str) -> None:
    assert names(matcher, analyser, text) == []


def test_a_person_before_a_company_and_title_is_still_found(
        matcher: Matcher, analyser: KoreanAnalyser) -> None:
    assert "한도윤" in names(matcher, analyser, "한도윤 KT 대표는 협력을 강조했다.")


def test_general_words_are_no_entities(matcher: Matcher, analyser: KoreanAnalyser) -> None:
    text = "KT는 민관학 협의체와 손잡고 새 데이터센터(Data Center)를 짓는다."
    found = names(matcher, analyser, text)
    assert not [name for name in found if name.startswith(("데이터센터", "민관학"))]


@pytest.mark.parametrize(("text", "unwanted"), [
    ("Analysts said South Korean carriers signed deals with Lumen Robotics.", "South Korean"),
    ("Its operating profit rose to KRW346.2 billion from KRW300 billion.", "KRW346.2"),
])
def test_adjectives_and_amounts_are_no_names(
        matcher: Matcher, analyser: KoreanAnalyser, text: str, unwanted: str) -> None:
    assert unwanted not in names(matcher, analyser, text)


@pytest.mark.parametrize(("text", "whole"), [
    ("Shares of T Orbit Mobility rose after the deal with its rival was announced.",
     "T Orbit Mobility"),
    ("Researchers at the Hanbit Institute of Science and Technology built the model.",
     "Hanbit Institute of Science and Technology"),
])
def test_multi_word_latin_names_are_kept_whole(
        matcher: Matcher, analyser: KoreanAnalyser, text: str, whole: str) -> None:
    assert whole in names(matcher, analyser, text)


def test_two_names_joined_by_and_stay_two(matcher: Matcher, analyser: KoreanAnalyser) -> None:
    found = names(matcher, analyser, "The pact joins Lumen Robotics and Orbit Wave Labs today.")
    assert not any(" and " in name for name in found)


def test_members_of_a_marked_enumeration_are_proposed(
        matcher: Matcher, analyser: KoreanAnalyser) -> None:
    found = names(matcher, analyser,
                  "이번 연합에는 ▲한빛로보틱스 ▲누리소프트 ▲Orbitwave ▲다온랩스 등이 참여했다.")
    assert {"한빛로보틱스", "누리소프트", "Orbitwave", "다온랩스"} <= set(found)


def test_an_enumeration_of_plain_tasks_proposes_nothing(
        matcher: Matcher, analyser: KoreanAnalyser) -> None:
    assert names(matcher, analyser, "주요 과제는 ▲요금 인하 ▲품질 개선 ▲보안 강화 등이다.") == []


def test_a_quoted_common_noun_beside_a_product_is_no_product(
        matcher: Matcher, analyser: KoreanAnalyser) -> None:
    text = "한빛텔레콤은 새 앱 ‘스팸지기’를 출시했으며, 결과는 ‘경고’와 ‘주의’ 두 단계로 나뉜다."
    found = names(matcher, analyser, text)
    assert "스팸지기" in found
    assert "경고" not in found and "주의" not in found
