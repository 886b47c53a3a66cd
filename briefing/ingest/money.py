"""Money in text: find amount spans (Korean and English notations) and read them.

Reading one span is `briefing.core.amounts.parse_amount`'s job; this module only finds spans,
with their qualifiers, so the written form reaches the draft as reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.core.amounts import Amount, AmountError, parse_amount

_NUM = r"\d[\d,]*(?:\.\d+)?"
_KO = re.compile(
    rf"(?:(?<![\w.])(?P<lead>약|최대|매년)\s*)?"
    rf"(?<![\d.,])(?P<figure>(?:{_NUM}\s?[천백십]?\s?[조억만]\s?)+(?:\d[\d,]*\s?)?|{_NUM}\s?)"
    r"(?P<cur>원|달러|유로|엔|위안|파운드)?"
    r"(?P<tail>\s?(?:씩|이상|넘는|넘게|가량))?")
_COUNTER = re.compile(
    r"\s?(?:명|개|건|대|회|배|가구|곳|종|편|권|장|톤|주|명분|가입자|회선|시간|km)")
_EN = re.compile(
    r"(?:(?P<lead>approximately|about|around|roughly|more than|over|up to|nearly)\s+)?"
    r"(?:(?P<sym>US\$|\$|€|£|¥|₩)\s?(?P<n1>\d[\d,]*(?:\.\d+)?)"
    r"(?:\s?(?P<s1>thousand|million|billion|trillion|mn|bn|tn)\b)?"
    r"|(?P<code>USD|KRW|EUR|JPY)\s?(?P<n2>\d[\d,]*(?:\.\d+)?)"
    r"(?:\s?(?P<s2>thousand|million|billion|trillion)\b)?"
    r"|(?P<n3>\d[\d,]*(?:\.\d+)?)\s?(?P<s3>thousand|million|billion|trillion)?\s?"
    r"(?P<word>won|dollars|euros|yen|yuan)\b)"
    r"(?P<paren>\s?\((?:about |approximately |around )?(?:US\$|\$|€|£|₩|KRW |USD )?"
    r"\d[\d,]*(?:\.\d+)?\s?(?:thousand|million|billion|trillion)?(?: won| dollars)?\))?"
    r"(?P<tail>\s(?:each|per year|a year|annually)\b)?",
    re.I)
_KO_CURRENCY_LESS = re.compile(r"[조억]")


@dataclass(frozen=True, slots=True)
class Money:
    start: int
    end: int
    written: str
    amount: Amount | None  # None when parse_amount could not read it
    problem: str | None  # why it needs review (no currency written, unreadable, ...)


def _read(written: str) -> tuple[Amount | None, str | None]:
    try:
        return parse_amount(written), None
    except AmountError as exc:
        return None, str(exc)


def read_amount(written: str) -> Amount | None:
    """An amount as written ('150억원', '$100 million'), or None when it cannot be read."""
    return _read(written)[0]


def _korean(text: str) -> list[Money]:
    found = []
    for match in _KO.finditer(text):
        figure, currency = match.group("figure"), match.group("cur")
        has_unit = bool(re.search(r"[조억만]", figure))
        digits = re.sub(r"\D", "", figure.split(".")[0])
        if currency is None:
            # '5000억 매출' is won in Korean news; '110만명' or '2억 명' is not money.
            if not _KO_CURRENCY_LESS.search(figure) or _COUNTER.match(text, match.end("figure")):
                continue
        elif not has_unit and len(digits) < 4:
            continue  # '3원칙', '2엔' are not amounts worth a review
        if currency == "엔" and re.match(r"[가-힣]", text[match.end("cur"):match.end("cur") + 1]):
            continue  # '엔비디아'
        written = match.group(0).strip()
        amount, problem = _read(written)
        if amount is None and currency is None:
            amount, problem = _read(written.replace(figure.strip(), figure.strip() + "원", 1))
            problem = "no currency written; read as won (KRW)" if amount else problem
        start = match.start() + (len(match.group(0)) - len(match.group(0).lstrip()))
        found.append(Money(start, start + len(written), written, amount, problem))
    return found


def _english(text: str) -> list[Money]:
    found = []
    for match in _EN.finditer(text):
        written = match.group(0).strip()
        if match.group("n3") and not (match.group("s3") or len(re.sub(r"\D", "", written)) >= 4):
            continue
        amount, problem = _read(written)
        if amount is None and match.group("paren"):
            amount, problem = _read(written.replace(match.group("paren"), "", 1).strip())
        found.append(Money(match.start(), match.start() + len(written), written, amount, problem))
    return found


def find_money(text: str) -> list[Money]:
    """Every amount in one sentence, in order, without overlaps."""
    spans = sorted(_korean(text) + _english(text), key=lambda m: (m.start, -(m.end - m.start)))
    result: list[Money] = []
    for money in spans:
        if not result or money.start >= result[-1].end:
            result.append(money)
    return result
