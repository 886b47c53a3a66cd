"""Proposed events: one per fact (a dated clause whose kind a verb tells, or a plan), merged
within the article (eventmerge.py).

Ids against the content are given in eventids.py.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from briefing.core.dates import PartialDate
from briefing.ingest.anchor import Anchor, in_anchor_year, text_year
from briefing.ingest.clauses import (
    CLAUSE_CUT,
    is_background,
    is_intent,
    is_reported,
    lede_dateline,
)
from briefing.ingest.dates import DateMention
from briefing.ingest.eventclues import (
    DEAL_DONE,
    SPOKE,
    no_event,
    release_day,
    said_like_this,
    stated_on,
    told_plan,
)
from briefing.ingest.eventmerge import STORY_DAY, STORY_YEAR, ProposedEvent, merge_events
from briefing.ingest.eventparties import (
    ANAPHOR,
    SUBJECT_MARK,
    Before,
    Sentence,
    ids_in,
    parties_of,
)
from briefing.ingest.eventsegments import RELATIVE, sentence_facts
from briefing.ingest.horizon import find_horizon
from briefing.ingest.kinds import classify, is_plan
from briefing.ingest.localgov import local_subject

_PAST = re.compile(r"(?:었|았|했|됐|였|쳤|졌)다[.\"”']*\s*$")
# A fact told in the past tense ('…투자했는데요', 'it invested …'), not a plan.
_TOLD_PAST = re.compile(r"(?:었|았|했|됐|였|쳤|졌)(?:다|는데요|습니다)[.\"”']*\s*$|"
                        r"\b(?:it|he|she|they|the (?:company|carrier|firm))\s+(?:also\s+)?"
                        r"[a-z]{3,}ed\b", re.I)
_CARRY = 3  # sentences a year told before still dates an undated fact
_ACTS = re.compile(r"\b(?:it|the (?:company|carrier|firm))\s+(?:also\s+)?[a-z]{3,}ed\b", re.I)


def _clause_of(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around a span: from the clause break before it to the one after it."""
    before = [m.end() for m in CLAUSE_CUT.finditer(text, 0, start)]
    after = CLAUSE_CUT.search(text, end)
    return (before[-1] if before else 0), (after.start() if after else len(text))


def _fields(mention: DateMention) -> tuple[Any, ...]:
    """A date mention's values after its span (to place it at another clause)."""
    return (mention.text, mention.date, mention.until, mention.role, mention.relative,
            mention.basis, mention.problem)


def _about_passing(sentence: Sentence, clause_start: int) -> bool:
    """Is the clause a relative clause ('…, which …') describing a carrier named in passing?"""
    if not sentence.passing or not RELATIVE.match(sentence.text, clause_start):
        return False
    return any(m.start in sentence.passing and
               not sentence.text[m.end:clause_start].strip(" ,")
               for m in sentence.mentions)


_DEALS = frozenset({"partnership", "investment", "alliance", "appointment"})
# A disclosure is a fact of its month ('in April 2026 SK Telecom disclosed it had used …');
# a remark needs its day.
_DISCLOSED = re.compile(r"\b(?:disclosed|revealed)\b|공시했|공개했다고", re.I)
_OPEN_END = re.compile(r"(?<![었았였했됐졌렸켰])(?:고|며)\s*$")
def _event_date(sentence: Sentence, published: PartialDate | None
                ) -> tuple[list[DateMention], str | None]:
    """The dates that place events in this sentence, and a basis when it is a report date."""
    dated = [d for d in sentence.dates if d.role in ("event", "since", "target")
             and d.start not in sentence.embedded]
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


def _amount(sentence: Sentence, start: int, end: int, single: bool,
            near: tuple[int, int] = (0, 0)) -> tuple[str | None, list[str]]:
    """The clause's amount: the one in the date's own clause first ('…$500 million, including
    a $20 million investment in May …' is $20 million for May)."""
    money = [m for m in sentence.money if start <= m.start < end]
    if len(money) > 1:
        money = [m for m in money if near[0] <= m.start < near[1]] or money
    money = money or (list(sentence.money) if single else [])
    issues = []
    if len(money) > 1:
        issues.append("several amounts in the sentence: " + ", ".join(m.written for m in money))
    if money and money[0].problem:
        issues.append(f"amount '{money[0].written}': {money[0].problem}")
    return (money[0].written if money else None), issues


def _after_dateline(sentence: Sentence) -> Sentence:
    """A lede's dateline ('SEOUL, March 10 (Yonhap) --') blanked, its date the day the
    story was told: no clause of the fact, and no date of it."""
    end = lede_dateline(sentence.text)
    if not end:
        return sentence
    dates = tuple(replace(d, role="announce") if d.start < end and d.role == "event" else d
                  for d in sentence.dates)
    return replace(sentence, text=" " * end + sentence.text[end:], dates=dates)


def propose_events(sentences: list[Sentence], published: PartialDate | None,
                   affiliated: Mapping[str, tuple[str, ...]] | None = None,
                   venues: frozenset[str] = frozenset(),
                   anchor: Anchor | None = None) -> list[ProposedEvent]:
    """Every dated clause whose kind a verb tells, as an event (ids are given later).
    `venues` are the ids of fairs and conferences: where something happened, not who.
    Without a publication date, the story's `anchor` (anchor.py) dates statements, bare
    days and relative years instead, each event flagged (approximate for a year)."""
    if published is None and anchor is None:
        anchor = text_year(sentences)
    if published is not None or anchor is None:
        return _propose(sentences, published, affiliated, venues)
    if not anchor.date.day:
        sentences = [replace(s, dates=tuple(in_anchor_year(d, anchor) for d in s.dates))
                     for s in sentences]
    note = f"no publication date in the text: dated by {anchor.basis}"
    return [replace(e, issues=(*e.issues, note), approximate=e.approximate or not
                    anchor.date.day) if e.date is not None else e
            for e in _propose(sentences, anchor.date, affiliated, venues)]


def _propose(sentences: list[Sentence], published: PartialDate | None,
             affiliated: Mapping[str, tuple[str, ...]] | None,
             venues: frozenset[str]) -> list[ProposedEvent]:
    events: list[ProposedEvent] = []
    before = Before()
    that_day: PartialDate | None = None
    year_before: DateMention | None = None  # the year the last dated sentence told
    since_year = 0
    story_day = False  # a sentence before told the day of the story (the publication day)
    lede_end, lede_day = said_like_this(sentences)  # the lede of '… 이같이 밝혔다'
    told_day = release_day(sentences, published)
    for position, told in enumerate(sentences):
        if no_event(told):
            continue
        sentence = _after_dateline(told)
        stated = stated_on(sentence, that_day, told_day or published)
        dated, report_basis = _event_date(sentence, published)
        if position < lede_end and lede_day is not None and classify(sentence.text)[1] and all(
                d.relative and d.date is not None and d.date.start <= lede_day.date.start
                and lede_day.date.end <= d.date.end for d in dated):
            # The lede before '… 4일 … 이같이 밝혔다' was told that day ('… 이달 출범한다').
            stated = lede_day.date
            dated = [DateMention(0, 0, "", lede_day.date, None, "event", True,
                                 f"told on '{lede_day.text}' (… 이같이 밝혔다)", None)]
        horizon = find_horizon(sentence.text, stated)
        when_stated = DateMention(0, 0, "", stated, None, "target", True,
                                  "the day the plan was stated", None if stated else
                                  "the day the plan was stated is not in the text")
        if not sentence.dates and year_before is not None and sentence.money and \
                _TOLD_PAST.search(sentence.text) and classify(sentence.text)[0] in _DEALS and \
                not is_plan(sentence.text) and (
                    _ACTS.search(sentence.text) or any(
                        m.is_carrier and SUBJECT_MARK.match(sentence.text, m.end)
                        for m in sentence.parties)):
            # 'SK Telecom … in 2023 … . Notably, it invested 15 billion won in …': a deal with
            # an amount, by the story's subject, with no date of its own, right after a
            # dated sentence, happened that year (approximate).
            dated = [replace(year_before, start=0, end=0, problem=(
                f"no date of its own; the year of the sentence before ('{year_before.text}')"))]
            report_basis = f"the year of the sentence before ('{year_before.text}')"
        # A story anchored by a fair's year (no date line) is told that year throughout.
        anchored_year = published is not None and not published.month
        if not dated and (story_day or anchored_year) and published is not None and \
                sentence.parties and DEAL_DONE.search(sentence.text) and classify(
                    sentence.text)[0] in _DEALS and not is_plan(sentence.text) and \
                not is_background(sentence.text):
            # A release's parallel deals ('A signed an LOI with …', 'B signed an MOU with …')
            # after a lede dated the story's day, with no date of their own: that day's.
            told_basis = STORY_YEAR if anchored_year else STORY_DAY
            dated = [DateMention(0, 0, "", published, None, "event", True, told_basis,
                                 "no date of its own; " + told_basis.split(" (")[0])]
        if not dated and ((horizon is not None and is_plan(sentence.text)) or (
                told_plan(sentence, before) and is_intent(sentence.text))):
            # '3년 안에 … 하겠다', '회사는 … 나서기로 했다': a plan without a date of its own
            # is dated when stated.
            dated = [when_stated]
        segments = sentence_facts(sentence, dated)
        for index, (start, end, found) in enumerate(segments):
            clause = sentence.text[start:end]
            # '올해 투자를 40% 늘리고, 인력도 두 배로 채용하겠다': an open '-고' clause shares
            # the intent of the clause it leads into.
            carried = index + 1 < len(segments) and bool(_OPEN_END.search(clause)) and \
                is_intent(sentence.text[segments[index + 1][0]:segments[index + 1][1]])
            date = found or DateMention(start, start, *_fields(when_stated))
            near_start, near_end = _clause_of(sentence.text, max(date.start, start),
                                              min(date.end, end))
            if _about_passing(sentence, near_start):
                continue  # 'Unlike SK Telecom, which invested …': a fact of a rival in passing
            kind, sure = classify(sentence.text[max(near_start, start):min(near_end, end)])
            if kind == "conference":  # 'At MWC 2025, KT signed …', 'CES에서 공개한': not the venue
                after = _clause_of(sentence.text, near_end + 1, near_end + 1)
                deal = classify(sentence.text[after[0]:min(after[1], end)])[0]
                kind = deal if deal in _DEALS or deal == "product" else kind
            if not sure:
                kind, sure = classify(clause)
            if not sure:
                kind, sure = classify(sentence.text)
            # A dated day keeps a kind its verb tells ('오는 25일 출시할 예정이다', '26일 합작사를
            # 세우기로 했다'); a plan told at a briefing is the plan.
            # '9일 … 투입할 방침이라고 밝혔다': a day up to the telling dates the telling.
            telling = date.date is not None and stated is not None and \
                date.date.start <= stated.start and is_reported(sentence.text[date.end:])
            plan = (is_intent(clause) or carried) and not (
                date.date is not None and date.date.day and sure and date.role == "event"
                and kind != "statement" and not telling)
            # 'plans an AI cloud, the first site targeting a 2027 launch' in a 2026 story: a
            # year or month after the telling, in a clause that plans, is when it falls due.
            plan = plan or (date.date is not None and stated is not None and not date.date.day
                            and date.role == "event" and date.date.start > stated.end
                            and is_plan(clause))
            clause_horizon = find_horizon(clause, stated) if found is None or plan else horizon
            if date.role == "target" or plan or (horizon is not None and is_plan(clause)):
                # '2030년까지 …', '내년 상반기까지 내놓을 계획', '…에 나서기로 했다': a plan,
                # due at its horizon (a scheduled day keeps its kind: '오는 5일 열 예정').
                kind, sure = "target", True
            if is_background(clause) and not (
                    date.date is not None and (date.date.month or not date.relative)
                    and found is not None and ids_in(sentence.parties, start, end, True)):
                # '지난해 … 한 바 있다', 'previously': recalled, not reported; kept when the
                # text dates it ('지난 2022년에도 … 투자한 바 있다') and names the carrier.
                continue
            if not sure and not (date.role in ("event", "announce") and date.date is not None
                                 and ((date.date.day and SPOKE.search(sentence.text)) or (
                                     date.date.month and not date.relative
                                     and _DISCLOSED.search(clause)))
                                 and (sentence.mentions or ANAPHOR.match(sentence.text))):
                continue  # no verb tells what happened: a remark, not an event
            single = len(dated) == 1 and len(segments) == 1
            carriers, entities, issues = parties_of(sentence, start, end, single, before, kind)
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
            period = False
            # Of several dated facts in a sentence, each takes the amount of its own date's
            # clause; one fact keeps the first amount ('will spend 12 trillion won … from
            # this year out of its total investment of 27 trillion won').
            amount, money_issues = _amount(sentence, start, end, single,
                                           (near_start, near_end) if found is not None
                                           and len(segments) > 1 else (0, 0))
            issues.extend(money_issues)
            when, basis = date.date, report_basis or date.basis
            said = [d for d in sentence.dates if d.role == "announce" and d.date is not None]
            if kind == "earnings" and said and date is not said[0]:
                # Results are an event on the day they are announced, not in the quarter.
                issues.append(f"results for '{date.text}', announced '{said[0].text}'")
                when, basis = said[0].date, "the day the results were announced"
            elif kind == "earnings" and date.until is not None and date.date is not None and \
                    (published is None or not published.month):
                # '2025년 1분기 …을 기록했다' with no day of announcement: results are told after
                # their period, in its year (a year-end period's in the next one).
                end_year = date.until.year + (date.until.month == 12)
                issues.append(f"results for '{date.text}'; the day they were announced is "
                              "not in the text")
                when, basis = PartialDate(end_year), "the year the results were announced"
                period = True
            horizon_here = clause_horizon or horizon
            due, due_basis = (horizon_here.due, horizon_here.basis) \
                if horizon_here and kind == "target" else (None, None)
            if date.role == "target" and date.text:
                # 'by 2025' is when the target falls due; the event is when it was set.
                due, due_basis = date.date, f"'{date.text}'"
                when, basis = stated, "the day the target was stated"
            elif horizon_here is not None and kind == "target" and date.text and \
                    date.text in horizon_here.text:
                when, basis = stated, "the day the plan was stated"
            elif plan and date.role == "event" and date.date is not None and stated is not None \
                    and date.date.end >= stated.start and date.date != stated:
                # '오는 9월 출시할 예정이다': the plan is stated now and due then.
                due, due_basis = date.until or date.date, f"'{date.text}'"
                when, basis = stated, "the day the plan was stated"
            elif kind == "target" and date.role == "event" and date.relative and \
                    date.date is not None and stated is not None and date.date != stated and \
                    date.date.start <= stated.start <= date.date.end:
                # '올해 … 등을 목표로 내세웠다': this year's goals, set on the day told.
                due, due_basis = date.until or date.date, f"'{date.text}'"
                when, basis = stated, "the day the target was stated"
            if due is not None and when is not None and due.end < when.start:
                # 'by 2020' in a 2024 story is history, not a horizon: the check would refuse it.
                issues.append(f"the horizon ({due_basis}) is before the statement; no 'due' given")
                due, due_basis = None, None
            if date.problem:
                issues.append(date.problem)
            if date.role == "since":
                issues.append(f"'{date.text}' gives the start of something ongoing")
            placed = found is not None and date.date is not None and bool(date.date.day) \
                and date.role in ("event", "announce")
            local = local_subject(clause.strip()) or local_subject(sentence.text)
            if local is not None and not ids_in(sentence.parties, start, end, True):
                # A local government acts: not the carrier of the sentences before.
                carriers = ()
                issues = [i for i in issues if "sentences before" not in i]
            local = local if kind == "target" else None  # its own plan needs no other party
            if not carriers and not set(entities) - venues and local is not None:
                issues.append(f"the party is '{local[0]}', a local government not in the "
                              "content: propose it as an entity")
            elif not carriers and not set(entities) - venues and not placed:
                continue  # no one acts and no day places it: background, or another's story
            events.append(ProposedEvent(
                id="", date=when, until=date.until if when is date.date and not period else None,
                approximate=period or (report_basis is not None and (
                    "report" in report_basis or "sentence before" in report_basis)), basis=basis,
                title="", kind=kind, carriers=carriers, entities=entities, amount=amount,
                evidence=(told.text,), issues=tuple(issues), clause=clause.strip(), due=due,
                due_basis=due_basis, proposed=local[0] if local and not carriers else None))
        told_year = next((d for d in sentence.dates if d.role == "event" and d.date is not None
                          and d.start not in sentence.embedded), None)
        if told_year is not None and told_year.date is not None:
            year_before = replace(told_year, date=PartialDate(told_year.date.year), until=None,
                                  basis=None, problem=None)
            since_year = 0
        elif sentence.dates or since_year >= _CARRY:
            year_before = None
        since_year += 1
        own = ids_in(sentence.parties, 0, len(sentence.text), True)
        if own:
            before = Before(own, tuple(m.id for m in sentence.mentions))
        for date in sentence.dates:
            if date.date is not None and date.date.day and date.role == "event":
                that_day = date.date
            story_day = story_day or (date.date == published and date.role in (
                "event", "announce") and published is not None and bool(published.day))
    return merge_events(events)
