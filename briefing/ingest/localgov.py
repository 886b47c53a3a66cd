"""Korean local governments ('울산시', '경기도', '양평군') as parties: a city that signs an
agreement is an organisation to file; the same city in a dateline or as a place is not."""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefing.ingest.recognise import Mention

_PROVINCES = re.split(r"\s+", "경기 강원 충북 충남 전북 전남 경북 경남 제주 충청북 충청남 "
                      "전라북 전라남 경상북 경상남")
_METROS = re.split(r"\s+", "서울 부산 대구 인천 광주 대전 울산 세종")
_CITIES = re.split(r"\s+", """수원 성남 고양 용인 부천 안산 안양 남양주 화성 평택 의정부 시흥 파주
김포 광명 군포 하남 오산 이천 안성 의왕 양주 구리 포천 여주 동두천 과천 춘천 원주 강릉 동해 태백
속초 삼척 청주 충주 제천 천안 공주 보령 아산 서산 논산 계룡 당진 전주 군산 익산 정읍 남원 김제
목포 여수 순천 나주 광양 포항 경주 김천 안동 구미 영주 영천 상주 문경 경산 창원 진주 통영 사천
김해 밀양 거제 양산 서귀포""")
_COUNTIES = re.split(r"\s+", """양평 가평 연천 홍천 횡성 영월 평창 정선 철원 화천 양구 인제 고성
양양 보은 옥천 영동 증평 진천 괴산 음성 단양 금산 부여 서천 청양 홍성 예산 태안 완주 진안 무주 장수
임실 순창 고창 부안 담양 곡성 구례 고흥 보성 화순 장흥 강진 해남 영암 무안 함평 영광 장성 완도
진도 신안 군위 의성 청송 영양 영덕 청도 고령 성주 칠곡 예천 봉화 울진 울릉 의령 함안 창녕 남해
하동 산청 함양 거창 합천 기장 달성 강화 옹진 울주""")
_SUFFIXED = re.compile(
    rf"(?:(?:{'|'.join(_METROS)})(?:특별시|광역시|특별자치시|시)|"
    rf"(?:{'|'.join(_PROVINCES)})(?:특별자치도|도)|제주특별자치도|강원특별자치도|"
    rf"(?:{'|'.join(_CITIES)})시|(?:{'|'.join(_COUNTIES)})군)")
_PARTY = re.compile(rf"(?<![가-힣A-Za-z0-9])(?P<name>{_SUFFIXED.pattern})"
                    r"(?=와의|과의|와\s|과\s|[는은가도]\s|이\s|,\s?[가-힣A-Za-z])")
_DEAL = re.compile(r"협약|협력|MOU|업무협약|맞손|손잡|손을 잡|제휴|공동|유치|투자|계약|"
                   r"파트너십|추진|구축|조성")


def is_local_government(name: str) -> bool:
    return _SUFFIXED.fullmatch(name) is not None


_PLACE = re.compile(rf"(?:{'|'.join(_METROS + _PROVINCES + _CITIES + _COUNTIES)})"
                    r"(?:특별시|광역시|특별자치시|특별자치도|시|도|군)?")


def is_place(name: str) -> bool:
    """A Korean region by name, with or without its suffix ('서울', '광주전남' is two)."""
    return bool(re.fullmatch(rf"(?:{_PLACE.pattern}){{1,2}}", name))


def local_governments(sentence: str, mentions: Sequence[Mention]) -> list[str]:
    """Local governments that are a party in a sentence about a deal or a joint project:
    the subject or the partner ('울산시와 …', '경기도는 …'), not a place ('울산시에')."""
    if not _DEAL.search(sentence):
        return []
    return [m.group("name") for m in _PARTY.finditer(sentence)
            if not any(k.start < m.end() and m.start() < k.end for k in mentions)]


# A local government that states a plan ('전남도는 … 지원할 계획이다'), or a county where one
# is sited ('우선 장성에는 2조원 규모 … 조성될 예정이다'): the clause's own party.
_SUBJECT = re.compile(rf"^(?:[가-힣]{{1,4}}\s+)?(?P<name>{_SUFFIXED.pattern})(?:은|는|이|가)\s")
_SITE = re.compile(rf"^(?:[가-힣]{{1,4}}\s+)?(?P<name>{_PLACE.pattern})에는\s")


def local_subject(text: str) -> tuple[str, bool] | None:
    """(name, sited) of a local government opening a clause as its subject, or of a place
    opening it as the site of what is planned (sited: True); None otherwise."""
    found = _SUBJECT.match(text)
    if found is not None:
        return found.group("name"), False
    found = _SITE.match(text)
    return (found.group("name"), True) if found is not None else None
