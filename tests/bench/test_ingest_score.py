"""The development-set scorer's rules: normalisation, matching and per-article counts.

Fixtures are self-written in the styles met in real articles; no article text is used."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from ingest_score import (
    Boiler,
    Drafted,
    DraftEvent,
    Gold,
    GoldEntity,
    GoldEvent,
    loose_match,
    match_entities,
    match_events,
    norm_name,
    norm_people,
    same_amount,
    score_article,
    strict_match,
    title_problem,
)


def _gold(**changes: object) -> Gold:
    base: dict[str, object] = dict(
        id="t", publisher=("예시일보", "Example Daily"), author="홍길동", published="2025-04-02",
        carriers=frozenset({"kt"}), known=frozenset({"rebellions"}),
        new=(GoldEntity(("한빛로보틱스", "Hanbit Robotics"), "startup"),), amounts=("300억원",),
        events=(GoldEvent("2025-04-01", "investment", ("kt", "rebellions"), "300억원"),),
        boilerplate=(Boiler("글자크기 조절"), Boiler("(12,300원 ▲50 +0.4%)", inline=True)),
        skip=("예시일보 홍길동 기자",))
    base.update(changes)
    return Gold(**base)  # type: ignore[arg-type]


def _event(date: str | None = "2025-04-01", kind: str | None = "investment",
           carriers: tuple[str, ...] = ("kt",), entities: tuple[str, ...] = ("rebellions",),
           amount: str | None = "300억 원", title: str | None = "KT, 리벨리온에 300억원 투자"
           ) -> DraftEvent:
    return DraftEvent(date, kind, carriers, entities, amount, title)


def _draft(**changes: object) -> Drafted:
    base: dict[str, object] = dict(
        published="2025-04-02", publisher="예시일보", author="홍길동 기자",
        carriers=frozenset({"kt"}), entities=frozenset({"rebellions"}),
        new_entities=(("한빛로보틱스와", "company"),), events=(_event(),),
        amounts=("300억 원",), kept_text=TEXT_KEPT)
    base.update(changes)
    return Drafted(**base)  # type: ignore[arg-type]


TEXT = """KT, 반도체 새내기에 뭉칫돈
글자크기 조절
예시일보 홍길동 기자 2025.04.02 09:00
KT (12,300원 ▲50 +0.4%)는 1일 리벨리온에 300억원을 투자했다고 밝혔다. 한빛로보틱스와도 손잡는다.
회사는 협력을 넓힌다.
"""
TEXT_KEPT = """KT는 1일 리벨리온에 300억원을 투자했다고 밝혔다.
한빛로보틱스와도 손잡는다.
회사는 협력을 넓힌다."""


@pytest.mark.parametrize(("first", "second"), [
    ("SK텔레콤은", "SK 텔레콤"), ("Kakao Corp.", "kakao"), ("ANTHROPIC", "Anthropic"),
    ("리벨리온에", "리벨리온"), ("앤스로픽으로부터", "앤스로픽"), ("퓨리오사AI", "퓨리오사 AI"),
])
def test_names_match_across_particles_spacing_case_and_suffixes(first: str, second: str) -> None:
    assert norm_name(first) == norm_name(second)


def test_a_particle_is_not_cut_from_a_one_syllable_remainder() -> None:
    assert norm_name("이가") == "이가"
    assert norm_name("KT") != norm_name("KTF")


def test_people_compare_without_titles_and_in_any_order() -> None:
    assert norm_people("홍길동 기자") == norm_people("홍길동")
    assert norm_people("By Jane Roe and John Doe") == norm_people("John Doe, Jane Roe")
    assert norm_people("고재우·차민주 기자") == norm_people("차민주, 고재우")
    assert norm_people("홍길동") != norm_people("홍길순")


def test_amounts_compare_by_value_and_currency() -> None:
    assert same_amount("150억원", "150억 원")
    assert same_amount("$1.5 billion", "USD 1,500 million")
    assert not same_amount("150억원", "$150")
    assert not same_amount("150억원", "1500억원")


@pytest.mark.parametrize(("title", "problem"), [
    ("KT, 리벨리온에 300억원 투자", None),
    ("KT invests KRW 30 billion in Rebellions", None),
    ("on Tuesday.", "starts like a fragment"),
    ("회사는 협력을 넓힌다.", "ends like a sentence"),
    ("리벨리온에 300억원을 투자했다고", "copied from the text"),
    ("가" * 61, "longer than 60 characters"),
])
def test_title_problems(title: str, problem: str | None) -> None:
    text = "KT는 1일 리벨리온에 300억원을 투자했다고 밝혔다. 회사는 협력을 넓힌다. on Tuesday."
    assert title_problem(title, text) == problem


def test_strict_match_needs_the_same_date_and_precision() -> None:
    gold = GoldEvent("2025-04-01", "investment", ("kt", "rebellions"))
    assert strict_match(gold, _event())
    assert not strict_match(gold, _event(date="2025-04"))
    assert not strict_match(gold, _event(date=None))
    assert strict_match(gold, _event(kind="partnership"))  # a shared party is enough
    assert not strict_match(gold, _event(kind="partnership", carriers=(), entities=()))


def test_loose_match_accepts_a_misdated_restatement_but_not_another_fact() -> None:
    gold = GoldEvent("2025-04-01", "investment", ("kt", "rebellions"))
    assert loose_match(gold, _event(date="2024"))
    assert loose_match(gold, _event(date=None))
    assert not loose_match(gold, _event(date="2024", kind="outage"))
    assert not loose_match(GoldEvent(None, "outage", ("skt",)), _event(date=None))


def test_events_are_matched_one_to_one_preferring_the_same_kind() -> None:
    gold = (GoldEvent("2025-04-01", "investment", ("kt",)),
            GoldEvent("2025-04-01", "partnership", ("kt",)))
    events = (_event(kind="partnership"), _event(kind="investment"), _event(kind="investment"))
    assert match_events(gold, events) == [(0, 1), (1, 0)]


def test_entities_count_known_ids_and_new_names_once_each() -> None:
    gold = _gold()
    draft = _draft(new_entities=(("한빛로보틱스와", "company"), ("Hanbit Robotics", "startup"),
                                 ("반도체 새내기", "company")),
                   entities=frozenset({"rebellions", "nvidia"}))
    found, wrong, types = match_entities(gold, draft, {"rebellions": ("리벨리온", "Rebellions")})
    assert found == {"rebellions", "한빛로보틱스"}
    assert sorted(wrong) == ["nvidia", "반도체 새내기"]
    assert types == [("한빛로보틱스", "company", "startup")]


def test_a_known_entity_proposed_as_new_still_counts_as_found() -> None:
    draft = _draft(entities=frozenset(), new_entities=(("리벨리온은", "startup"),))
    found, wrong, _ = match_entities(_gold(new=()), draft, {"rebellions": ("리벨리온",)})
    assert found == {"rebellions"} and wrong == []


def test_a_good_draft_is_accepted_with_everything_found() -> None:
    score = score_article(_gold(), _draft(), TEXT, "KT, 반도체 새내기에 뭉칫돈", {})
    assert score.accepted
    assert (score.published_ok, score.publisher_ok, score.author_ok) == (True, True, True)
    assert (score.events_found, score.spurious, score.titles_ok) == (1, 0, 1)
    assert (score.boiler, score.boiler_dropped) == (2, 2)
    assert score.content == 3 and score.lost == []
    assert (score.amounts_found, score.amount_ok) == (1, 1)


def test_kept_boilerplate_and_a_lost_sentence_reject_the_draft() -> None:
    kept = "글자크기 조절\nKT (12,300원 ▲50 +0.4%)는 1일 리벨리온에 300억원을 투자했다고 밝혔다."
    score = score_article(_gold(), _draft(kept_text=kept), TEXT, "KT, 반도체 새내기에 뭉칫돈", {})
    assert score.boiler_kept == ["글자크기 조절", "(12,300원 ▲50 +0.4%)"]
    assert score.lost == ["한빛로보틱스와도 손잡는다.", "회사는 협력을 넓힌다."]
    assert not score.accepted


def test_metadata_events_are_spurious_and_restatements_are_not() -> None:
    events = (_event(), _event(date="2025-04-02", kind="statement", carriers=(), entities=(),
                               title="예시일보 홍길동 기자 2025.04.02 09:00"),
              _event(date=None))
    score = score_article(_gold(), _draft(events=events), TEXT, "KT, 반도체 새내기에 뭉칫돈", {})
    assert (score.proposed, score.spurious, score.loose) == (3, 1, 1)
    assert score.accepted  # one spurious event is a light edit
    assert score.title_problems == ["copied from the text: 예시일보 홍길동 기자 2025.04.02 09:00"]


def test_a_carrier_that_is_not_a_party_is_counted() -> None:
    gold = _gold(events=(GoldEvent("2025-04-01", "investment", ("rebellions",)),))
    score = score_article(gold, _draft(), TEXT, "", {})
    assert score.events_found == 1 and score.not_party == 1


def test_a_date_where_the_text_states_none_is_invented() -> None:
    score = score_article(_gold(published=None), _draft(), TEXT, "", {})
    assert score.published_ok is None and score.published_invented and not score.accepted


def test_a_failed_ingest_misses_everything() -> None:
    score = score_article(_gold(), None, TEXT, "KT, 반도체 새내기에 뭉칫돈", {})
    assert (score.published_ok, score.events_found, len(score.lost)) == (False, 0, 3)
    assert not score.accepted


def test_the_cut_off_tail_of_a_truncated_copy_is_not_content() -> None:
    draft = _draft(kept_text=TEXT_KEPT.rsplit("\n", 1)[0])
    assert score_article(_gold(), draft, TEXT, "KT, 반도체 새내기에 뭉칫돈", {}).lost == [
        "회사는 협력을 넓힌다."]
    score = score_article(_gold(truncated=True), draft, TEXT, "KT, 반도체 새내기에 뭉칫돈", {})
    assert score.content == 2 and score.lost == []


def test_the_headline_is_scored_where_the_text_has_one() -> None:
    right = score_article(_gold(), _draft(title="예시 헤드라인"), TEXT, "예시  헤드라인", {})
    wrong = score_article(_gold(), _draft(title="메뉴 바로가기"), TEXT, "예시 헤드라인", {})
    none = score_article(_gold(), _draft(title="아무 제목"), TEXT, "", {})
    assert (right.headline_gold, right.headline_ok) == (1, 1)
    assert (wrong.headline_gold, wrong.headline_ok) == (1, 0)
    assert (none.headline_gold, none.headline_ok) == (0, 0)
