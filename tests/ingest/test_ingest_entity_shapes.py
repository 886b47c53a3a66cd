"""What is no one's name on unfamiliar outlets: documents, jobs, kinds of AI things,
adverbs, numbers, places, phrases spelled in Hangul and glossed terms; a name with a curly
apostrophe stays whole (issue 13, third held-out round). Fictional names only."""

from __future__ import annotations

import pytest

from briefing.ingest.latin import latin_type
from briefing.ingest.newents import propose_entities
from briefing.ingest.nlp import KoreanAnalyser
from briefing.ingest.recognise import Matcher


def names(matcher: Matcher, analyser: KoreanAnalyser, text: str) -> list[str]:
    tokens = analyser.tokenize([text])[0] if any("가" <= c <= "힣" for c in text) else None
    return [e.name for e in propose_entities([text], [matcher.find(text)], [tokens], frozenset())]


@pytest.mark.parametrize(("text", "unwanted"), [
    ("SK Telecom signed a Memorandum of Understanding with Lumen Robotics on Monday.",
     "Memorandum of Understanding"),
    ("KT and Lumen Robotics signed a Multilateral MOU with two other carriers.",
     "Multilateral MOU"),
    ("The carriers signed a Letter of Intent with Lumen Robotics on Monday.", "Letter of Intent"),
    ("KT hired Lumen Robotics, said Jane Roe, Lead Analyst at a research firm.", "Lead Analyst"),
    ("The alliance named its Group CEO after talks with Lumen Robotics ended.", "Group CEO"),
    ("SK Telecom launched AI Contact Centre services for banks with Lumen Robotics.",
     "AI Contact Centre"),
    ("SK Telecom said AI Personas would answer calls, according to Lumen Robotics.",
     "AI Personas"),
    ("Around 14.3 million users were hit, SK Telecom told Lumen Robotics.", "Around 14.3"),
    ("Leading South Korean carriers such as KT met Lumen Robotics on Monday.",
     "Leading South Korean"),
])
def test_documents_jobs_and_kinds_of_things_are_no_names(
        matcher: Matcher, analyser: KoreanAnalyser, text: str, unwanted: str) -> None:
    found = names(matcher, analyser, text)
    assert unwanted not in found and "Lumen Robotics" in found


def test_a_name_with_a_curly_apostrophe_stays_whole(matcher: Matcher,
                                                    analyser: KoreanAnalyser) -> None:
    text = "The startup got $15 million from Da’an Ventures, a venture arm of Hanbit Oil, in July."
    found = names(matcher, analyser, text)
    assert "Da’an Ventures" in found and "Ventures" not in found


@pytest.mark.parametrize(("text", "unwanted"), [
    # A phrase spelled in Hangul with its English words ('From scratch') is no name.
    ("KT는 설계부터 학습까지 직접 한 '프롬 스크래치(From scratch)' 모델을 한빛전자와 만들었다.",
     "스크래치"),
    # A Latin term explained in Korean words is a term, not a company.
    ("한빛전자는 글로벌 MLOps(기계학습 모델 운영) 기업 한빛랩스와 협력한다고 밝혔다.", "MLOps"),
    # A bare city is a place, and '…시스템' a kind of thing.
    ("KT는 파주에 한빛전자와 함께 AI 데이터센터를 짓기로 협약했다.", "파주"),
    ("해커는 한빛전자의 고객인증시스템을 노려 정보를 빼갔다고 KT는 밝혔다.", "고객인증시스템"),
])
def test_phrases_terms_places_and_systems_are_no_korean_names(
        matcher: Matcher, analyser: KoreanAnalyser, text: str, unwanted: str) -> None:
    assert unwanted not in names(matcher, analyser, text)


def test_a_citys_government_as_a_party_is_still_proposed(matcher: Matcher,
                                                         analyser: KoreanAnalyser) -> None:
    found = names(matcher, analyser, "울산시와 KT는 AI 데이터센터를 함께 짓는 협약을 맺었다.")
    assert "울산시" in found


@pytest.mark.parametrize(("sentence", "name", "kind"), [
    ("The firms launched the Korean-style AI model \"Orbit K\" in September.", "Orbit K",
     "model"),
    ("Hanbit Telecom showed its plans at the Hanbit Tech Festival in Seoul.",
     "Hanbit Tech Festival", "conference"),
    ("A paper by the carrier was accepted at HNLP 2025 in November.", "HNLP 2025",
     "conference"),
    ("The deal was signed by Jane Roe, Board Member Technology at Hanbit Telecom.", "Jane Roe",
     "person"),
    # 'startup' elsewhere in the sentence does not make every name a startup.
    ("The chip startup got $15 million from Da’an Ventures, an arm of the oil giant Hanbit "
     "Petroleum Corp in July.", "Hanbit Petroleum Corp", "company"),
])
def test_type_guesses_from_the_name_and_what_stands_next_to_it(
        sentence: str, name: str, kind: str) -> None:
    start = sentence.index(name)
    assert latin_type(name, sentence, start, start + len(name)) == kind
