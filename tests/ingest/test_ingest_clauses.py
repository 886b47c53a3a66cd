"""Facts per clause: two facts in one sentence, plans told by their verb, the date that governs
the verb, and background that gives no event. Fictional sentences in the style of news prose
(Korean wire ledes, English business pages)."""

from __future__ import annotations

from briefing.core.dates import parse_date
from briefing.ingest.clauses import clause_spans, embedded_dates, is_background, is_intent
from briefing.ingest.dates import find_dates
from briefing.ingest.eventmerge import ProposedEvent
from briefing.ingest.events import Sentence, propose_events
from briefing.ingest.money import find_money
from briefing.ingest.nlp import KoreanAnalyser
from briefing.ingest.recognise import Matcher

PUB = parse_date("2024-06-20")  # a Thursday


def analysed(matcher: Matcher, analyser: KoreanAnalyser | None, *texts: str) -> list[Sentence]:
    """Sentences as the pipeline makes them, dates in describing clauses marked."""
    result = []
    for text in texts:
        dates = tuple(find_dates(text, PUB))
        governing = [d for d in dates if d.role in ("event", "since", "target")]
        tokens = analyser.tokenize([text])[0] if analyser is not None else None
        result.append(Sentence(text, tuple(matcher.find(text)), tuple(find_money(text)), dates,
                               embedded=embedded_dates(text, governing, tokens)))
    return result


def brief(events: list[ProposedEvent]) -> list[tuple[str | None, str, str | None]]:
    return [(e.date.iso() if e.date else None, e.kind, e.due.iso() if e.due else None)
            for e in events]


def test_a_dated_action_and_a_plan_in_one_sentence_are_two_events(
        matcher: Matcher, analyser: KoreanAnalyser) -> None:
    text = "KT는 지난 18일 누리랩스와 업무협약을 맺었고, 연내 공동 서비스를 내놓기로 했다."
    events = propose_events(analysed(matcher, analyser, text), PUB)
    assert brief(events) == [("2024-06-18", "partnership", None), ("2024-06-20", "target", "2024")]
    assert all(e.carriers == ("kt",) for e in events)


def test_two_facts_joined_by_a_bound_noun_are_two_events(
        matcher: Matcher, analyser: KoreanAnalyser) -> None:
    text = ("SK텔레콤은 이달 초 AI 비서를 출시한 데 이어 내년 상반기까지 가입자 100만명을 "
            "모을 계획이다.")
    events = propose_events(analysed(matcher, analyser, text), PUB)
    assert brief(events) == [("2024-06", "product", None), ("2024-06-20", "target", "2025-06")]


def test_an_english_action_and_a_plan_are_two_events(matcher: Matcher) -> None:
    text = "SK Telecom launched its AI agent in May and plans to bring it to Japan by 2025."
    events = propose_events(analysed(matcher, None, text), PUB)
    assert brief(events) == [("2024-05", "product", None), ("2024-06-20", "target", "2025")]


def test_a_plan_with_a_future_date_is_stated_now_and_due_then(
        matcher: Matcher, analyser: KoreanAnalyser) -> None:
    text = "LG유플러스는 오는 9월 기업용 AI 서비스를 출시할 예정이다."
    [event] = propose_events(analysed(matcher, analyser, text), PUB)
    assert brief([event]) == [("2024-06-20", "target", "2024-09")]
    assert event.basis == "the day the plan was stated"


def test_a_scheduled_day_keeps_its_kind(matcher: Matcher, analyser: KoreanAnalyser) -> None:
    text = "KT는 오는 25일 새 요금제를 출시할 예정이다."
    assert brief(propose_events(analysed(matcher, analyser, text), PUB)) == [
        ("2024-06-25", "product", None)]


def test_plans_told_with_intent_verbs_are_targets(matcher: Matcher, analyser: KoreanAnalyser
                                                 ) -> None:
    texts = ("LG유플러스는 AI 전문 인력 300명 채용에 나서기로 했다고 밝혔다.",
             "SK Telecom said it will open two AI data centers.")
    for text in texts:
        [event] = propose_events(analysed(matcher, analyser, text), PUB)
        assert (event.date, event.kind) == (PUB, "target"), text


def test_an_open_clause_shares_the_intent_of_the_next(matcher: Matcher,
                                                      analyser: KoreanAnalyser) -> None:
    # '올해 … 늘리고, … 채용하겠다': both halves are the plan, stated on the publication day.
    text = "LG유플러스는 올해 AI 투자를 30% 늘리고, 개발자도 두 배로 채용하겠다고 밝혔다."
    events = propose_events(analysed(matcher, analyser, text), PUB)
    assert brief(events) == [("2024-06-20", "target", "2024")]


def test_a_launch_told_as_what_will_happen_is_a_plan(matcher: Matcher,
                                                     analyser: KoreanAnalyser) -> None:
    text = "홍길동 대표는 오는 9월 LG유플러스가 새 AI 비서를 선보일 것이라고 밝혔다."
    assert brief(propose_events(analysed(matcher, analyser, text), PUB)) == [
        ("2024-06-20", "target", "2024-09")]


def test_a_vague_intention_without_a_party_or_measure_is_no_event(
        matcher: Matcher, analyser: KoreanAnalyser) -> None:
    texts = ("회사는 서비스 품질을 높여 나갈 방침이다.", "KT는 고객 경험을 개선해 나갈 계획이다.",
             "KT 측은 대응에 힘쓰겠다는 입장을 밝혔다.")
    assert propose_events(analysed(matcher, analyser, *texts), PUB) == []


def test_a_statement_dated_by_its_announcement_is_an_event(
        matcher: Matcher, analyser: KoreanAnalyser) -> None:
    text = "KT는 AI 인재 교육을 전국 대학으로 넓힌다고 18일 밝혔다."
    [event] = propose_events(analysed(matcher, analyser, text), PUB)
    assert brief([event]) == [("2024-06-18", "statement", None)]


def test_the_date_of_a_describing_clause_does_not_date_the_event(
        matcher: Matcher, analyser: KoreanAnalyser) -> None:
    texts = ("KT는 지난 3월 퇴임한 홍길동 전 대표를 이달 초 고문으로 영입했다.",
             "SK텔레콤은 2023년 4월 지분을 사들인 누리랩스에 지난달 추가로 투자했다.")
    events = propose_events(analysed(matcher, analyser, *texts), PUB)
    assert brief(events) == [("2024-06", "appointment", None), ("2024-05", "investment", None)]


def test_the_first_date_governs_when_the_later_one_describes_a_noun(
        matcher: Matcher, analyser: KoreanAnalyser) -> None:
    # 'Nearest to the verb' would take 2023 here; the syntax says the launch was last month.
    text = "SK텔레콤은 지난달 2023년 출시된 AI 비서의 새 버전을 선보였다."
    assert brief(propose_events(analysed(matcher, analyser, text), PUB)) == [
        ("2024-05", "product", None)]


def test_an_english_relative_clause_does_not_date_the_event(matcher: Matcher) -> None:
    text = "Kim, who joined SK Telecom in March 2023, was appointed head of its AI unit on Tuesday."
    [event] = propose_events(analysed(matcher, None, text), PUB)
    assert brief([event]) == [("2024-06-18", "appointment", None)]


def test_a_plan_and_the_relative_clause_that_dates_something_else(matcher: Matcher) -> None:
    text = ("KT said it will give 5 billion won in credits to small shops, which lost card "
            "payments in an outage on June 10.")
    events = propose_events(analysed(matcher, None, text), PUB)
    assert [(e.date.iso() if e.date else None, e.kind, e.amount, e.carriers) for e in events] == [
        ("2024-06-20", "target", "5 billion won", ("kt",)),
        ("2024-06-10", "outage", None, ("kt",))]


def test_a_plan_after_the_subject_of_the_sentence_is_its_plan(matcher: Matcher,
                                                               analyser: KoreanAnalyser) -> None:
    text = "‘오르빗 텔코 포럼’은 지난달 출범했으며, 공동 모델 개발을 함께 해 나갈 계획이다."
    events = propose_events(analysed(matcher, analyser, text), PUB)
    assert [(e.kind, e.entities) for e in events][-1] == ("target", ("orbit-telco-forum",))


def test_a_stance_is_not_a_plan_that_overrides_the_fact(matcher: Matcher,
                                                        analyser: KoreanAnalyser) -> None:
    text = "KT는 지난 10일 앤트로픽과 협약을 체결해 AI 기업으로 거듭나겠다는 의지를 내비쳤다."
    assert brief(propose_events(analysed(matcher, analyser, text), PUB)) == [
        ("2024-06-10", "partnership", None)]


def test_background_gives_no_event_unless_dated_and_about_a_party(
        matcher: Matcher, analyser: KoreanAnalyser) -> None:
    texts = ("SK텔레콤은 지난해 비슷한 협약을 맺은 바 있다.",
             "SK Telecom had previously invested in the startup earlier this year.",
             "앞서 KT는 지난 2022년에도 누리랩스에 300억원을 투자한 바 있다.")
    events = propose_events(analysed(matcher, analyser, *texts), PUB)
    assert [(e.date.iso() if e.date else None, e.kind, e.amount) for e in events] == [
        ("2022", "investment", "300억원")]


def test_sentences_glued_in_copying_are_split() -> None:
    from briefing.ingest.sentences import split_sentences
    assert split_sentences("The carrier said so on Friday.KT also hired a head. It grew.") == [
        "The carrier said so on Friday.", "KT also hired a head.", "It grew."]
    assert split_sentences("It opened in the U.S.Army bases stayed.") == [
        "It opened in the U.S.Army bases stayed."]


def test_clause_helpers() -> None:
    assert is_intent("내년까지 1000명을 채용하기로 했다") and is_intent("plans to expand")
    assert is_intent("SK Telecom said on the 5th it will build a data center")
    assert is_intent("KT said Tuesday it would hire") and is_intent("선보일 것이라고 밝혔다")
    assert not is_intent("The firm said the deal closed")
    assert not is_intent("두 회사를 합치기로 합의했다")
    assert not is_intent("\"우리는 반드시 세계 최고가 되겠다\"는 말")
    assert is_background("투자한 바 있다") and not is_background("투자했다")
    text = "KT는 협약을 맺었고, 연내 출시할 계획이다."
    assert [text[s:e] for s, e in clause_spans(text)] == ["KT는 협약을 맺었고",
                                                          "연내 출시할 계획이다."]
    assert find_dates("SKT will show it at SK Tech Summit 2023 in Seoul.", PUB) == []
