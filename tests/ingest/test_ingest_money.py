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
