"""Who an event is about: the parties of a clause, the story's subject when a clause names
none, and who is no party (a carrier named only as an owner, a venue).

Pure functions over one sentence; `Sentence` is the record events.py reads facts from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.ingest.clauses import clause_spans
from briefing.ingest.dates import DateMention
from briefing.ingest.money import Money
from briefing.ingest.recognise import Mention


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    mentions: tuple[Mention, ...]
    money: tuple[Money, ...]
    dates: tuple[DateMention, ...]
    caption: bool = False
    heading: bool = False  # a headline or sub-head: it restates the body, no event of its own
    embedded: frozenset[int] = frozenset()  # starts of dates in a clause describing a noun
    passing: frozenset[int] = frozenset()  # starts of carriers named in passing (parties.py)

    @property
    def parties(self) -> tuple[Mention, ...]:
        """The names that can be parties: all but the carriers named in passing."""
        return tuple(m for m in self.mentions if not (m.is_carrier and m.start in self.passing))


@dataclass(frozen=True, slots=True)
class Before:
    """Who the article was last about: for sentences that name no one ('회사는 …')."""

    carriers: tuple[str, ...] = ()
    parties: tuple[str, ...] = ()


def ids_in(mentions: tuple[Mention, ...], start: int, end: int, carriers: bool) -> tuple[str, ...]:
    return tuple(dict.fromkeys(m.id for m in mentions
                               if m.is_carrier == carriers and start <= m.start < end))


# 'The company …', '회사는 …', '양사는 …': the subject named in the sentences before.
ANAPHOR = re.compile(r"^[가-힣]\s*(?:CEO|대표|사장|회장|부사장|의장)(?:는|은|가|이)\s|"
                     r"^(?:(?:이|해당|같은)\s*)?(?:회사|업체|기업|통신사|양사|이통사|그룹)"
                     r"(?:는|가|도|측은)|^이들\s*(?:기관|기업|회사|업체)(?:은|는|이|들은)|"
                     r"^(?:The|the)\s+(?:(?:Korean|South Korean|mobile|"
                     r"telecom|telecommunications)\s+)?(?:company|carrier|firm|operator|"
                     r"telco|group)\b|^(?:[Ii]t|[Tt]he two|[Bb]oth companies)\b")
SUBJECT_MARK = re.compile(r"['’\"”]?\s*(?:\([^)]{1,20}\))?\s*(?:은|는|이|가|도|측은)(?![가-힣])")
_HANGUL = re.compile(r"[가-힣]")
# 'Notably, it invested …': a sentence adverb before the subject.
_ADVERB = re.compile(r"^(?:Notably|However|Meanwhile|Also|In addition|Additionally|Separately|"
                     r"Moreover|Furthermore|Likewise|Similarly|"
                     # 'One year into the partnership, the two companies …'
                     r"(?:\w+\s+){1,2}(?:years?|months?|weeks?)\s+(?:into|after|later)\b[^,]{0,40}"
                     r"),\s*")
_PARTICIPLE = re.compile(r"\s*(?:[a-z]+ing|to)\b")
_FRONTED_AIM = re.compile(r"\s*(?:Aiming|Seeking|Hoping|Planning|Looking|Striving|Targeting|"
                          r"Eyeing|Working|Trying)\b")
# '이들 VC는 LG유플러스의 자금을 …': a carrier as the owner of something, in a clause whose
# subject is someone else.
_OWNER = re.compile(r"의(?![가-힣])")
_TOPIC = re.compile(r"[가-힣A-Za-z)]\s*(?:은|는|이|가)\s")
# '홍길동 한빛전자 사장은 …': a person the text names in full, with a title, is a new subject
# (a known one has been found by name; '홍 사장은' is the one before).
_NAMED_SUBJECT = re.compile(r"(?:^|\s)[가-힣]{2,4}\s+(?:[가-힣A-Za-z+]+\s+){0,2}"
                            r"(?:대표|사장|회장|부회장|부사장|CEO|의장|장관|위원장|본부장|센터장)"
                            r"(?:은|는|이|가)\s")
# Kinds whose subject is what happened, not who acted: 'The breach was detected …', 'Operating
# profit rose …'.
_HAPPENINGS = frozenset({"outage", "earnings"})


def _has_subject(sentence: Sentence, start: int, end: int) -> bool:
    """Does a name in the clause take a subject particle ('엔비디아는'), or open an English
    clause ('Nvidia said …')? Without one, the story's subject goes on."""
    for mention in sentence.mentions:
        if not start <= mention.start < end:
            continue
        if SUBJECT_MARK.match(sentence.text, mention.end) or \
                not sentence.text[start:mention.start].strip(" ,\"'“‘"):
            return True
    return False


def _owners(sentence: Sentence, start: int, end: int) -> frozenset[int]:
    """Carriers in the clause named only as an owner ('LG유플러스의 자금') after a subject
    that is not a name the text knows ('이들 VC는 …')."""
    found = set()
    for mention in sentence.parties:
        if not (mention.is_carrier and start <= mention.start < end
                and _OWNER.match(sentence.text, mention.end)):
            continue
        lead = sentence.text[start:mention.start]
        topic = _TOPIC.search(lead)
        if topic and not any(start <= m.start < start + topic.end() for m in sentence.mentions):
            found.add(mention.start)
    return frozenset(found)


def parties_of(sentence: Sentence, start: int, end: int, single: bool, before: Before,
               kind: str) -> tuple[tuple[str, ...], tuple[str, ...], list[str]]:
    """(carriers, entities, issues): only names in the clause are its parties."""
    # A regulator's order is about the carrier it names ('정부는 SK텔레콤의 신규가입을
    # 중단시켰다'), owner or not.
    owners = frozenset() if kind == "regulation" else _owners(sentence, start, end)
    named = tuple(m for m in sentence.parties if m.start not in owners)
    carriers = ids_in(named, start, end, True)
    entities = ids_in(named, start, end, False)
    if single and not carriers and not owners:
        carriers = ids_in(named, 0, len(sentence.text), True)
    if single and not entities:
        entities = ids_in(named, 0, len(sentence.text), False)
    issues: list[str] = []
    # English names its subject: a sentence that opens with another noun ('The initiative
    # expands …') is not about the story's subject unless it says so ('The company …'), also
    # after a fronted aim ('Aiming to …, the company is …').
    english = not _HANGUL.search(sentence.text)
    anaphor = ANAPHOR.match(sentence.text[start:end].lstrip()) or \
        ANAPHOR.match(_ADVERB.sub("", sentence.text.lstrip())) or (
            english and _FRONTED_AIM.match(sentence.text) is not None and any(
                ANAPHOR.match(sentence.text[s:e].lstrip())
                for s, e in clause_spans(sentence.text)))
    # '…, aiming for Midm's revenue to …': a participle's subject is the sentence's.
    participle = english and bool(_PARTICIPLE.match(sentence.text, start))
    named_subject = not english and _NAMED_SUBJECT.search(sentence.text[:end]) and not any(
        m.start < end for m in sentence.mentions if not m.is_carrier)
    goes_on = anaphor or ((not english or kind in _HAPPENINGS) and not named_subject and (
        not sentence.mentions or not _has_subject(sentence, start, end)))
    subject = ids_in(named, 0, start, True)
    if owners:
        pass  # someone else's clause: its owner is no party, nor is the story's subject
    elif not carriers and len(subject) == 1 and (participle or not ids_in(named, start, end,
                                                                          False)):
        # 'KT는 2월 … 알렸고, 4월에는 … 도입했다': one subject for both clauses.
        carriers = subject
        issues.append(f"party '{carriers[0]}' is the subject of the sentence, not named in "
                      "this clause")
    elif not carriers and len(before.carriers) == 1 and goes_on:
        # '회사는 오는 9월 …', '지난해 6월에는 … 투자해': the subject of the story goes on.
        carriers = before.carriers
        issues.append(f"party '{carriers[0]}' taken from the sentences before (no name here)")
    first = next((m for m in named if m.start < start), None)
    if not carriers and first is not None and not first.is_carrier and \
            first.id not in entities and SUBJECT_MARK.match(sentence.text, first.end):
        # '‘…얼라이언스’는 지난해 출범하여 …, … 해 나갈 계획이다': the sentence's subject.
        entities = (first.id, *entities)
        issues.append(f"party '{first.id}' is the subject of the sentence, not named in "
                      "this clause")
    if not carriers and not entities:
        issues.append("no party found in this clause: add who did it")
    return carriers, entities, issues
