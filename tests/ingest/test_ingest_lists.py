"""Members of a list with names already found are names too; lists of fields, places or
sub-heads are not. Fictional names only."""

from __future__ import annotations

import pytest

from briefing.ingest.lists import english_members, korean_members
from briefing.ingest.newents import propose_entities
from briefing.ingest.nlp import KoreanAnalyser
from briefing.ingest.recognise import Matcher


def test_korean_list_members_beside_found_names() -> None:
    text = ("한빛텔레콤은 누리벤처스, 가온벤처스, 한빛벤처투자, 바다파트너스 등이 만드는 "
            "펀드에 출자한다.")
    found = {"누리벤처스", "가온벤처스", "바다파트너스"}
    assert [n for n, _ in korean_members(text, [], found, None)] == ["한빛벤처투자"]


def test_the_last_member_loses_its_particle_and_gloss(matcher: Matcher,
                                                       analyser: KoreanAnalyser) -> None:
    text = ("연합체는 KT, 한빛중공업지주, 한빛과학기술원(HBST), 가온대학교, "
            "한빛전자통신연구원(HBRI)에 의해 출범했다.")
    tokens = analyser.tokenize([text])[0]
    names = [e.name for e in propose_entities([text], [matcher.find(text)], [tokens],
                                              frozenset())]
    assert "한빛중공업지주" in names
    assert not any(n.endswith(("에", "로")) for n in names)


@pytest.mark.parametrize("text", [
    "통신, 금융, 유통 등 여러 산업에 적용한다.",
    "서울, 부산, 대구에서 행사를 열었다.",
])
def test_lists_of_fields_and_places_give_no_names(matcher: Matcher, analyser: KoreanAnalyser,
                                                  text: str) -> None:
    tokens = analyser.tokenize([text])[0]
    assert korean_members(text, matcher.find(text), set(), tokens) == []


def test_english_list_members_beside_found_names() -> None:
    text = "The group will work with Gyeolbit, Orbitwave, and data start-up Nuriq, it said."
    members = [n for n, _ in english_members(text, [], {"orbitwave"})]
    assert members == ["Gyeolbit", "Nuriq"]


@pytest.mark.parametrize("text", [
    "Sales rose in Seoul, Busan, Daegu and Incheon, the company said.",
    "In April, South Korea, Japan and Orbitwave signed it.",
])
def test_english_lists_of_places_give_no_names(text: str) -> None:
    members = [n for n, _ in english_members(text, [], {"orbitwave"})]
    assert "South Korea" not in members and "Seoul" not in members and "In April" not in members
