"""People named with a title, in the shapes news copy uses: '홍길동 전무', '홍길동 한빛
AI랩장 상무', '한빛텔레콤 홍길동 CEO', '(대표 홍길동)', '홍길동 도지사', and romanised
Korean names in English ('Hong Gil-dong', 'CFO Kim Min-su'), which need no title.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

# Titles that only a person holds (a unit's '…장' is joined to the word before: 'Lab장').
PERSON_TITLES = (
    r"(?:대표이사|대표|부회장|회장|부사장|사장|전무|상무|이사장|이사|의장|사무총장|총장|교수|"
    r"장관|차관|위원장|의원|도지사|지사|시장|군수|구청장|본부장|부문장|센터장|사업부장|단장|"
    r"팀장|실장|원장|소장|그룹장|랩장|CEO|CTO|CFO|COO|CIO|CSO|CMO|최고경영자|최고기술책임자|"
    r"창업자|공동창업자|총괄|리더|연구위원|수석|박사|변호사|아나운서)")
# A Korean personal name: a common family name and one or two syllables.
_FAMILY = ("김이박최정강조윤장임한오서신권황안송류유전홍고문양손배백허남심노하곽성차주우구민"
           "진나지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예"
           "경봉")
_NAME = rf"[{_FAMILY}][가-힣]{{2}}"
# Name, then up to four words of company, unit or role ('한빛 Gen AI Lab장', 'SKT',
# '미디어사업담당', '신임'), then the title and a particle or the end of the word.
_NAME_WORD = re.compile(rf"(?<![가-힣A-Za-z0-9·]){_NAME}")
_ANY_TITLE = re.compile(PERSON_TITLES)
_NAME_TITLE = re.compile(
    rf"(?<![가-힣A-Za-z0-9·])(?P<name>{_NAME})(?P<between>(?:\s+[^\s,()\"“”'‘’]{{1,24}}?){{0,4}}?)"
    rf"\s*{PERSON_TITLES}(?=[은는이가을를의와과도께,.()·]|에게|으로|로서|\s|$)"
    # '반도체 대표 스타트업': 대표 as 'leading', not a title.
    r"(?!\s?(?:적|기업|스타트업|사례|주자|브랜드|상품|모델|서비스|번호|단체|작품|선수|제품|업체))")
# A speaker's label ('[홍길동 / 식당 사장 :', 'Hong Gil-dong (Engineer) :'): a vox pop.
_LABEL_AFTER = re.compile(r"[^.!?\n]{0,40}?\s:\s")
# '/' as in a speaker's label ('[홍길동 / 한빛당 의원 :'), where a vox pop's has a trade.
_ROLE_WORDS = frozenset({"신임", "현", "전", "前", "現", "공동", "각자", "초대", "대표", "/",
                         "국민의힘"})
_UNIT_END = re.compile(r"(?:장|담당|부문|사업부|본부|센터|연구소|랩|Lab|실|팀|그룹|CIC|위원회|"
                       r"[부처청]|^[가-힣]{2,}[가-힣]당|^\d+)$")
# A word between the name and the title that ends a phrase is no company or unit.
_CLAUSE_WORD = re.compile(r"(?:[은는을를에와과의도]|에서|[다며고]|씨)$")
# '(대표 홍길동)', '대표 홍길동은': the title first.
_TITLE_NAME = re.compile(
    rf"(?:\(|\s|^)(?:대표이사|대표|회장|사장|CEO)\s+(?P<name>{_NAME})"
    r"(?=[)은는이가을를의와과도,]|\s|$)")
# Words of that shape that are not names ('이사회 의장', '고객사 대표', '방통위 위원장').
_NOT_NAME_END = re.compile(r"(?:사|회|위|부|청|처|단|팀|국|실|측|들|급|간|별|계|권|"
                           r"업|장)$")
_NOT_NAME = frozenset({"이번에", "이어서", "한편", "관계자", "담당자", "전문가", "대변인",
                       "관계사"})

_ROMAN_FAMILY = frozenset(re.split(r"\s+", """
Kim Lee Yi Rhee Park Pak Choi Choe Jung Jeong Chung Kang Cho Jo Yoon Yun Jang Chang Lim Im
Han Oh Seo Suh Shin Sin Kwon Hwang Ahn An Song Ryu Yoo Yu Jeon Jun Chun Hong Ko Koh Go Moon
Mun Yang Son Sohn Bae Baek Paik Heo Huh Nam Noh Roh Ha Kwak Sung Cha Joo Ju Woo Koo Ku Goo
Min Jin Na Ji Um Eom Chae Won Cheon Bang Gong Hyun Ham Byun Yeom Chu Do So Seok Sul Ma Gil
Yeon Wi Pyo Myung Ki Ban Wang Geum Ok Yook Maeng Je Mo Tak Guk Chey Ryoo Shim Sim Yeo Kye
""".strip()))
# 'Kim Min-su', 'Jung Jai-hun': a romanised family name and a hyphenated given name.
_ROMAN = re.compile(r"(?<![\w'-])(?P<family>[A-Z][a-z]{1,4})\s+"
                    r"(?P<given>[A-Z][a-z]{1,5}-[a-z]{2,5})(?![\w-])")


def korean_people(sentence: str, tokens: Sequence[Any] | None,
                  taken: Sequence[tuple[int, int]]) -> list[tuple[str, int]]:
    """(name, start) of people with a title, not inside `taken` spans (known names)."""
    found: list[tuple[str, int]] = []
    if not _ANY_TITLE.search(sentence):
        return found
    # Each name-shaped word is tried in turn: a failed one may sit inside another's
    # reach ('이미지 확대 홍길동 한빛 대표').
    titled = (_NAME_TITLE.match(sentence, w.start()) for w in _NAME_WORD.finditer(sentence))
    for match in [*(m for m in titled if m), *_TITLE_NAME.finditer(sentence)]:
        name, start = match.group("name"), match.start("name")
        end = start + len(name)
        between = match.groupdict().get("between") or ""
        if name in _NOT_NAME or name[-1] in "당부처청회" or \
                any(s < end and start < e for s, e in taken) or \
                not all(_affiliation(w, match.start("between") + between.find(w), tokens, taken)
                        for w in between.split()):
            continue
        if not _kiwi_name(tokens, start, end) and (_NOT_NAME_END.search(name) or
                                                    _CLAUSE_WORD.search(name) or
                                                    _dictionary_word(tokens, start, end)):
            continue
        found.append((name, start))
    return found


def _affiliation(word: str, start: int, tokens: Sequence[Any] | None,
                 taken: Sequence[tuple[int, int]]) -> bool:
    """A word between a name and a title that names where the person works: Latin
    ('SKT', 'Gen'), a unit or role ('AI랩장', '미디어사업담당', '신임'), a known name, or a
    word Kiwi reads as a proper noun ('한빛비전'); not '확대', '본뜬' or '/'."""
    if re.fullmatch(r"[A-Za-z0-9&+.\-]*[A-Za-z][A-Za-z0-9&+.\-]*", word) or \
            word in _ROLE_WORDS or _UNIT_END.search(word) or any(s <= start < e for s, e in taken):
        return True
    first = next((t for t in tokens or () if t.start == start), None)
    return first is not None and first.tag == "NNP" and not _CLAUSE_WORD.search(word)


def _dictionary_word(tokens: Sequence[Any] | None, start: int, end: int) -> bool:
    """Kiwi knows the word as a common noun ('이미지', '반도체') or reads a verb in it."""
    inside = [t for t in tokens or () if start <= t.start < end]
    return bool(inside) and ((len(inside) == 1 and inside[0].tag == "NNG") or any(
        t.tag[0] in "EJ" or t.tag in ("XSV", "XSA", "VCP") for t in inside))


def _kiwi_name(tokens: Sequence[Any] | None, start: int, end: int) -> bool:
    """Kiwi read the word as one proper noun, or as a name split in two proper nouns."""
    inside = [t for t in tokens or () if start <= t.start < end]
    if not inside or inside[0].start != start:
        return False
    if len(inside) == 1:
        return bool(inside[0].tag in ("NNP", "NNG") and inside[0].len == end - start and
                    (inside[0].tag == "NNP" or not _NOT_NAME_END.search(inside[0].form)))
    # '민서영' read as '민' NNP + '서' + '영', '전홍범' as '전' + '홍범' NNP: a name Kiwi
    # does not know, no verb or ending inside.
    return any(t.tag == "NNP" for t in inside) and not any(
        t.tag[0] in "VEJ" or t.tag in ("XSV", "XSA") for t in inside)


def romanised_people(sentence: str) -> list[tuple[str, int]]:
    """'Kim Min-su': a romanised Korean name, a person wherever it stands (not a speaker's
    label: 'Kim Min-su (Engineer) :')."""
    return [(m.group(0), m.start()) for m in _ROMAN.finditer(sentence)
            if m.group("family") in _ROMAN_FAMILY and not _LABEL_AFTER.match(sentence, m.end())]


def may_name_people(sentence: str) -> bool:
    """A name-shaped word before a title, or a title before one: worth Kiwi's reading."""
    if not _ANY_TITLE.search(sentence):
        return False  # most sentences: one scan
    return bool(_TITLE_NAME.search(sentence)) or any(
        _NAME_TITLE.match(sentence, w.start()) for w in _NAME_WORD.finditer(sentence))


# Romanisations of one family name or syllable ('Ryu'/'Yoo'/'Yu', 'shub'/'seop'): the same
# person spelled by another outlet.
_SPELLINGS = [set(g.split()) for g in (
    "ryu yu yoo ryoo lyu", "lee yi rhee rhie", "jung jeong chung joung", "choi choe chey",
    "park pak bak", "kang gang", "cho jo", "yoon yun", "shin sin", "seo suh", "ahn an",
    "koo ku goo", "ko koh go", "noh roh", "im lim", "kim gim", "young yeong",
    "shub seob seop sub sup", "jai jae", "hun heon hoon", "suk seok sok", "sik shik",
    "sung seong", "joon jun", "hyun hyeon", "woo wu", "kyu gyu", "chul cheol", "ki gi",
    "kwang gwang", "beom bum", "eun un", "hee hui", "yeon yon", "jong chong", "ho", "sang")]


def _spelling_key(name: str) -> tuple[str, ...]:
    parts = re.split(r"[\s-]+", name.lower())
    return tuple(next((min(g) for g in _SPELLINGS if p in g), p) for p in parts)


def known_by_spelling(names: Sequence[str], labels: dict[str, tuple[str, str, str]]
                      ) -> dict[str, str]:
    """Romanised names that are a known person spelled another way: {name: id}."""
    people = {_spelling_key(en): id_ for id_, (_, en, kind) in labels.items()
              if kind == "person" and _ROMAN.fullmatch(en)}
    return {n: people[_spelling_key(n)] for n in names
            if _ROMAN.fullmatch(n) and _spelling_key(n) in people}


def spelling_variants(name: str, limit: int = 64) -> list[str]:
    """'Ryu Young-sang' as other outlets spell it ('Yoo Young-sang', 'Yu Yeong-sang'), for a
    romanised Korean name; the name itself first. Nothing for other names."""
    if not _ROMAN.fullmatch(name):
        return []
    family, given = name.split(maxsplit=1)
    parts = [family.lower(), *given.lower().split("-")]
    options = [sorted(next((g for g in _SPELLINGS if p in g), {p})) for p in parts]
    variants: list[list[str]] = [[]]
    for choices in options:
        variants = [[*v, c] for v in variants for c in choices][:limit]
    spelled = [f"{v[0].capitalize()} {'-'.join(v[1:]).capitalize()}" for v in variants]
    return [name, *(s for s in spelled if s != name)]
