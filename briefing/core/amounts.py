"""Amounts as reported ('2조4000억원', '$75.8 million', '약 300억원') -> Decimal values."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

_KO_CURRENCY = {"원": "KRW", "달러": "USD", "유로": "EUR", "엔": "JPY", "위안": "CNY",
                "파운드": "GBP"}
_SYMBOLS = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₩": "KRW"}
_CODES = {"USD", "KRW", "EUR", "JPY", "CNY", "GBP"}
_EN_CURRENCY = {"won": "KRW", "dollars": "USD", "dollar": "USD", "euros": "EUR",
                "euro": "EUR", "yen": "JPY", "yuan": "CNY", "pounds": "GBP"}
_EN_SCALE = {"thousand": Decimal(10) ** 3, "million": Decimal(10) ** 6, "m": Decimal(10) ** 6,
             "mn": Decimal(10) ** 6, "billion": Decimal(10) ** 9, "bn": Decimal(10) ** 9,
             "b": Decimal(10) ** 9, "trillion": Decimal(10) ** 12, "tn": Decimal(10) ** 12}
_KO_UNIT = {"조": Decimal(10) ** 12, "억": Decimal(10) ** 8, "만": Decimal(10) ** 4}
_KO_SMALL = {"천": Decimal(1000), "백": Decimal(100), "십": Decimal(10)}

# Qualifiers, as (pattern, canonical name). Order matters: longer phrases first.
_LEADING = [
    (r"approximately", "about"), (r"about", "about"), (r"around", "about"),
    (r"roughly", "about"), (r"약", "about"), (r"more than", "over"), (r"over", "over"),
    (r"up to", "up-to"), (r"최대", "up-to"), (r"매년", "per-year"), (r"each year", "per-year"),
]
_TRAILING = [
    (r"이상", "over"), (r"넘는", "over"), (r"넘게", "over"), (r"가량", "about"), (r"정도", "about"),
    (r"씩", "each"), (r"each", "each"), (r"per year", "per-year"), (r"a year", "per-year"),
    (r"annually", "per-year"), (r"규모", None),
]
QUALIFIERS = ("about", "over", "up-to", "each", "per-year")

_NUM = r"[0-9][0-9,]*(?:\.[0-9]+)?"  # ASCII digits only: '２０' is not a figure
_KO_RE = re.compile(rf"((?:{_NUM}\s*[천백십]?\s*[조억만]?\s*)+)({'|'.join(_KO_CURRENCY)})")
_KO_PART = re.compile(rf"({_NUM})\s*([천백십])?|([조억만])")
_EN_RE = re.compile(
    rf"(?:(US\$|\$|€|£|¥|₩)\s*|(USD|KRW|EUR|JPY|CNY|GBP)\s+)?({_NUM})\s*"
    rf"(thousand|million|billion|trillion|mn|bn|tn|m|b)?\b\s*"
    rf"(won|dollars?|euros?|yen|yuan|pounds|USD|KRW|EUR|JPY|CNY|GBP)?",
    re.IGNORECASE,
)


_MAX_VALUE = Decimal(10) ** 18  # a million trillion: beyond any deal, in any currency


class AmountError(ValueError):
    """An amount string that cannot be read."""


@dataclass(frozen=True, slots=True)
class Amount:
    value: Decimal
    currency: str  # ISO 4217
    qualifier: str | None
    written: str

    def krw(self, rate: Decimal) -> Decimal:
        return (self.value * rate).quantize(Decimal(1))


def _number(text: str) -> Decimal:
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation as exc:  # pragma: no cover - the regex admits only numbers
        raise AmountError(f"'{text}' is not a number") from exc


def _strip_qualifiers(text: str) -> tuple[str, str | None]:
    qualifier: str | None = None
    rest = text.strip()
    changed = True
    while changed:
        changed = False
        for pattern, name in _LEADING:
            match = re.match(rf"{pattern}(?:\s+|(?=\d)|(?=[$€£¥₩]))", rest, re.IGNORECASE)
            if match:
                rest, changed = rest[match.end():].strip(), True
                qualifier = qualifier or name
        for pattern, trailing in _TRAILING:  # `규모` has no qualifier: None
            match = re.search(rf"\s*{pattern}$", rest, re.IGNORECASE)
            if match and match.start() > 0:
                rest, changed = rest[: match.start()].strip(), True
                qualifier = qualifier or trailing
    return rest, qualifier


def _korean(text: str) -> tuple[Decimal, str] | None:
    match = _KO_RE.fullmatch(text.replace(" ", ""))
    if not match:
        return None
    # '1조6497억', '1천2백억': small units (천/백/십) add up within a group that a big
    # unit (조/억/만) then multiplies.
    total = group = Decimal(0)
    figures = match.group(1)
    position = 0
    for part in _KO_PART.finditer(figures):
        if part.start() != position:
            return None
        position = part.end()
        if part.group(3):
            total += (group or Decimal(1)) * _KO_UNIT[part.group(3)]
            group = Decimal(0)
            continue
        value = _number(part.group(1))
        group += value * _KO_SMALL[part.group(2)] if part.group(2) else value
    if position != len(figures):
        return None
    total += group
    return total, _KO_CURRENCY[match.group(2)]


def _english(text: str) -> tuple[Decimal, str] | None:
    match = _EN_RE.match(text)
    if not match or not match.group(0).strip():
        return None
    symbol, code, number, scale, word = match.groups()
    tail = text[match.end():].strip()
    # '100 billion won ($75.8 million)': the first figure counts, the bracket is kept.
    if tail and not (tail.startswith("(") and tail.endswith(")")):
        return None
    currency = (_SYMBOLS.get(symbol or "") or (code or "").upper()
                or _EN_CURRENCY.get((word or "").lower()) or (word or "").upper())
    if currency not in _CODES:
        return None
    value = _number(number)
    if scale:
        value *= _EN_SCALE[scale.lower()]
    return value, currency


def parse_amount(text: object) -> Amount:
    """Parse an amount as reported. Raises AmountError with a message for users."""
    written = str(text).strip() if text is not None else ""
    if not written:
        raise AmountError("amount is empty")
    core, qualifier = _strip_qualifiers(written)
    if sum(c.isdigit() for c in core) > 20:
        raise AmountError(f"amount '{written}' has too many digits to be a reported figure")
    parsed = _korean(core) or _english(core)
    if parsed is None:
        raise AmountError(
            f"cannot read amount '{written}'; write it as reported, e.g. '2조4000억원', "
            "'5000억원', '2억달러', '22.4 billion won', '$75.8 million'")
    value, currency = parsed
    if value <= 0:
        raise AmountError(f"amount '{written}' must be more than zero")
    if value >= _MAX_VALUE:  # also keeps Decimal arithmetic within its 28 digits
        raise AmountError(f"amount '{written}' is too large to be a reported figure")
    exact = value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()
    return Amount(exact, currency, qualifier, written)
