"""One date expression resolved: absolute, or relative to the publication date (or the day
or year named before), in the direction its clause points; and the role its context gives
it. Nothing is guessed: a relative date without its reference stays unresolved and says why.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from briefing.core.dates import PartialDate
from briefing.ingest.datepatterns import (
    ANNOUNCE_AFTER,
    ANNOUNCE_BEFORE,
    CHANGE_BEFORE,
    COMPARE_AFTER,
    COMPARE_BEFORE,
    DAY_WORDS,
    EN_YEAR_WORDS,
    GLOSS_BEFORE,
    HALVES,
    MONTHS,
    REPORT_AFTER,
    REPORT_BEFORE,
    WEEKDAYS,
    YEAR_FROM_PUB,
    YEAR_WORDS,
)

Role = Literal["event", "report", "announce", "since", "target", "compare"]


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
    return pub.year + (YEAR_WORDS.get(word.strip(), 0) if word else 0)


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


def resolve(name: str, m: re.Match[str], pub: PartialDate | None,
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
        first, last = HALVES[re.sub(r"\s+", "", g["half"]).lower() if "분기" in g["half"]
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
            None if g.get("ry") or rel else YEAR_FROM_PUB
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
        year = pub.year + YEAR_WORDS.get(word, EN_YEAR_WORDS.get(word, 0))
        return done(_valid(year), relative=True)
    if name in ("ko_relday", "en_relday"):
        if pub is None or not pub.day:
            return _needs_pub(text)
        shift = DAY_WORDS[g["rd"].lower()]
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
        return done(_valid(year, month, int(g["d"])), relative=True, basis=YEAR_FROM_PUB)
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
        return done(_valid(year, month), relative=True, basis=YEAR_FROM_PUB, role=role)
    if name == "en_weekday":
        if pub is None or not pub.day:
            return _needs_pub(text)
        back = (pub.start.weekday() - WEEKDAYS[g["wd"].lower()]) % 7
        weekday = pub.start - dt.timedelta(days=back)
        return done(PartialDate(weekday.year, weekday.month, weekday.day), relative=True,
                    basis=f"'{text}' taken as the last {g['wd']} up to the publication date")
    if name == "en_year":
        prep = (g.get("prep") or "").strip().lower()
        before = m.string[max(0, m.start() - 20):m.start()]
        if not prep and re.search(r"(?:\b[A-Z][A-Za-z]*|\([A-Z][A-Za-z]+\))\s$", before):
            return None  # 'SK Tech Summit 2023', '(MWC) 2024': the year is part of a name
        role = "since" if prep == "since" else "target" if prep in ("by", "until") else \
            "compare" if g.get("poss") and COMPARE_AFTER.match(m.string, m.end()) else "event"
        return done(_valid(int(g["y"])), role=role)
    return None


def role_of(mention: DateMention, sentence: str, start: int, end: int) -> Role:
    if mention.role != "event":
        return mention.role
    if REPORT_AFTER.match(sentence, end):
        return "report"
    if ANNOUNCE_AFTER.match(sentence, end):
        return "announce"
    if REPORT_BEFORE.search(sentence[max(0, start - 120):start]):
        return "report"
    if ANNOUNCE_BEFORE.search(sentence[max(0, start - 60):start]):
        return "announce"
    if COMPARE_AFTER.match(sentence, end) and not sentence[end:end + 3].strip().startswith("fig"):
        return "compare"
    if GLOSS_BEFORE.search(sentence[max(0, start - 12):start]) or \
            COMPARE_BEFORE.search(sentence[max(0, start - 20):start]):
        return "compare"
    if mention.text[:5].lower() == "from " and \
            CHANGE_BEFORE.search(sentence[max(0, start - 20):start]):
        return "compare"  # 'up 18.4% from 2023': the base of a change
    return "event"
