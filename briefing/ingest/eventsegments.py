"""The facts of one sentence: each dated clause (with the undated clauses that lead to it),
and each clause that states a plan with no date of its own (events.py).

Pure functions over the sentences of events.py.
"""

from __future__ import annotations

import re
from typing import Any

from briefing.ingest.clauses import clause_spans, is_intent, strong_break
from briefing.ingest.dates import DateMention
from briefing.ingest.eventparties import Sentence

_DEICTIC = re.compile(r"^(?:오늘|이날|금일|today)$", re.I)


RELATIVE = re.compile(r"\s*(?:which|who|whose)\b", re.I)


def _main_date(sentence: Sentence, dated: list[DateMention]) -> DateMention:
    """Of several dates in one clause, an explicit day over '오늘' ('오늘 … 27일(현지시간)')."""
    explicit = [d for d in dated if not _DEICTIC.match(d.text.strip())] or dated
    return explicit[0]


# '…, as the carrier seeks to …', '…, while it plans to …': no fact of its own.
_SUBORDINATE = re.compile(r"\s*(?:as|while|because|since|although|though|which|who|that|when|"
                          r"if|so that|in order to|to)\b", re.I)


# A letter or digit that no branch of the pattern in _only_dates removes (it removes only
# Latin letters, of which re.I folds 'ı' and 'İ' to 'i', and '에', '는', '도').
_KEPT = re.compile(r"[^\W_A-Za-zıİ에는도]")


def _only_dates(text: str, start: int, end: int, dates: list[DateMention]) -> bool:
    rest = text[start:end]
    for date in dates:
        rest = rest.replace(date.text, " ")
    first = _KEPT.search(rest)
    if first is not None and _KEPT.search(rest, first.end()) is not None:
        return False  # two characters stay whatever the pattern below removes
    return len(re.sub(r"[\W_]+|\b(?:on|in|at|early|late|earlier|later)\b|에는|에도|에", "",
                      rest, flags=re.I)) <= 1


def sentence_facts(sentence: Sentence, dated: list[DateMention]
              ) -> list[tuple[int, int, DateMention | None]]:
    """The facts of a sentence: each dated clause (with the undated clauses that lead to it),
    and each clause that states a plan with no date of its own (date None: when stated).

    'KT는 이달 초 조직을 신설한 데 이어 연내 500명을 채용하기로 했다' is two facts."""
    if not dated:
        return []
    text = sentence.text
    groups: list[list[Any]] = []  # [start, end, dates]
    lead: int | None = None
    fronted: list[DateMention] = []
    for start, end in clause_spans(text):
        dates = [d for d in dated if start <= d.start < end]
        if dates and _only_dates(text, start, end, dates):
            # 'Last month, SK Telecom …', '지난 3월, KT는 …': a fronted date is the next
            # clause's, not a clause of its own.
            fronted += dates
            lead = start if lead is None else lead
            continue
        dates, fronted = fronted + dates, []
        if dates and lead is not None and RELATIVE.match(text, start) and \
                is_intent(text[lead:start]):
            # 'KT will pay …, which underwent disruptions Oct. 25': the main clause is a plan
            # of its own; the date belongs to the relative clause.
            groups.append([lead, start, []])
            lead = None
        if dates or (groups and is_intent(text[start:end]) and strong_break(text, start)
                     and not _SUBORDINATE.match(text, start)):
            groups.append([start if lead is None else lead, end, dates])
            lead = None
        elif groups:
            groups[-1][1] = end  # a clause that goes on with the fact before
        elif lead is None:
            lead = start
    if lead is not None and groups:
        groups[-1][1] = len(text)
    if not any(g[2] for g in groups):
        return [(0, len(text), dated[0])] if dated else []
    return [(start, end, _main_date(sentence, dates) if dates else None)
            for start, end, dates in groups]
