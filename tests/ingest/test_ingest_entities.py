"""Unknown organisations, people, products and models proposed for review, with a type
guess; known names, places, common acronyms and terms are not. Fictional names only."""

from __future__ import annotations

import pytest

from briefing.ingest.newents import propose_entities
from briefing.ingest.nlp import KoreanAnalyser
from briefing.ingest.recognise import Matcher


def proposed(matcher: Matcher, analyser: KoreanAnalyser, *texts: str) -> list[tuple[str, str]]:
    korean = [t for t in texts if any("가" <= c <= "힣" for c in t)]
    tokens = dict(zip(korean, analyser.tokenize(korean), strict=True))
    found = propose_entities(list(texts), [matcher.find(t) for t in texts],
                             [tokens.get(t) for t in texts], frozenset())
    return [(e.name, e.type) for e in found]


@pytest.mark.parametrize(("text", "expected"), [
    # Latin-script names in Korean prose, with a gloss or in quotes
    ("SK텔레콤은 스타트업 전시관 ‘9XPO(9 Expo)’를 열었다.", ("9XPO", "startup")),
    ("KT는 새 모델 ‘NOVA K’를 공개했다.", ("NOVA K", "model")),
    ("LG유플러스는 AI 콜 에이전트 루미(lumi-A)를 내놓았다.", ("루미", "product")),
    # Korean institutions and group companies glued to a Latin prefix
    ("금융정보진흥원은 통신사 보안 점검을 시작했다.", ("금융정보진흥원", "government")),
    ("HB클라우드는 데이터센터를 늘린다.", ("HB클라우드", "company")),
    # people with titles, also when the analyser does not see a name
    ("홍길동 한빛로보틱스 대표는 협력을 강조했다.", ("홍길동", "person")),
    ("정다은 KT CEO는 현지시간 지난 3일 전시관을 찾았다.", ("정다은", "person")),
    ("한국데이터진흥협회 회장인 홍길동 대표가 참석했다.", ("한국데이터진흥협회", "organization")),
    # English names: X Inc., people after titles, organisations
    ("The deal with Lumen Robotics Inc. closed in May.", ("Lumen Robotics", "company")),
    ("Global Policy Head Dana Whitfield met ministry officials.", ("Dana Whitfield", "person")),
    ("Officials from the Korea Data Safety Agency (KDSA) joined.",
     ("Korea Data Safety Agency", "government")),
    ("The startup partnered with Orbitwave on Tuesday.", ("Orbitwave", "startup")),
])
def test_proposes_unknown_names_with_a_type(matcher: Matcher, analyser: KoreanAnalyser,
                                            text: str, expected: tuple[str, str]) -> None:
    assert expected in proposed(matcher, analyser, text)


@pytest.mark.parametrize("text", [
    "KT는 인공지능(AI)과 클라우드(Cloud) 투자를 늘렸다.",
    "SK텔레콤은 IPTV 가입자가 늘었다고 밝혔다.",
    "SK텔레콤은 서울과 판교에서 행사를 열었다.",
    "Sales rose in the Yeongdeungpo and Guro districts on Tuesday.",
    "The Home Subscriber Server (HSS) was breached, the ministry said.",
    "However, Korean carriers said the GPUs arrived in March.",
    "Q2 Earnings Results Beat Wireless Market Expectations",
    "KT partnered with Anthropic and Microsoft.",  # known ones
    "최고 회장과 앤트로픽 CEO가 만났다.",  # a title and a particle before a known name
])
def test_proposes_no_known_names_places_acronyms_or_terms(matcher: Matcher,
                                                         analyser: KoreanAnalyser,
                                                         text: str) -> None:
    assert proposed(matcher, analyser, text) == []


def test_a_name_proposed_once_and_its_parts_not_again(matcher: Matcher,
                                                      analyser: KoreanAnalyser) -> None:
    texts = ("SK Telecom joined Project Lanternfly with Helio Mythos access.",
             "Helio Mythos could be misused, and Mythos access is limited.")
    names = [name for name, _ in proposed(matcher, analyser, *texts)]
    assert names.count("Helio Mythos") == 1 and "Mythos" not in names


@pytest.mark.parametrize("sentence", [
    "The board named him CEO of South Korean operations last spring.",
    "Officials want the city to grow into an Asian AI hub.",
    "A photo of the event. Courtesy of Hanbit News",
    "It runs Internet of Things services.",
])
def test_titles_credits_and_kinds_of_things_are_no_names(sentence: str) -> None:
    assert propose_entities([sentence], [[]], [None], frozenset()) == []
