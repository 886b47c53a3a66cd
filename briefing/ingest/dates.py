"""Date expressions in a sentence, absolute or relative to the publication date.

Korean: `2024년 6월 20일`, `2024. 6. 20.`, `2024년 6월`, `2022년부터 2023년까지`, `올해 2월`,
`올 4월`, `지난해 5월`, `지난 10일`, `18일(현지시간)`, `이번달 1~2일`, `내년 상반기`, `이날`.
English: `June 20, 2024`, `in September 2023`, `from 2022 to 2023`, `since 2022`, `by 2028`,
`last year`, `on Tuesday`. A relative date with no publication date stays unresolved and
says why; nothing is guessed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefing.core.dates import PartialDate
from briefing.ingest.datepatterns import (
    ANNOUNCE_AFTER,
    ANNOUNCE_BEFORE,
    ENGLISH_ONLY,
    NEEDS,
    PATTERNS,
)
from briefing.ingest.datepatterns import MONTHS as MONTHS  # meta.py reads it here
from briefing.ingest.dateresolve import DateMention as DateMention
from briefing.ingest.dateresolve import resolve, role_of
from briefing.ingest.hints import mostly_hangul
from briefing.ingest.speech import quoted_spans as quoted_spans  # units.py reads it here
from briefing.ingest.speech import speech_spans


def find_dates(sentence: str, published: PartialDate | None,
               that_day: PartialDate | None = None,
               ahead: Sequence[tuple[int, int]] = (),
               that_year: int | None = None) -> list[DateMention]:
    """Every date expression in a sentence, resolved where it can be, in order. Within the
    `ahead` spans (clauses that state a plan) a bare month or day is the next one."""
    taken: list[tuple[int, int]] = speech_spans(sentence)
    found: list[DateMention] = []
    korean = mostly_hangul(sentence)
    present: dict[re.Pattern[str], bool] = {}
    for name, pattern in PATTERNS:
        if korean and name in ENGLISH_ONLY:
            continue
        need = NEEDS.get(name)
        if need is not None:
            if need not in present:
                present[need] = need.search(sentence) is not None
            if not present[need]:
                continue
        for match in pattern.finditer(sentence):
            start, end = match.start(), match.end()
            if not match.group(0).strip():
                continue
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            # A plan's date, unless it dates the telling ('said in March it will …').
            future = any(a <= start < b for a, b in ahead) and not (
                ANNOUNCE_AFTER.match(sentence, end)
                or ANNOUNCE_BEFORE.search(sentence[max(0, start - 60):start]))
            mention = resolve(name, match, published, that_day, future, that_year)
            if mention is None:
                continue
            lead = len(match.group(0)) - len(match.group(0).lstrip())
            start += lead
            mention = DateMention(start, end, sentence[start:end], mention.date, mention.until,
                                  mention.role, mention.relative, mention.basis, mention.problem)
            mention = DateMention(start, end, mention.text, mention.date, mention.until,
                                  role_of(mention, sentence, start, end), mention.relative,
                                  mention.basis, mention.problem)
            taken.append((start, end))
            found.append(mention)
    found.sort(key=lambda d: d.start)
    return found
