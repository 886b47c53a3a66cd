"""Partial dates: YYYY-MM-DD, YYYY-MM or YYYY, where the form is the precision."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

Precision = Literal["year", "month", "day"]
PRECISION_RANK: dict[str, int] = {"year": 0, "month": 1, "day": 2}
_DATE_RE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")  # ASCII digits only


class DateError(ValueError):
    """A date string that is not a real YYYY[-MM[-DD]] date."""


@dataclass(frozen=True, slots=True, order=True)
class PartialDate:
    year: int
    month: int = 0  # 0: not known
    day: int = 0

    @property
    def precision(self) -> Precision:
        return "day" if self.day else "month" if self.month else "year"

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def end(self) -> dt.date:
        if self.day:
            return self.start
        if self.month:
            return dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        return dt.date(self.year, 12, 31)

    def iso(self) -> str:
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def sort_key(self) -> tuple[int, int]:
        """(start of the period, precision): a month-only date sorts before its days."""
        return (self.start.toordinal(), PRECISION_RANK[self.precision])

    def contains(self, other: PartialDate) -> bool:
        """True when other lies within this period (so both can describe one event)."""
        return self.start <= other.start and other.end <= self.end

    def __str__(self) -> str:
        return self.iso()


def parse_date(text: object) -> PartialDate:
    value = str(text).strip() if text is not None else ""
    match = _DATE_RE.fullmatch(value)
    if not match:
        raise DateError(f"'{value}' is not a date; write YYYY-MM-DD, YYYY-MM or YYYY")
    year, month, day = (int(g) if g else 0 for g in match.groups())
    if year < 1900 or year > 2200:
        raise DateError(f"year {year} in '{value}' is out of range (1900-2200)")
    if match.group(2) and not 1 <= month <= 12:
        raise DateError(f"'{value}' has no month {month:02d}; months run 01-12")
    if match.group(3):
        last = calendar.monthrange(year, month)[1]
        if not 1 <= day <= last:
            raise DateError(f"'{value}' does not exist: {year}-{month:02d} has {last} days")
    return PartialDate(year, month, day)


def most_precise_fit(first: PartialDate, second: PartialDate) -> PartialDate | None:
    """The more precise of two dates if one lies within the other, else None (a conflict)."""
    if first.contains(second):
        return second
    if second.contains(first):
        return first
    return None
