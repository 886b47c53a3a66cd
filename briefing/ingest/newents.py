"""Unknown organisations (and people) worth an entity file: proposals for review.new_entities.

Sources: Kiwi's proper nouns (NNP) in Korean sentences, `X Inc.`/`Co.`/`Corp.` in English,
and Latin names in brackets after Korean ones (`람다(Lambda)`). Names the content already
knows, places and titles are left out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, Protocol

from briefing.ingest.latin import english_names, is_common, korean_latin_names, latin_type
from briefing.ingest.lists import fits, listed
from briefing.ingest.localgov import is_local_government, is_place, local_governments
from briefing.ingest.namenoise import made_whole, no_name
from briefing.ingest.people import korean_people, may_name_people, romanised_people
from briefing.ingest.products import glossed_versions, quoted_names, versioned_names
from briefing.ingest.proposal import GEO as _GEO
from briefing.ingest.proposal import STOP as _STOP
from briefing.ingest.proposal import NewEntity, guess_type, known_at
from briefing.ingest.recognise import JOSA, Mention

_EN_ORG = re.compile(
    r"(?P<name>(?:[A-Z][\w&'-]*\.?\s+){0,3}[A-Z][\w&'-]*)\s+"
    r"(?P<suffix>Inc\.|Co\.|Corp\.|Ltd\.|LLC|Corporation|Holdings|Technologies|Alliance)"
    r"(?![A-Za-z])")
_PAREN = re.compile(r"(?P<ko>[가-힣][가-힣0-9]*)\s?\((?P<en>[A-Za-z][A-Za-z0-9&.'\- ]{1,40}?)\)")
# '이루다'와 '강다온': a quoted one-word name in a sentence about what was made or launched.
_QUOTED = re.compile(r"['‘](?P<name>[가-힣A-Za-z0-9][가-힣A-Za-z0-9.+-]{1,11})['’]"
                     r"(?=\s?(?:[와과을를은는이가의도]|등|\(|,|\s))")
_PRODUCT_CONTEXT = re.compile(r"개발|출시|선보|공개|서비스|플랫폼|앱|모델|에이전트|챗봇|프로그램|"
                              r"솔루션|브랜드|요금제|단말")
_ORG_SUFFIX = re.compile(
    r"(?:텔레콤|테크놀로지|테크|랩스?|전자|그룹|홀딩스|은행|증권|소프트|시스템즈?|네트웍스|코리아|"
    r"모빌리티|바이오|에너지|솔루션즈?|컴퍼니|파트너스|벤처스|인베스트먼트|캐피탈|재단|협회|연합회|"
    r"얼라이언스|포럼|엔터테인먼트|미디어|대학교?|대|감독원|위원회|소방본부|진흥원|연구원|공사|공단|"
    r"센터)$")
_TITLES = frozenset([
    "대표", "회장", "사장", "부회장", "부사장", "전무", "상무", "이사", "의장", "사무총장", "총장",
    "교수", "장관", "차관", "위원장", "본부장", "부문장", "센터장", "사업부장", "단장", "팀장",
    "CEO", "CTO", "CFO", "COO", "최고경영자", "기자", "창업자", "대표이사", "그룹장", "원장",
    "실장", "연구원", "책임자", "총괄", "담당", "씨", "의원", "대통령", "총리"
])
_TITLE_ENDINGS = ("장", "책임자", "총괄", "대표")
_DEAL = re.compile(r"투자|협력|협약|파트너십|제휴|손잡|손을 잡|인수|공급|계약|합작|MOU|"
                   r"동맹|연대|출자|지분|맞손|공동\s?개발")
_CANDIDATE = re.compile(
    r"[가-힣]\(|(?:대표|회장|사장|의장|총장|교수|장관|CEO|CTO|부문장|센터장|본부장|책임자)"
    r"(?:[은는이가을를의와과]|\s|$)|(?:텔레콤|테크놀로지|홀딩스|그룹|랩스|소프트|네트웍스|코리아|"
    r"벤처스|파트너스|재단|협회|얼라이언스|포럼)")
# A word of letters and digits ('모바일360') that is no date or count ('5월', '3개').
_CODE_WORD = re.compile(
    r"(?=.*[가-힣A-Za-z])(?=.*\d)(?!\d+(?:년|월|일|개|명|차|위)$)[가-힣A-Za-z0-9]+")
_PERSON = re.compile(r"[가-힣]{1,4}(?: [가-힣]{1,4})?")
# A whole Korean name: a common family name and two syllables ('김민수'); what follows it
# ('김민수 누리랩스 대표') is the company, not the rest of a foreign name ('얀 호프만').
_KOREAN_NAME = re.compile(r"[김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유"
                          r"남심노하곽성차주우구민진나지엄채원천방공현함변염여추도소석선설"
                          r"마길연위표명기반왕금옥육인맹제모탁국어은편용예경봉][가-힣]{2}")


class Token(Protocol):
    form: str
    tag: str
    start: int
    len: int


def _eojeol_nouns(tokens: Sequence[Any], index: int) -> tuple[str, int, int]:
    """The noun run of one word starting at tokens[index]: (text, start, next index)."""
    first = tokens[index]
    end = first.start + first.len
    name = first.form
    j = index + 1
    while (j < len(tokens) and tokens[j].start == end
           and tokens[j].tag in ("NNP", "NNG", "SL", "SN")):
        name += tokens[j].form
        end = tokens[j].start + tokens[j].len
        j += 1
    return name, first.start, j


def _window(tokens: Sequence[Any], index: int) -> list[str]:
    """Forms up to the next particle, ending or comma: where a person's title would be."""
    forms = []
    for token in tokens[index:index + 10]:
        if token.tag[0] in "JEV" or token.tag in ("SP", "SF"):
            break
        forms.append(token.form)
    return forms


def _from_tokens(sentence: str, tokens: Sequence[Any], mentions: Sequence[Mention]
                 ) -> list[NewEntity]:
    found: list[NewEntity] = []
    deal = bool(_DEAL.search(sentence))
    index = 0
    while index < len(tokens):
        if tokens[index].tag != "NNP":
            index += 1
            continue
        name, start, following = _eojeol_nouns(tokens, index)
        index = max(following, index + 1)
        nxt = tokens[following] if following < len(tokens) else None
        if (nxt is not None and nxt.tag == "NNP" and len(name) == 1
                and nxt.start == start + len(name) + 1):
            # A foreign name in two words ('얀 호프만'): read it as one.
            rest, _, following = _eojeol_nouns(tokens, following)
            name, index = f"{name} {rest}", max(following, index)
        if name.endswith("서") and name[:-1] in _GEO:
            continue
        end = start + len(name)
        if len(name) < 2 or name in _GEO or name in _STOP or known_at(mentions, start, end) \
                or re.match(r"[A-Za-z0-9]", sentence[start - 1:start]):  # 'KT인베스트먼트'
            continue
        opened = sentence[start - 1:start] in ("[", "<", "(")
        if opened and sentence[end:end + 1] in ("=", "]", ">"):
            continue  # the outlet's own dateline: '[뉴스투데이=…]'
        window = _window(tokens, following)
        # Proper nouns before a title are a person: '얀 호프만 … 센터장', '유영상 SK텔레콤 CEO'.
        titled = any(form in _TITLES or form.endswith(_TITLE_ENDINGS) for form in window)
        previous = [t for t in tokens if t.start + t.len <= start][-1:] if start else []
        after_noun = bool(previous) and previous[0].tag in ("NNG", "NNP") and \
            not known_at(mentions, previous[0].start, previous[0].start + previous[0].len)
        if titled and not _ORG_SUFFIX.search(name):
            if "기자" not in window and _PERSON.fullmatch(name) and not after_noun:
                person = name
                nxt = tokens[following] if following < len(tokens) else None
                if nxt is not None and nxt.tag == "NNP" and nxt.start == end + 1 and \
                        re.fullmatch(r"[가-힣]{1,4}", nxt.form) and \
                        not _KOREAN_NAME.fullmatch(name) and \
                        not _KOREAN_NAME.fullmatch(nxt.form) and \
                        not known_at(mentions, nxt.start, nxt.start + nxt.len):
                    person = f"{name} {nxt.form}"
                    index = following + 1
                found.append(NewEntity(person, "person", sentence))
            continue
        after = tokens[following] if following < len(tokens) else None
        particle = after is not None and after.start == end and after.tag.startswith("J")
        if (len(name) > 3 and _ORG_SUFFIX.search(name)) or (deal and particle):
            found.append(NewEntity(name, guess_type(name, sentence), sentence))
    return found


# '금융감독원', '한국정보통신진흥협회', '충북도소방본부': a Korean name by its institution suffix.
_INSTITUTION = re.compile(
    r"(?<![가-힣A-Za-z·])(?P<name>(?:[가-힣]+·)?[가-힣]{2,}(?:감독원|진흥원|진흥협회|협회|위원회|"
    r"소방본부|연구원|재단|공사|공단|혁신센터|연합회|거래소|은행))(?=[은는이가을를의와과도에로]|"
    r"에서|으로|\s|$|[,.()]|장(?![가-힣]))")
# '정재헌 SK텔레콤 CEO는': a name, then a known company, then a title (Kiwi often misses the name).
_NAME_COMPANY_TITLE = re.compile(r"(?<![가-힣])(?P<name>[가-힣]{3})\s+(?=\S)")
# The title may follow the person's unit: '윤하늘 KT AI사업부 인터랙션 담당은'.
_TITLE_AFTER = re.compile(r"(?:\s+[가-힣A-Za-z0-9·]+(?:부|본부|센터|실|팀|랩|CIC|그룹))?"
                          r"(?:\s+[가-힣A-Za-z]+)?\s*(?:대표이사|대표|사장|회장|부회장|부사장|전무|"
                          r"상무|CEO|CTO|최고경영자|의장|담당|본부장|센터장|부문장|팀장|리더|그룹장)"
                          r"(?:[은는이가의와과도(]|\s|$)")
_NOT_INSTITUTION = re.compile(r"^(?:책임|선임|수석|전임|주임|연구|관련|해당|각|이|그|전|현|투자|"
                              r"시중|인터넷|지방|국책|공동)")
# 'KT클라우드', 'SK하이닉스', 'LG그룹', 'LG AI연구원': a group's Latin prefix glued to a name.
_GLUED = re.compile(r"(?<![A-Za-z0-9가-힣])(?P<name>[A-Z]{2,4}(?:\s?AI)?[가-힣]{2,8})"
                    r"(?=[은는이가을를의와과도]|에서|으로|로|\s|$|[,.)]|\[\d{6}\])")
_PARTICLE_END = re.compile(rf"(?:{'|'.join(JOSA)}|이기|여서|이어서|여|이라서)$")


def _unparticled(name: str) -> str:
    """The name without the particles glued to it ('HB클라우드는' → 'HB클라우드')."""
    while (bare := _PARTICLE_END.sub("", name)) != name:
        if not fits(bare, name[len(bare):]):
            break  # part of the name, not a particle
        name = bare
    return name
_GENERIC_TAIL = re.compile(r"(?:기업|업계|업체|산업|기술|분야|서비스|사업|시장|모델|반도체|전환|"
                           r"인재|플랫폼|생태계|시대|역량|기반|중심|전략|투자|개발|사업자|통신사|"
                           r"컴퍼니|회사|관련|부문|계열사|사|망|칩|폰|폰을|인프라|데이터|센터)"
                           r"[은는이가을를의와과도에]?$")


def _verbal(tokens: Sequence[Any] | None, start: int, end: int) -> bool:
    """Kiwi read a verb or an ending inside [start, end): '이어진', '진행해' are no names."""
    return any(t.start < end and start < t.start + max(t.len, 1)
               and (t.tag[0] in "VE" or t.tag in ("XSV", "XSA")) for t in tokens or ())


def _korean_names(sentence: str, mentions: Sequence[Mention],
                  tokens: Sequence[Any] | None = None) -> list[NewEntity]:
    found = []
    for match in _INSTITUTION.finditer(sentence):
        name = match.group("name")
        if _NOT_INSTITUTION.match(name) or known_at(mentions, match.start(), match.end()):
            continue
        found.append(NewEntity(name, guess_type(name, sentence), sentence))
    for match in _NAME_COMPANY_TITLE.finditer(sentence):
        company = next((m for m in mentions if m.start == match.end()), None)
        name = match.group("name")
        if company is None or known_at(mentions, match.start(), match.end()) or \
                name in _STOP or name in _GEO or not _TITLE_AFTER.match(sentence, company.end) \
                or name[-1] in "과와은는의을를도에" or name[:2] in _TITLES \
                or _verbal(tokens, match.start(), match.start() + len(name)):
            continue  # '회장과 사티아 나델라 CEO': a title and a particle, not a name
        found.append(NewEntity(name, "person", sentence))
    for match in _GLUED.finditer(sentence):
        name = match.group("name")
        name = _unparticled(name)
        latin = re.match(r"[A-Z]+", name)
        if latin is None or is_common(latin.group(0)) or _GENERIC_TAIL.search(name) or \
                len(name) - len(latin.group(0)) < 2 or \
                any(m.start == match.start() for m in mentions):
            continue  # 'SK텔레콤은' is known; 'AI기업' is no name
        found.append(NewEntity(name, guess_type(name, sentence), sentence))
    return found


def _latin(sentence: str, mentions: Sequence[Mention]) -> list[NewEntity]:
    korean = re.search(r"[가-힣]", sentence) is not None
    found = []
    for name, start, end in (korean_latin_names if korean else english_names)(sentence):
        if known_at(mentions, start, end) or (name.isupper() and len(name) <= 3 and \
                sentence[end:end + 1] != "("):
            continue  # a short acronym without its expansion is too often a common one
        kind = latin_type(name, sentence, start, end)
        if kind is not None:
            found.append(NewEntity(name, kind, sentence))
    return found


_MEMBER = re.compile(r"▲\s?(?P<name>[^▲,]+?)\s*(?=▲|등[이을의과은도]?(?:\s|$|[.,])|[,.]|$)")


def _enumerated(sentence: str, mentions: Sequence[Mention], tokens: Sequence[Any] | None
                ) -> list[NewEntity]:
    """Members of a '▲A ▲B ▲C' list that Kiwi reads as proper nouns or that are Latin."""
    if sentence.count("▲") < 2:
        return []
    found = []
    for match in _MEMBER.finditer(sentence):
        name, start = match.group("name"), match.start("name")
        name = _unparticled(name) if not re.search(r"[A-Za-z]$", name) else name
        first = next((t for t in tokens or () if t.start == start), None)
        latin = re.fullmatch(r"[A-Za-z][\w&.+-]*(?: [A-Z][\w&.+-]*){0,3}", name) is not None
        named = (latin and not is_common(name)) or (" " not in name and (
            (first is not None and first.tag == "NNP") or bool(_ORG_SUFFIX.search(name))))
        if len(name) < 2 or len(name) > 20 or name in _GEO or name in _STOP or not named or \
                known_at(mentions, start, start + len(name)):
            continue
        found.append(NewEntity(name, guess_type(name, sentence), sentence))
    return found


# Sites and buildings ('한빛빌딩', '평촌2센터', 'AI 데이터센터') and an office with its
# region ('경북도지사'): no organisation to file.
_SITE = re.compile(r"(?:빌딩|타워|사옥|캠퍼스|\d센터|메가센터|데이터\s?센터|IDC|"
                   r"[도시군구](?:지사|지사장|시장|군수|청장|구청장)|도지사)$")


def _no_name(entity: NewEntity, known: frozenset[str]) -> bool:
    """A site, a title, a bare suffix ('파트너스'), a known name's tail ('유플러스' of
    'LG유플러스') or a known company's group ('KT그룹')."""
    name = entity.name.lower().replace(" ", "")
    if entity.type != "person" and (_SITE.search(entity.name) or _ORG_SUFFIX.fullmatch(name)):
        return True
    if name.endswith("그룹") and name[:-2] in known:
        return True
    if entity.type != "person" and (
            (is_place(entity.name) and not is_local_government(entity.name))  # '파주'
            or re.fullmatch(r"[가-힣]{2,}시스템", entity.name)  # '고객인증시스템': a kind of thing
            or any(re.search(r"\s(?!(?:of|and|the|for)\b)[a-z]", a) for a in entity.aliases)):
        return True  # '스크래치(From scratch)': a phrase spelled in Hangul, not a name
    return bool(re.fullmatch(r"[가-힣]{2,8}", name)) and any(
        k.endswith(name) and len(k) > len(name) and not re.search(r"[가-힣]", k[:-len(name)])
        for k in known)


def _common_noun(name: str, tokens: Sequence[Any] | None) -> bool:
    """'‘의심’과 ‘위험’ 두 단계', '‘설정’ 메뉴': a quoted word Kiwi reads as one common noun
    is a level, a menu or a term, not a product's name."""
    return any(t.form == name and t.tag == "NNG" for t in tokens or ())


def needs_analysis(sentence: str) -> bool:
    """Only sentences where a new name could be proposed go through Kiwi (it is slow)."""
    return bool(_DEAL.search(sentence) or _CANDIDATE.search(sentence) or
                sentence.count("▲") >= 2 or may_name_people(sentence))


def propose_entities(sentences: Sequence[str], mentions: Sequence[Sequence[Mention]],
                     tokens: Sequence[Sequence[Any] | None], known_names: frozenset[str]
                     ) -> list[NewEntity]:
    """Proposals in order of first appearance, one per name."""
    found: list[NewEntity] = []
    for sentence, sentence_mentions, sentence_tokens in zip(sentences, mentions, tokens,
                                                            strict=True):
        nnp = {t.form for t in sentence_tokens or () if t.tag == "NNP"}
        for match in _EN_ORG.finditer(sentence):
            name = re.sub(r"^(?:The|A|An|In|At|On|With|By|And|Its|Notably|While)\s+", "",
                          match.group("name"))
            if known_at(sentence_mentions, match.start("name"), match.end("name")):
                continue
            label = name if match.group("suffix") != "Alliance" else f"{name} Alliance"
            found.append(NewEntity(label, guess_type(label, sentence), sentence))
        for match in _PAREN.finditer(sentence):
            ko, en = match.group("ko"), match.group("en").strip()
            if known_at(sentence_mentions, match.start(), match.end()) or is_common(en):
                continue
            words = [w.strip("‘’'\"“”") for w in sentence[:match.start()].split()[-2:]]
            if _ORG_SUFFIX.fullmatch(ko) or (words and _CODE_WORD.fullmatch(words[-1])):
                # '스마트 글로벌 홀딩스(SGH)', '모바일360 아시아태평양(M360 APAC)': words before.
                kept: list[str] = []
                for word in reversed(words):
                    if not word or re.search(r"(?:[은는이가을를의에와과도로며고,]|에서|서)$", word):
                        break
                    kept.insert(0, word)
                ko = " ".join([*kept, ko])
            elif ko not in nnp and not _ORG_SUFFIX.search(ko) and not _PRODUCT_CONTEXT.search(
                    sentence[max(0, match.start() - 12):match.start()]):
                continue
            tail = sentence[match.end():match.end() + 30]
            if re.match(r"\s*(?:[A-Za-z가-힣/]+\s){0,3}[가-힣]*(?:장|책임자|대표|CEO|총괄|교수)",
                        tail):
                continue  # '얀 호프만(Jan Hofmann) AI 기술센터장' is a person, found above
            kind = "product" if _PRODUCT_CONTEXT.search(sentence[max(0, match.start() - 12):
                                                                  match.start()]) \
                else guess_type(ko + " " + en, sentence)
            found.append(NewEntity(ko.lstrip('▲△▶▷■□●○◆◇-·'), kind, sentence, (en,)))
        if sentence_tokens:
            found.extend(_from_tokens(sentence, sentence_tokens, sentence_mentions))
        # Before the Latin runs: 'GPT-5' is typed as a model, not as a company.
        found.extend(NewEntity(name, kind, sentence)
                     for name, kind, start in [*versioned_names(sentence), *quoted_names(sentence)]
                     if not known_at(sentence_mentions, start, start + len(name)))
        found.extend(NewEntity(name, kind, sentence, (alias,))
                     for name, kind, start, alias in glossed_versions(sentence)
                     if not known_at(sentence_mentions, start, start + len(name)))
        found.extend(_latin(sentence, sentence_mentions))
        taken = [(m.start, m.end) for m in sentence_mentions]
        found.extend(NewEntity(name, "person", sentence)
                     for name, _ in romanised_people(sentence))
        if re.search(r"[가-힣]", sentence):
            found.extend(NewEntity(name, "person", sentence)
                         for name, _ in korean_people(sentence, sentence_tokens, taken))
            found.extend(_korean_names(sentence, sentence_mentions, sentence_tokens))
            found.extend(_enumerated(sentence, sentence_mentions, sentence_tokens))
            found.extend(NewEntity(name, "government", sentence)
                         for name in local_governments(sentence, sentence_mentions))
        if _PRODUCT_CONTEXT.search(sentence):
            found.extend(NewEntity(m.group("name"), "product", sentence)
                         for m in _QUOTED.finditer(sentence)
                         if not known_at(sentence_mentions, m.start("name"), m.end("name"))
                         and m.group("name") not in _STOP
                         and not _common_noun(m.group("name"), sentence_tokens))
    found.extend(listed(sentences, mentions, tokens, found, known_names))
    names = {e.name for e in found}
    # 'Mythos' alone after 'Claude Mythos' was proposed is the same proposal.
    # A version stays itself: 'A.X 3.1' beside 'A.X 3.1 라이트'.
    found = [e for e in found if re.search(r"\d$", e.name) or not any(
        other != e.name and re.search(rf"(?<![\w]){re.escape(e.name)}(?![\w])", other)
        for other in names)]
    result: dict[str, NewEntity] = {}
    seen: set[str] = set()
    for entity in map(made_whole, found):
        keys = [n.lower() for n in (entity.name, *entity.aliases)]
        if keys[0] in known_names or entity.name in _STOP or _no_name(entity, known_names) or \
                no_name(entity, known_names) or \
                any(k in seen or k in known_names for k in keys):
            continue  # 'Lambda' after '람다' (gloss 'Lambda') is the same proposal
        seen.update(keys)
        result[keys[0]] = entity
    return list(result.values())
