"""Proposed events, and merging the same fact told twice in one article."""

from __future__ import annotations

from dataclasses import dataclass, replace

from briefing.core.dates import PartialDate


@dataclass(frozen=True, slots=True)
class ProposedEvent:
    id: str
    date: PartialDate | None
    until: PartialDate | None
    approximate: bool
    basis: str | None
    title: str
    kind: str
    carriers: tuple[str, ...]
    entities: tuple[str, ...]
    amount: str | None
    evidence: tuple[str, ...]
    issues: tuple[str, ...]
    existing: str | None = None  # the content file that already has this event
    same_as: str | None = None  # a draft of this run that tells it too (same id, all fields)
    clause: str = ""  # the words the event was read from (for its title)
    due: PartialDate | None = None  # targets: when the commitment falls due
    due_basis: str | None = None
    amount_conflict: str | None = None  # the content's amount of this event, when it differs


def _same(a: ProposedEvent, b: ProposedEvent) -> bool:
    if a.kind != b.kind or a.date != b.date or a.until != b.until or a.date is None \
            or a.due != b.due:
        return False
    if a.amount and b.amount and a.amount != b.amount:
        return False
    if set(a.carriers) != set(b.carriers) and a.carriers and b.carriers:
        return False
    # Same carrier, kind and day is one event (a caption may name only the speaker).
    if a.date.day:
        return True
    return not (a.entities and b.entities and not set(a.entities) & set(b.entities))


def _said_then(statement: ProposedEvent, other: ProposedEvent) -> bool:
    """A remark dated like another event of the article is part of that event."""
    return (statement.kind == "statement" and other.kind != "statement"
            and statement.date is not None and statement.date == other.date
            and (not statement.carriers or bool(set(statement.carriers) & set(other.carriers))))


def _combine(main: ProposedEvent, extra: ProposedEvent) -> ProposedEvent:
    issues = extra.issues if extra.kind == main.kind else \
        tuple(i for i in extra.issues if not i.startswith("no verb tells"))
    return replace(
        main,
        carriers=tuple(dict.fromkeys(main.carriers + extra.carriers)),
        entities=tuple(dict.fromkeys(main.entities + extra.entities)),
        amount=main.amount or extra.amount,
        evidence=tuple(dict.fromkeys(main.evidence + extra.evidence)),
        issues=tuple(dict.fromkeys(main.issues + issues)))


def _one_sentence(a: ProposedEvent, b: ProposedEvent) -> bool:
    """'2027년 90곳, 2028년 100곳, …': one plan told as a schedule, not four events."""
    return a.evidence == b.evidence and a.kind == b.kind and a.carriers == b.carriers


def _undated_twice(a: ProposedEvent, b: ProposedEvent) -> bool:
    """Undated, same kind and parties: the article telling one fact again."""
    return (a.date is None and b.date is None and a.kind == b.kind
            and set(a.carriers) == set(b.carriers) and bool(a.carriers)
            and (not a.entities or not b.entities or bool(set(a.entities) & set(b.entities)))
            and (not a.amount or not b.amount or a.amount == b.amount))


def merge_events(events: list[ProposedEvent]) -> list[ProposedEvent]:
    """Merge the same event told twice in one article (a caption and its paragraph)."""
    merged: list[ProposedEvent] = []
    for event in events:
        for index, other in enumerate(merged):
            if _same(other, event) or _said_then(event, other) or \
                    _one_sentence(other, event) or _undated_twice(other, event):
                merged[index] = _combine(other, event)
                break
            if _said_then(other, event):
                merged[index] = _combine(event, other)
                break
        else:
            merged.append(event)
    return merged
