"""When a target or plan falls due: '3년 안에', 'within three years', 'by 2025', '2030년까지',
'내년 상반기', '연내', resolved against the date the statement was made.

The result is written as the event's `due:` in the content format's date forms
(`2025`, `2025-06`, `2025-06-30`), with a basis saying how it was read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.core.dates import PartialDate

_KO_NUMBERS = {"한": 1, "두": 2, "세": 3, "네": 4, "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8,
               "아홉": 9, "열": 10}
_EN_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
               "eight": 8, "nine": 9, "ten": 10, "a": 1}
_HALF_END = {"상반기": 6, "하반기": 12, "1분기": 3, "2분기": 6, "3분기": 9, "4분기": 12,
             "first half": 6, "second half": 12, "first quarter": 3, "second quarter": 6,
             "third quarter": 9, "fourth quarter": 12}
_REL_YEARS = {"올해": 0, "올": 0, "금년": 0, "내년": 1, "이듬해": 1, "this year": 0,
              "next year": 1, "the end of the year": 0, "the end of this year": 0,
              "the end of next year": 1, "year-end": 0}
_NUM = r"(?P<n>\d{1,2}|" + "|".join(_KO_NUMBERS) + ")"
_EN_NUM = r"(?P<n>\d{1,2}|" + "|".join(_EN_NUMBERS) + ")"

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(rx, re.I)) for name, rx in (
        ("ko_years", rf"(?<![\d가-힣]){_NUM}\s*년\s*(?:안에|내에|내로|이내|뒤|후|만에)"),
        ("ko_months", rf"(?<![\d가-힣]){_NUM}\s*(?:개월|달)\s*(?:안에|내에|내로|이내|뒤|후)"),
        ("ko_rel_half", r"(?P<rel>올해|올|금년|내년|이듬해)\s*(?P<half>상반기|하반기|[1-4]\s*분기)"
                        r"(?:\s*(?:중|까지|안에|내))?"),
        ("ko_year_half", r"(?P<y>(?:19|20)\d{2})\s*년\s*(?P<half>상반기|하반기|[1-4]\s*분기)"
                         r"(?:\s*(?:중|까지|안에|내))?"),
        ("ko_year_month", r"(?P<y>(?:19|20)\d{2})\s*년\s*(?P<m>\d{1,2})\s*월\s*"
                          r"(?:까지|중|안에|내)"),
        ("ko_year", r"(?:오는\s*)?(?P<y>(?:19|20)\d{2})\s*년\s*(?:까지|안에|내|중|말까지|목표)"),
        ("ko_rel_year", r"(?P<rel>올해|금년|내년)\s*(?:안에|내|중|말까지|까지)|"
                        r"(?P<within>연내|연중)"),
        ("en_years", rf"\b(?:within|in|over the next)\s+{_EN_NUM}\s+years?\b"),
        ("en_months", rf"\b(?:within|in|over the next)\s+{_EN_NUM}\s+months?\b"),
        ("en_half", r"\bby\s+(?:the\s+)?(?P<half>first half|second half|first quarter|"
                    r"second quarter|third quarter|fourth quarter)\s+(?:of\s+)?"
                    r"(?P<y>(?:19|20)\d{2})\b"),
        ("en_year", r"\b(?:by|until|before)\s+(?:the\s+end\s+of\s+)?(?P<y>(?:19|20)\d{2})\b"),
        # 'in the first half of this year', 'by the fourth quarter of next year'.
        ("en_rel_half", r"\b(?:by|in|during|within)\s+(?:the\s+)?(?P<half>first half|second half|"
                        r"first quarter|second quarter|third quarter|fourth quarter)\s+of\s+"
                        r"(?P<rel>this year|next year)\b"),
        ("en_rel_year", r"\b(?:by|before|within)\s+(?P<rel>the end of (?:this|next) year|"
                        r"the end of the year|year-end|next year|this year)\b"),
    ))


@dataclass(frozen=True, slots=True)
class Horizon:
    due: PartialDate
    text: str
    basis: str


def _count(word: str) -> int:
    word = word.lower()
    return int(word) if word.isdigit() else _KO_NUMBERS.get(word, _EN_NUMBERS.get(word, 0))


def _half(word: str) -> int:
    return _HALF_END[re.sub(r"\s+", "", word) if "분기" in word else word.lower()]


# Every horizon holds one of these words: most sentences are passed over in one scan.
_HINT = re.compile(r"안에|내|뒤|후|만에|반기|분기|중|까지|말|목표|연중|"
                   r"\b(?:within|in|over|by|until|before)\b", re.I)


def find_horizon(sentence: str, stated: PartialDate | None) -> Horizon | None:
    """The first horizon in a sentence; relative ones need the statement's date."""
    if not _HINT.search(sentence):
        return None
    for name, pattern in _PATTERNS:
        match = pattern.search(sentence)
        if match is None:
            continue
        g = match.groupdict()
        text = match.group(0).strip()
        if g.get("y"):
            year = int(g["y"])
            if g.get("half"):
                month = _half(g["half"])
                return Horizon(PartialDate(year, month), text,
                               f"'{text}' ends in {year}-{month:02d}")
            if g.get("m") and 1 <= int(g["m"]) <= 12:
                return Horizon(PartialDate(year, int(g["m"])), text, f"'{text}'")
            return Horizon(PartialDate(year), text, f"'{text}'")
        if stated is None:
            return None  # relative to a date the text does not give: nothing to resolve
        if name in ("ko_years", "en_years"):
            years = _count(g["n"])
            if years:
                return Horizon(PartialDate(stated.year + years), text,
                               f"'{text}' counted from {stated.iso()}")
        elif name in ("ko_months", "en_months"):
            months = _count(g["n"])
            if months and stated.month:
                index = stated.year * 12 + stated.month - 1 + months
                return Horizon(PartialDate(index // 12, index % 12 + 1), text,
                               f"'{text}' counted from {stated.iso()}")
        elif g.get("within") or g.get("rel"):
            rel = (g.get("rel") or "올해").lower()
            year = stated.year + _REL_YEARS.get(rel, 0)
            if g.get("half"):
                month = _half(g["half"])
                return Horizon(PartialDate(year, month), text,
                               f"'{text}' ends in {year}-{month:02d}, from {stated.iso()}")
            return Horizon(PartialDate(year), text, f"'{text}' read from {stated.iso()}")
    return None

