"""The day or year a story's facts are anchored to when the text states no publication date.

Many copies (blogs, aggregators, reposts) drop the date line, yet still say when the story
happened: a photo credit keeps the full date of the day the body calls `16일`, and a story
told at a fair names the fair with its year (`MWC 2026`, `2025 월드IT쇼`, `CES 2022`). The
anchor never becomes the publication date; it only dates the statements and the bare days
and relative years of the body, flagged for review (a year anchor also marks them
approximate).
"""

from __future__ import annotations

import calendar
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from briefing.core.dates import PartialDate
from briefing.ingest.clauses import is_intent
from briefing.ingest.datepatterns import MONTH, MONTHS
from briefing.ingest.dates import DateMention, find_dates
from briefing.ingest.eventparties import Sentence
from briefing.ingest.kinds import is_plan

# A fair, show or conference named with its year, either side: 'MWC 2026', 'CES 2022',
# 'AI EXPO KOREA 2025', '(MWC) 2025', '2025 월드IT쇼', 'SK AI 서밋 2025'.
_EVENT_WORD = (r"(?:MWC|CES|IFA|GTC|COMPUTEX|Computex|Expo|EXPO|Summit|SUMMIT|Show|SHOW|"
               r"Congress|Conference|Forum|FORUM|Week|Fair|Festival|Connect|World)")
_KO_EVENT = r"[가-힣A-Za-z]*(?:쇼|엑스포|박람회|서밋|포럼|콘퍼런스|컨퍼런스|전시회|페어|위크|대회)"
# The year may carry a Korean particle ('MWC 2024에서'), follow a bracket without a space
# ('(MWC)2026') or be written short after a fair's acronym ('MWC25').
# A comma or full stop after the year ends the name ('at the SK AI Summit 2024, an annual
# …'); one before a digit makes it a number ('Expo 2,024').
_NAMED_YEAR = re.compile(
    rf"\b{_EVENT_WORD}\)?\s*(?P<y1>20\d\d)(?![\d%A-Za-z]|[.,]\d)|"
    r"\b(?:MWC|CES|IFA|GTC)(?P<y5>[12]\d)(?![\d%A-Za-z]|[.,]\d)|"
    rf"(?<![\d.,])(?P<y2>20\d\d)\s+(?:[A-Z][A-Za-z]*\s+){{0,3}}{_EVENT_WORD}(?![A-Za-z\d])|"
    rf"(?<![\d.,])(?P<y3>20\d\d)\s*{_KO_EVENT}|"
    rf"{_KO_EVENT}\)?\s*(?P<y4>20\d\d)(?![\d%년]|[.,]\d)")
_YEAR = re.compile(r"20\d\d|(?:MWC|CES|IFA|GTC)[12]\d")  # a cheap test before the patterns
_FULL_DATE = re.compile(r"(?<!\d)(?:19|20)\d\d\s*[.\-년/]\s*\d{1,2}\s*[.\-월/]\s*\d{1,2}")
_BARE_DAY = re.compile(r"(?<![\d.월])(\d{1,2})일")


@dataclass(frozen=True, slots=True)
class Anchor:
    date: PartialDate  # a full day, or a year only
    basis: str  # where it comes from, for the review note
    months: bool = False  # the text's own year: its bare months ('in June') lie in it


def _full_year(written: str) -> int:
    return int(written) if len(written) == 4 else 2000 + int(written)


def story_anchor(lines: Iterable[str], body: str) -> Anchor | None:
    """The anchor of a story without a publication date: a full date outside the prose
    (a caption, a credit) whose day the body names as a bare day (or a day of the week
    after it: the story is told then), else a yearless dateline whose weekday fixes its
    year, else the year of a fair or show the story names (the most named one; ties go to
    the latest)."""
    texts = list(lines)
    days = {int(d) for d in _BARE_DAY.findall(body)}
    credited = [(text, found.text, found.date) for text in texts
                if text not in body and _FULL_DATE.search(text)
                for found in find_dates(text, None) if found.date is not None and found.date.day]
    for text, written, date in credited:
        if date.day in days:
            return Anchor(date, f"the date of '{written}' in '{text[:40]}', whose day the body "
                          "names")
    for text, written, date in credited:
        # A signing photographed on the 27th, a story told on the 30th ('30일 … 말했다').
        last = calendar.monthrange(date.year, date.month)[1]
        later = [d for d in days if date.day < d <= min(date.day + _WEEK, last)]
        if later:
            return Anchor(PartialDate(date.year, date.month, max(later)),
                          f"the body's day {max(later)} in the week after '{written}' in "
                          f"'{text[:40]}'")
    weekday = _weekday_dateline(texts)
    if weekday is not None:
        return weekday
    years = Counter(_full_year(next(y for y in m.groups() if y)) for text in texts
                    if _YEAR.search(text) for m in _NAMED_YEAR.finditer(text))
    if not years:
        return None
    year = max(years, key=lambda y: (years[y], y))
    return Anchor(PartialDate(year), f"the year of the event the story names ({year})")


_WEEK = 7
# A dateline or lede with a month and day but no year, and the day of the week the lede
# tells it on: 'SEOUL, Aug. 8 (Yonhap) — … reported Tuesday'.
_YEARLESS = re.compile(rf"\b(?P<mn>{MONTH})\.?\s+(?P<d>\d{{1,2}})\b(?!,?\s*(?:19|20)\d\d)")
_WEEKDAY = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_ANY_YEAR = re.compile(r"(?<![\d.,])(?:19|20)\d\d(?![\d%]|[.,]\d)")
_LEDE_LINES = 8


def _weekday_dateline(texts: Sequence[str]) -> Anchor | None:
    """A yearless month and day at the top with a weekday after it: the one year near a
    year the text names (it, the one before, the one after) in which that day falls on that
    weekday. None when no such year, or more than one, fits."""
    head = "\n".join(texts[:_LEDE_LINES])
    told = _YEARLESS.search(head)
    if told is None:
        return None
    weekday = _WEEKDAY.search(head, told.end(), told.end() + 400)
    years = {int(y) + shift for text in texts for y in _ANY_YEAR.findall(text)
             for shift in (-1, 0, 1)}
    if weekday is None or not years:
        return None
    month, day = MONTHS[told["mn"].lower()], int(told["d"])
    wanted = list(calendar.day_name).index(weekday.group(0))
    fits = [y for y in sorted(years) if day <= calendar.monthrange(y, month)[1]
            and calendar.weekday(y, month, day) == wanted]
    if len(fits) != 1:
        return None
    return Anchor(PartialDate(fits[0], month, day), f"'{told.group(0)}' on a "
                  f"{weekday.group(0)}, which it is in {fits[0]}")


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
    elif (month_day := _month_day(key, anchor.date.year)) is not None:
        # '지난 11월 3일' in a story at 'SK AI 서밋 2025': that day of the anchor's year.
        return replace(mention, date=month_day, until=None, relative=True,
                       basis=f"'{mention.text}' placed in {anchor.basis}", problem=None)
    elif anchor.months and (month := _month_of(key)):
        # 'in June' in a story whose own latest fact is of 2024: June 2024.
        return replace(mention, date=PartialDate(anchor.date.year, month), until=None,
                       relative=True, basis=f"'{mention.text}' placed in {anchor.basis}",
                       problem=None)
    else:
        return mention  # 'last month', '3월': a month of an unknown year stays for review
    return replace(mention, date=PartialDate(year), until=None, relative=True,
                   basis=f"'{mention.text}' placed in {anchor.basis}", problem=None)


_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
# A month told as past or plain ('in June', 'early July', '지난 3월'), not one ahead ('오는 3월').
_MONTH_ONLY = re.compile(r"(?:(?:in|early|late|mid-?|since)\s+)?(?P<en>[a-z]+)|"
                         r"(?:지난\s*)?(?P<ko>\d{1,2})\s*월(?:\s*(?:초|중순|말))?")


_MONTH_DAY = re.compile(r"(?:지난\s*)?(?P<km>\d{1,2})\s*월\s*(?P<kd>\d{1,2})\s*일|"
                        r"(?:on\s+)?(?P<en>[a-z]+)\.?\s+(?P<ed>\d{1,2})(?:st|nd|rd|th)?")


def _month_day(key: str, year: int) -> PartialDate | None:
    found = _MONTH_DAY.fullmatch(key)
    if found is None:
        return None
    month = int(found["km"]) if found["km"] else MONTHS.get(found["en"], 0)
    day = int(found["kd"] or found["ed"])
    if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return PartialDate(year, month, day)


def _month_of(key: str) -> int:
    found = _MONTH_ONLY.fullmatch(key)
    if found is None:
        return 0
    if found["ko"]:
        return int(found["ko"]) if 1 <= int(found["ko"]) <= 12 else 0
    return _MONTHS.get(found["en"], 0)


# A year the clause looks ahead to ('planning the centre for completion in 2027', 'expires
# in January 2022'): not one a fact was told in.
_AHEAD = re.compile(r"\b(?:completion|complete|expected|scheduled|slated|due|targeting|"
                    r"planned|planning|expires?|until|by)\b[^,.;]{0,40}$", re.I)


def text_year(sentences: Sequence[Sentence]) -> Anchor | None:
    """The year a story without a date line is told in, from its own explicit dates: the
    latest year it tells a fact in ('the second quarter of 2024', 'in April 2026'), not a
    plan's ('to open in 2027') nor a comparison's base. A story is told no earlier than the
    latest fact it reports, and rarely much later. Only a text that dates some fact to its
    month or quarter is anchored: bare years alone are often history ('2022년과 올해')."""
    dates = [d.date for s in sentences if not s.heading and not s.caption
             and not is_plan(s.text) and not is_intent(s.text)
             for d in s.dates if d.date is not None and not d.relative
             and d.role in ("event", "announce") and d.start not in s.embedded
             and not _AHEAD.search(s.text[max(0, d.start - 50):d.start])]
    if not any(date.month for date in dates):
        return _year_over_year(sentences)
    year = max(date.year for date in dates)
    return Anchor(PartialDate(year), f"the latest year the text tells a fact in ({year})",
                  months=True)


_CHANGE = re.compile(r"\d\s*(?:%|percent)\s+from\s+$", re.I)


def _year_over_year(sentences: Sequence[Sentence]) -> Anchor | None:
    """'… revenue last year, up 18.4% from 2023': a change from a stated year is told of the
    year after it, so 'last year' is 2024 and the story is told in 2025."""
    for sentence in sentences:
        bases = [d for d in sentence.dates if d.role == "compare" and d.date is not None
                 and not d.relative and not d.date.month and _CHANGE.search(
                     sentence.text[max(0, d.start - 20):d.start + 5])]
        told = [key for d in sentence.dates if d.date is None and d.role == "event"
                and (key := re.sub(r"\s+", " ", d.text.strip().lower())) in _YEAR_OFFSETS]
        if len(bases) == 1 and bases[0].date is not None and told:
            year = bases[0].date.year + 1 - _YEAR_OFFSETS[told[0]]
            return Anchor(PartialDate(year), f"'{told[0]}' as the year after "
                          f"'{bases[0].text}', which it is compared with ({year})")
    return None

