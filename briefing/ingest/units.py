"""Teams, divisions and labs inside a company ('AI CIC', 'T3K', 'AI 기술센터', 'KT's AI Lab'):
typed as organisations and tied to the company named with them, not proposed as companies.

The content format has no unit type and no parent field in `review.new_entities`, so a unit
is proposed as `organization` and a review item names the company it belongs to.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from briefing.ingest.dates import quoted_spans
from briefing.ingest.latin import CODE_NAME, name_run
from briefing.ingest.proposal import NewEntity
from briefing.ingest.recognise import Mention

# A name that says it is a unit: a Korean or English unit word at its end.
# Korean unit words: '…본부', '…센터', '…랩', '…사업개발단', '…전략실', '…추진그룹', '…팀'.
_KO_UNIT = (r"(?:본부|센터|랩|연구소|연구원|사업부|[가-힣]{2}단|추진그룹|부문|전담\s*조직|조직|"
            r"태스크포스|TF|CIC|(?:전략|추진|기획|연구|사업|개발|지원|혁신|경영|기술)실|[가-힣]{2}팀)")
_UNIT_NAME = re.compile(
    rf"(?:{_KO_UNIT}|\b(?:Division|Unit|Lab|Center|Centre|Team|Office|Research|"
    r"Research Institute|Task\s*Force|CIC|Business))$")
# Government and public bodies end in the same words ('소방본부', '진흥원', '혁신센터').
_PUBLIC = re.compile(r"소방본부|진흥원|혁신센터|고객센터|콜센터|정부|국가|한국|\bKorea\b|"
                     r"\bNational\b|\bMinistry\b|\bAgency\b")
# What the text says about a name: 'T3K, SKT's AI unit', 'AI 전담 조직 T3K', 'T3K(사내독립기업)'.
_UNIT_AFTER = re.compile(
    rf"^\s*(?:,|\(|—|-)\s*(?:an?\s+|the\s+|its\s+|{name_run(3)}'s\s+)?"
    r"(?:[\w-]+\s+){0,3}"
    r"(?:unit|division|team|lab|arm|organi[sz]ation|in-house company|CIC)\b|"
    r"^\s*\(\s*(?:[가-힣A-Za-z]+\s*){0,3}(?:조직|사내\s*독립\s*기업|사업부|부서|본부)\s*\)", re.I)
_UNIT_BEFORE = re.compile(r"(?:조직|사내\s*독립\s*기업|사업부|부서|unit|division|team|lab)\s*"
                          r"(?:인\s*)?$", re.I)
# The company before the unit's name: 'KT's AI Lab', 'KT AI 기술센터', 'SK텔레콤의 T3K'.
_OWNER_GAP = re.compile(r"^(?:'s|’s|의)?\s*$")


def _owner(name: str, sentence: str, mentions: Sequence[Mention]) -> str | None:
    at = sentence.find(name)
    if at < 0:
        return None
    before = [m for m in mentions if m.end <= at and _OWNER_GAP.match(sentence[m.end:at])]
    return before[-1].id if before else None


def is_unit(entity: NewEntity) -> bool:
    """Does the name, or what the sentence says of it, make it a unit of a company?"""
    name = entity.name
    if _PUBLIC.search(name) or entity.type in ("government", "person", "conference"):
        return False
    at = entity.evidence.find(name)
    if _UNIT_NAME.search(name):
        return True
    return at >= 0 and bool(_UNIT_AFTER.match(entity.evidence[at + len(name):]) or
                            _UNIT_BEFORE.search(entity.evidence[max(0, at - 20):at]))


def units(entities: Sequence[NewEntity], mentions: Sequence[Sequence[Mention]],
          texts: Sequence[str]) -> tuple[list[NewEntity], list[tuple[str, str]]]:
    """The proposals with units typed as organisations, and (unit, company id) pairs for
    the units whose company the text names with them."""
    by_text = dict(zip(texts, mentions, strict=False))
    result, owners = [], []
    for entity in entities:
        if not is_unit(entity):
            result.append(entity)
            continue
        owner = _owner(entity.name, entity.evidence, by_text.get(entity.evidence, ()))
        result.append(replace(entity, type="organization", parent=owner))
        if owner:
            owners.append((entity.name, owner))
    return result, owners


_UNIT_SUFFIX = rf"(?:{_KO_UNIT}|Lab|Center|Division)"
# 'SK텔레콤 AI CIC는', 'LG유플러스의 AI 에이전트 추진그룹은': a unit named after its company.
_NAMED_UNIT = re.compile(
    rf"(?:의)?\s+(?P<name>(?:[가-힣A-Za-z0-9·]+\s){{0,2}}[가-힣A-Za-z0-9·]*{_UNIT_SUFFIX})"
    r"(?=[은는이가을를의와과도에로]|에서|으로|\s|$|[,.)])")
# '조직인 T3K를', 'T3K(AI 전담 조직)': a code name the sentence calls a unit.
_CODE_UNIT = re.compile(
    rf"(?:조직|사내\s*독립\s*기업|부서|사업부)(?:인|으로|은)?\s+(?P<a>{CODE_NAME})"
    r"(?=[은는이가을를의와과도]|\s|$|[,.)])|"
    rf"(?<![A-Za-z0-9])(?P<b>{CODE_NAME})\s*\(\s*[^()]{{0,20}}(?:조직|사내\s*독립\s*기업|"
    r"CIC)\s*\)")
# A unit in someone's job title ('… AI서비스사업부 인터랙션 담당은') describes the person.
_IN_TITLE = re.compile(r"(?:\s*[가-힣A-Za-z]+){0,2}?\s*(?:담당|장|리더|책임자|총괄|임원|부사장|"
                       r"전무|"
                       r"상무|CTO|CEO)(?:[은는이가의과와]|\s|$)")
_GENERIC_UNIT = re.compile(r"^(?:고객|콜|데이터|관제|연구|기술|개발|사업|전담|지역|본사|현지)?"
                           r"(?:센터|연구소|본부|사업부|랩)$|(?:고객|콜|민원|상담)센터$|^\d")


def unit_names(texts: Sequence[str], mentions: Sequence[Sequence[Mention]],
               known: frozenset[str]) -> list[NewEntity]:
    """Units the text names with their company, in Korean prose ('SK텔레콤 AI CIC는')."""
    found: dict[str, NewEntity] = {}
    for text, named in zip(texts, mentions, strict=False):
        if not re.search(r"[가-힣]", text):
            continue
        quoted = quoted_spans(text)
        names = [m.group("a") or m.group("b") for m in _CODE_UNIT.finditer(text)]
        for mention in named:
            if any(start <= mention.start < end for start, end in quoted):
                continue
            match = _NAMED_UNIT.match(text, mention.end)
            if match:
                names.append(match.group("name"))
        names = [n for n in names if not _IN_TITLE.match(text, text.find(n) + len(n))]
        for name in names:
            bare = re.sub(r"[은는이가을를의와과도]$", "", name) if not name.endswith("랩") else name
            if len(bare) < 2 or _GENERIC_UNIT.match(bare.replace(" ", "")) or \
                    bare.lower() in known or any(m.text == bare for m in named):
                continue
            found.setdefault(bare, NewEntity(bare, "organization", text))
    return list(found.values())
