"""People named with a title in the shapes news copy uses, and romanised Korean names in
English; vox pops, words before a title that are no names, and titles used as adjectives
are not proposed. Fictional names only."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefing.ingest.newents import propose_entities
from briefing.ingest.nlp import KoreanAnalyser
from briefing.ingest.recognise import Matcher
from tests.ingest.conftest import CONTENT, ingest


def people(matcher: Matcher, analyser: KoreanAnalyser, text: str) -> list[str]:
    tokens = analyser.tokenize([text])[0] if any("가" <= c <= "힣" for c in text) else None
    found = propose_entities([text], [matcher.find(text)], [tokens], frozenset())
    return [e.name for e in found if e.type == "person"]


@pytest.mark.parametrize(("text", "name"), [
    ("현재 한민재 전무가 두 사업부를 겸직하고 있다.", "한민재"),  # title right after the name
    ("디바이스 담당은 오세진 상무가 맡는다.", "오세진"),
    ("발표는 김도윤 한빛 Gen AI Lab장 상무가 맡았다.", "김도윤"),  # company and unit between
    ("민서영 한빛비전 미디어사업담당 상무는 말했다.", "민서영"),  # Kiwi splits the name
    ("한빛텔레콤(대표 윤태호)은 18일 밝혔다.", "윤태호"),  # the title first
    ("(왼쪽부터) 한빛전자 차민호 사장, 한빛 구태경 부사장.", "구태경"),
    ("이재성 도지사와 조현우 대표이사가 협약을 맺었다.", "이재성"),
    ("이미지 확대 문경호 한빛유플러스 대표가 연설했다.", "문경호"),
    ("김경수 한빛시장은 유치를 환영했다.", "김경수"),  # a mayor: place glued to the title
    ("[황민아 / 한빛당 의원 : 다시 묻겠습니다.", "황민아"),  # a lawmaker's speaker label
    ("CFO Kim Min-seob said margins would recover.", "Kim Min-seob"),
    ("Park Ji-hoon, who leads the unit, declined to comment.", "Park Ji-hoon"),
])
def test_people_with_titles_and_romanised_names(matcher: Matcher, analyser: KoreanAnalyser,
                                                text: str, name: str) -> None:
    assert name in people(matcher, analyser, text)


@pytest.mark.parametrize("text", [
    "[박정훈 / 식당 사장 : 정신이 없어요.",  # a vox pop's label: a trade, not an office
    "Lee Do-hyun (Office Worker) : \"Nothing worked all day.\"",
    "고객사 대표들이 행사에 참석했다.",
    "이사회 의장을 새로 뽑았다.",
    "한국의 AI 반도체 대표 스타트업인 한빛칩이 투자를 받았다.",  # 대표 as 'leading'
    "내 모습을 본뜬 AI 아나운서를 만들었다.",
])
def test_no_person_from_labels_words_or_adjectives(matcher: Matcher, analyser: KoreanAnalyser,
                                                   text: str) -> None:
    assert people(matcher, analyser, text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("The deal with Hanbit Mobility's AT&T CEO rival closed.", None),
    ("Officials met Gyeol Systems CEO on Friday, the firm said.", "Gyeol Systems"),
    ("Shares rose after a talk with Minister Yoo on Monday, officials said.", None),
])
def test_titles_are_no_part_of_a_name(matcher: Matcher, analyser: KoreanAnalyser,
                                      text: str, expected: str | None) -> None:
    names = [e.name for e in propose_entities([text], [matcher.find(text)], [None],
                                              frozenset())]
    assert not any(n.endswith(("CEO", "Minister")) or n.startswith("Minister") for n in names)
    if expected:
        assert expected in names


@pytest.mark.parametrize("text", [
    "Main Impact",  # a sub-head of an AI summary
    "Key Details",
    "The network shift rests on AI Infrastructure and Edge AI, the company said.",
    "Why it matters: Integrating AI at the core could lift efficiency.",
    "The plant will rise in the Hanbit Industrial Complex near the port, it said.",
    "It was the largest outage since the Korean War era, residents said.",
    "The firm could face sanctions under the Personal Data Guard Act, lawyers said.",
    "IMPACT This buildout signals demand for chips, analysts said.",
])
def test_sub_heads_generic_phrases_sites_and_laws_are_not_names(
        matcher: Matcher, analyser: KoreanAnalyser, text: str) -> None:
    assert propose_entities([text], [matcher.find(text)], [None], frozenset()) == []


def test_a_known_person_spelled_another_way_is_the_known_one(tmp_path: Path) -> None:
    """Outlets spell one name differently: 'Ryu Do-yeong' is the known 'Yoo Do-young'.
    'Park Ji-hoon' is new; an executive named only with a title ('현준석 전무가') is read
    too."""
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    (content / "entities" / "yoo-do-young.md").write_text(
        "---\nname: {ko: 유도영, en: Yoo Do-young}\ntype: person\n---\n한빛 대표.\n", "utf-8")
    article = tmp_path / "spelled.txt"
    article.write_text(
        "KT names new AI unit head\n\nPublished: June 20, 2024 - 18:30\n\n"
        "KT CEO Ryu Do-yeong said on Thursday the unit would hire 300 engineers, "
        "and Park Ji-hoon will lead it.\n\n"
        "현재 현준석 전무가 두 조직을 겸직하고 있다.\n", "utf-8")
    front = ingest([str(article)], tmp_path / "out", content).front("2024-06-20")
    names = [e["name"] for e in front["review"]["new_entities"]]
    assert "yoo-do-young" in front["entities"]
    assert "Ryu Do-yeong" not in names
    assert "Park Ji-hoon" in names and "현준석" in names


@pytest.mark.parametrize(("text", "name"), [
    # Kiwi reads '하' as a word of its own
    ("하민수 KT·HB모바일 AI DC 사업부장(부사장)은 글을 올렸다.", "하민수"),
    ("한빛텔레콤은 HB디스플레이[012345]로부터 부지를 샀다.", "HB디스플레이"),  # '이' is no particle
    ("HB페이가 결제를 늘린다.", "HB페이"),
])
def test_names_kiwi_or_particles_would_cut(matcher: Matcher, analyser: KoreanAnalyser,
                                           text: str, name: str) -> None:
    tokens = analyser.tokenize([text])[0]
    found = propose_entities([text], [matcher.find(text)], [tokens], frozenset())
    assert name in [e.name for e in found]
