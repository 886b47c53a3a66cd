"""Pure formatting of dates and amounts for the UI language."""

from __future__ import annotations

from decimal import Decimal

from briefing.core.amounts import Amount
from briefing.core.dates import PartialDate

_EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
              "Dec")


def format_date(date: PartialDate, language: str) -> str:
    if language == "ko":
        parts = [f"{date.year}년"]
        if date.month:
            parts.append(f"{date.month}월")
        if date.day:
            parts.append(f"{date.day}일")
        return " ".join(parts)
    if date.day:
        return f"{date.day} {_EN_MONTHS[date.month - 1]} {date.year}"
    if date.month:
        return f"{_EN_MONTHS[date.month - 1]} {date.year}"
    return str(date.year)


def format_month(year: int, month: int, language: str) -> str:
    return format_date(PartialDate(year, month), language)


def _group(value: Decimal) -> str:
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return text


def format_krw(value: Decimal, language: str) -> str:
    """KRW in the units people read: 조/억 in Korean, billion/trillion in English."""
    if language == "ko":
        jo, rest = divmod(int(value), 10**12)
        eok = rest // 10**8
        if jo and eok:
            return f"{jo:,}조 {eok:,}억원"
        if jo:
            return f"{jo:,}조원"
        if eok:
            return f"{eok:,}억원"
        return f"{int(value):,}원"
    if value >= 10**12:
        return f"₩{_group(value / 10**12)} trillion"
    if value >= 10**9:
        return f"₩{_group(value / 10**9)} billion"
    if value >= 10**6:
        return f"₩{_group(value / 10**6)} million"
    return f"₩{int(value):,}"


def format_value(amount: Amount, language: str) -> str:
    """The parsed value in the UI language (the written form is shown beside it)."""
    if amount.currency == "KRW":
        return format_krw(amount.value, language)
    value = amount.value
    if value >= 10**9:
        number, unit = _group(value / 10**9), "billion"
    elif value >= 10**6:
        number, unit = _group(value / 10**6), "million"
    else:
        number, unit = _group(value), ""
    return f"{amount.currency} {number} {unit}".strip()
