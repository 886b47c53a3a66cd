"""Partial dates: the form is the precision; impossible dates are errors."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.core.dates import DateError, PartialDate, most_precise_fit, parse_date


@pytest.mark.parametrize(("text", "date", "precision"), [
    ("2024-06-19", PartialDate(2024, 6, 19), "day"),
    ("2024-06", PartialDate(2024, 6), "month"),
    ("2024", PartialDate(2024), "year"),
    (" 2024-02-29 ", PartialDate(2024, 2, 29), "day"),
    (2024, PartialDate(2024), "year"),
])
def test_the_form_is_the_precision(text: object, date: PartialDate, precision: str) -> None:
    parsed = parse_date(text)
    assert parsed == date
    assert parsed.precision == precision


@pytest.mark.parametrize(("text", "message"), [
    ("2024-02-30", "'2024-02-30' does not exist: 2024-02 has 29 days"),
    ("2023-02-29", "'2023-02-29' does not exist: 2023-02 has 28 days"),
    ("2024-04-31", "'2024-04-31' does not exist: 2024-04 has 30 days"),
    ("2024-06-00", "'2024-06-00' does not exist: 2024-06 has 30 days"),
    ("2024-13", "'2024-13' has no month 13; months run 01-12"),
    ("2024-00", "'2024-00' has no month 00; months run 01-12"),
    ("2024-1-5", "'2024-1-5' is not a date; write YYYY-MM-DD, YYYY-MM or YYYY"),
    ("2024/01/05", "'2024/01/05' is not a date; write YYYY-MM-DD, YYYY-MM or YYYY"),
    ("24-01-05", "'24-01-05' is not a date; write YYYY-MM-DD, YYYY-MM or YYYY"),
    ("June 2024", "'June 2024' is not a date; write YYYY-MM-DD, YYYY-MM or YYYY"),
    ("", "'' is not a date; write YYYY-MM-DD, YYYY-MM or YYYY"),
    (None, "'' is not a date; write YYYY-MM-DD, YYYY-MM or YYYY"),
    ("1899", "year 1899 in '1899' is out of range (1900-2200)"),
    ("2201-01", "year 2201 in '2201-01' is out of range (1900-2200)"),
])
def test_impossible_dates_are_errors_with_clear_messages(text: object, message: str) -> None:
    with pytest.raises(DateError) as caught:
        parse_date(text)
    assert str(caught.value) == message


def test_a_period_has_a_start_and_an_end() -> None:
    assert (PartialDate(2024, 2).start, PartialDate(2024, 2).end) == (
        dt.date(2024, 2, 1), dt.date(2024, 2, 29))
    assert (PartialDate(2023, 2).end, PartialDate(2024).end) == (
        dt.date(2023, 2, 28), dt.date(2024, 12, 31))
    assert PartialDate(2024, 6, 19).start == PartialDate(2024, 6, 19).end == dt.date(2024, 6, 19)


def test_iso_keeps_the_precision() -> None:
    assert [d.iso() for d in (PartialDate(2024), PartialDate(2024, 6), PartialDate(2024, 6, 9))
            ] == ["2024", "2024-06", "2024-06-09"]
    assert str(PartialDate(2024, 6)) == "2024-06"


def test_a_year_only_date_sorts_first_in_its_year_and_a_month_only_first_in_its_month() -> None:
    dates = [PartialDate(2024, 6, 19), PartialDate(2024, 6), PartialDate(2024, 1, 1),
             PartialDate(2024), PartialDate(2023, 12, 31), PartialDate(2024, 6, 1)]
    ordered = sorted(dates, key=PartialDate.sort_key)
    assert [d.iso() for d in ordered] == [
        "2023-12-31", "2024", "2024-01-01", "2024-06", "2024-06-01", "2024-06-19"]


def test_contains_is_true_when_one_period_lies_within_another() -> None:
    assert PartialDate(2024).contains(PartialDate(2024, 6, 19))
    assert PartialDate(2024, 6).contains(PartialDate(2024, 6, 19))
    assert PartialDate(2024, 6).contains(PartialDate(2024, 6))
    assert not PartialDate(2024, 6, 19).contains(PartialDate(2024, 6))
    assert not PartialDate(2024, 6).contains(PartialDate(2024, 7, 1))


def test_the_most_precise_date_that_fits_wins() -> None:
    assert most_precise_fit(PartialDate(2024, 6), PartialDate(2024, 6, 19)) == PartialDate(
        2024, 6, 19)
    assert most_precise_fit(PartialDate(2024, 6, 19), PartialDate(2024)) == PartialDate(
        2024, 6, 19)
    assert most_precise_fit(PartialDate(2024, 6), PartialDate(2024, 6)) == PartialDate(2024, 6)


def test_dates_that_do_not_fit_are_a_conflict() -> None:
    assert most_precise_fit(PartialDate(2024, 6, 19), PartialDate(2024, 6, 20)) is None
    assert most_precise_fit(PartialDate(2024, 6), PartialDate(2024, 7, 1)) is None
    assert most_precise_fit(PartialDate(2023), PartialDate(2024, 1)) is None


@settings(database=None, max_examples=200, deadline=None)  # a loaded CI machine is slow
@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31)),
       st.sampled_from(["day", "month", "year"]))
def test_every_real_date_round_trips_through_its_iso_form(day: dt.date, precision: str) -> None:
    text = {"day": day.isoformat(), "month": day.isoformat()[:7], "year": day.isoformat()[:4]}[
        precision]
    parsed = parse_date(text)
    assert parsed.iso() == text
    assert parsed.precision == precision
    assert parsed.start <= day <= parsed.end
