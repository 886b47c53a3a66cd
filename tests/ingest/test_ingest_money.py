"""Money spans in Korean and English notations, read to value and currency."""

from __future__ import annotations

from decimal import Decimal

import pytest

from briefing.ingest.money import find_money


@pytest.mark.parametrize(("sentence", "written", "value", "currency", "qualifier"), [
    ("투자금 규모는 2조4000억원이다.", "2조4000억원", "2400000000000", "KRW", None),
    ("영업이익 1조6497억원에 비해", "1조6497억원", "1649700000000", "KRW", None),
    ("5000억원의 매출을", "5000억원", "500000000000", "KRW", None),
    ("두 곳에 100억원씩 투자했다", "100억원씩", "10000000000", "KRW", "each"),
    ("역대 최대 규모(2억달러) 투자", "2억달러", "200000000", "USD", None),
    ("약 2조4000억원 이다", "약 2조4000억원", "2400000000000", "KRW", "about"),
    ("매년 2000억원 이상의 투자를", "매년 2000억원 이상", "200000000000", "KRW", "per-year"),
    ("1조원 넘는 투자 계획", "1조원 넘는", "1000000000000", "KRW", "over"),
    ("the 22.4 billion won investment", "22.4 billion won", "22400000000", "KRW", None),
    ("raised $75.8 million", "$75.8 million", "75800000", "USD", None),
    ("a 100 billion won ($75.8 million) fund", "100 billion won ($75.8 million)",
     "100000000000", "KRW", None),
    ("10 billion won each in two startups", "10 billion won each", "10000000000", "KRW", "each"),
])
def test_reads_each_notation(sentence: str, written: str, value: str, currency: str,
                             qualifier: str | None) -> None:
    [money] = find_money(sentence)
    assert money.written == written
    assert money.amount is not None
    assert money.amount.value == Decimal(value)
    assert (money.amount.currency, money.amount.qualifier) == (currency, qualifier)
    assert sentence[money.start:money.end] == written


def test_a_won_amount_without_currency_is_read_as_krw_and_flagged() -> None:
    [money] = find_money("5000억 매출 목표")
    assert money.amount is not None and money.amount.currency == "KRW"
    assert money.problem and "no currency" in money.problem


@pytest.mark.parametrize("sentence", [
    "110만명의 가입자", "2억 명이 쓴다", "36 percent by 2028", "2024년 6월", "3원칙을 세웠다",
    "엔비디아와 협력", "약 1.4배 많은",
])
def test_counts_and_dates_are_not_money(sentence: str) -> None:
    assert find_money(sentence) == []


def test_finds_several_amounts_in_order() -> None:
    found = find_money("KT는 300억원을, SKT는 2억달러를 냈다")
    assert [m.written for m in found] == ["300억원", "2억달러"]


@pytest.mark.parametrize(("sentence", "written", "value"), [
    # Yonhap style: thousands written with 천 before the big unit.
    ("영업이익은 6천156억원으로 집계됐다", "6천156억원", "615600000000"),
    ("4천700억원 규모의 투자", "4천700억원", "470000000000"),
    ("매출 1천53억원을 기록했다", "1천53억원", "105300000000"),
    ("1조6천억원을 쏟는다", "1조6천억원", "1600000000000"),
    ("6천156억 원", "6천156억 원", "615600000000"),
])
def test_thousands_with_cheon_before_eok_are_one_amount(sentence: str, written: str,
                                                        value: str) -> None:
    found = find_money(sentence)
    assert [(m.written, m.amount.value if m.amount else None) for m in found] == [
        (written, Decimal(value))]


@pytest.mark.parametrize("sentence", [
    "70억개의 파라미터를 학습시켰다", "2000억 파라미터 규모의 모델", "매개변수 700억 매개변수",
    "1조 토큰을 학습했다",
])
def test_counts_of_parameters_and_tokens_are_not_money(sentence: str) -> None:
    assert find_money(sentence) == []
