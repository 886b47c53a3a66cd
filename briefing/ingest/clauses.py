"""Clauses of a sentence and what governs them: where one fact ends and the next begins, which
of several dates belongs to the main verb, whether a clause states a plan, and whether it only
recalls background.

Pure functions over the sentence text (and Kiwi's tokens where a sentence has several dates).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise
from typing import Any

from briefing.ingest.boilerplate import WIRE_DATELINE
from briefing.ingest.dates import DateMention
from briefing.ingest.hints import holds_any
from briefing.ingest.kinds import classify
from briefing.ingest.speech import unquoted

# Clause breaks: a comma or semicolon, a Korean connective ending ('…했으며', '…하고',
# '…해서'), '…한 데 이어' / '…한 뒤', and English coordination before a new verb
# ('… and was named', '… and plans to').
CLAUSE_CUT = re.compile(
    # A quotative '…”고 말했다' binds to its speech verb: no break there.
    r",\s+(?:followed by\s+|while\s+|and\s+)?|;\s+|"
    r"(?<=[며고서])\s+(?!(?:말했|밝혔|강조했|설명했|전했|덧붙였|말하|밝히))|"
    r"(?<=[한된난진운낸친온준])\s+(?:데\s*이어(?:서)?|뒤|후(?:에)?|이후)\s+|"
    r"\s+(?:followed by|and then|before|after which)\s+|"
    r"\s+and\s+(?=(?:was|were|has|have|had|will|would|also|then|later|plans|aims|intends|is|"
    r"are)\b)")

# Syllables that end in ㄹ ('할', '선보일', '늘릴'): the future adnominal before '것이라고'.
_FINAL_L = "".join(chr(0xAC00 + i) for i in range(11172) if i % 28 == 8)
# A plan or commitment told by its verb: '…하기로 했다', '…할 계획이다', '…하겠다고 밝혔다',
# '…에 나선다', '추진한다', 'said it will …', 'plans to …'.
_INTENT = re.compile(
    r"[기키]로\s*(?:했|하였|결정|한\s*것|뜻을\s*모았|의견을\s*모았)|"
    r"계획(?:이다|이라|이며|이고|입니다|을\s*(?:밝|세|발표))|예정(?:이다|이라|이며|입니다)|"
    # '…하겠다는 의지를 내비쳤다' is a stance, not a plan; '검토하겠다' promises only a look.
    r"방침(?:이다|이라|이며|입니다)|(?<!검토하)겠다(?!는\s*(?:의지|입장|뜻|각오|포부|의사|자신감))|"
    r"(?<!검토하)겠습니다|"
    r"추진(?:한다|합니다|할\s*(?:계획|방침|예정)|키로)|나선다|나섭니다|나설\s*(?:계획|방침|예정)|"
    rf"[{_FINAL_L}]\s*것(?:이라고|이라며|이다|입니다)|"
    # 'said on Thursday the two companies will …', 'said SK Telecom will invest …'.
    r"\b(?:said|says|announced|added)(?:\s+(?:on|in)?\s*(?:the\s+)?[\w.]+){0,2}?\s+"
    r"(?:that\s+)?(?:it|they|he|she|both companies|the (?:two )?(?:company|companies|firm|firms|"
    r"carrier|operator|group|partners)|[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})\s+"
    r"(?:will|would|plans|intends|aims)\b|"
    r"\b(?:plans?|planning|intends?|intentions?|aims?|seeks?|pledged|vowed|promised)\s+to\b|"
    r"\b(?:is|are)\s+(?:set|scheduled|slated|due)\s+(?:to|for)\b|"
    # Headline grammar: 'Hanbit, Orbit and KT to create a fund …'; Korean '본격 추진한다'.
    r"^(?-i:(?:[A-Z][\w&.-]*(?:\s+[\w&.-]+){0,2}?,\s+){0,4}[A-Z][\w&.-]*(?:\s+[\w&.-]+){0,2}?,?"
    r"\s+and\s+[A-Z][\w&.-]*(?:\s+[\w&.-]+){0,2}?\s+to\s+"
    r"(?!(?:be|the|its|their|his|her)\b)[a-z]{3,})\b|"
    r"본격\s*(?:준비|추진|착수)(?:한다|합니다)|본격화한다", re.I)
# Every branch of _INTENT needs one of these (hints.py): most clauses are not searched.
_INTENT_WORDS = ("기로", "키로", "계획", "예정", "방침", "겠", "추진", "나선", "나섭", "나설",
                 "것이", "것입", "본격", "said", "says", "announced", "added", "plan", "inten",
                 "aim", "seek", "pledged", "vowed", "promised", "set", "scheduled", "slated",
                 "due", "and")

# Background: what the text recalls rather than reports ('… 한 바 있다', 'previously').
_BACKGROUND = re.compile(
    r"바\s*(?:있다|있으며|있고|있는데|있습니다)|"
    r"\b(?:previously|had (?:earlier|already|previously)|earlier this year|in the past)\b",
    re.I)


# A break that ends a clause with its own verb: a comma or semicolon, a verb's connective
# ending ('…했으며', '…하고'), '…한 데 이어', or English coordination ('… and plans to').
_STRONG = re.compile(r"(?:[,;]|(?:하|했|되|됐|였|었|았|이|으|히|지|키)(?:고|며)|데\s*이어서?|"
                     r"뒤|후에?|이후|\band)\s*$")


def strong_break(text: str, start: int) -> bool:
    """Does the clause at start follow a break that ends a clause of its own (not '…에서')?"""
    return bool(_STRONG.search(text[max(0, start - 12):start]))


def is_intent(text: str) -> bool:
    """Does the clause state a plan or commitment by its verb (not in quoted speech)?"""
    text = unquoted(text)
    return holds_any(text, _INTENT_WORDS) and bool(_INTENT.search(text))


def is_background(text: str) -> bool:
    """Does the clause recall an earlier fact ('지난해 … 한 바 있다', 'previously')?"""
    return bool(_BACKGROUND.search(text))


def clause_spans(text: str) -> list[tuple[int, int]]:
    """The clauses of a sentence as (start, end) spans, in order; together they cover it."""
    spans, start = [], 0
    for cut in CLAUSE_CUT.finditer(text):
        if cut.start() > start:
            spans.append((start, cut.start()))
        start = cut.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans or [(0, len(text))]


_NOUN_AFTER = frozenset({"NNG", "NNP", "NR", "SL", "SN", "MM", "XPN"})
# Bound nouns after an adnominal ending that join two clauses rather than embed one:
# '…한 데 이어', '…한 뒤', '…한 후', '…한 가운데'.
_JOINING = frozenset({"데", "뒤", "후", "가운데", "이후", "반면"})
# '…, which was set up in 2019, …', '…, founded in 2019, …': a relative or participial clause.
_EN_EMBEDDED = re.compile(r"(?:\b(?:who|which|whose|that)\b|(?:^|[,(]\s*)(?:founded|established|"
                          r"launched|set up|acquired|formerly)\b)[^,()]*$", re.I)


def _korean_embedded(date: DateMention, limit: int, tokens: Sequence[Any]) -> bool:
    """Is the first verb after the date an adnominal ending ('지난 7월 퇴임한 김 전 대표를'),
    so that the date belongs to a clause that describes a noun, not to the main verb?"""
    after = [t for t in tokens if date.end <= t.start < limit]
    for index, token in enumerate(after):
        if token.tag in ("EC", "EF"):
            return False
        if token.tag == "ETM":
            nxt = after[index + 1] if index + 1 < len(after) else None
            if nxt is None:
                return False
            return nxt.form not in _JOINING and (nxt.tag in _NOUN_AFTER or nxt.tag == "NNB")
    return False


def embedded_dates(text: str, dates: Sequence[DateMention],
                   tokens: Sequence[Any] | None) -> frozenset[int]:
    """Starts of the dates that sit in a clause describing a noun (Korean adnominal clause,
    English relative or participial clause): of two dates in one clause, not the one that
    governs its verb. In Korean only dates followed by another date are checked: the last
    date of a sentence is always left to govern. In English a date in a relative clause
    after a comma or in a backdrop ('following the summit last month') never governs."""
    found: set[int] = set()
    korean = tokens is not None
    for date, following in pairwise(dates):
        if korean:
            if _korean_embedded(date, following.start, tokens or ()):
                found.add(date.start)
        elif _EN_EMBEDDED.search(text[:date.start]) and "," in text[date.end:following.start]:
            found.add(date.start)
    if not korean:
        found.update(d.start for d in dates if _backdrop(text, d))
    return frozenset(found)


# 'following the summit last month': a date that sets the scene; '…, which began in 2004':
# one too, unless the relative clause tells a fact of its own ('…, which lost card payments
# in an outage on June 10').
_EN_SCENE = re.compile(r"\b(?:following|amid|in the wake of)\b[^,()]*$", re.I)
_EN_RELATIVE = re.compile(r",\s*(?:which|who|whose)\b[^,()]*$", re.I)


def _backdrop(text: str, date: DateMention) -> bool:
    if _EN_SCENE.search(text[:date.start]):
        return True
    relative = _EN_RELATIVE.search(text[:date.start])
    return relative is not None and not classify(text[relative.start():date.end])[1]


# '… 짓겠다고 4월 29일 공시했다': a plan reported on a day; its bare date dates the telling.
_REPORTED = re.compile(r"(?:다|라)고\s*(?:(?:\S+\s+){0,3}?"
                       r"(?:밝혔|공시했|발표했|말했|설명했|전했|알렸)|$)|"
                       r"\b(?:said|announced|told)\b", re.I)


def is_reported(text: str) -> bool:
    """Does the text tell what was said ('…하겠다고 밝혔다', 'said')?"""
    return bool(_REPORTED.search(text))


def plan_spans(text: str) -> list[tuple[int, int]]:
    """The clauses of a sentence that state a plan, not as reported speech: their bare
    dates lie ahead ('3월 출시할 계획이다' in a June story is next March)."""
    return [(start, end) for start, end in clause_spans(text)
            if is_intent(text[start:end]) and not _REPORTED.search(text[start:end])]


_MONTH_DAY = (r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}"
              r"(?:,\s+\d{4})?")
# 'Seoul, South Korea - June 7, 2026 -', 'India, July 5 --': a dateline with dashes (the wire
# forms with an agency, 'SEOUL, March 10 (Yonhap) --', are boilerplate.py's).
_DASH_DATELINE = re.compile(
    rf"^[A-Z][A-Za-z .'-]{{1,30}}(?:,\s+[A-Z][A-Za-z .'-]{{1,30}}?)?\s*(?:,|--|—|–|-)\s*"
    rf"{_MONTH_DAY}\s*(?:--|—|–|-)\s*(?=\S)")


def lede_dateline(text: str) -> int:
    """Where a dateline that opens a lede ends (0 without one): its date is the day the
    story was told, and it is no clause of the fact."""
    match = WIRE_DATELINE.match(text) or _DASH_DATELINE.match(text)
    return match.end() if match else 0
