"""Teams, divisions and labs inside a company are proposed as organisations tied to their
company, never as companies. Fictional sentences in the style of Korean and English news."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.ingest.proposal import NewEntity
from briefing.ingest.recognise import Matcher
from briefing.ingest.units import is_unit, unit_names, units
from tests.ingest.conftest import ingest


@pytest.mark.parametrize(("name", "sentence"), [
    ("AI CIC", "KT's AI CIC released a model."),
    ("AI Lab", "The AI Lab of the carrier leads the work."),
    ("Network Research Center", "Its Network Research Center tested it."),
    ("T3K", "T3K, SK Telecom's AI unit, built the agent."),
    ("T3K", "SK텔레콤은 AI 전담 조직인 T3K를 신설했다."),
    ("AI 에이전트 추진그룹", "LG유플러스의 AI 에이전트 추진그룹은 비서를 만들었다."),
    ("AI 연구소", "KT의 AI 연구소가 모델을 공개했다."),
    ("해외사업개발단", "KT는 ‘해외사업개발단’을 신설했다."),
    ("브랜드전략실", "KT는 '브랜드전략실'을 새로 만들었다."),
])
def test_units_are_recognised(name: str, sentence: str) -> None:
    assert is_unit(NewEntity(name, "company", sentence))


@pytest.mark.parametrize(("name", "sentence", "kind"), [
    ("충북소방본부", "충북소방본부는 현장을 점검했다.", "government"),
    ("한국인터넷진흥원", "한국인터넷진흥원이 조사에 나섰다.", "government"),
    ("Twelve Labs", "SK Telecom invested in Twelve Labs.", "startup"),
    ("Anthropic", "SK Telecom invested in Anthropic.", "startup"),
])
def test_public_bodies_and_companies_are_no_units(name: str, sentence: str, kind: str) -> None:
    assert not is_unit(NewEntity(name, kind, sentence))


def test_a_unit_is_typed_organization_and_tied_to_its_company(matcher: Matcher) -> None:
    text = "SK텔레콤 AI CIC는 새 비서 사업을 맡는다."
    mentions = [matcher.find(text)]
    found = unit_names([text], mentions, frozenset())
    assert found == [NewEntity("AI CIC", "organization", text)]
    typed, owners = units([NewEntity("AI CIC", "company", text)], mentions, [text])
    assert typed[0].type == "organization" and owners == [("AI CIC", "skt")]


@pytest.mark.parametrize("text", [
    "이용자들은 \"KT 100번 고객센터도 연결이 안 된다\"고 말했다.",
    "KT 고객센터는 주말에도 문을 연다.",
    "윤하늘 SK텔레콤 AI서비스사업부 인터랙션 담당은 개발 과정을 소개했다.",
])
def test_generic_units_and_units_in_job_titles_are_not_proposed(matcher: Matcher,
                                                               text: str) -> None:
    assert unit_names([text], [matcher.find(text)], frozenset()) == []


def test_units_in_a_draft(tmp_path: Path) -> None:
    article = tmp_path / "units.txt"
    article.write_text(
        "KT to train AI specialists\n\nBy Lee Ji-eun\n\nPublished: June 20, 2024 - 18:30\n\n"
        "KT Corp. said Thursday it will train 10,000 specialists over the next three years.\n\n"
        "The announcement came two weeks after KT's AI CIC, an in-house company unit, "
        "released a Korean language model.\n", "utf-8")
    run = ingest([str(article)], tmp_path / "out")
    front = run.front("2024-06-20")
    proposed = {e["name"]: e["type"] for e in front["review"]["new_entities"]}
    assert proposed.get("AI CIC") == "organization"
    assert any(i["field"] == "new_entities" and "'AI CIC' is a unit of 'kt'" in i["issue"]
               for i in front["review"]["items"])
