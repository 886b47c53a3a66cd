"""Event ids: reuse the id of the same event in the content (or an earlier draft of the
run); otherwise a new slug no event has."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace

from briefing.core.dates import PartialDate
from briefing.ingest.eventmerge import ProposedEvent
from briefing.ingest.known import KnownEvent
from briefing.ingest.money import read_amount
from briefing.load.files import slugify


@dataclass(slots=True)
class EventIndex:
    """The content's events by (kind, date), and every id taken; grows through a batch."""

    by_kind_date: dict[tuple[str, str], list[KnownEvent]] = field(default_factory=dict)
    ids: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, events: tuple[KnownEvent, ...]) -> EventIndex:
        index = cls()
        index.add(events)
        return index

    def add(self, events: tuple[KnownEvent, ...]) -> None:
        for event in events:
            self.ids.add(event.id)
            if event.kind and event.date:
                self.by_kind_date.setdefault((event.kind, event.date), []).append(event)

    def candidates(self, kind: str, date: PartialDate | None) -> list[KnownEvent]:
        """The events of that kind on that date (as precise), in the order they came."""
        return self.by_kind_date.get((kind, date.iso()), []) if date else []


def match_existing(event: ProposedEvent, index: EventIndex) -> KnownEvent | None:
    """An event already in the content: same kind and date, and a shared partner or carrier."""
    if event.date is None:
        return None
    for other in index.candidates(event.kind, event.date):
        if set(event.entities) & other.entities:
            return other
        # Without a shared partner only the same carrier on the same day is the same event.
        if event.date.day and not event.entities and set(event.carriers) & other.carriers:
            return other
    return None


def _conflict(ours: str | None, theirs: str | None) -> str | None:
    """The content's amount when this article's differs in value or currency (the build
    would refuse both); None when they agree or either is missing."""
    if not ours or not theirs:
        return None
    mine, other = read_amount(ours), read_amount(theirs)
    if mine is None or other is None:
        return theirs if ours.replace(" ", "") != theirs.replace(" ", "") else None
    return None if (mine.value, mine.currency) == (other.value, other.currency) else theirs


def _base_id(event: ProposedEvent) -> str:
    parts = [*event.carriers[:2], *event.entities[:2], event.kind,
             event.date.iso() if event.date else "undated"]
    if not event.date:
        parts.append(hashlib.sha1((event.clause or event.title).encode("utf-8")).hexdigest()[:6])
    return slugify("-".join(parts))


def assign_ids(events: tuple[ProposedEvent, ...], index: EventIndex) -> tuple[ProposedEvent, ...]:
    """Reuse the id of a matching content event; otherwise a new id no other event has."""
    taken: set[str] = set()  # besides index.ids (not copied: it grows through a batch)
    result: list[ProposedEvent] = []
    for event in events:
        existing = match_existing(event, index)
        if existing is not None and existing.id not in {e.id for e in result}:
            # A content event keeps only its id here; one from a draft of this run keeps
            # everything, as drafts are reviewed (and may be dropped) one by one.
            result.append(replace(event, id=existing.id, existing=existing.path,
                                  amount_conflict=_conflict(event.amount, existing.amount))
                          if not existing.in_run else
                          replace(event, id=existing.id, same_as=existing.path))
            continue
        base = _base_id(event)
        candidate, number = base, 2
        while candidate in taken or candidate in index.ids:
            candidate, number = f"{base}-{number}", number + 1
        taken.add(candidate)
        result.append(replace(event, id=candidate))
    return tuple(result)
