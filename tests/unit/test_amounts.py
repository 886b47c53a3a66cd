"""Amounts as reported -> Decimal value, ISO currency, qualifier, written form."""

from __future__ import annotations

from decimal import Decimal

import pytest

from briefing.core.amounts import AmountError, parse_amount

D = Decimal


@pytest.mark.parametrize(("written", "value", "currency"), [
    ("2조4000억원", D("2400000000000"), "KRW"),
    ("1조6497억원", D("1649700000000"), "KRW"),
    ("5000억원", D("500000000000"), "KRW"),
    ("224억원", D("22400000000"), "KRW"),
    ("2억달러", D("200000000"), "USD"),
    ("2000만달러", D("20000000"), "USD"),
    ("1,500억원", D("150000000000"), "KRW"),
    ("2천억원", D("200000000000"), "KRW"),
    ("3억 유로", D("300000000"), "EUR"),
    ("1.5조원", D("1500000000000"), "KRW"),
    ("22.4 billion won", D("22400000000"), "KRW"),
    ("$75.8 million", D("75800000"), "USD"),
    ("US$3 billion", D("3000000000"), "USD"),
    ("USD 3 billion", D("3000000000"), "USD"),
    ("3 billion dollars", D("3000000000"), "USD"),
    ("€40 million", D("40000000"), "EUR"),
    ("₩500 billion", D("500000000000"), "KRW"),
    ("1.2 trillion won", D("1200000000000"), "KRW"),
    ("$2bn", D("2000000000"), "USD"),
])
def test_korean_and_english_notations_are_read(written: str, value: Decimal,
                                               currency: str) -> None:
    amount = parse_amount(written)
    assert (amount.value, amount.currency, amount.qualifier, amount.written) == (
        value, currency, None, written)


def test_values_are_decimals_never_floats() -> None:
    amount = parse_amount("$75.8 million")
    assert type(amount.value) is Decimal
    assert amount.value == D("75800000") and str(amount.value) == "75800000"
    assert str(parse_amount("$0.35 million").value) == "350000"


def test_the_first_figure_counts_and_the_bracket_is_kept_as_written() -> None:
    amount = parse_amount("100 billion won ($75.8 million)")
    assert (amount.value, amount.currency) == (D("100000000000"), "KRW")
    assert amount.written == "100 billion won ($75.8 million)"


@pytest.mark.parametrize(("written", "qualifier", "value"), [
    ("약 300억원", "about", D("30000000000")),
    ("약300억원", "about", D("30000000000")),
    ("300억원 가량", "about", D("30000000000")),
    ("about $5 million", "about", D("5000000")),
    ("approximately 22.4 billion won", "about", D("22400000000")),
    ("around $5 million", "about", D("5000000")),
    ("300억원 이상", "over", D("30000000000")),
    ("5000억원 넘는", "over", D("500000000000")),
    ("over $1 billion", "over", D("1000000000")),
    ("more than $1 billion", "over", D("1000000000")),
    ("최대 1조원", "up-to", D("1000000000000")),
    ("up to $2 million", "up-to", D("2000000")),
    ("100억원씩", "each", D("10000000000")),
    ("$5 million each", "each", D("5000000")),
    ("매년 1조원", "per-year", D("1000000000000")),
    ("$3 million per year", "per-year", D("3000000")),
    ("$3 million a year", "per-year", D("3000000")),
    ("2조원 규모", None, D("2000000000000")),
])
def test_qualifiers_are_recognised(written: str, qualifier: str | None, value: Decimal) -> None:
    amount = parse_amount(written)
    assert (amount.qualifier, amount.value, amount.written) == (qualifier, value, written)


def test_conversion_to_krw_rounds_to_the_won() -> None:
    assert parse_amount("$75.8 million").krw(D("1364")) == D("103391200000")
    assert parse_amount("$1.5").krw(D("1364.3")) == D("2046")


@pytest.mark.parametrize(("written", "message"), [
    ("", "amount is empty"),
    ("   ", "amount is empty"),
    ("수백억원", "cannot read amount '수백억원'"),
    ("a lot of money", "cannot read amount 'a lot of money'"),
    ("300억", "cannot read amount '300억'"),
    ("$5 million and more", "cannot read amount '$5 million and more'"),
    ("5 million bitcoins", "cannot read amount '5 million bitcoins'"),
    ("0원", "amount '0원' must be more than zero"),
    ("$0", "amount '$0' must be more than zero"),
])
def test_unreadable_amounts_are_errors(written: str, message: str) -> None:
    with pytest.raises(AmountError) as caught:
        parse_amount(written)
    assert str(caught.value).startswith(message)


def test_the_error_shows_how_to_write_an_amount() -> None:
    with pytest.raises(AmountError) as caught:
        parse_amount("수백억원")
    assert "write it as reported, e.g. '2조4000억원'" in str(caught.value)
