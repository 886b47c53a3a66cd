"""Proposed events: one per dated clause, merged within the article, matched to content."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace
from itertools import pairwise

from briefing.core.dates import PartialDate
from briefing.ingest.dates import QUOTED_SPEECH, DateMention
from briefing.ingest.known import KnownEvent
from briefing.ingest.money import Money
from briefing.ingest.recognise import Mention
from briefing.load.files import slugify

# (kind, pattern), first match wins: a deal verb outranks the meeting it happened at.
_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple((k, re.compile(p, re.I)) for k, p in (
    ("outage", r"장애|먹통|불통|마비|\b(?:outage|disruption|blackout|network failure)"),
    ("investment", r"투자|출자|지분|인수했|인수한|인수를|쏟|투입|"
                   r"\b(?:invest|stake|acqui|funding round|backed|spen[dt]|"
                   r"put\b[^.]{0,40}\binto\b)"),
    ("alliance", r"얼라이언스|동맹|합작|\b(?:alliance|joint venture|consortium)"),
    ("appointment", r"선임|임명|취임|선출|내정|"
                    r"\b(?:appoint|named (?:as )?(?:the )?(?:new )?(?:ceo|chief|head)|elected|"
                    r"board member)"),
    ("partnership", r"협약|파트너십|MOU|업무협약|제휴|협력|손잡|손을 잡|계약|맞손|"
                    r"\b(?:partnership|partner|agreement|memorandum|collaborat|teamed up|signed)"),
    ("product", r"출시|공개|선보|론칭|런칭|상용화|서비스를 시작|도입|내놓|개소|"
                r"\b(?:launch|unveil|releas|introduc|roll(?:ed|s)? out|debut|open(?:ed|s))"),
    ("target", r"목표|달성하겠|달성할|계획|\b(?:target|aim|goal|plans? to|by 20\d\d)"),
    ("earnings", r"영업이익|매출|실적|순이익|\b(?:revenue|profit|earnings|sales)\b"),
    ("regulation", r"과징금|규제|법안|제재|방통위|과기정통부|"
                   r"\b(?:regulat|fine[sd]? |ministry|government)"),
    ("conference", r"행사|포럼|콘퍼런스|컨퍼런스|서밋|박람회|전시회|총회|라운드\s?테이블|개최|"
                   r"\b(?:MWC|CES|conference|summit|forum|congress|keynote|expo|roundtable)\b"),
))
_CLAUSE_CUT = re.compile(r",\s+(?:followed by\s+|while\s+|and\s+)?|;\s+|(?<=[며고서])\s+|"
                         r"\s+(?:followed by|and then|before|after which)\s+")
_PAST = re.compile(r"(?:었|았|했|됐|였|쳤|졌)다[.\"”']*\s*$")


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    mentions: tuple[Mention, ...]
    money: tuple[Money, ...]
    dates: tuple[DateMention, ...]
    caption: bool = False


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


def classify(text: str) -> tuple[str, bool]:
    """(kind, sure): 'statement' when no verb tells, which needs review."""
    text = QUOTED_SPEECH.sub(" ", text)  # what someone said is not what happened
    for kind, pattern in _KINDS:
        if pattern.search(text):
            return kind, True
    return "statement", False


def _title(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip(" ,;")
    if len(text) <= 120:
        return text
    cut = text[:118].rsplit(" ", 1)[0]
    return cut + "…"


def _clause_of(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around a span: from the clause break before it to the one after it."""
    before = [m.end() for m in _CLAUSE_CUT.finditer(text, 0, start)]
    after = _CLAUSE_CUT.search(text, end)
    return (before[-1] if before else 0), (after.start() if after else len(text))


def _segments(sentence: Sentence, dated: list[DateMention]) -> list[tuple[int, int, DateMention]]:
    """Cut a sentence with several dated clauses at the clause breaks between the dates."""
    if len(dated) < 2:
        return [(0, len(sentence.text), dated[0])]
    starts, ends = [0], []
    for left, right in pairwise(dated):
        breaks = list(_CLAUSE_CUT.finditer(sentence.text, left.end, right.start))
        if not breaks:
            return [(0, len(sentence.text), dated[0])]
        ends.append(breaks[-1].start())
        starts.append(breaks[-1].end())
    ends.append(len(sentence.text))
    return [(starts[i], ends[i], date) for i, date in enumerate(dated)]


def _ids_in(mentions: tuple[Mention, ...], start: int, end: int, carriers: bool) -> tuple[str, ...]:
    return tuple(dict.fromkeys(m.id for m in mentions
                               if m.is_carrier == carriers and start <= m.start < end))


def _event_date(sentence: Sentence, published: PartialDate | None
                ) -> tuple[list[DateMention], str | None]:
    """The dates that place events in this sentence, and a basis when it is a report date."""
    dated = [d for d in sentence.dates if d.role in ("event", "since", "target")]
    if dated:
        return dated, None
    announced = [d for d in sentence.dates if d.role == "announce"]
    if announced:
        return announced[:1], "the day it was announced"
    reported = [d for d in sentence.dates if d.role == "report"]
    if reported and classify(sentence.text)[1] and _PAST.search(sentence.text):
        # '30일 업계에 따르면 … 선임됐다': the fact is undated; the report day is only a hint.
        hint = reported[0]
        when = f" ({hint.date})" if hint.date else ""
        undated = DateMention(hint.start, hint.end, hint.text, None, None, "event", False, None,
                              f"the text dates only the report ('{hint.text}'{when}), "
                              "not the event")
        return [undated], None
    return [], None


def propose_events(sentences: list[Sentence], published: PartialDate | None
                   ) -> list[ProposedEvent]:
    """Every dated clause as an event, without ids resolved against the content yet."""
    events: list[ProposedEvent] = []
    context: tuple[str, ...] = ()
    for sentence in sentences:
        own_carriers = _ids_in(sentence.mentions, 0, len(sentence.text), True)
        dated, report_basis = _event_date(sentence, published)
        for start, end, date in _segments(sentence, dated) if dated else ():
            clause = sentence.text[start:end]
            near_start, near_end = _clause_of(sentence.text, max(date.start, start),
                                              min(date.end, end))
            kind, sure = classify(sentence.text[max(near_start, start):min(near_end, end)])
            if not sure:
                kind, sure = classify(clause)
            if not sure:
                kind, sure = classify(sentence.text)
            if date.role == "target":
                kind, sure = "target", True
            issues: list[str] = []
            if not sure:
                issues.append("no verb tells the kind; 'statement' is a guess")
            carriers = _ids_in(sentence.mentions, start, end, True) or own_carriers
            if not carriers and context:
                carriers = context
                issues.append("carriers taken from the sentences before")
            entities = _ids_in(sentence.mentions, start, end, False)
            if not entities and len(dated) == 1:
                entities = _ids_in(sentence.mentions, 0, len(sentence.text), False)
            money = [m for m in sentence.money if start <= m.start < end] or \
                (list(sentence.money) if len(dated) == 1 else [])
            amount = money[0].written if money else None
            if len(money) > 1:
                issues.append("several amounts in the sentence: "
                              + ", ".join(m.written for m in money))
            for item in money[:1]:
                if item.problem:
                    issues.append(f"amount '{item.written}': {item.problem}")
            basis = report_basis or date.basis
            if date.problem:
                issues.append(date.problem)
            if date.role == "since":
                issues.append(f"'{date.text}' gives the start of something ongoing")
            if date.role == "target":
                issues.append(f"'{date.text}' is a deadline or target date")
            events.append(ProposedEvent(
                id="", date=date.date, until=date.until, approximate=report_basis is not None
                and "report" in report_basis, basis=basis, title=_title(clause), kind=kind,
                carriers=carriers, entities=entities, amount=amount,
                evidence=(sentence.text,), issues=tuple(issues)))
        if own_carriers:
            context = own_carriers
    return merge_events(events)


def _same(a: ProposedEvent, b: ProposedEvent) -> bool:
    if a.kind != b.kind or a.date != b.date or a.until != b.until or a.date is None:
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


def merge_events(events: list[ProposedEvent]) -> list[ProposedEvent]:
    """Merge the same event told twice in one article (a caption and its paragraph)."""
    merged: list[ProposedEvent] = []
    for event in events:
        for index, other in enumerate(merged):
            if _same(other, event) or _said_then(event, other):
                merged[index] = _combine(other, event)
                break
            if _said_then(other, event):
                merged[index] = _combine(event, other)
                break
        else:
            merged.append(event)
    return merged


@dataclass(slots=True)
class EventIndex:
    """The content's events by (kind, year), and every id taken; grows through a batch."""

    by_kind_year: dict[tuple[str, str], list[KnownEvent]] = field(default_factory=dict)
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
                self.by_kind_year.setdefault((event.kind, event.date[:4]), []).append(event)

    def candidates(self, kind: str, date: PartialDate | None) -> list[KnownEvent]:
        return self.by_kind_year.get((kind, f"{date.year:04d}"), []) if date else []


def match_existing(event: ProposedEvent, index: EventIndex) -> KnownEvent | None:
    """An event already in the content: same kind and date, and a shared partner or carrier."""
    if event.date is None:
        return None
    iso = event.date.iso()
    for other in index.candidates(event.kind, event.date):
        if other.date != iso:
            continue
        if set(event.entities) & other.entities:
            return other
        # Without a shared partner only the same carrier on the same day is the same event.
        if event.date.day and not event.entities and set(event.carriers) & other.carriers:
            return other
    return None


def _base_id(event: ProposedEvent) -> str:
    parts = [*event.carriers[:2], *event.entities[:2], event.kind,
             event.date.iso() if event.date else "undated"]
    if not event.date:
        parts.append(hashlib.sha1(event.title.encode("utf-8")).hexdigest()[:6])
    return slugify("-".join(parts))


def assign_ids(events: tuple[ProposedEvent, ...], index: EventIndex) -> tuple[ProposedEvent, ...]:
    """Reuse the id of a matching content event; otherwise a new id no other event has."""
    taken = set(index.ids)
    result: list[ProposedEvent] = []
    for event in events:
        existing = match_existing(event, index)
        if existing is not None and existing.id not in {e.id for e in result}:
            result.append(replace(event, id=existing.id, existing=existing.path))
            continue
        base = _base_id(event)
        candidate, number = base, 2
        while candidate in taken:
            candidate, number = f"{base}-{number}", number + 1
        taken.add(candidate)
        result.append(replace(event, id=candidate))
    return tuple(result)
