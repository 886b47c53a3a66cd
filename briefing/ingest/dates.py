"""Date expressions in a sentence, absolute or relative to the publication date.

Korean: `2024년 6월 20일`, `2024. 6. 20.`, `2024년 6월`, `2022년부터 2023년까지`, `올해 2월`,
`올 4월`, `지난해 5월`, `지난 10일`, `18일(현지시간)`, `이번달 1~2일`, `내년 상반기`, `이날`.
English: `June 20, 2024`, `in September 2023`, `from 2022 to 2023`, `since 2022`, `by 2028`,
`last year`, `on Tuesday`. A relative date with no publication date stays unresolved and
says why; nothing is guessed.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from briefing.core.dates import PartialDate
from briefing.ingest.hints import mostly_hangul
from briefing.ingest.speech import quoted_spans as quoted_spans  # units.py reads it here
from briefing.ingest.speech import speech_spans

Role = Literal["event", "report", "announce", "since", "target", "compare"]

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|" \
         r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
_WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
_YEAR_WORDS = {"올해": 0, "올": 0, "금년": 0, "지난해": -1, "작년": -1, "전년": -1, "내년": 1,
               "재작년": -2, "이듬해": 1}
_DAY_WORDS = {"그제": -2, "그저께": -2, "어제": -1, "오늘": 0, "내일": 1, "yesterday": -1,
              "today": 0, "tomorrow": 1}
_EN_YEAR_WORDS = {"this year": 0, "last year": -1, "next year": 1, "earlier this year": 0,
                  "later this year": 0, "previous year": -1}
_HALVES = {"상반기": (1, 6), "하반기": (7, 12), "1분기": (1, 3), "2분기": (4, 6), "3분기": (7, 9),
           "4분기": (10, 12), "first half": (1, 6), "second half": (7, 12),
           "first quarter": (1, 3), "second quarter": (4, 6), "third quarter": (7, 9),
           "fourth quarter": (10, 12), "q1": (1, 3), "q2": (4, 6), "q3": (7, 9), "q4": (10, 12)}
_YEAR_FROM_PUB = "the year is not written; taken from the publication date"
_REL_YEAR = r"(?P<ry>올해|금년|지난해|작년|재작년|내년|이듬해|올(?=\s))"
# '같은 해 6월': the year of the date told before, not the publication's.
_SAME_YEAR = r"(?P<same>같은\s*해|그\s*해)"
_HALF = r"(?P<half>상반기|하반기|[1-4]\s*분기)"
_TILDE = r"\s*[~∼〜\-–]\s*"

# Order matters: earlier patterns claim their span first (longest, most precise forms).
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(rx, re.I)) for name, rx in (
    ("iso", r"(?<!\d)(?P<y>(?:19|20)\d{2})-(?P<m>\d{2})-(?P<d>\d{2})(?!\d)"),
    ("ko_range_years", r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*년?\s*(?:부터|에서|~|∼|–|-)\s*"
                       r"(?P<y2>(?:19|20)\d{2})\s*년(?:\s*까지)?"),
    ("ko_full", r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*년\s*(?P<m>\d{1,2})\s*월\s*(?P<d>\d{1,2})"
                rf"(?:{_TILDE}(?P<d2>\d{{1,2}}))?\s*일"),
    ("dotted", r"(?<![\d.])(?P<y>(?:19|"
               r"20)\d{2})\s*\.\s*(?P<m>\d{1,2})\s*\.\s*(?P<d>\d{1,2})(?:\s*\.)?(?![\d])"),
    ("ko_year_half", rf"(?<!\d)(?P<y>(?:19|20)\d{{2}})\s*년\s*{_HALF}"),
    ("ko_year_month", r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*년\s*(?P<m>\d{1,2})\s*월(?!\s*간)"),
    ("ko_year", r"(?<![\d'‘’])(?P<y>(?:19|20)\d{2})\s*년(?!\s*(?:간|동안|형|생|대|차))"
                r"(?P<suf>\s*(?:부터|이후|이래|까지))?"),
    ("ko_relyear_half", rf"{_REL_YEAR}\s*{_HALF}"),
    ("ko_month_day", rf"(?:{_REL_YEAR}|(?P<rel>지난|오는|이번|다음)|{_SAME_YEAR})?\s*"
                     rf"(?<![\d.])(?P<m>\d{{1,2}})\s*월\s*"
                     rf"(?P<d>\d{{1,2}})(?:{_TILDE}(?P<d2>\d{{1,2}}))?\s*일(?!\s*간)"),
    ("ko_month", rf"(?:{_REL_YEAR}|(?P<rel>지난|오는|이번|다음)|{_SAME_YEAR})?\s*"
                 rf"(?<![\d.~∼\-])(?P<m>\d{{1,2}})\s*월"
                 r"(?!\s*간|\s*\d|(?:[가-힣]*(?:상품|호|세|일자)))"),
    ("ko_relmonth_day", r"(?P<rm>지난\s*달|이번\s*달|이달|다음\s*달|내달|전달)\s*(?P<d>\d{1,2})"
                        rf"(?:{_TILDE}(?P<d2>\d{{1,2}}))?\s*일"),
    ("ko_relmonth", r"(?P<rm>지난\s*달|이번\s*달|이달(?=[\s에의])|다음\s*달|내달)"),
    ("ko_day", rf"(?:(?P<rel>지난|오는|이번)\s*)?(?<![\d.~∼\-])(?P<d>\d{{1,2}})"
               rf"(?:{_TILDE}(?P<d2>\d{{1,2}}))?"
               r"\s*일(?!\s?간(?![가-힣])|째|동안|치|\s*연속|분|로\s*예정된?\s*기한)"),
    ("ko_relyear", r"(?P<ry>올해|금년|지난해|작년|재작년|내년)(?![가-힣]{0,1}도\b)"),
    ("ko_thatday", r"(?P<that>이날|이 날|당일|같은\s*날)"),
    ("ko_relday", r"(?<![가-힣])(?P<rd>그제|그저께|어제|오늘|내일)"
                  r"(?=[은는이가을를의에도(\s,]|부터|까지|$)"),
    ("en_range", r"\b(?:from|between)\s+(?P<y>(?:19|20)\d{2})\s+(?:to|and|through|until)\s+"
                 r"(?P<y2>(?:19|20)\d{2})\b"),
    ("en_full", rf"\b(?P<mn>{_MONTH})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+"
                r"(?P<y>(?:19|20)\d{2})\b"),
    ("en_full_dmy", rf"\b(?P<d>\d{{1,2}})\s+(?P<mn>{_MONTH})\.?,?\s+(?P<y>(?:19|20)\d{{2}})\b"),
    # Results' shorthand: '2Q24', '2Q 2023', '2024-Q2', '1H25', 'H1 2026'.
    ("short_period", r"(?<![\w.-])(?:(?P<n1>[1-4])Q\s?'?(?P<y1>(?:20)?\d\d)|"
                     r"(?P<y2>20\d\d)[-\s]?Q(?P<n2>[1-4])|(?P<h1>[12])H\s?'?(?P<y3>(?:20)?\d\d)|"
                     r"H(?P<h2>[12])\s+(?P<y4>20\d\d))(?!\w|[.-]\w)"),
    ("en_half", r"\b(?:the\s+)?(?P<half>first half|second half|first quarter|second quarter|"
                r"third quarter|fourth quarter|q[1-4])(?:\s+of)?\s+(?P<y>(?:19|20)\d{2})\b"),
    ("en_month_year", rf"\b(?P<mn>{_MONTH})\.?,?\s+(?:of\s+)?(?P<y>(?:19|20)\d{{2}})\b"),
    ("en_month_day", rf"\b(?P<mn>{_MONTH})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b"),
    ("en_day", r"\b(?:on|since|from)\s+the\s+(?P<d>\d{1,2})(?:st|nd|rd|th)\b"),
    ("en_month", rf"\b(?P<prep>in|since|by|until|from|during|early|late|mid-?|"
                 rf"end of|start of)\s+(?P<mn>{_MONTH})\b(?!\.?,?\s*\d)"),
    ("en_relyear", r"\b(?P<ey>(?:earlier |later )?this year|last year|next year|previous year)\b"),
    ("en_relmonth", r"\b(?P<em>last month|this month|next month|earlier this month)\b"),
    ("en_relday", r"\b(?P<rd>yesterday|today|tomorrow)\b"),
    ("en_weekday", r"\b(?:on\s+)?"
                   r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"),
    ("en_year", r"(?<![\w$.,-])(?P<prep>(?:in|since|by|from|until|through|during|of|early|late|"
                r"mid-?|end of|start of|before|after|as of)\s+)?(?P<y>(?:19|20)\d{2})"
                r"(?P<poss>['’]s)?(?![\d%,.]\d|\s?(?:percent|won|million|billion))\b"),
))

_REPORT_AFTER = re.compile(r"\s*(?:\([^)]{1,10}\)\s*)?(?:[^\s,.]+\s+){0,3}?[^\s,.]*에\s*따르면")
_ANNOUNCE_AFTER = re.compile(r"\s*(?:\([^)]{1,10}\)\s*)?(?:밝혔다|발표했다|전했다|말했다|설명했다|"
                             r"공시했다|"
                             r"밝혔으며|발표했으며|알렸다)")
_REPORT_BEFORE = re.compile(r"according to [^,.]{0,80}?\s(?:on\s+)?$", re.I)
_ANNOUNCE_BEFORE = re.compile(r"\b(?:said|announced|reported|told [^,.]{0,40})\s+(?:on\s+)?$", re.I)
_COMPARE_AFTER = re.compile(r"\s*(?:대비|보다|에\s*비해|같은\s*기간|동기|figure|level|levels|"
                            r"same\s+period)")
# 'up 11.7% over last year', 'compared with a year earlier': the base of a comparison.
_COMPARE_BEFORE = re.compile(r"\b(?:over|than|compared (?:with|to)|versus|vs\.?)\s+(?:the\s+)?$",
                             re.I)
_CHANGE_BEFORE = re.compile(r"\d\s*(?:%|percent)\s*$", re.I)
# '올해 2분기(4~6월)': the months in brackets restate the quarter before them.
_GLOSS_BEFORE = re.compile(r"(?:분기|반기|half|quarter)\s*\($")


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    text: str
    date: PartialDate | None
    until: PartialDate | None
    role: Role
    relative: bool  # resolved against the publication date (or the day named before)
    basis: str | None  # how a relative date was resolved
    problem: str | None  # why it needs review (unresolvable, only a day, ...)


def _valid(year: int, month: int = 0, day: int = 0) -> PartialDate | None:
    if not 1900 <= year <= 2200 or not 0 <= month <= 12:
        return None
    if day and (not month or not 1 <= day <= calendar.monthrange(year, month)[1]):
        return None
    return PartialDate(year, month, day)


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _rel_year(word: str, pub: PartialDate) -> int:
    return pub.year + (_YEAR_WORDS.get(word.strip(), 0) if word else 0)


def _month_year(rel: str | None, month: int, pub: PartialDate, future: bool = False) -> int:
    if rel == "지난":
        return pub.year if month < pub.month else pub.year - 1
    if rel in ("오는", "다음") or (future and rel is None):
        # A plan's bare month is the next one ('3월 출시할 계획' in a June story: next March).
        return pub.year if month >= pub.month else pub.year + 1
    return pub.year


def _day_month(rel: str | None, day: int, pub: PartialDate, local_time: bool,
               future: bool = False) -> tuple[int, int]:
    if future and rel is None and day >= pub.day:
        return pub.year, pub.month  # a plan's day after publication: this month, not the last
    if rel == "오는":
        return (pub.year, pub.month) if day > pub.day else _add_months(pub.year, pub.month, 1)
    if rel == "지난":
        return (pub.year, pub.month) if day < pub.day else _add_months(pub.year, pub.month, -1)
    # A bare day is in the month of publication unless it lies ahead of it ('30일' in a
    # story of the 2nd is last month's); '(현지시간)' may run a day ahead of Korea.
    slack = 1 if local_time else 0
    if day <= pub.day + slack:
        return pub.year, pub.month
    return _add_months(pub.year, pub.month, -1)


def _needs_pub(text: str) -> DateMention:
    return DateMention(0, 0, text, None, None, "event", True, None,
                       f"'{text}' is relative to the publication date, which the text does "
                       "not give")


# 'starting in December', 'from March', 'beginning next month': a start ahead.
_STARTING = re.compile(r"\b(?:starting|beginning|from|effective)\s+(?:in\s+|on\s+)?$", re.I)


def _resolve(name: str, m: re.Match[str], pub: PartialDate | None,
             that_day: PartialDate | None, future: bool = False,
             that_year: int | None = None) -> DateMention | None:
    g = m.groupdict()
    text = m.group(0).strip()
    future = future or bool(_STARTING.search(m.string[max(0, m.start() - 20):m.start()]))
    if g.get("mn") and not g["mn"][0].isupper():
        return None  # 'may', 'march' as words, not months

    def done(date: PartialDate | None, until: PartialDate | None = None, relative: bool = False,
             basis: str | None = None, problem: str | None = None,
             role: Role = "event") -> DateMention | None:
        if date is None and problem is None:
            return None
        return DateMention(0, 0, text, date, until, role, relative, basis, problem)

    if name in ("iso", "ko_full", "dotted", "en_full", "en_full_dmy"):
        month = int(g["m"]) if g.get("m") else MONTHS[g["mn"].lower().rstrip(".")]
        date = _valid(int(g["y"]), month, int(g["d"]))
        until = _valid(int(g["y"]), month, int(g["d2"])) if g.get("d2") else None
        return done(date, until)
    if name in ("ko_range_years", "en_range"):
        return done(_valid(int(g["y"])), _valid(int(g["y2"])))
    if name in ("ko_year_half", "en_half", "ko_relyear_half"):
        if g.get("ry") and pub is None:
            return _needs_pub(text)
        year = int(g["y"]) if g.get("y") else _rel_year(g["ry"], pub)  # type: ignore[arg-type]
        first, last = _HALVES[re.sub(r"\s+", "", g["half"]).lower() if "분기" in g["half"]
                              else g["half"].lower()]
        return done(_valid(year, first), _valid(year, last), relative=bool(g.get("ry")),
                    basis=f"'{text}' taken as {year}-{first:02d} to {year}-{last:02d}")
    if name == "short_period":
        written = g["y1"] or g["y2"] or g["y3"] or g["y4"]
        year = int(written) + (2000 if len(written) == 2 else 0)
        quarter, half = g["n1"] or g["n2"], g["h1"] or g["h2"]
        first, last = (3 * int(quarter) - 2, 3 * int(quarter)) if quarter else \
            (6 * int(half) - 5, 6 * int(half))
        return done(_valid(year, first), _valid(year, last),
                    basis=f"'{text}' taken as {year}-{first:02d} to {year}-{last:02d}")
    if name == "ko_year_month":
        return done(_valid(int(g["y"]), int(g["m"])))
    if name == "ko_year":
        suffix = (g.get("suf") or "").strip()
        role: Role = "since" if suffix in ("부터", "이후", "이래") else \
            "target" if suffix == "까지" else "event"
        return done(_valid(int(g["y"])), role=role)
    if name in ("ko_month_day", "ko_month"):
        month = int(g["m"])
        if not 1 <= month <= 12:
            return None
        if g.get("same") and that_year is None:
            return DateMention(0, 0, text, None, None, "event", True, None,
                               f"'{text}': the year told before is not known")
        rel = g.get("rel")
        if g.get("same") and that_year is not None:
            year = that_year
        elif pub is None:
            return _needs_pub(text)
        else:
            year = _rel_year(g["ry"], pub) if g.get("ry") else \
                _month_year(rel, month, pub, future)
        basis = f"'{text}': the year told before" if g.get("same") else \
            None if g.get("ry") or rel else _YEAR_FROM_PUB
        if name == "ko_month":
            return done(_valid(year, month), relative=True, basis=basis)
        day = int(g["d"])
        until = _valid(year, month, int(g["d2"])) if g.get("d2") else None
        return done(_valid(year, month, day), until, relative=True, basis=basis)
    if name in ("ko_relmonth_day", "ko_relmonth", "en_relmonth"):
        if pub is None:
            return _needs_pub(text)
        word = re.sub(r"\s+", "", (g.get("rm") or g.get("em") or "").lower())
        delta = -1 if word in ("지난달", "전달", "lastmonth") else \
            1 if word in ("다음달", "내달", "nextmonth") else 0
        year, month = _add_months(pub.year, pub.month, delta)
        if name != "ko_relmonth_day":
            return done(_valid(year, month), relative=True)
        until = _valid(year, month, int(g["d2"])) if g.get("d2") else None
        return done(_valid(year, month, int(g["d"])), until, relative=True)
    if name in ("ko_day", "en_day"):
        day = int(g["d"])
        if not 1 <= day <= 31:
            return None
        if pub is None or not pub.day:
            return DateMention(0, 0, text, None, None, "event", True, None,
                               f"only the day is given ('{text}'); the publication date that "
                               "would place it is not in the text")
        local = "현지시간" in m.string[m.end():m.end() + 8]
        year, month = _day_month(g.get("rel"), day, pub, local, future)
        until = _valid(year, month, int(g["d2"])) if g.get("d2") else None
        basis = None if (year, month) == (pub.year, pub.month) else \
            f"'{text}' is after the publication day, so taken as the month before"
        return done(_valid(year, month, day), until, relative=True, basis=basis)
    if name in ("ko_relyear", "en_relyear"):
        if pub is None:
            return _needs_pub(text)
        word = (g.get("ry") or g.get("ey") or "").lower()
        year = pub.year + _YEAR_WORDS.get(word, _EN_YEAR_WORDS.get(word, 0))
        return done(_valid(year), relative=True)
    if name in ("ko_relday", "en_relday"):
        if pub is None or not pub.day:
            return _needs_pub(text)
        shift = _DAY_WORDS[g["rd"].lower()]
        moved = pub.start + dt.timedelta(days=shift)
        return done(PartialDate(moved.year, moved.month, moved.day), relative=True,
                    basis=f"'{text}' counted from the publication date")
    if name == "ko_thatday":
        if that_day is not None:
            return done(that_day, relative=True,
                        basis=f"'{text}' is the day named before ({that_day})")
        if pub is not None and pub.day:
            return done(pub, relative=True, basis=f"'{text}' read as the publication day")
        return None
    if name == "en_month_year":
        return done(_valid(int(g["y"]), MONTHS[g["mn"].lower().rstrip(".")]))
    if name == "en_month_day":
        if pub is None:
            return _needs_pub(text)
        month = MONTHS[g["mn"].lower().rstrip(".")]
        year = pub.year + 1 if future and (month, int(g["d"])) < (pub.month, pub.day) \
            else pub.year
        return done(_valid(year, month, int(g["d"])), relative=True, basis=_YEAR_FROM_PUB)
    if name == "en_month":
        if pub is None:
            return _needs_pub(text)
        month = MONTHS[g["mn"].lower().rstrip(".")]
        ahead = (g.get("prep") or "").strip().lower() in ("by", "until")
        # A month named alone is the latest one up to publication ('in January' in a
        # March story); a deadline ('by June') and a plan's month ('starting in December')
        # are the next one.
        if ahead or future:
            year = pub.year if month >= pub.month else pub.year + 1
        else:
            year = pub.year if month <= pub.month else pub.year - 1
        prep = (g.get("prep") or "").strip().lower()
        role = "since" if prep == "since" else "target" if ahead else "event"
        return done(_valid(year, month), relative=True, basis=_YEAR_FROM_PUB, role=role)
    if name == "en_weekday":
        if pub is None or not pub.day:
            return _needs_pub(text)
        back = (pub.start.weekday() - _WEEKDAYS[g["wd"].lower()]) % 7
        weekday = pub.start - dt.timedelta(days=back)
        return done(PartialDate(weekday.year, weekday.month, weekday.day), relative=True,
                    basis=f"'{text}' taken as the last {g['wd']} up to the publication date")
    if name == "en_year":
        prep = (g.get("prep") or "").strip().lower()
        before = m.string[max(0, m.start() - 20):m.start()]
        if not prep and re.search(r"(?:\b[A-Z][A-Za-z]*|\([A-Z][A-Za-z]+\))\s$", before):
            return None  # 'SK Tech Summit 2023', '(MWC) 2024': the year is part of a name
        role = "since" if prep == "since" else "target" if prep in ("by", "until") else \
            "compare" if g.get("poss") and _COMPARE_AFTER.match(m.string, m.end()) else "event"
        return done(_valid(int(g["y"])), role=role)
    return None


def _role(mention: DateMention, sentence: str, start: int, end: int) -> Role:
    if mention.role != "event":
        return mention.role
    if _REPORT_AFTER.match(sentence, end):
        return "report"
    if _ANNOUNCE_AFTER.match(sentence, end):
        return "announce"
    if _REPORT_BEFORE.search(sentence[max(0, start - 120):start]):
        return "report"
    if _ANNOUNCE_BEFORE.search(sentence[max(0, start - 60):start]):
        return "announce"
    if _COMPARE_AFTER.match(sentence, end) and not sentence[end:end + 3].strip().startswith("fig"):
        return "compare"
    if _GLOSS_BEFORE.search(sentence[max(0, start - 12):start]) or \
            _COMPARE_BEFORE.search(sentence[max(0, start - 20):start]):
        return "compare"
    if mention.text[:5].lower() == "from " and \
            _CHANGE_BEFORE.search(sentence[max(0, start - 20):start]):
        return "compare"  # 'up 18.4% from 2023': the base of a change
    return "event"


# Bare years, weekdays and 'last year' in a Korean sentence are names ('MWC 2024') or noise.
_ENGLISH_ONLY = frozenset({"en_month", "en_year", "en_weekday", "en_relyear", "en_relmonth",
                           "en_month_day", "en_day", "en_relday"})
# What a pattern cannot match without (case-insensitive, as the patterns are): one search
# for each of these instead of every pattern's over every sentence. A pattern not listed
# is always tried.
_YEAR_DIGITS = r"(?:19|20)\d\d"
_NEEDS = {name: re.compile(hint, re.I) for name, hint in {
    **dict.fromkeys(("iso", "ko_range_years", "ko_full", "dotted", "ko_year_half",
                     "ko_year_month", "ko_year", "en_range", "en_full", "en_full_dmy",
                     "en_half", "en_month_year", "en_year"), _YEAR_DIGITS),
    **dict.fromkeys(("ko_month_day", "ko_month"), r"\d\s*월"),
    **dict.fromkeys(("ko_relmonth_day", "ko_day"), r"\d\s*일"),
    "ko_relyear_half": r"반기|분기", "short_period": r"\dq|q\d|\dh|h\d",
    "ko_relmonth": r"달", "ko_relyear": r"해|년",
    "ko_thatday": r"날|당일", "ko_relday": r"그제|그저께|어제|오늘|내일",
    "en_day": r"\d(?:st|nd|rd|th)", "en_relyear": r"year", "en_relmonth": r"month",
    "en_relday": r"yesterday|today|tomorrow", "en_weekday": r"day",
    **dict.fromkeys(("en_month_day", "en_month"),
                    r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"),
}.items()}


def find_dates(sentence: str, published: PartialDate | None,
               that_day: PartialDate | None = None,
               ahead: Sequence[tuple[int, int]] = (),
               that_year: int | None = None) -> list[DateMention]:
    """Every date expression in a sentence, resolved where it can be, in order. Within the
    `ahead` spans (clauses that state a plan) a bare month or day is the next one."""
    taken: list[tuple[int, int]] = speech_spans(sentence)
    found: list[DateMention] = []
    korean = mostly_hangul(sentence)
    present: dict[re.Pattern[str], bool] = {}
    for name, pattern in _PATTERNS:
        if korean and name in _ENGLISH_ONLY:
            continue
        need = _NEEDS.get(name)
        if need is not None:
            if need not in present:
                present[need] = need.search(sentence) is not None
            if not present[need]:
                continue
        for match in pattern.finditer(sentence):
            start, end = match.start(), match.end()
            if not match.group(0).strip():
                continue
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            # A plan's date, unless it dates the telling ('said in March it will …').
            future = any(a <= start < b for a, b in ahead) and not (
                _ANNOUNCE_AFTER.match(sentence, end)
                or _ANNOUNCE_BEFORE.search(sentence[max(0, start - 60):start]))
            mention = _resolve(name, match, published, that_day, future, that_year)
            if mention is None:
                continue
            lead = len(match.group(0)) - len(match.group(0).lstrip())
            start += lead
            mention = DateMention(start, end, sentence[start:end], mention.date, mention.until,
                                  mention.role, mention.relative, mention.basis, mention.problem)
            mention = DateMention(start, end, mention.text, mention.date, mention.until,
                                  _role(mention, sentence, start, end), mention.relative,
                                  mention.basis, mention.problem)
            taken.append((start, end))
            found.append(mention)
    found.sort(key=lambda d: d.start)
    return found
