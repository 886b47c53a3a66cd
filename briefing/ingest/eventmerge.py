"""Proposed events, and merging the same fact told twice in one article."""

from __future__ import annotations

import re
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
    proposed: str | None = None  # a party not in the content (a local government), by name


_DEALS = frozenset({"partnership", "investment", "alliance"})
# The basis of a deal dated only by the day of the story it is told in (events.py).
STORY_DAY = "the day the story tells (no date of its own)"
STORY_YEAR = "the year the story tells (no date of its own)"


def _same(a: ProposedEvent, b: ProposedEvent) -> bool:
    if a.kind != b.kind or a.date != b.date or a.until != b.until or a.date is None \
            or a.due != b.due:
        return False
    if a.amount and b.amount and a.amount != b.amount:
        return False
    if set(a.carriers) != set(b.carriers) and a.carriers and b.carriers:
        return False
    if a.proposed != b.proposed:
        return False  # two local governments' plans, or one of theirs and another's
    if {a.basis, b.basis} & {STORY_DAY, STORY_YEAR} and \
            (a.carriers, a.entities) != (b.carriers, b.entities):
        return False  # parallel deals of a release, each told with its own parties
    if (a.approximate or b.approximate) and not (
            (a.amount and a.amount == b.amount) or set(a.entities) & set(b.entities)):
        return False  # an inferred date alone does not make two tellings one fact
    # Same carrier, kind and day is one event (a caption may name only the speaker), but
    # two deals of one day with different counterparts, told apart, are two ('SK hynix
    # signed with A …' / 'SK Telecom signed with B …').
    if a.date.day:
        return not (a.kind in _DEALS and a.evidence != b.evidence and a.entities and
                    b.entities and not set(a.entities) & set(b.entities))
    return not (a.entities and b.entities and not set(a.entities) & set(b.entities))


def _said_then(statement: ProposedEvent, other: ProposedEvent) -> bool:
    """A remark dated like another event of the article, or told in the same sentence
    ('…, outlined plans to …'), is part of that event."""
    return (statement.kind == "statement" and other.kind != "statement"
            and ((statement.date is not None and statement.date == other.date)
                 or statement.evidence == other.evidence)
            and (not statement.carriers or bool(set(statement.carriers) & set(other.carriers))))


# A plan that spells out an agreement: '양사는 … 9월까지 상세화할 예정이다', 'under the
# agreement', 'The two companies plan to …'.
_TERMS = re.compile(r"양사|양측|두\s*회사|(?:이번|해당)\s*(?:업무\s*)?협약|협약을\s*통해|"
                    r"\b(?:the two (?:companies|firms)|both (?:companies|firms)|the partners|"
                    r"under the (?:agreement|deal|partnership|pact))\b", re.I)


# What the plan is about: the cooperation itself ('협력 영역을 상세화', 'finalize their
# cooperation details'), not a product or a number of its own.
_COOPERATION = re.compile(r"협력|협업|세부|구체화|상세화|\b(?:cooperat|collaborat|details)", re.I)


def _terms_of(plan: ProposedEvent, deal: ProposedEvent) -> bool:
    """A target without an amount that spells out the cooperation of an agreement told
    before it is part of the agreement, not a commitment of its own."""
    text = plan.clause or plan.evidence[0]
    return (plan.kind == "target" and deal.kind in ("partnership", "alliance")
            and not plan.amount and bool(_TERMS.search(text)) and bool(_COOPERATION.search(text))
            and (not plan.carriers or set(plan.carriers) <= set(deal.carriers)))


def _combine(main: ProposedEvent, extra: ProposedEvent) -> ProposedEvent:
    issues = extra.issues if extra.kind == main.kind else \
        tuple(i for i in extra.issues if not i.startswith("no verb tells"))
    carriers = tuple(dict.fromkeys(main.carriers + extra.carriers))
    entities = tuple(dict.fromkeys(main.entities + extra.entities))
    issues = tuple(i for i in dict.fromkeys(main.issues + issues)
                   if not (i.startswith("no party") and (carriers or entities)))
    when, basis = main.date, main.basis
    if main.kind == "target" and main.basis == "the day the plan was stated" and \
            extra.kind == "statement" and extra.date is not None and extra.evidence == \
            main.evidence and (main.due is None or extra.date.end <= main.due.end):
        # 'Speaking at a briefing on Monday, the CEO said it will …': stated that day.
        when, basis = extra.date, "the day the plan was stated"
    return replace(main, date=when, basis=basis, carriers=carriers, entities=entities,
                   amount=main.amount or extra.amount,
                   evidence=tuple(dict.fromkeys(main.evidence + extra.evidence)),
                   issues=issues)


def _one_sentence(a: ProposedEvent, b: ProposedEvent) -> bool:
    """'2027년 90곳, 2028년 100곳, …': one plan told as a schedule, not four events. Deals of
    one sentence with amounts or counterparts of their own stay apart ('invested $300
    million, including $10 million in A in June and $200 million in B in July')."""
    if a.kind in _DEALS and ((a.amount and b.amount and a.amount != b.amount) or (
            a.entities and b.entities and not set(a.entities) & set(b.entities))):
        return False
    return a.evidence == b.evidence and a.kind == b.kind and a.carriers == b.carriers


def _undated_twice(a: ProposedEvent, b: ProposedEvent) -> bool:
    """Undated, same kind and parties: the article telling one fact again."""
    return (a.date is None and b.date is None and a.kind == b.kind
            and set(a.carriers) == set(b.carriers) and bool(a.carriers)
            and (not a.entities or not b.entities or bool(set(a.entities) & set(b.entities)))
            and (not a.amount or not b.amount or a.amount == b.amount))


def merge_events(events: list[ProposedEvent]) -> list[ProposedEvent]:
    """Merge the same event told twice in one article (a caption and its paragraph), and
    what only tells more of another (a remark on it, the terms of an agreement)."""
    merged: list[ProposedEvent] = []
    for event in events:
        for index, other in enumerate(merged):
            if _terms_of(event, other):
                merged[index] = replace(other, evidence=tuple(dict.fromkeys(
                    other.evidence + event.evidence)))
                break
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
