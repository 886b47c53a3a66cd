"""The commitments tracker (/targets/) and the weekly digests (/weeks/, /weeks/<key>/).
Pure: graph -> page specs, like briefing.render.pages."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from functools import partial
from typing import Any

from briefing.core.dates import PartialDate
from briefing.core.fmt import format_date
from briefing.link.graph import Graph
from briefing.link.targets import STATUSES
from briefing.link.weeks import Week
from briefing.render.i18n import strings
from briefing.render.pages import TIMELINE_PAGE, Page, paginate
from briefing.render.seo import collection_ld

PlanUnit = tuple[str, Callable[[Graph], list[Page]]]
TARGETS_PAGE = TIMELINE_PAGE  # targets a page: bounded at scale


def digest_units(graph: Graph, language: str) -> list[PlanUnit]:
    """The plan parts of these pages (see briefing.render.pages.plan_units)."""
    t = strings(language)
    units: list[PlanUnit] = [("targets", partial(_targets, t=t, language=language)),
                             ("weeks", partial(_weeks, t=t, language=language))]
    units.extend((f"week:{key}", partial(_week, key, t=t, language=language))
                 for key in graph.weeks)
    return units


def _targets(graph: Graph, t: Any, language: str) -> list[Page]:
    """Targets grouped by carrier (a shared target under each) and due year."""
    targets, events = graph.targets, graph.events
    groups: dict[tuple[str, int], list[str]] = defaultdict(list)
    for target_id, target in targets.items():
        year = target.due.date.year if target.due else 0
        for carrier in events[target_id].carriers or ("",):
            groups[(carrier, year)].append(target_id)
    order = {c: n for n, c in enumerate(graph.carriers)}

    def rank(key: tuple[str, int]) -> tuple[int, int]:
        carrier, year = key
        return (order.get(carrier, len(order)), year or 10_000)

    def due_key(target_id: str) -> tuple[int, int, str]:
        due = targets[target_id].due
        return (*(due.date.sort_key() if due else (0, 0)), target_id)

    ordered = [(carrier, year, sorted(ids, key=due_key))
               for (carrier, year), ids in sorted(groups.items(), key=lambda kv: rank(kv[0]))]
    counts = {s: sum(1 for x in targets.values() if x.status == s) for s in STATUSES}
    site = graph.site
    description = f"{site.title}: {t['targets']}"
    shared = {"counts": [(s, n) for s, n in counts.items() if n],
              "filter_statuses": [s for s in STATUSES if counts[s]],
              "filter_years": sorted({y for _, y, _ in ordered if y}),
              "filter_carriers": [c for c in graph.carriers if any(g[0] == c for g in ordered)],
              "as_of": graph.as_of, "total": len(targets)}
    # At scale the list runs over pages of TARGETS_PAGE items, as the timeline does.
    items = [(carrier, year, i) for carrier, year, ids in ordered for i in ids]
    pages = []
    for pager, chunk in paginate("targets/", items, TARGETS_PAGE):
        path = pager.urls[pager.number - 1]
        regrouped: dict[tuple[str, int], list[str]] = {}
        for carrier, year, target_id in chunk:
            regrouped.setdefault((carrier, year), []).append(target_id)
        pages.append(Page(path, "targets.html", t["targets"] if pager.number == 1 else
                          f"{t['targets']} ({pager.number})", description,
                          {**shared, "pager": pager, "groups": [
                              (carrier, year, ids) for (carrier, year), ids in regrouped.items()]},
                          collection_ld(t["targets"], site.base_url + path, description)))
    return pages


def week_title(key: str, t: Any) -> str:
    """'2024-W25' as a title in the UI language."""
    return t["week_title"].format(year=int(key[:4]), week=int(key[6:]))


def week_range(week: Week, language: str) -> str:
    start, end = week.start, week.end
    return (f"{format_date(PartialDate(start.year, start.month, start.day), language)} – "
            f"{format_date(PartialDate(end.year, end.month, end.day), language)}")


def _counts(week: Week) -> dict[str, int]:
    return {"articles": len(week.articles),
            "new": len({e for g in week.groups for e in g.new}),
            "known": len({e for g in week.groups for e in g.known})}


def _weeks(graph: Graph, t: Any, language: str) -> list[Page]:
    by_year: dict[int, list[tuple[Week, str, str, dict[str, int]]]] = defaultdict(list)
    for week in graph.weeks.values():
        by_year[week.year].append((week, week_title(week.key, t), week_range(week, language),
                                   _counts(week)))
    site = graph.site
    description = f"{site.title}: {t['weeks']}"
    return [Page("weeks/", "weeks.html", t["weeks"], description,
                  {"years": [(y, items[::-1]) for y, items in sorted(by_year.items(),
                                                                      reverse=True)]},
                  collection_ld(t["weeks"], site.base_url + "weeks/", description))]


def _week(key: str, graph: Graph, t: Any, language: str) -> list[Page]:
    week = graph.weeks[key]
    counts = _counts(week)
    title = week_title(key, t)
    span = week_range(week, language)
    description = f"{span} · " + t["week_counts"].format(**counts)
    return [Page(f"weeks/{key}/", "week.html", f"{title} ({span})", description,
                  {"week": week, "span": span, "counts": counts,
                   "previous_title": week_title(week.previous, t) if week.previous else None,
                   "next_title": week_title(week.next, t) if week.next else None},
                  collection_ld(title, graph.site.base_url + f"weeks/{key}/", description))]
