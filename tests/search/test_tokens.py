"""The tokeniser the index, the reference query and search.js share."""

from __future__ import annotations

import pytest

from briefing.search.tokens import (
    alias_key,
    fnv1a,
    normalize,
    query_runs,
    run_terms,
    strip_particle,
    word_term,
    word_terms,
)


def test_fnv1a_matches_the_published_test_vectors() -> None:
    assert fnv1a("") == 0x811C9DC5
    assert fnv1a("a") == 0xE40C292C
    assert fnv1a("foobar") == 0xBF9CF968


def test_normalize_folds_case_and_compatibility_forms() -> None:
    assert normalize("Microsoft ＡＩ") == "microsoft ai"
    assert normalize("SK텔레콤㈜") == "sk텔레콤(주)"


def test_query_runs_split_hangul_from_latin_and_note_what_is_attached() -> None:
    runs = query_runs("SK텔레콤은 MS와")
    assert [(r.text, r.cjk, r.attached) for r in runs] == [
        ("sk", False, False), ("텔레콤은", True, True), ("ms", False, False), ("와", True, True)]


def test_punctuation_separates_runs() -> None:
    assert [r.text for r in query_runs("GPT-4o, e&·LG U+")] == ["gpt", "4o", "e", "lg", "u"]


@pytest.mark.parametrize(("word", "stem"), [
    ("SK텔레콤은", "SK텔레콤은"),  # not all Hangul: particles are stripped per run
    ("텔레콤은", "텔레콤"),
    ("엔비디아로부터", "엔비디아"),
    ("마이크로소프트와", "마이크로소프트"),
    ("통신사의", "통신사"),
    ("인도", "인도"),  # a stem keeps two syllables
    ("엔비디아", "엔비디아"),
])
def test_strip_particle_keeps_at_least_two_syllables(word: str, stem: str) -> None:
    assert strip_particle(word) == stem


def test_words_give_prefixes_from_three_characters() -> None:
    assert word_terms("ai") == ("ai",)
    assert word_terms("micro") == ("mic", "micr", "micro")
    assert word_terms("telecommunications")[-1] == "telecommun"
    assert word_term("microsofts") == "microsofts"
    assert word_term("telecommunications") == "telecommun"


def test_hangul_runs_give_bigrams_and_short_runs_are_whole_terms() -> None:
    assert run_terms("엔비디아로부터") == (("엔비", "비디", "디아", "아로", "로부", "부터"), "")
    assert run_terms("통신") == (("통신",), "통신")
    assert run_terms("망") == ((), "망")
    assert run_terms("aimwell") == (("aim", "aimw", "aimwe", "aimwel", "aimwell"), "aimwell")


def test_alias_keys_are_runs_joined_by_spaces() -> None:
    assert alias_key("SK Telecom Co.") == "sk telecom co"
    assert alias_key("마이크로소프트(MS)") == "마이크로소프트 ms"
