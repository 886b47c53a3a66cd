"""Carriers named in passing: as a rival or peer, in someone's career, or in a comparison.

Such a mention ('경쟁사인 SK텔레콤과 LG유플러스도', 'KT 출신인', 'SK텔레콤보다', 'rivals SK
Telecom and KT', 'a former KT executive', 'Unlike SK Telecom, …') makes the carrier neither a
party to an event nor one of the article's carriers. Pure functions over one sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from briefing.ingest.recognise import Mention
from briefing.ingest.speech import quoted_spans

_TITLE = (r"(?:대표이사|대표|사장|부사장|회장|부회장|전무|상무|임원|본부장|부문장|센터장|팀장|"
          r"CEO|CTO|CFO|COO|CMO|CSO)")
# What follows the name: a career ('KT 출신', 'SK텔레콤 전 부사장'), a comparison ('KT보다',
# 'KT와 달리', 'KT에 비해') or a peer list ('KT 등 경쟁사').
_AFTER = re.compile(
    rf"(?:\s*(?:출신|전\s*(?:[가-힣A-Za-z]+\s*){{0,2}}{_TITLE}|前)|보다|[와과]\s*달리|에\s*비해|"
    r"(?:[와과,·・]\s*[A-Za-z가-힣+]+)*\s*등\s*(?:경쟁사|다른\s*통신사|타\s*통신사|경쟁\s*업체)|"
    # 'SKT・KT・LGU+ 이동통신 3사 중': one of the three, not a party by this mention.
    r"(?:\s*[와과,·・]\s*[A-Za-z가-힣+]+)*\s*(?:등\s*)?(?:국내\s*)?(?:이동\s*통신|이통|통신)\s*"
    r"3사\s*(?:중|가운데)|"
    # 'LG유플러스가 … 참여한 것과 달리': the other side of a contrast.
    r"[^,.]{0,60}?것과\s*달리|"
    r"\s+(?:alum(?:nus|na)?|veteran)\b|'s\s+(?:rivals?|peers?|competitors?)\b)", re.I)
# What comes before it: a rival ('경쟁사인', 'rivals'), a comparison ('unlike', 'than') or a
# career ('전 KT', 'former', 'ex-').
_BEFORE = re.compile(
    r"(?:경쟁사(?:인|의|로는)?|경쟁\s*업체(?:인)?|라이벌(?:인)?|(?<![가-힣])전|前|같은\s*기간(?:에)?|"
    r"\b(?:rivals?|peers?|competitors?|competing|unlike|than|compared (?:with|to)|versus|vs\.?|"
    r"former(?:ly (?:of|at|with))?|ex-|outpacing|trailing|behind|ahead of)|"
    r"\bformer\s+[\w-]+\s+(?:at|of)|\ba\s+former)\s*$", re.I)
# A list of names: 'SK텔레콤과 LG유플러스', 'SK Telecom and KT', 'KT, LG U+'.
_JOIN = re.compile(r"^(?:[와과]|,|·|・|ㆍ|/|\s+and|,\s+and)?\s*$")


# After a comma only a list that goes on is one ('KT, LG U+ and …'), not a new clause
# ('Unlike SK Telecom, KT builds …').
_LIST_GOES_ON = re.compile(r"\s*(?:,|·|・|등|[와과](?![가-힣])|and\b|or\b)")


def passing_mentions(text: str, mentions: Sequence[Mention]) -> frozenset[int]:
    """Starts of the carrier mentions that are in passing; a name listed with one in passing
    ('경쟁사인 SK텔레콤과 LG유플러스', 'rivals SK Telecom and KT') is in passing too."""
    carriers = [m for m in mentions if m.is_carrier]
    # A name in quoted speech ('“SKT랑 LGU+는 문제 없다”') is what someone said.
    found = {m.start for m in carriers
             if any(start <= m.start < end for start, end in quoted_spans(text))}
    for mention in carriers:
        before = text[max(0, mention.start - 40):mention.start]
        if _BEFORE.search(before) or _AFTER.match(text, mention.end):
            found.add(mention.start)
    # Spread along lists, both ways, until nothing changes.
    changed = True
    while changed:
        changed = False
        for left, right in pairwise(carriers):
            if (left.start in found) == (right.start in found):
                continue
            between = text[left.end:right.start]
            if _JOIN.match(between) and (between.strip() != "," or
                                         _LIST_GOES_ON.match(text, right.end)):
                found.update((left.start, right.start))
                changed = True
    return frozenset(found)


def party_mentions(text: str, mentions: Sequence[Mention]) -> tuple[Mention, ...]:
    """The mentions of a sentence without the carriers named in passing."""
    passing = passing_mentions(text, mentions)
    return tuple(m for m in mentions if not (m.is_carrier and m.start in passing))
