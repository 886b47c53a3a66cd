"""What makes an event an analyst keeps: its kind, a composed title, its parties, its
horizon, and one event per fact. Fictional sentences in the style of news prose."""

from __future__ import annotations

import pytest

from briefing.core.dates import PartialDate, parse_date
from briefing.ingest.dates import find_dates
from briefing.ingest.events import Sentence, propose_events
from briefing.ingest.horizon import find_horizon
from briefing.ingest.kinds import classify
from briefing.ingest.money import find_money
from briefing.ingest.recognise import Matcher
from briefing.ingest.titles import MAX_TITLE, compose_title

PUB = parse_date("2024-06-20")


def sentences(matcher: Matcher, *texts: str, heading: bool = False) -> list[Sentence]:
    return [Sentence(t, tuple(matcher.find(t)), tuple(find_money(t)), tuple(find_dates(t, PUB)),
                     heading=heading) for t in texts]


# The clause classifier on sentences of every kind; a table like the development set's
# confusion table, in miniature.
@pytest.mark.parametrize(("clause", "kind"), [
    ("KT는 리벨리온에 300억원을 투자했다", "investment"),
    ("SK텔레콤은 스타트업 지분 10%를 확보했다", "investment"),
    ("SK Telecom invested $100 million in Anthropic", "investment"),
    ("두 회사는 업무협약을 맺었다", "partnership"),
    ("KT and Microsoft signed a five-year agreement", "partnership"),
    ("네 통신사가 AI 얼라이언스를 출범했다", "alliance"),
    ("The carriers formed a joint venture", "alliance"),
    ("LG유플러스는 AI 비서를 출시했다", "product"),
    ("KT unveiled its own language model", "product"),
    ("이사회는 홍길동 부사장을 신임 대표로 선임했다", "appointment"),
    ("KT named a new chief executive", "appointment"),
    ("전국에서 유선 인터넷 접속 장애가 발생했다", "outage"),
    ("Services were disrupted for two hours", "outage"),
    ("홍길동 대표는 장애에 대해 사과했다", "statement"),
    ("해커가 가입자 서버에 악성코드를 심었다", "outage"),
    ("SK Telecom was hacked, exposing subscriber data", "outage"),
    ("KT는 외부 전문가를 CTO로 영입했다", "appointment"),
    ("KT는 책임 있는 AI 리포트를 지난해 12월 발간했다", "statement"),
    ("대표는 AI 컴퍼니 전환을 선포했다", "statement"),
    ("지난해 구글과 협업을 통해 서비스를 공개했다", "partnership"),
    ("LG Uplus hosted a 6G festival in Seoul", "conference"),
    ("In an earnings call the company described its goals", "earnings"),
    ("The CEO apologized for the disruption", "statement"),
    ("KT는 2분기 영업이익 1조원을 기록했다", "earnings"),
    ("SK Telecom reported higher operating profit", "earnings"),
    ("회사는 매출 2조원 달성을 목표로 삼았다", "target"),
    ("The company aims to double its AI revenue", "target"),
    ("방통위는 과징금 10억원을 부과했다", "regulation"),
    ("홍길동 대표는 MWC에서 기조연설을 했다", "conference"),
    ("KT opened a booth at the expo", "conference"),  # a booth at a fair is taking part
    ("유영상 대표는 취임 1주년을 맞아 비전을 밝혔다", "statement"),  # an anniversary
])
def test_classifies_the_kind_of_a_clause(clause: str, kind: str) -> None:
    assert classify(clause)[0] == kind


@pytest.mark.parametrize(("kind", "language", "parties", "others", "amount", "title"), [
    ("investment", "ko", ["KT"], ["리벨리온"], "300억원", "KT, 리벨리온에 300억원 투자"),
    ("investment", "en", ["KT"], ["Rebellions"], "KRW 30 billion",
     "KT invests KRW 30 billion in Rebellions"),
    ("partnership", "ko", ["SK텔레콤"], ["앤트로픽"], None, "SK텔레콤, 앤트로픽과 협력"),
    ("partnership", "ko", ["KT"], ["마이크로소프트"], None, "KT, 마이크로소프트와 협력"),
    ("partnership", "en", ["KT"], ["Microsoft"], None, "KT partners with Microsoft"),
    ("outage", "ko", ["KT"], [], None, "KT 통신 장애"),
    ("outage", "en", ["LG Uplus"], [], None, "LG Uplus suffers a network outage"),
    ("appointment", "en", ["KT"], ["Kim Min-ji"], None, "KT appoints Kim Min-ji"),
    ("investment", "ko", [], [], "50억원", "당사자 미상, 50억원 투자"),
    ("investment", "en", ["SK Telecom", "KT"], ["Nvidia"], None,
     "SK Telecom and KT invest in Nvidia"),
    ("target", "ko", ["KT"], [], "1조원", "KT, 1조원 목표"),
])
def test_titles_are_composed_from_the_parts(kind: str, language: str, parties: list[str],
                                            others: list[str], amount: str | None,
                                            title: str) -> None:
    assert compose_title(kind, language, parties, others, amount, "") == title


def test_a_title_is_never_longer_than_the_limit() -> None:
    title = compose_title("investment", "ko", ["아주아주긴이름의통신회사" * 3],
                          ["매우긴이름을가진인공지능반도체설계스타트업" * 2],
                          "1조2345억6789만원", "")
    assert len(title) <= MAX_TITLE


def test_event_titles_are_composed_and_the_sentence_stays_as_evidence(matcher: Matcher) -> None:
    text = "KT는 지난 12일 앤트로픽에 300억원을 투자했다고 밝혔다."
    [event] = propose_events(sentences(matcher, text), PUB)
    assert event.title == ""  # composed by the pipeline, from the parts below
    assert (event.kind, event.carriers, event.entities, event.amount) == (
        "investment", ("kt",), ("anthropic",), "300억원")
    assert event.evidence == (text,) and event.clause == text


def test_a_carrier_only_when_it_is_a_party_to_the_clause(matcher: Matcher) -> None:
    texts = ("SK텔레콤과 KT, LG유플러스가 모두 실적을 냈다.",
             "엔비디아는 지난 12일 새 칩을 출시했다.")
    [event] = propose_events(sentences(matcher, *texts), PUB)
    assert (event.carriers, event.entities) == ((), ("nvidia",))


def test_an_event_with_no_party_is_flagged(matcher: Matcher) -> None:
    [event] = propose_events(sentences(matcher, "지난 12일 새 요금제가 출시됐다."), PUB)
    assert event.carriers == () and event.entities == ()
    assert any("no party" in issue for issue in event.issues)


def test_the_subject_of_the_story_goes_on_and_is_flagged(matcher: Matcher) -> None:
    texts = ("KT는 AI 사업을 키운다.", "회사는 지난 12일 새 비서를 출시했다.")
    [event] = propose_events(sentences(matcher, *texts), PUB)
    assert event.carriers == ("kt",)
    assert any("sentences before" in issue for issue in event.issues)


@pytest.mark.parametrize("text", [
    "입력 2024.06.12 09:00",  # never reaches events: clean.py drops it; a heading here
    "KT, 지난 12일 새 비서 출시",
])
def test_no_event_from_headings_and_metadata(matcher: Matcher, text: str) -> None:
    assert propose_events(sentences(matcher, text, heading=True), PUB) == []


def test_no_event_from_quoted_speech_or_a_remark_without_a_party(matcher: Matcher) -> None:
    texts = ("\"우리는 지난 12일부터 준비했다\"고 말했다.", "지난 12일 날씨가 좋았다고 전했다.",
             "KT는 지난 12일 새 비전을 공유했다.")  # no verb tells, and no one spoke
    assert propose_events(sentences(matcher, *texts), PUB) == []


def test_what_a_named_party_said_on_a_day_is_a_statement(matcher: Matcher) -> None:
    [event] = propose_events(sentences(matcher, "KT는 지난 12일 서울에서 새 전략을 설명했다."),
                             PUB)
    assert (event.kind, event.date, event.carriers) == ("statement", parse_date("2024-06-12"),
                                                        ("kt",))
    assert any("no verb tells" in issue for issue in event.issues)


@pytest.mark.parametrize(("sentence", "due"), [
    ("KT는 3년 안에 AI 매출 1조원을 달성하겠다고 밝혔다.", "2027"),
    ("KT aims to reach 10 million users within three years.", "2027"),
    ("SK텔레콤은 내년 상반기 서비스를 상용화할 계획이다.", "2025-06"),
    ("LG유플러스는 2026년까지 가입자 500만명을 목표로 삼았다.", "2026"),
    ("KT plans to list the unit by 2026.", "2026"),
    ("회사는 연내 서비스를 시작할 계획이다.", "2024"),
    ("회사는 6개월 안에 시범 서비스를 마칠 계획이다.", "2024-12"),
])
def test_targets_get_their_horizon_from_the_statement_date(sentence: str, due: str) -> None:
    horizon = find_horizon(sentence, PUB)
    assert horizon is not None and horizon.due.iso() == due


def test_a_relative_horizon_without_a_date_is_not_guessed() -> None:
    assert find_horizon("KT는 3년 안에 매출을 두 배로 늘리겠다고 밝혔다.", None) is None


def test_a_target_event_is_dated_when_stated_and_due_at_its_horizon(matcher: Matcher) -> None:
    [event] = propose_events(sentences(
        matcher, "KT는 3년 안에 AI 매출 1조원을 달성하겠다고 밝혔다."), PUB)
    assert (event.kind, event.date, event.due) == ("target", PUB, PartialDate(2027))
    [event] = propose_events(sentences(
        matcher, "LG유플러스는 2026년까지 가입자 500만명을 확보하겠다고 지난 12일 밝혔다."), PUB)
    assert (event.kind, event.date, event.due) == (
        "target", parse_date("2024-06-12"), PartialDate(2026))


def test_one_fact_told_as_a_schedule_is_one_event(matcher: Matcher) -> None:
    text = "KT는 2025년 90곳, 2026년 100곳, 2027년 110곳의 스타트업을 지원할 계획이다."
    assert len(propose_events(sentences(matcher, text), PUB)) == 1


def test_results_are_dated_by_their_announcement(matcher: Matcher) -> None:
    text = ("KT는 올해 1분기(1~3월) 영업이익이 5000억원으로 지난해 같은 기간보다 늘었다고 "
            "18일 밝혔다.")
    [event] = propose_events(sentences(matcher, text), PUB)
    assert (event.kind, event.date) == ("earnings", parse_date("2024-06-18"))


def test_a_chief_acts_for_the_carrier_it_works_for() -> None:
    from briefing.ingest.recognise import Mention

    text = "홍길동 대표는 지난 12일 리벨리온에 300억원을 투자했다."
    person = Mention("hong-gil-dong", False, 0, 3, "홍길동")
    sentence = Sentence(text, (person,), tuple(find_money(text)), tuple(find_dates(text, PUB)))
    [event] = propose_events([sentence], PUB, {"hong-gil-dong": ("kt",)})
    assert (event.carriers, event.entities) == (("kt",), ("hong-gil-dong",))
    assert any("affiliation" in issue for issue in event.issues)
    [alone] = propose_events([sentence], PUB)
    assert alone.carriers == ()


def test_a_horizon_before_the_statement_is_no_due_date(matcher: Matcher) -> None:
    [event] = propose_events(sentences(
        matcher, "KT는 2020년까지 매출 1조원을 달성하겠다고 밝혔다."), PUB)
    assert (event.kind, event.date, event.due) == ("target", PUB, None)
    assert any("before the statement" in issue for issue in event.issues)


@pytest.mark.parametrize(("clause", "kind"), [
    ("KT는 기자간담회를 열고 보상 방침을 설명했다", "statement"),
    ("홍길동 대표는 기자간담회에서 AI 전략을 설명했다", "statement"),
    ("In a press conference on Monday the carrier disclosed a damage package", "statement"),
])
def test_a_press_conference_is_where_something_was_said(clause: str, kind: str) -> None:
    assert classify(clause)[0] == kind
