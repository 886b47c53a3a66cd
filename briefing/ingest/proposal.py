"""What a proposal for review.new_entities is, its type guess, and the words that are
never one (places, general words); shared by the modules that propose names."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from briefing.ingest.localgov import is_local_government
from briefing.ingest.recognise import Mention

GEO = frozenset([
    "한국", "대한민국", "국내", "미국", "중국", "일본", "독일", "영국", "프랑스", "스페인",
    "덴마크", "싱가포르", "인도", "베트남", "대만", "홍콩", "캐나다", "호주", "이탈리아",
    "네덜란드", "스웨덴", "핀란드", "노르웨이", "스위스", "이스라엘", "사우디", "사우디아라비아",
    "아랍에미리트", "UAE", "인도네시아", "태국", "말레이시아", "필리핀", "러시아", "브라질",
    "멕시코", "유럽", "아시아", "북미", "남미", "중동", "아프리카", "서울", "부산", "인천", "대구",
    "광주", "대전", "울산", "세종", "경기", "판교", "강남", "여의도", "을지로", "광화문", "뉴욕",
    "워싱턴", "실리콘밸리", "샌프란시스코", "라스베이거스", "바르셀로나", "코펜하겐", "베를린",
    "런던", "파리", "도쿄", "베이징", "상하이", "두바이", "아부다비", "제네바", "백령도", "강북",
    "동작구", "분당"
])
STOP = frozenset([
    "이통", "이통3사", "통신3사", "빅테크", "코로나", "코로나19", "한국형", "K", "이날", "당일",
    "한국어", "영어", "클라우드", "인공지능", "텔코", "라운드테이블", "서밋", "포럼",
    # General words that look like names to a suffix rule or to Kiwi.
    "데이터센터", "데이터센터를", "민관학", "민관", "산학연", "민관학연", "고객센터", "콜센터",
    "관제센터", "연구센터", "인프라", "워커", "에이전트",
    # A photo caption's order: '(왼쪽부터) 홍길동 대표, …'.
    "왼쪽부터", "오른쪽부터", "왼쪽", "오른쪽", "앞줄", "뒷줄", "가운데"
])

@dataclass(frozen=True, slots=True)
class NewEntity:
    name: str
    type: str
    evidence: str
    aliases: tuple[str, ...] = ()  # a gloss: '람다' with 'Lambda'
    parent: str | None = None  # a unit's company id (units.py)


def guess_type(name: str, sentence: str) -> str:
    if is_local_government(name):
        return "government"  # a city, province or county is a government, as annotated
    if re.search(r"얼라이언스|동맹|연합체|alliance", name, re.I):
        return "alliance"
    if re.search(r"포럼|서밋|콘퍼런스|컨퍼런스|박람회|총회|MWC|CES|summit|forum|congress|"
                 r"conference|expo",
                 name, re.I):
        return "conference"
    if re.search(r"(?:[^사]부|처|청|위원회|감독원|소방본부|진흥원)$|ministry|commission|government|"
                 r"agency", name, re.I):
        return "government"
    if re.search(r"협회|연합회|재단|학회|대학교?|association|foundation|university|institute",
                 name, re.I):
        return "organization"
    if re.search(r"스타트업|startup|start-up", sentence, re.I):
        return "startup"
    return "company"


def known_at(mentions: Sequence[Mention], start: int, end: int) -> bool:
    return any(m.start < end and start < m.end for m in mentions)
