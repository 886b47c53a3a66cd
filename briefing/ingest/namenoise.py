"""Proposals that are no names, by their shape, and names cut short, made whole.

Kept out: a Latin run that opens with a function word ('of Future') or ends in a demonym
('MAJOR South Korean'), a label before its colon ('Financial Impact of X: …'), places
with facility words or numbers ('Ulsan DC', 'Seoul Gasan', 'Pyeongchon 2'), a job title
glued to a unit ('GPAA사업부장'), a count read as a version ('처리장치 6' of '처리장치
6만 장'), a known name cut short ('LG유플러' of 'LG유플러스'), a Korean use or scope word
('서버용', '국내외') and world regions ('동남아시아'). Made whole: a company name followed
by its line of business after a space ('한빛인베스트먼트 자산운용').
"""

from __future__ import annotations

import re
from dataclasses import replace

from briefing.ingest.proposal import NewEntity

_FUNCTION_START = re.compile(r"^(?:of|and|the|for|in|on|at|to|with|by|from)\s", re.I)
_DEMONYM_END = re.compile(r"\s(?:Korean|American|Chinese|Japanese|European|Asian|Global)$")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Korean places in romanisation, and the words that make a site of one ('Ulsan AI DC').
_PLACES = _words("""
    seoul busan incheon daegu daejeon gwangju ulsan sejong gyeonggi gangwon chungbuk chungnam
    jeonbuk jeonnam gyeongbuk gyeongnam jeju pangyo gasan yeouido gangnam pyeongchon bundang
    seongnam suwon yongin paju goyang hwaseong pohang changwon yecheon jangseong gangjin haenam
    mokpo yeosu suncheon naju gumi osong cheongju cheonan wonju chuncheon gangneung ilsan songdo
    mapo guro jongno anyang gimpo siheung ansan pyeongtaek gwacheon hanam namyangju uiwang
    korea""")
_SITE_WORDS = _words("ai dc idc data center centre campus cluster hub site park complex region "
                     "city province")
_TITLE_GLUED = re.compile(r"(?<=[A-Za-z0-9가-힣])(?:사업부장|센터장|본부장|부문장|실장|팀장|"
                          r"그룹장|담당|단장|소장|원장|국장|처장|사장|부사장|대표)$")
_USE = re.compile(r"^(?:서버|가정|업무|기업|개인|산업|차량|의료|교육|상업|군사|연구|수출|"
                  r"내수|데이터센터|모바일|PC)용$")
_SCOPE = _words("국내외 국내 해외 국외 비롯 일환 관련 대상 전국 전세계 글로벌 일대 인근")
_REGIONS = _words("""동남아시아 동남아 동북아 동북아시아 중동 유럽 북미 남미 중남미 아시아
    아프리카 오세아니아 아태 아시아태평양 서남아 중앙아시아 북유럽 동유럽 서유럽""")
_BUSINESS = re.compile(r"\s(?P<line>자산운용|증권|은행|캐피탈|생명|화재|건설|엔지니어링|"
                       r"운용|저축은행|투자증권|파트너스)(?=[은는이가을를의와과도]|등|\s|,|\.|$)")


def _place_site(name: str) -> bool:
    """'Ulsan AI', 'Seoul Gasan', 'Pyeongchon 2': places, site words and numbers only."""
    words = name.casefold().split()
    return len(words) >= 2 and words[0] in _PLACES and all(
        w in _PLACES or w in _SITE_WORDS or w.isdigit() for w in words)


def no_name(entity: NewEntity, known: frozenset[str]) -> bool:
    name, evidence = entity.name, entity.evidence
    if re.search(r"[A-Za-z]", name) and not re.search(r"[가-힣]", name):
        if _FUNCTION_START.match(name) or _DEMONYM_END.search(name) or _place_site(name):
            return True
        if re.search(rf"(?:^|[.!?]\s|\n){re.escape(name)}\s*:", evidence):
            return True  # a label before its colon
    if entity.type != "person" and _TITLE_GLUED.search(name):
        return True
    count = re.match(r"^(?P<head>.+?)\s(?P<n>\d+)$", name)
    if count and re.search(rf"{re.escape(name)}\s?(?:만|천|억|개|명|장|대|곳)", evidence):
        return True
    if name in _SCOPE or name in _REGIONS or _USE.match(name):
        return True
    folded = name.casefold().replace(" ", "")
    # 'LG유플러' cut from 'LG유플러스'
    return len(folded) >= 3 and bool(re.search(r"[가-힣]$", folded)) and any(
        k.startswith(folded) and len(k) > len(folded) and re.match(r"[가-힣]", k[len(folded):])
        and " " not in k for k in known)


def made_whole(entity: NewEntity) -> NewEntity:
    """'한빛인베스트먼트' followed by ' 자산운용' in its sentence: the whole name."""
    if entity.type == "person" or not re.search(r"[가-힣]$", entity.name):
        return entity
    found = re.search(rf"(?<![가-힣]){re.escape(entity.name)}{_BUSINESS.pattern}", entity.evidence)
    if found is None:
        return entity
    return replace(entity, name=f"{entity.name} {found.group('line')}")
