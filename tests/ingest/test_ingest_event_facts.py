"""Which clauses report a new fact about a party, and when it happened: parties or a day,
English subjects, datelines, fronted dates, plans' dates ahead, fairs, commentary, quotes.
Fictional sentences in the styles of wire ledes, English editions and Korean dailies."""

from __future__ import annotations

import pytest

from briefing.core.dates import parse_date
from briefing.ingest.clauses import embedded_dates, lede_dateline, plan_spans
from briefing.ingest.dates import find_dates
from briefing.ingest.eventmerge import ProposedEvent
from briefing.ingest.events import Sentence, propose_events
from briefing.ingest.kinds import classify
from briefing.ingest.money import find_money
from briefing.ingest.recognise import Matcher
from briefing.ingest.speech import unquoted
from briefing.ingest.titles import compose_title

PUB = parse_date("2024-06-20")


def told(matcher: Matcher, *texts: str, published: str | None = "2024-06-20") -> list[Sentence]:
    """Sentences as the pipeline makes them (plans' dates read ahead; English backdrops)."""
    pub = parse_date(published) if published else None
    result = []
    for text in texts:
        dates = tuple(find_dates(text, pub, None, plan_spans(text)))
        english = not any("가" <= ch <= "힣" for ch in text)
        result.append(Sentence(text, tuple(matcher.find(text)), tuple(find_money(text)), dates,
                               embedded=embedded_dates(text, dates, None) if english
                               else frozenset()))
    return result


def brief(events: list[ProposedEvent]) -> list[tuple[str | None, str, tuple[str, ...]]]:
    return [(e.date.iso() if e.date else None, e.kind, e.carriers) for e in events]


def test_no_party_and_no_day_is_no_event(matcher: Matcher) -> None:
    texts = ("The two firms are poised to launch the project later this month.",
             "지난 7일 공개된 보고서 이후 관심이 빠르게 확산됐다.")
    assert propose_events(told(matcher, *texts, published=None), None) == []


def test_a_venue_is_no_party(matcher: Matcher) -> None:
    text = "홍 사장은 4일 오르빗 텔코 포럼 기자간담회에서 고객 중심 AI를 지향한다고 말했다."
    [sentence] = told(matcher, text, published=None)
    assert [m.id for m in sentence.mentions] == ["orbit-telco-forum"]
    assert len(propose_events([sentence], None)) == 1  # a party, though no day: kept
    assert propose_events([sentence], None, venues=frozenset({"orbit-telco-forum"})) == []


def test_an_english_sentence_about_something_else_is_not_the_carriers(matcher: Matcher) -> None:
    texts = ("KT signed a deal with Microsoft on Monday.",
             "The initiative builds on a joint venture outlined last year.")
    assert brief(propose_events(told(matcher, *texts), PUB)) == [("2024-06-17", "partnership",
                                                                   ("kt",))]


def test_the_company_and_an_outage_keep_the_story_subject(matcher: Matcher) -> None:
    texts = ("KT suffered a network outage on Monday.",
             "The company will expand its AI data centers by 2026.",
             "The breach was detected on April 18.")
    events = propose_events(told(matcher, *texts), PUB)
    assert [e.carriers for e in events[1:]] == [("kt",), ("kt",)]
    assert [e.kind for e in events[1:]] == ["target", "outage"]


def test_an_owner_is_not_the_party_of_someone_elses_clause(matcher: Matcher) -> None:
    texts = ("LG유플러스는 AI 펀드에 출자한다.",
             "이들 운용사는 LG유플러스의 자금을 활용해 펀드를 결성해 "
             "내년 초부터 투자에 나설 계획이다.")
    assert propose_events(told(matcher, *texts, published=None), None) == []


@pytest.mark.parametrize(("lede", "end"), [
    ("SEOUL, March 10 (Hanbit Wire) — KT said …", 32),
    ("Seoul, South Korea - June 7, 2026 - KT and Nvidia …", 36),
    ("BUSAN, South Korea, May 23, 2018 /Wirenews/ -- KT Corp. …", 47),
    ("KT said on May 5 that …", 0),
])
def test_a_ledes_dateline_is_found(lede: str, end: int) -> None:
    assert lede_dateline(lede) == end


def test_a_ledes_dateline_dates_the_telling_and_is_no_clause(matcher: Matcher) -> None:
    text = ("Seoul, South Korea - June 7, 2026 - SK Telecom and Nvidia have announced plans to "
            "build an AI cloud platform in Korea.")
    [event] = propose_events(told(matcher, text, published="2026-06-08"), parse_date("2026-06-08"))
    assert (event.date.iso() if event.date else None, event.kind) == ("2026-06-07", "target")
    assert (event.carriers, event.entities) == (("skt",), ("nvidia",))
    assert event.evidence == (text,)


def test_a_fronted_date_belongs_to_its_clause(matcher: Matcher) -> None:
    text = ("Last month, SK Telecom set a target to exceed 25 trillion won in sales by 2028 at a "
            "press conference.")
    [event] = propose_events(told(matcher, text), PUB)
    assert (event.date.iso() if event.date else None, event.kind) == ("2024-05", "target")
    assert event.due is not None and event.due.iso() == "2028"


@pytest.mark.parametrize(("text", "expected"), [
    # 'starting in December' in a June story is this December, not the last one.
    ("KT plans to offer the service with Nvidia starting in December.", "2024-12"),
    ("LG유플러스는 3월 새 서비스를 출시할 계획이다.", "2025-03"),  # a plan's bare month
    ("LG유플러스는 25일 새 요금제를 출시할 예정이다.", "2024-06-25"),  # a plan's later day
    ("KT는 3월 새 서비스를 출시했다.", "2024-03"),  # a report: the last March
    ("LG유플러스도 4월 29일 파주에 데이터센터를 짓겠다고 공시했다.", "2024-04-29"),  # telling
])
def test_plans_dates_lie_ahead_and_reports_behind(text: str, expected: str) -> None:
    [date] = [d for d in find_dates(text, PUB, None, plan_spans(text)) if d.date is not None]
    assert date.date is not None and date.date.iso() == expected


@pytest.mark.parametrize(("clause", "kind"), [
    ("김 대표는 27일 MWC 2024에서 AI 회사로 거듭나겠다고 밝혔다", "statement"),
    ("The CEO said at CES that AI would change telecoms", "statement"),
    ("KT plans to showcase its robots at the fair on November 16", "conference"),
    ("홍 대표는 MWC 개막 기조연설자로 나서 전략을 공개한다", "conference"),
    ("유 대표는 MWC 2024에 참석해 이같이 밝혔다", "conference"),  # attending is taking part
    ("with plans to raise AI investments and a revenue target of KRW 25 trillion", "target"),
    ("KT는 책임 있는 AI 체계 구축에 힘을 쏟고 있다", "statement"),
    ("홍 사장은 취임 첫 기자간담회를 가졌다", "statement"),
    ("LG전자와 LG유플러스는 'AI 원팀' 참여 협약을 맺었다", "alliance"),
])
def test_kinds_at_fairs_targets_and_idioms(clause: str, kind: str) -> None:
    assert classify(clause)[0] == kind


def test_plans_told_by_a_named_subject_and_not_promises_to_look(matcher: Matcher) -> None:
    plans = ("SK Telecom said SK Broadband will invest 100 billion won in AI starting next year.",
             "KT said on Thursday the two companies will unveil a model next year.",
             "SK Telecom announced in March intentions to build an AI data center.")
    for text in plans:
        assert [e.kind for e in propose_events(told(matcher, text), PUB)] == ["target"], text
    look = "KT는 피해 고객 2만 명의 위약금 면제를 적극 검토하겠다고 설명했다."
    assert propose_events(told(matcher, look), PUB) == []


def test_market_commentary_gives_no_event(matcher: Matcher) -> None:
    texts = ("증권가에서는 SK텔레콤이 내년 매출 20조원을 달성할 것으로 본다.",
             "Analysts said KT will post record profit in the second quarter of 2025.",
             "업계 관계자는 KT가 지난 3월 AI 투자를 늘렸다고 말했다.")
    assert propose_events(told(matcher, *texts), PUB) == []


def test_a_quote_cut_by_the_sentence_split_is_still_speech(matcher: Matcher) -> None:
    text = "이철우 지사는 “오늘 KT와 원팀을 구성한 것을 계기로 협력을 넓혀 가겠다"
    assert unquoted(text).startswith("이철우 지사는 ") and "원팀" not in unquoted(text)
    assert propose_events(told(matcher, text), PUB) == []


def test_a_year_after_a_bracketed_acronym_is_a_name(matcher: Matcher) -> None:
    text = "At the Mobile World Congress (MWC) 2026 in Barcelona, KT showed a robot."
    assert [d.text for d in find_dates(text, PUB)] == []


@pytest.mark.parametrize(("kind", "language", "others", "clause", "title"), [
    ("conference", "ko", [], "기조연설", "KT, 행사 기조연설"),
    ("conference", "en", ["MWC"], "keynote", "KT keynote at MWC"),
    ("target", "ko", [], "▲코로나19 대응 등 분야에서 협력하기로 했다", "KT, 목표 제시"),
    ("target", "en", [], "plans to launch", "KT plans a launch"),
    ("statement", "en", [], "apologised", "KT apologises"),
    ("regulation", "ko", [], "과징금", "KT, 규제 당국 조치"),
])
def test_one_title_composer_for_both_languages(kind: str, language: str, others: list[str],
                                               clause: str, title: str) -> None:
    assert compose_title(kind, language, ["KT"], others, None, clause) == title


def test_a_remark_in_the_same_sentence_is_part_of_the_fact(matcher: Matcher) -> None:
    text = ("Speaking at a press conference on Monday, the KT chief said the company will "
            "open two data centers.")
    [event] = propose_events(told(matcher, text), PUB)
    assert (event.kind, event.carriers) == ("target", ("kt",))
    assert event.date is not None and event.date.iso() == "2024-06-17"  # stated that day
    assert not any("no party" in issue for issue in event.issues)


def test_a_plan_that_spells_out_an_agreement_is_part_of_it(matcher: Matcher) -> None:
    texts = ("KT는 마이크로소프트와 전략적 파트너십을 체결했다고 4일 밝혔다.",
             "양사는 협력 영역을 9월까지 상세화할 예정이다.",
             "양사는 2027년까지 가입자 500만명 확보를 목표로 삼았다.")
    events = propose_events(told(matcher, *texts), PUB)
    assert [e.kind for e in events] == ["partnership", "target"]
    assert events[0].evidence == texts[:2]  # the terms stay as evidence
    assert events[1].evidence == texts[2:]  # a number of its own is a commitment


def test_a_day_up_to_the_telling_dates_the_telling(matcher: Matcher) -> None:
    text = "KT는 18일 통신 분야에 5년간 10조원을 투입할 방침이라고 밝혔다."
    [event] = propose_events(told(matcher, text), PUB)
    assert (event.date.iso() if event.date else None, event.kind) == ("2024-06-18", "target")


@pytest.mark.parametrize(("text", "due"), [
    ("LG Uplus plans to release a new model in the first half of this year.", "2024-06"),
    ("LG Uplus' data center is scheduled for completion in 2027.", "2027"),
])
def test_scheduled_plans_and_relative_halves(matcher: Matcher, text: str, due: str) -> None:
    [event] = propose_events(told(matcher, text), PUB)
    assert (event.kind, event.due.iso() if event.due else None) == ("target", due)


def test_an_english_backdrop_does_not_date_the_fact(matcher: Matcher) -> None:
    texts = ("KT plans to restart joint research with a university, which began in 2004, to "
             "train engineers.",
             "KT created a task force on June 3 following the summit last month.")
    events = propose_events(told(matcher, *texts), PUB)
    assert [(e.date.iso() if e.date else None) for e in events] == ["2024-06-03"]


def test_a_relative_clause_with_a_fact_of_its_own_still_dates_it(matcher: Matcher) -> None:
    text = ("KT said it will give credits to small shops, which lost card payments in an "
            "outage on June 10.")
    assert sorted(e.kind for e in propose_events(told(matcher, text), PUB)) == ["outage",
                                                                                "target"]


def test_a_quotative_binds_to_its_speech_verb(matcher: Matcher) -> None:
    text = ("MWC 2024에 참가한 김하늘 KT 전무가 17일 “통신 역량에 AI를 더한 회사로 "
            "거듭나겠다”고 말했다.")
    [event] = propose_events(told(matcher, text), PUB)
    assert (event.kind, event.carriers) == ("statement", ("kt",))


def test_a_person_named_in_full_is_a_new_subject(matcher: Matcher) -> None:
    texts = ("KT는 AI 사업을 키운다.", "홍길동 한빛전자 사장은 취임 첫 기자간담회를 가졌다.")
    assert propose_events(told(matcher, *texts, published=None), None) == []


def test_a_deal_at_a_fair_is_the_deal(matcher: Matcher) -> None:
    text = "At MWC 2025, LG Uplus announced a partnership with Nvidia on Monday."
    [event] = propose_events(told(matcher, text), PUB)
    assert (event.kind, event.carriers, event.entities) == ("partnership", ("lguplus",),
                                                            ("nvidia",))


@pytest.mark.parametrize(("clause", "kind"), [
    ("On Thursday, KT named a senior vice president as head of its AI unit", "appointment"),
    ("SK Telecom itself pumped $100 million into Anthropic last month", "investment"),
    ("The CEOs met the minister on Monday to ask for support for AI investment", "statement"),
])
def test_more_english_kinds(clause: str, kind: str) -> None:
    assert classify(clause)[0] == kind


def test_the_same_year_is_the_year_told_before(matcher: Matcher) -> None:
    texts = ("KT는 지난해 초 AI 비전을 제시했다.",
             "이를 위해 같은 해 6월 엔비디아와 파트너십을 체결했다.")
    pub = parse_date("2025-01-02")
    sentences, year = [], None
    for text in texts:
        dates = tuple(find_dates(text, pub, None, plan_spans(text), year))
        year = next((d.date.year for d in dates if d.date is not None), year)
        sentences.append(Sentence(text, tuple(matcher.find(text)), (), dates))
    assert [d.date.iso() for d in sentences[1].dates if d.date] == ["2024-06"]
    assert [(e.date.iso() if e.date else None, e.kind) for e in propose_events(
        sentences, pub)] == [("2024-06", "partnership")]
    [unknown] = find_dates("같은 해 6월 협약을 맺었다.", pub)
    assert unknown.date is None and unknown.problem is not None  # no year told before


def test_this_years_goals_are_set_on_the_day_told(matcher: Matcher) -> None:
    text = "KT는 신년사를 통해 올해를 도약의 원년으로 삼고 미디어 사업 성장 등을 목표로 내세웠다."
    [event] = propose_events(told(matcher, text, published="2025-01-02"),
                             parse_date("2025-01-02"))
    assert (event.kind, event.date.iso() if event.date else None) == ("target", "2025-01-02")
    assert event.due is not None and event.due.iso() == "2025"


def test_from_today_and_a_purchase(matcher: Matcher) -> None:
    texts = ("해킹으로 정보가 유출된 SK텔레콤이 오늘부터 유심 무상 교체를 시작했다.",
             "LG유플러스는 지난 4월 파주의 토지와 건물을 매수한다고 공시했다.")
    assert brief(propose_events(told(matcher, *texts), PUB)) == [
        ("2024-06-20", "outage", ("skt",)), ("2024-04", "investment", ("lguplus",))]


def test_a_deal_right_after_a_dated_sentence_happened_that_year(matcher: Matcher) -> None:
    texts = ("SK Telecom stepped up its AI alliances in 2023.",
             "Notably, it invested 15 billion won in Upstage.",
             "It also said its service grew quickly.")
    events = propose_events(told(matcher, *texts), PUB)
    deals = [e for e in events if e.kind == "investment"]
    assert [(e.date.iso() if e.date else None, e.approximate, e.amount, e.carriers)
            for e in deals] == [("2023", True, "15 billion won", ("skt",))]
    assert any("sentence before" in issue for issue in deals[0].issues)
    # Without a deal's amount or counterpart it stays undated: no event.
    later = told(matcher, "SK Telecom stepped up its AI alliances in 2023.",
                 "It invested in startups.")
    assert [e.kind for e in propose_events(later, PUB)] == ["alliance"]


def test_a_fronted_aim_and_a_participle_keep_the_sentences_subject(matcher: Matcher) -> None:
    texts = ("KT built a new AI model.",
             "Aiming to raise its AI revenue share to 30 percent by 2028, the company is "
             "expected to speed up.",
             "KT outlined plans to sell its model after unveiling it in October 2023, aiming for "
             "revenue from Upstage to hit 100 billion won by 2027.")
    events = propose_events(told(matcher, *texts), PUB)
    assert [(e.kind, e.carriers) for e in events] == [("target", ("kt",)), ("target", ("kt",))]
    assert events[1].amount == "100 billion won"  # one plan, not split at the participle
    # A new subject after a fronted phrase is not the story's: 'However, …, the company'.
    other = told(matcher, "KT joined a project on Monday.",
                 "Regarding payments, the company said customers will be paid in December.")
    assert [e.kind for e in propose_events(other, PUB)] == ["alliance"]


def test_a_fact_that_mentions_analysts_is_still_a_fact(matcher: Matcher) -> None:
    texts = ("SK Telecom announced quarterly earnings of 350 billion won on Tuesday, ahead of "
             "analysts' expectations.",
             "KT의 AI 사업 성과가 이번 인사에 영향을 미친 것으로 풀이된다.")
    assert brief(propose_events(told(matcher, *texts), PUB)) == [
        ("2024-06-18", "earnings", ("skt",))]


def test_a_comparisons_base_and_a_reappointment(matcher: Matcher) -> None:
    [base, day] = find_dates("Operating profit was up 11.7% over last year on Wednesday.", PUB)
    assert (base.role, day.role) == ("compare", "event")
    assert classify("황 대표는 연임에 성공했다")[0] == "appointment"
    assert classify("The board reappointed its chief executive")[0] == "appointment"
