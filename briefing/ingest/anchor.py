"""The day or year a story's facts are anchored to when the text states no publication date.

Many copies (blogs, aggregators, reposts) drop the date line, yet still say when the story
happened: a photo credit keeps the full date of the day the body calls `16일`, and a story
told at a fair names the fair with its year (`MWC 2026`, `2025 월드IT쇼`, `CES 2022`). The
anchor never becomes the publication date; it only dates the statements and the bare days
and relative years of the body, flagged for review (a year anchor also marks them
approximate).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace

from briefing.core.dates import PartialDate
from briefing.ingest.dates import DateMention, find_dates

# A fair, show or conference named with its year, either side: 'MWC 2026', 'CES 2022',
# 'AI EXPO KOREA 2025', '(MWC) 2025', '2025 월드IT쇼', 'SK AI 서밋 2025'.
_EVENT_WORD = (r"(?:MWC|CES|IFA|GTC|COMPUTEX|Computex|Expo|EXPO|Summit|SUMMIT|Show|SHOW|"
               r"Congress|Conference|Forum|FORUM|Week|Fair|Festival|Connect|World)")
_KO_EVENT = r"[가-힣A-Za-z]*(?:쇼|엑스포|박람회|서밋|포럼|콘퍼런스|컨퍼런스|전시회|페어|위크|대회)"
_NAMED_YEAR = re.compile(
    rf"\b{_EVENT_WORD}\)?\s+(?P<y1>20\d\d)\b(?![\d.,%])|"
    rf"(?<![\d.,])(?P<y2>20\d\d)\s+(?:[A-Z][A-Za-z]*\s+){{0,3}}{_EVENT_WORD}\b|"
    rf"(?<![\d.,])(?P<y3>20\d\d)\s*{_KO_EVENT}|"
    rf"{_KO_EVENT}\)?\s*(?P<y4>20\d\d)(?![\d.,%년])")
_YEAR = re.compile(r"20\d\d")  # a cheap test before the name patterns
_FULL_DATE = re.compile(r"(?<!\d)(?:19|20)\d\d\s*[.\-년/]\s*\d{1,2}\s*[.\-월/]\s*\d{1,2}")
_BARE_DAY = re.compile(r"(?<![\d.월])(\d{1,2})일")


@dataclass(frozen=True, slots=True)
class Anchor:
    date: PartialDate  # a full day, or a year only
    basis: str  # where it comes from, for the review note


def story_anchor(lines: Iterable[str], body: str) -> Anchor | None:
    """The anchor of a story without a publication date: a full date outside the prose
    (a caption, a credit) whose day the body names as a bare day, else the year of a fair
    or show the story names (the most named one; ties go to the latest)."""
    texts = list(lines)
    days = {int(d) for d in _BARE_DAY.findall(body)}
    for text in texts:
        if text in body or not _FULL_DATE.search(text):
            continue
        for found in find_dates(text, None):
            date = found.date
            if date is not None and date.day and date.day in days:
                return Anchor(date, f"the date of '{found.text}' in '{text[:40]}', whose day "
                              "the body names")
    years = Counter(int(next(y for y in m.groups() if y)) for text in texts
                    if _YEAR.search(text) for m in _NAMED_YEAR.finditer(text))
    if not years:
        return None
    year = max(years, key=lambda y: (years[y], y))
    return Anchor(PartialDate(year), f"the year of the event the story names ({year})")


_YEAR_OFFSETS = {"올해": 0, "올": 0, "금년": 0, "지난해": -1, "작년": -1, "내년": 1,
                 "this year": 0, "last year": -1, "next year": 1, "earlier this year": 0,
                 "later this year": 0}
_DAY_ONLY = re.compile(r"(?:지난|오는|이번)?\s*\d{1,2}(?:\s*[~-]\s*\d{1,2})?\s*일|"
                       r"(?:on )?[a-z]+day|이날|이 날|당일|오늘|today")
_NO_PUBLICATION = ("only the day is given", "is relative to the publication date")


def in_anchor_year(mention: DateMention, anchor: Anchor) -> DateMention:
    """A bare day or relative date that needed the publication date, placed in the
    anchor's year (approximate): '24일' at '2025 월드IT쇼' is 2025, '올해' too."""
    if mention.date is not None or not mention.problem or \
            not any(p in mention.problem for p in _NO_PUBLICATION):
        return mention
    key = re.sub(r"\s+", " ", mention.text.strip().lower())
    if key in _YEAR_OFFSETS:
        year = anchor.date.year + _YEAR_OFFSETS[key]
    elif _DAY_ONLY.fullmatch(key):
        year = anchor.date.year
    else:
        return mention  # 'last month', '3월': a month of an unknown year stays for review
    return replace(mention, date=PartialDate(year), until=None, relative=True,
                   basis=f"'{mention.text}' placed in {anchor.basis}", problem=None)
