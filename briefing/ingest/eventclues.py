"""Clues in a sentence that make it a fact of the article, and the day it was told:
plans a party states, remarks on a day, the lede of '… 이같이 밝혔다', deals told as done,
and what is no fact (headings, quoted speech, market commentary).

Pure functions over the sentences of events.py.
"""

from __future__ import annotations

import re
from typing import Any

from briefing.core.dates import PartialDate
from briefing.ingest.eventparties import ANAPHOR, SUBJECT_MARK, Before, Sentence
from briefing.ingest.hints import holds_any
from briefing.ingest.localgov import local_subject
from briefing.ingest.speech import unquoted

# A plan with neither date nor horizon is an event when a named party states something
# measurable (an amount, a count: 'KT는 300명 채용에 나서기로 했다'), not every '…할 방침이다'
# or '…하겠다는 입장을 밝혔다'.
_MEASURE = re.compile(r"\d\s*(?:명|곳|개|대|%|만|억|조)|"
                      r"\d+(?:\.\d+)?\s*(?:percent|%|million|billion)|"
                      r"\b(?:two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|"
                      r"thousands)\b|[한두세네]\s*(?:곳|개|배|명)", re.I)


# A plan the party itself told: 'KT said it will …', 'The company plans to …', '…하겠다고
# 밝혔다', '…할 계획이라고 밝혔다' (not a plan someone else reads into it).
_OWN_PLAN = re.compile(
    r"^[^,]{0,60}?\b(?:said|says|announced)\s+(?:that\s+)?(?:it|the (?:company|carrier))\s+"
    r"(?:will|would|aims|plans)\b|^(?:The|the)\s+(?:company|carrier|operator)\s+(?:also\s+)?"
    r"(?:plans|aims|intends)\s+to\b|"
    r"(?:겠다|계획이라|방침이라)고\s*(?:\S+\s+){0,2}?(?:밝혔|말했|강조했|설명했)다|"
    # 'SK Telecom has announced plans to build …'.
    r"^[^,]{0,60}?\b(?:announced|unveiled|outlined)\s+(?:its\s+|their\s+)?plans?\s+to\b|"
    # A lede's plan in the present: 'KT가 … 사업을 본격 추진한다'.
    r"본격\s*(?:준비|추진|착수)(?:한다|합니다)|본격화한다")


def told_plan(sentence: Sentence, before: Before) -> bool:
    local = local_subject(sentence.text)
    if local is not None and not any(m.is_carrier for m in sentence.parties):
        # A local government's own release ('전남도는 … 지원할 계획이다'); a site needs a
        # measure ('장성에는 2조원 규모 … 조성될 예정이다').
        return not local[1] or bool(sentence.money or _MEASURE.search(sentence.text))
    named = any(m.is_carrier and SUBJECT_MARK.match(sentence.text, m.end)
                for m in sentence.parties) or \
        any(m.is_carrier and m.start < 3 for m in sentence.parties)
    # 'The company …', '이들 기관은 …': the story's carrier goes on.
    own = named or (bool(ANAPHOR.match(sentence.text)) and bool(before.carriers))
    if own and (sentence.money or _MEASURE.search(sentence.text)):
        return True
    # A plan the story's carrier states in its own words is one, measured or not.
    return own and bool(_OWN_PLAN.search(unquoted(sentence.text)))


# '… 25일 간담회에서 … 말했다': what a named party said on a given day is a statement.
SPOKE = re.compile(r"(?:말했|밝혔|강조했|설명했|언급했|발표했|선언했|약속했|전했)다|"
                   r"\b(?:said|told|stressed|declared|pledged|announced)\b")
_SAME_DAY = re.compile(r"이날|이 날|이 자리에서|같은 날|당시|"
                       r"\b(?:the same day|at the event|there)\b", re.I)


def stated_on(sentence: Sentence, that_day: PartialDate | None,
              published: PartialDate | None) -> PartialDate | None:
    """The day a statement was made: the day the sentence says it was announced, the day
    the story was on when it says so ('이날', 'at the event'), else the publication date."""
    said = [d.date for d in sentence.dates if d.role == "announce" and d.date is not None]
    if said:
        return said[0]
    return that_day if that_day and _SAME_DAY.search(sentence.text) else published


_LEDE = 2  # sentences that may tell the day a release was given out
_RELEASE_LAG = 3  # days a story may run after the release it reports


def release_day(sentences: list[Sentence], published: PartialDate | None
                ) -> PartialDate | None:
    """The day a lede says the story's source told it ('전남도가 16일 … 밝혔다' in a paper
    of the 17th): the day its later plans were stated, rather than the day printed."""
    if published is None or not published.day:
        return None
    for sentence in sentences[:_LEDE]:
        for date in sentence.dates:
            told = date.date
            if date.role in ("announce", "event") and told is not None and told.day and \
                    SPOKE.search(sentence.text) and \
                    0 < (published.start - told.start).days <= _RELEASE_LAG:
                return told
    return None


# '…며 이같이 밝혔다': the sentence tells the day on which the lede before it was said.
_LIKE_THIS = re.compile(r"(?:이\s*같이|이와\s*같이|이렇게)\s*(?:\S+\s+)?"
                        r"(?:밝혔|말했|강조했|설명했|전했|발표했)")


def said_like_this(sentences: list[Sentence]) -> tuple[int, Any]:
    """(index, date) of the first sentence that says the lede was said on a day ('김 대표는
    4일 … 이같이 밝혔다'), else (0, None)."""
    for index, sentence in enumerate(sentences[:8]):
        if _LIKE_THIS.search(sentence.text):
            days = [d for d in sentence.dates if d.date is not None and d.date.day
                    and d.role in ("event", "announce")]
            return (index, days[0]) if days else (0, None)
    return 0, None


# A deal told as done: 'signed an MOU with', '협약을 체결했다', 'MOU를 맺었다'.
# 'Early on' or 'already' recalls an older deal, not the story's ('일찌감치 손을 잡았다').
DEAL_DONE = re.compile(r"^(?!.*(?:일찌감치|이미|앞서|\b(?:already|earlier|long)\b))(?:.*?)(?:"
                       r"\b(?:signed|inked|sealed|announced|formed|set up|created|"
                       r"(?:creation|establishment) of)\b|"
                       r"(?:체결|맺|결성|설립|출범)(?:었|했)다)", re.I)


# Market commentary: analysts, brokers and market researchers speaking, insiders' views and
# the reporter's reading ('… 것으로 풀이된다'). A fact that only mentions analysts ('ahead of
# analysts' expectations') is still a fact.
_COMMENTARY = re.compile(
    r"애널리스트(?:는|들은)|증권가(?:에서는|는)|\s[가-힣]{2,3}\s+연구원은|시장\s*조사\s*업체|"
    r"(?:업계|시장)\s*(?:관계자|전문가)(?:는|들은)|업계에서는|"
    r"것으로\s*(?:해석|분석|풀이|관측|전망)(?:된다|됐다|한다|했다)|것으로\s*보인다|"
    r"\b(?:analysts?\s+(?:said|say|says|expect|expected|predict|predicted|estimate|estimated|"
    r"believe|noted|forecast)|according to (?:analysts|market (?:research|watchers))|"
    r"market (?:research firm|watchers?|researchers?|tracker)|industry "
    r"(?:watchers|observers|experts|insiders) (?:say|said|expect))\b", re.I)
# Every branch of _COMMENTARY needs one of these (hints.py).
_COMMENTARY_WORDS = ("애널리스트", "증권가", "연구원은", "업체", "관계자", "전문가", "업계에서는",
                     "것으로", "analyst", "according", "market", "industry")


def no_event(sentence: Sentence) -> bool:
    """Headings restate the body; quoted speech is what someone said, not what happened;
    market commentary is a view, not a fact about a party."""
    text = sentence.text
    if sentence.heading or sentence.caption or text.lstrip().startswith(('"', "“", "「")):
        return True  # ‘…’ quotes a name, not speech
    return holds_any(text, _COMMENTARY_WORDS) and bool(_COMMENTARY.search(text))
