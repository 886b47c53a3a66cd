"""Weekly digests: the briefings published in each ISO week and the events they report,
new or already known, grouped by carrier. Pure: no IO."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefing.core.dates import PartialDate
from briefing.validate.model import Article

if TYPE_CHECKING:
    from briefing.link.graph import Event


@dataclass(frozen=True, slots=True)
class WeekGroup:
    carrier: str  # carrier id, or "" for events with no carrier
    new: tuple[str, ...]  # events first reported this week, in timeline order
    known: tuple[str, ...]  # events reported this week that an earlier week reported


@dataclass(frozen=True, slots=True)
class Week:
    key: str  # "2024-W25"
    year: int  # ISO year
    week: int  # ISO week number
    start: dt.date  # Monday
    end: dt.date  # Sunday
    articles: tuple[str, ...]  # published this week, oldest first
    placed: tuple[str, ...]  # of those, dated only by month or year (see week_of)
    groups: tuple[WeekGroup, ...]
    previous: str | None
    next: str | None


def week_key(year: int, week: int) -> str:
    return f"{year:04d}-W{week:02d}"


def week_of(date: PartialDate) -> tuple[int, int]:
    """The ISO (year, week) of a date. A month- or year-only date goes to the first week
    that belongs to its month or year by the ISO rule (the week of its first Thursday):
    where a reader following the weeks meets that period first."""
    day = date.start
    if date.precision != "day":
        day += dt.timedelta(days=(3 - day.weekday()) % 7)
    year, week, _ = day.isocalendar()
    return year, week


def _groups(slugs: Sequence[str], articles: Mapping[str, Article],
            events: Mapping[str, Event], first_week: Mapping[str, str], key: str,
            carriers: Sequence[str], order: Mapping[str, int]) -> tuple[WeekGroup, ...]:
    reported = sorted({o.id for slug in slugs for o in articles[slug].occurrences
                       if o.id in events}, key=order.__getitem__)
    groups = []
    for carrier in (*carriers, ""):
        mine = [e for e in reported if (carrier in events[e].carriers if carrier
                                        else not events[e].carriers)]
        if mine:
            groups.append(WeekGroup(carrier, tuple(e for e in mine if first_week[e] == key),
                                    tuple(e for e in mine if first_week[e] != key)))
    return tuple(groups)


def group_weeks(articles: Mapping[str, Article], oldest_first: Sequence[str],
                events: Mapping[str, Event], timeline: Sequence[str],
                carriers: Sequence[str]) -> dict[str, Week]:
    """One Week per ISO week with a dated briefing, oldest first."""
    by_week: dict[str, list[str]] = defaultdict(list)
    first_week: dict[str, str] = {}
    dated = {slug: published for slug in oldest_first
             if (published := articles[slug].published) is not None}
    for slug, published in dated.items():
        key = week_key(*week_of(published))
        by_week[key].append(slug)
        for occurrence in articles[slug].occurrences:
            if occurrence.id not in first_week or key < first_week[occurrence.id]:
                first_week[occurrence.id] = key
    keys = sorted(by_week)
    order = {event_id: n for n, event_id in enumerate(timeline)}
    weeks: dict[str, Week] = {}
    for n, key in enumerate(keys):
        slugs = sorted(by_week[key], key=lambda s: (dated[s].sort_key(), s))
        year, week = int(key[:4]), int(key[6:])
        start = dt.date.fromisocalendar(year, week, 1)
        weeks[key] = Week(
            key, year, week, start, start + dt.timedelta(days=6), tuple(slugs),
            tuple(s for s in slugs if dated[s].precision != "day"),
            _groups(slugs, articles, events, first_week, key, carriers, order),
            keys[n - 1] if n else None, keys[n + 1] if n + 1 < len(keys) else None)
    return weeks
