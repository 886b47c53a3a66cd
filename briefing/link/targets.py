"""Targets: commitments with a due period, the later events that settle them, and their
status against the content's as-of date (never the clock). Pure: no IO."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefing.core.dates import PartialDate
from briefing.core.diagnostics import Diagnostic, did_you_mean, error, warning
from briefing.validate.model import Article, Due, Loc, Occurrence, Resolves, Site

if TYPE_CHECKING:
    from briefing.link.graph import Event

OUTCOMES = ("met", "missed", "revised", "withdrawn")
STATUSES = ("open", "due", "overdue", *OUTCOMES)


@dataclass(frozen=True, slots=True)
class Target:
    """A target event as tracked: when it falls due and where it stands."""

    id: str  # the target event
    due: Due | None
    status: str  # one of STATUSES
    settled_by: str | None  # the event that settled it (counted against the as-of date)
    outcome: str | None  # that event's outcome


@dataclass(frozen=True, slots=True)
class Tracked:
    targets: dict[str, Target]  # target event id -> its tracking, in timeline order
    settles: dict[str, str]  # settling event id -> the target it settles
    as_of: PartialDate | None
    by_node: dict[str, tuple[str, ...]]  # carrier or entity -> its targets


def as_of_date(site: Site, articles: Iterable[Article]) -> PartialDate | None:
    """`as_of` in site.yaml, else the newest `published` date."""
    if site.as_of is not None:
        return site.as_of
    published = [a.published for a in articles if a.published is not None]
    return max(published, key=PartialDate.sort_key) if published else None


def status_of(due: PartialDate | None, as_of: dt.date | None, outcome: str | None = None
              ) -> str:
    """A target's status on `as_of`: its outcome if settled; otherwise open before its
    due period, due within it, overdue after it."""
    if outcome is not None:
        return outcome
    if due is None or as_of is None or as_of < due.start:
        return "open"
    return "due" if as_of <= due.end else "overdue"


def _err(loc: Loc, code: str, message: str) -> Diagnostic:
    return error(loc.path, loc.line, loc.col, code, message)


def _where(loc: Loc) -> str:
    return f"{loc.path}:{loc.line}"


def _first(occurrences: Sequence[Occurrence], key: str, problems: list[Diagnostic]
           ) -> tuple[Occurrence | None, object]:
    """The first occurrence giving `key` (due or resolves) and its value; a different
    value elsewhere is a conflict."""
    found: Occurrence | None = None
    for occurrence in occurrences:
        value = getattr(occurrence, key)
        if value is None:
            continue
        if found is None:
            found = occurrence
            continue
        first = getattr(found, key)
        same = (value.date == first.date if key == "due"
                else (value.target.id, value.outcome) == (first.target.id, first.outcome))
        if not same:
            shown = value.date if key == "due" else f"{value.target.id} ({value.outcome})"
            before = first.date if key == "due" else f"{first.target.id} ({first.outcome})"
            problems.append(_err(occurrence.locs[key], "event-conflict",
                                 f"event '{occurrence.id}' gives {key} {shown} here but "
                                 f"{before} at {_where(found.locs[key])}"))
    return found, getattr(found, key) if found is not None else None


def track_targets(site: Site, articles: Iterable[Article],
                  grouped: Mapping[str, Sequence[Occurrence]], events: Mapping[str, Event],
                  timeline: Sequence[str]) -> tuple[Tracked, list[Diagnostic]]:
    """Every target's due period and status, what settles what, and the problems:
    `due` on another kind or before the announcement, a resolution of nothing, of a
    non-target or of an already settled target."""
    problems: list[Diagnostic] = []
    as_of = as_of_date(site, articles)
    dues: dict[str, Due] = {}
    wanted: list[tuple[str, Occurrence, Resolves]] = []
    for event_id in timeline:
        event, occurrences = events[event_id], grouped[event_id]
        given, due = _first(occurrences, "due", problems)
        if isinstance(due, Due) and given is not None:
            loc = given.locs["due"]
            if event.kind != "target":
                problems.append(_err(loc, "bad-due", f"'due' is only for target events; "
                                     f"event '{event_id}' is kind '{event.kind}'"))
            elif due.date.end < event.date.start:
                problems.append(_err(loc, "bad-date", f"due {due.date} is before target "
                                     f"'{event_id}' was announced ({event.date})"))
            else:
                dues[event_id] = due
        elif event.kind == "target":
            first = occurrences[0]
            problems.append(warning(first.loc.path, first.loc.line, first.loc.col, "no-due",
                                    f"target '{event_id}' has no due date; add 'due:' (YYYY, "
                                    "YYYY-MM or YYYY-MM-DD) so its status can be tracked"))
        settling, resolves = _first(occurrences, "resolves", problems)
        if isinstance(resolves, Resolves) and settling is not None:
            wanted.append((event_id, settling, resolves))
    targets_ids = [e for e in timeline if events[e].kind == "target"]
    settles: dict[str, str] = {}
    settled_at: dict[str, Loc] = {}
    for event_id, settling, resolves in wanted:
        target, loc = resolves.target.id, resolves.target.loc
        if target not in events:
            if target not in grouped:  # a target whose merge failed was reported already
                problems.append(_err(loc, "unknown-ref", f"target '{target}' not found"
                                     f"{did_you_mean(target, targets_ids)}"))
            continue
        problem = _resolution_problem(event_id, events[event_id], target, events[target])
        if problem:
            problems.append(_err(loc, "bad-resolution", problem))
        elif target in settled_at:
            problems.append(_err(loc, "duplicate-resolution",
                                 f"target '{target}' is already settled by event "
                                 f"'{_settler(settles, target)}' at "
                                 f"{_where(settled_at[target])}; one event settles a target "
                                 "(a revised target is a new target event)"))
        else:
            settles[event_id] = target
            settled_at[target] = settling.locs["resolves"]
    by_target = {target: event_id for event_id, target in settles.items()}
    day = as_of.start if as_of is not None else None
    targets: dict[str, Target] = {}
    for event_id in targets_ids:
        settler = by_target.get(event_id)
        # A settling event after the as-of date has not happened yet as of then.
        if settler is not None and day is not None and events[settler].date.start > day:
            settler = None
        outcome = _outcome(wanted, settler)
        due = dues.get(event_id)
        targets[event_id] = Target(event_id, due,
                                   status_of(due.date if due else None, day, outcome),
                                   settler, outcome)
    by_node: dict[str, list[str]] = {}
    for event_id in targets:
        for node in (*events[event_id].carriers, *events[event_id].entities):
            by_node.setdefault(node, []).append(event_id)
    return Tracked(targets, settles, as_of,
                   {node: tuple(ids) for node, ids in by_node.items()}), problems


def _settler(settles: Mapping[str, str], target: str) -> str:
    return next(e for e, t in settles.items() if t == target)


def _outcome(wanted: Sequence[tuple[str, Occurrence, Resolves]], settler: str | None
             ) -> str | None:
    return next((r.outcome for e, _, r in wanted if e == settler), None)


def _resolution_problem(event_id: str, event: Event, target_id: str, target: Event
                        ) -> str | None:
    if target_id == event_id:
        return f"event '{event_id}' cannot settle itself; point resolves.target at the target"
    if target.kind != "target":
        return (f"event '{event_id}' resolves '{target_id}', which is kind '{target.kind}', "
                "not a target")
    if event.date.end < target.date.start:
        return (f"event '{event_id}' ({event.date}) is dated before target '{target_id}' "
                f"was announced ({target.date})")
    return None
