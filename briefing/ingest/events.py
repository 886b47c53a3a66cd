"""Proposed events: one per dated clause whose kind a verb tells, merged within the article.

Ids against the content are given in eventids.py.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from itertools import pairwise

from briefing.core.dates import PartialDate
from briefing.ingest.dates import DateMention
from briefing.ingest.horizon import find_horizon
from briefing.ingest.kinds import classify, is_plan
from briefing.ingest.money import Money
from briefing.ingest.recognise import Mention

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
    heading: bool = False  # a headline or sub-head: it restates the body, no event of its own


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


def _clause_of(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around a span: from the clause break before it to the one after it."""
    before = [m.end() for m in _CLAUSE_CUT.finditer(text, 0, start)]
    after = _CLAUSE_CUT.search(text, end)
    return (before[-1] if before else 0), (after.start() if after else len(text))


_DEICTIC = re.compile(r"^(?:오늘|이날|금일|today)$", re.I)


def _main_date(sentence: Sentence, dated: list[DateMention]) -> DateMention:
    """Of several dates in one clause, an explicit day over '오늘' ('오늘 … 27일(현지시간)')."""
    explicit = [d for d in dated if not _DEICTIC.match(d.text.strip())] or dated
    return explicit[0]


def _segments(sentence: Sentence, dated: list[DateMention]) -> list[tuple[int, int, DateMention]]:
    """Cut a sentence with several dated clauses at the clause breaks between the dates."""
    if len(dated) < 2:
        return [(0, len(sentence.text), dated[0])]
    starts, ends = [0], []
    for left, right in pairwise(dated):
        breaks = list(_CLAUSE_CUT.finditer(sentence.text, left.end, right.start))
        if not breaks:
            return [(0, len(sentence.text), _main_date(sentence, dated))]
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
        # '30일 업계에 따르면 … 선임됐다': the text dates only the report; the fact happened
        # by then, so it gets the report's month, marked approximate.
        hint = reported[0]
        if hint.date is None:
            return [DateMention(hint.start, hint.end, hint.text, None, None, "event", False,
                                None, f"the text dates only the report ('{hint.text}')")], None
        month = PartialDate(hint.date.year, hint.date.month) if hint.date.month else hint.date
        return [DateMention(hint.start, hint.end, hint.text, month, None, "event", True, None,
                            None)], (f"reported on {hint.date.iso()} ('{hint.text}'); the "
                                     "event happened by then")
    return [], None


# '… 25일 간담회에서 … 말했다': what a named party said on a given day is a statement.
_SPOKE = re.compile(r"(?:말했|밝혔|강조했|설명했|언급했|발표했|선언했|약속했|전했)다|"
                    r"\b(?:said|told|stressed|declared|pledged|announced)\b")
_SAME_DAY = re.compile(r"이날|이 날|이 자리에서|같은 날|당시|"
                       r"\b(?:the same day|at the event|there)\b", re.I)
# 'The company …', '회사는 …', '양사는 …': the subject named in the sentences before.
_ANAPHOR = re.compile(r"^[가-힣]\s*(?:CEO|대표|사장|회장|부사장|의장)(?:는|은|가|이)\s|"
                      r"^(?:(?:이|해당|같은)\s*)?(?:회사|업체|기업|통신사|양사|이통사|그룹)"
                      r"(?:는|가|도|측은)|^(?:The|the)\s+(?:company|carrier|firm|operator|"
                      r"telco|group)\b|^(?:It|The two|Both companies)\b")


def _stated(sentence: Sentence, that_day: PartialDate | None,
            published: PartialDate | None) -> PartialDate | None:
    """The day a statement was made: the day the sentence says it was announced, the day
    the story was on when it says so ('이날', 'at the event'), else the publication date."""
    said = [d.date for d in sentence.dates if d.role == "announce" and d.date is not None]
    if said:
        return said[0]
    return that_day if that_day and _SAME_DAY.search(sentence.text) else published


@dataclass(frozen=True, slots=True)
class _Before:
    """Who the article was last about: for sentences that name no one ('회사는 …')."""

    carriers: tuple[str, ...] = ()
    parties: tuple[str, ...] = ()


_SUBJECT_MARK = re.compile(r"\s*(?:\([^)]{1,20}\))?\s*(?:은|는|이|가|도|측은)(?![가-힣])")


def _has_subject(sentence: Sentence, start: int, end: int) -> bool:
    """Does a name in the clause take a subject particle ('엔비디아는'), or open an English
    clause ('Nvidia said …')? Without one, the story's subject goes on."""
    for mention in sentence.mentions:
        if not start <= mention.start < end:
            continue
        if _SUBJECT_MARK.match(sentence.text, mention.end) or \
                not sentence.text[start:mention.start].strip(" ,\"'“‘"):
            return True
    return False


def _parties(sentence: Sentence, start: int, end: int, single: bool,
             before: _Before) -> tuple[tuple[str, ...], tuple[str, ...], list[str]]:
    """(carriers, entities, issues): only names in the clause are its parties."""
    carriers = _ids_in(sentence.mentions, start, end, True)
    entities = _ids_in(sentence.mentions, start, end, False)
    if single and not carriers:
        carriers = _ids_in(sentence.mentions, 0, len(sentence.text), True)
    if single and not entities:
        entities = _ids_in(sentence.mentions, 0, len(sentence.text), False)
    issues: list[str] = []
    anaphor = _ANAPHOR.match(sentence.text[start:end].lstrip()) or \
        _ANAPHOR.match(sentence.text.lstrip())
    subject = _ids_in(sentence.mentions, 0, start, True)
    if not carriers and len(subject) == 1 and not _ids_in(sentence.mentions, start, end, False):
        # 'KT는 2월 … 알렸고, 4월에는 … 도입했다': one subject for both clauses.
        carriers = subject
        issues.append(f"party '{carriers[0]}' is the subject of the sentence, not named in "
                      "this clause")
    elif not carriers and len(before.carriers) == 1 and (
            anaphor or not sentence.mentions or not _has_subject(sentence, start, end)):
        # '회사는 오는 9월 …', '지난해 6월에는 … 투자해': the subject of the story goes on.
        carriers = before.carriers
        issues.append(f"party '{carriers[0]}' taken from the sentences before (no name here)")
    if not carriers and not entities:
        issues.append("no party found in this clause: add who did it")
    return carriers, entities, issues


def _amount(sentence: Sentence, start: int, end: int, single: bool) -> tuple[str | None, list[str]]:
    money = [m for m in sentence.money if start <= m.start < end] or \
        (list(sentence.money) if single else [])
    issues = []
    if len(money) > 1:
        issues.append("several amounts in the sentence: " + ", ".join(m.written for m in money))
    if money and money[0].problem:
        issues.append(f"amount '{money[0].written}': {money[0].problem}")
    return (money[0].written if money else None), issues


def _no_event(sentence: Sentence) -> bool:
    """Headings restate the body; quoted speech is what someone said, not what happened."""
    return sentence.heading or sentence.caption or \
        sentence.text.lstrip().startswith(('"', "“", "「"))  # ‘…’ quotes a name, not speech


def propose_events(sentences: list[Sentence], published: PartialDate | None,
                   affiliated: Mapping[str, tuple[str, ...]] | None = None
                   ) -> list[ProposedEvent]:
    """Every dated clause whose kind a verb tells, as an event (ids are given later)."""
    events: list[ProposedEvent] = []
    before = _Before()
    that_day: PartialDate | None = None
    for sentence in sentences:
        if _no_event(sentence):
            continue
        stated = _stated(sentence, that_day, published)
        dated, report_basis = _event_date(sentence, published)
        horizon = find_horizon(sentence.text, stated)
        if not dated and horizon is not None and is_plan(sentence.text):
            # '3년 안에 … 하겠다': a plan without a date of its own is dated when stated.
            dated = [DateMention(0, 0, "", stated, None, "target", True,
                                 "the day the plan was stated", None if stated else
                                 "the day the plan was stated is not in the text")]
        for start, end, date in _segments(sentence, dated) if dated else ():
            clause = sentence.text[start:end]
            near_start, near_end = _clause_of(sentence.text, max(date.start, start),
                                              min(date.end, end))
            kind, sure = classify(sentence.text[max(near_start, start):min(near_end, end)])
            if not sure:
                kind, sure = classify(clause)
            if not sure:
                kind, sure = classify(sentence.text)
            if date.role == "target" or (horizon is not None and is_plan(clause)):
                # '2030년까지 …', '내년 상반기까지 내놓을 계획': a plan, due at its horizon.
                kind, sure = "target", True
            if not sure and not (date.role == "event" and date.date is not None
                                 and date.date.day and _SPOKE.search(sentence.text)
                                 and (sentence.mentions or _ANAPHOR.match(sentence.text))):
                continue  # no verb tells what happened: a remark, not an event
            single = len(dated) == 1
            carriers, entities, issues = _parties(sentence, start, end, single, before)
            if not sure:
                issues.append("no verb tells the kind; 'statement' (what was said) is a guess")
            if not carriers and affiliated:
                # '유영상 대표가 …': the carrier its chief speaks and acts for.
                works_for = tuple(dict.fromkeys(c for e in entities for c in affiliated.get(e, ())))
                if works_for:
                    carriers = works_for
                    issues = [i for i in issues if not i.startswith("no party")]
                    issues.append(f"carrier '{works_for[0]}' through the affiliation of a "
                                  "person named here")
            amount, money_issues = _amount(sentence, start, end, single)
            issues.extend(money_issues)
            when, basis = date.date, report_basis or date.basis
            said = [d for d in sentence.dates if d.role == "announce" and d.date is not None]
            if kind == "earnings" and said and date is not said[0]:
                # Results are an event on the day they are announced, not in the quarter.
                issues.append(f"results for '{date.text}', announced '{said[0].text}'")
                when, basis = said[0].date, "the day the results were announced"
            due, due_basis = (horizon.due, horizon.basis) if horizon and kind == "target" \
                else (None, None)
            if date.role == "target" and date.text:
                # 'by 2025' is when the target falls due; the event is when it was set.
                due, due_basis = date.date, f"'{date.text}'"
                when, basis = stated, "the day the target was stated"
            elif horizon is not None and kind == "target" and date.text and \
                    date.text in horizon.text:
                when, basis = stated, "the day the plan was stated"
            if due is not None and when is not None and due.end < when.start:
                # 'by 2020' in a 2024 story is history, not a horizon: the check would refuse it.
                issues.append(f"the horizon ({due_basis}) is before the statement; no 'due' given")
                due, due_basis = None, None
            if date.problem:
                issues.append(date.problem)
            if date.role == "since":
                issues.append(f"'{date.text}' gives the start of something ongoing")
            events.append(ProposedEvent(
                id="", date=when, until=date.until if when is date.date else None,
                approximate=report_basis is not None and "report" in report_basis, basis=basis,
                title="", kind=kind, carriers=carriers, entities=entities, amount=amount,
                evidence=(sentence.text,), issues=tuple(issues), clause=clause, due=due,
                due_basis=due_basis))
        own = _ids_in(sentence.mentions, 0, len(sentence.text), True)
        if own:
            before = _Before(own, tuple(m.id for m in sentence.mentions))
        for date in sentence.dates:
            if date.date is not None and date.date.day and date.role == "event":
                that_day = date.date
    return merge_events(events)


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
