"""Proposals that are no names by their shape, names cut short made whole, and the
well-known fairs, agencies and banks (issue 13, round 6). Fictional names only."""

from __future__ import annotations

from briefing.ingest.namenoise import made_whole, no_name
from briefing.ingest.newents import propose_entities
from briefing.ingest.nlp import KoreanAnalyser
from briefing.ingest.proposal import NewEntity
from briefing.ingest.recognise import Matcher

KNOWN = frozenset({"lg유플러스", "kt"})


def _no(name: str, evidence: str, kind: str = "company") -> bool:
    return no_name(NewEntity(name, kind, evidence), KNOWN)


def test_latin_runs_that_are_no_names() -> None:
    assert _no("of Future", "We sat down with Lee, VP and Head of Future R&D.")
    assert _no("MAJOR South Korean", "MAJOR South Korean carrier Hanbit will expand.")
    assert _no("Financial Impact of Cyber Incident",
               "Financial Impact of Cyber Incident: revenue fell by a tenth.")
    for site in ("Ulsan AI", "Ulsan DC", "Seoul Gasan", "Gyeongbuk Yecheon", "Pyeongchon 2"):
        assert _no(site, f"The carrier runs {site} and more.")
    # Real names of the same shapes stay.
    assert not _no("Lumen Robotics", "The carrier invested in Lumen Robotics in March.")
    assert not _no("Seoul Robotics", "It signed a deal with Seoul Robotics on Monday.")
    assert not _no("USIM Protection Service", "It offers a USIM Protection Service for free.")


def test_korean_words_that_are_no_names() -> None:
    assert _no("GPAA사업부장", "한빛텔레콤은 정석진 GPAA사업부장을 선임했다.")
    assert _no("처리장치 6", "처리장치 6만 장을 들여온다.", "model")
    assert _no("LG유플러", "LG유플러스가 새 앱을 내놨다.")
    for word in ("서버용", "국내외", "비롯", "동남아시아"):
        assert _no(word, f"{word} 시장을 겨냥한다.", "person")
    assert not _no("이재용", "이재용 회장이 참석했다.", "person")
    assert not _no("A.X 4", "A.X 4 모델을 공개했다.", "model")


def test_a_company_followed_by_its_line_of_business_is_made_whole() -> None:
    entity = NewEntity("한빛인베스트먼트", "company",
                       "한빛건설, 한빛인베스트먼트 자산운용 등이 참여했다.")
    assert made_whole(entity).name == "한빛인베스트먼트 자산운용"
    alone = NewEntity("한빛인베스트먼트", "company", "한빛인베스트먼트가 투자했다.")
    assert made_whole(alone).name == "한빛인베스트먼트"


def test_the_filters_apply_to_proposals(matcher: Matcher, analyser: KoreanAnalyser) -> None:
    text = "We sat down with Kim Min-su, VP and Head of Future Networks at Hanbit Labs Inc."
    found = [e.name for e in propose_entities([text], [matcher.find(text)], [None],
                                              frozenset())]
    assert not [n for n in found if n.startswith("of ")]
    korean = "협약에는 한빛도, 한빛건설, 한빛인베스트먼트 자산운용 등이 참여했다."
    tokens = analyser.tokenize([korean])[0]
    found = [e.name for e in propose_entities([korean], [matcher.find(korean)], [tokens],
                                              frozenset())]
    assert "한빛인베스트먼트" not in found
