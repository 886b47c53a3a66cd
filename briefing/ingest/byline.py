"""Publisher and author from bylines, sign-offs, copyright lines and e-mail domains.

Order of trust for the publisher: the outlet in a bracketed byline (`[매체=기자]`,
`(서울=뉴스1)`, `SEOUL, Nov. 11 (Yonhap) --`), a known outlet in the copyright line, the
reporter's e-mail domain, a known outlet before the reporter's name (`머니투데이 홍길동 기자`),
any copyright holder, and last the outlet the article names itself as (`<매체>`).
A photographer (`사진=홍길동 기자`) is never the author.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from briefing.ingest import boilerplate as B
from briefing.ingest import labels as L
from briefing.ingest import notices as N
from briefing.ingest import shapes as S
from briefing.ingest.clean import Line
from briefing.ingest.localgov import is_place
from briefing.ingest.outlets import (  # re-exported: callers read the table through here
    Publisher,
    load_publishers,
    outlet_names,
    publisher_by_domain,
    publisher_by_name,
    publisher_in_text,
)

__all__ = ["Publisher", "ReviewItem", "author_from_meta", "find_people_and_publisher",
           "load_publishers", "outlet_names", "publisher_by_domain", "publisher_by_name",
           "publisher_in_text"]

_NAMES = r"[가-힣]{2,4}(?:\s*[·,]\s*[가-힣]{2,4})*"
_REPORTER = re.compile(
    rf"(?P<names>{_NAMES})\s*(?:선임|수석|인턴|객원|전문|편집)?\s*(?:기자|특파원|논설위원|에디터)")
_SEVERAL = re.compile(r"(?P<names>[가-힣]{2,4}(?:\s*[·,\s]\s*[가-힣]{2,4})*)\s*(?:기자|특파원)")
# '영상편집: 홍길동' cut the film; '편집: 홍길동 기자' alone is the story's editor, its author.
_PHOTOGRAPHER = re.compile(r"(?:사진|촬영|영상|그래픽|카메라|영상\s*편집)\s*[=:]?\s*$")
_BY = re.compile(r"^(?:[Bb]y|Reporter|Written by)\s*:?\s+(?P<name>[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+)"
                 r"{0,3}(?:\s*(?:,|and)\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3})*)")
_EN_MAIL_NAME = re.compile(r"^(?P<name>[A-Z][a-z]+(?:[ -][A-Z][a-z-]+){1,3})\s*[(,/|]?\s*[\w.+-]+@")
_SIGN_OFF = re.compile(rf"(?P<names>{_NAMES})\s*(?:기자|특파원)(?:입니다|가|이)")
_EMAIL = re.compile(r"[\w.+-]+@(?P<domain>(?:[\w-]+\.)+[A-Za-z]{2,})")
_CAPS_NAME = re.compile(r"^(?:BY\s+)?(?P<name>[A-Z]{2,}(?:[ -][A-Z]{2,}){1,3})$")
_EN_TITLED = re.compile(r"^(?P<name>[A-Z][a-z]+(?:[ -][A-Z][a-z-]+){1,3}),\s*(?:Contributing|"
                        r"Senior|Staff|Chief|Managing)?\s*(?:Editor|Reporter|Writer|"
                        r"Correspondent|Analyst)")
_OUTLET_WORD = re.compile(rf"{B.OUTLET_SUFFIX}$")
_COPYRIGHT_NAME = re.compile(
    r"(?:Copyright|저작권자|ⓒ|©|Ⓒ|\(c\))\s*(?:[:ⓒ©Ⓒ]|\(c\))?\s*(?:\d{4}(?:\s*[-~]\s*\d{4})?\s*)?"
    r"(?:by\s+)?(?P<name>[^&,|()\[\]<>.=]{2,40}?)\s*(?=&|,|\||\(|\.|=|\s-\s|\sDB\b|무단|All\s|"
    r"\s*$|\s+(?:www\.|"
    r"\w+\.(?:com|co\.kr|kr|net)))",
    re.I)
_ANGLE = re.compile(r"<([^<>\s]{2,15})>")
# 'By Hanbit News Desk', 'By Hanbit Staff': the outlet's desk, no reporter.
_DESK = re.compile(r"^By\s+(?P<outlet>[A-Z][\w&.' -]{1,40}?)\s+(?:Desk|Staff|Editors|"
                   r"Editorial(?:\s+(?:Team|Staff|Board))?|Team)\b")
_EN_NAME_DATE = re.compile(
    r"^(?P<name>[A-Z][a-z]+(?:[ -][A-Z][a-z-]+){1,2})\s+(?=\d|[A-Z][a-z]{2}\.?\s*\d)")
# A masthead that names an outlet not in the table: 'The Morning Ledger', 'Hanbit Times'.
_OUTLET_LIKE = re.compile(
    r"^(?:The\s+[A-Z][\w&'-]+(?:\s+[A-Z][\w&'-]+)?|[A-Z][\w&'-]+(?:\s+[A-Z][\w&'-]+)?\s+"
    r"(?:News|Times|Daily|Post|Herald|Journal|Wire|Today|Review|Tribune|Insider)|"
    rf"[가-힣A-Za-z0-9]{{1,10}}{B.OUTLET_SUFFIX})$")


@dataclass(frozen=True, slots=True)
class ReviewItem:
    field: str
    issue: str
    evidence: str | None = None


def author_from_meta(text: str) -> str:
    """A page's author field as a byline would give it: '박소연 기자' -> '박소연'."""
    reporter = _REPORTER.fullmatch(text.strip())
    return _authors(reporter.group("names")) if reporter else text.strip()


def _authors(names: str) -> str:
    split = r"[·,]|\band\b" if re.search(r"[A-Za-z]", names) else r"[·,\s]+"
    return ", ".join(n.strip() for n in re.split(split, names) if n.strip())


def _bracket(text: str, table: tuple[Publisher, ...]) -> tuple[str | None, str | None]:
    """(publisher, author) of a byline before the lede, as clean.py split it off."""
    wire = B.WIRE_DATELINE.match(text) or N.COLON_AGENCY.search(text)
    if wire:
        outlet = wire.group("outlet") or wire.group("outlet2")
        return publisher_by_name(outlet, table) or outlet.strip(), None
    barred = N.BARRED_BYLINE.match(text + " x")  # '경제타임스 홍길동 기자 |'
    if barred:
        outlet = barred.group("outlet")
        return publisher_by_name(outlet, table) or outlet, barred.group("names")
    text = B.EMAIL.sub("", text).strip()  # '한빛뉴스=홍길동 기자 [email protected]'
    text = re.sub(r"^ㅣ([^ㅣ]+)ㅣ", r"[\1]", text)
    # '[더팩트|우지수 기자]': a bar for the '='; '한빛경제 = 홍길동 기자 |': no brackets.
    text = re.sub(r"^([\[【(]\s*[^|ㅣ\]】)=]+?)\s*[|ㅣ]\s*(?=[가-힣]{2,4}\s*(?:기자|특파원))",
                  r"\1=", text)
    if not text.startswith(("[", "【", "(")) and "=" in text:
        text = "[" + text.rstrip(" |ㅣ=") + "]"
    inner = re.match(r"^[\[【]\s*(?P<a>[^=\]】]+?)\s*(?:=\s*(?P<b>[^\]】]*?))?\s*[\]】]"
                     r"\s*(?P<rest>.*)$", text) or \
        re.match(r"^\(\s*(?P<a>[^=)]+?)\s*(?:=\s*(?P<b>[^)]*?))?\s*\)\s*(?P<rest>.*)$", text)
    if inner is None:
        return None, None
    a, b, rest = inner.group("a"), inner.group("b") or "", inner.group("rest")
    if re.fullmatch(r"\s*(?:기자|특파원)\s*", b):  # '[한빛뉴스= 기자]': the name left out
        outlet = re.sub(r"\([^)]*\)", "", a).strip()
        return publisher_by_name(outlet, table) or outlet, None
    reporter_b = _REPORTER.fullmatch(b.strip()) if b else None
    if reporter_b:  # [매체=홍길동 기자], [헤럴드경제(바르셀로나)=차민주 기자]
        outlet = re.sub(r"\([^)]*\)", "", a).strip()
        known = publisher_by_name(outlet, table)
        if known is None and _a_place(outlet, glossed="(" in a):
            return None, _authors(reporter_b.group("names"))  # [바르셀로나(스페인)=기자]
        return known or outlet, _authors(reporter_b.group("names"))
    if not b:  # [중부매일 박건영 기자]
        spaced = re.match(rf"^(?P<outlet>.+?)\s+(?P<names>{_NAMES})\s*(?:기자|특파원)$", a.strip())
        if spaced:
            outlet, names = spaced.group("outlet").strip(), spaced.group("names")
            if re.fullmatch(r"[가-힣]{2,4}", outlet) and (
                    _OUTLET_WORD.search(names) or publisher_by_name(names, table)):
                outlet, names = names, outlet  # [홍길동 한빛경제 기자]: name first
            return publisher_by_name(outlet, table) or outlet, _authors(names)
        return None, None
    reporter = _SEVERAL.search(rest)  # (서울=뉴스1) 홍길동 김철수 기자 =
    outlet = re.sub(r"\([^)]*\)", "", b).strip()
    return (publisher_by_name(outlet, table) or outlet,
            _authors(reporter.group("names")) if reporter else None)


def _a_place(name: str, glossed: bool) -> bool:
    """'서울', '광주전남', '바르셀로나(스페인)': a desk's place in a byline, not its outlet."""
    if is_place(name):
        return True
    return glossed and not _OUTLET_WORD.search(name) and not re.search(r"[A-Za-z]", name)


def _title_case(name: str) -> str:
    """'LEE JAE-LIM' -> 'Lee Jae-lim' (a romanised given name is one word)."""
    return " ".join(w[:1].upper() + w[1:].lower() for w in name.split())


def _author_of(line: Line) -> str | None:
    if _DESK.match(line.text):
        return None  # 'By Hanbit News Desk': the outlet's desk, no reporter
    reporting = (B.REPORTING.match(line.text) or L.WITH_WIRE.match(line.text)
                 or L.DESK_SIGN_OFF.match(line.text) or L.EN_BRACKET_BYLINE.match(line.text)
                 or L.EN_MAIL_BYLINE.match(line.text) or L.EN_SIGN_OFF.match(line.text))
    if reporting:
        return _authors(reporting.group("names"))
    titled = S.TITLED_BY.match(line.text) or S.NAMES_OUTLET.match(line.text) or (
        S.NAME_ALONE.match(line.text) if line.kind == "byline" else None)
    if titled:  # 'By Jane Doe, Founder, Hanbit', 'Jane Doe Hanbit News', 'Jane Doe'
        return _authors(titled.group("names"))
    by = _BY.match(line.text) or _EN_MAIL_NAME.match(line.text) or _EN_TITLED.match(line.text)
    if by:
        ticker = S.TICKER_AFTER_NAME.match(by.group("name"))  # 'By Jane Doe SKM'
        return _authors(ticker.group("name") if ticker else by.group("name"))
    dated = (_EN_NAME_DATE.match(line.text) or S.KO_NAME_DATE.match(line.text)
             ) if line.kind == "dateline" else None
    if dated:
        return dated.group("name")
    caps = _CAPS_NAME.match(line.text)
    if caps:
        return _title_case(caps.group("name"))
    for match in _REPORTER.finditer(line.text):
        if _PHOTOGRAPHER.search(line.text[:match.start()]):
            continue  # '사진=홍길동 기자' took the picture
        if _OUTLET_WORD.search(match.group("names")):
            # '고득관 매경닷컴 기자': the name comes before the outlet.
            before = re.search(r"([가-힣]{2,4})\s+\S+\s*$", line.text[:match.start()]
                               + match.group("names"))
            if before:
                return before.group(1)
            continue
        return _authors(match.group("names"))
    sign = _SIGN_OFF.search(line.text)
    return _authors(sign.group("names")) if sign else None


def _copyright_holder(text: str, table: tuple[Publisher, ...]) -> str | None:
    known = publisher_in_text(text, table)
    if known:
        return known
    match = _COPYRIGHT_NAME.search(text)
    if match and match.group("name").strip():
        raw = match.group("name").strip()
        if re.search(r"[가-힣]", raw) and " " in raw:
            raw = raw.split()[-1]  # '종합 경제정보 미디어 이데일리': a slogan, then the name
        return publisher_by_name(raw, table) or raw
    return None


def _named_wire(text: str, table: tuple[Publisher, ...]) -> str | None:
    credit = N.WIRE_SIGN.match(text)
    return credit and (publisher_by_name(credit.group("agency"), table) or credit.group("agency"))


def _desk(text: str, table: tuple[Publisher, ...]) -> str | None:
    desk = _DESK.match(text)
    if desk is None:
        return None
    name = desk.group("outlet").strip()
    return publisher_by_name(name, table) or name


def _english_bracket(text: str, table: tuple[Publisher, ...]) -> str | None:
    """'[Hanbit Economy Reporter Jane Doe]': the outlet of an English edition's byline."""
    english = L.EN_BRACKET_BYLINE.match(text)
    if english is None:
        return None
    outlet = english.group("outlet").strip()
    return publisher_by_name(outlet, table) or publisher_in_text(outlet, table) or outlet


def _site(text: str, table: tuple[Publisher, ...]) -> str | None:
    """'en.example.com Reported -': the site's credit before the lede."""
    site = L.DOMAIN_CREDIT.match(text)
    if site is None:
        return None
    domain = site.group("domain")
    return publisher_by_domain(domain, table) or L.domain_name(domain)


def _dated_outlet(text: str, table: tuple[Publisher, ...]) -> str | None:
    """'한빛경제 2025.03.05 09:19': a known outlet's name before its date line."""
    named = B.OUTLET_BEFORE_DATE.match(text)
    return publisher_by_name(named.group(0), table) if named else None


# '… “한빛뉴스” 기사 내용을 3줄로 요약한 결과입니다': a summary names the story it restates.
_SOURCE_NOTICE = re.compile(r"[“\"‘'](?P<name>[^“”\"‘’']{2,20})[”\"’']\s*(?:의\s*)?(?:기사|보도)")


def _summarised(text: str, table: tuple[Publisher, ...]) -> str | None:
    if not B.NOTICE.search(text):
        return None
    quoted = _SOURCE_NOTICE.search(text)
    if quoted is None:
        return None
    name = quoted.group("name").strip()
    return publisher_by_name(name, table) or name


def _tagged(text: str) -> str | None:
    """'[한빛데일리] KT는 …': a name shaped like an outlet's, alone in brackets (weak: a
    programme's tag, '[자막뉴스]', has the same shape)."""
    alone = B.OUTLET_TAG.match(text + " x")
    return alone.group(0).strip(" []【】") if alone else None


def _masthead(text: str, table: tuple[Publisher, ...]) -> str | None:
    known = publisher_in_text(text, table)
    if known:
        return known
    logo = S.logo_name(text)  # '한빛미디어 Hanbit 로고': the logo's alt text
    shaped = _OUTLET_LIKE.match(text.strip()) or N.DOMAIN_NAME.match(text.strip())
    return logo or (text.strip() if shaped else None)


def _named(name: str | None, table: tuple[Publisher, ...]) -> str | None:
    """A name a weak clue gives: the table's outlet, else the name if shaped like one."""
    if not name:
        return None
    return publisher_by_name(name, table) or publisher_in_text(name, table) or (
        name.strip() if _OUTLET_LIKE.match(name.strip()) else None)


def _weak_clues(lines: list[Line], table: tuple[Publisher, ...]) -> list[str | None]:
    """'Reviewed by Hanbit News Editorial Team', 'Source: The Hanbit Times https://…', an
    advert of the site's own assistant, a press release's issuer ('Hanbit (NYSE:HB) today
    announced')."""
    found: list[str | None] = []
    for line in lines:
        team = S.TEAM_CREDIT.search(line.text) if line.kind != "content" else None
        source = S.SOURCE_NAME.search(line.text) if line.kind == "widget" else None
        edition = N.EDITION.match(line.text) if line.kind == "widget" else None
        found += [edition and (publisher_by_name(edition.group("outlet"), table)
                               or edition.group("outlet").strip()),
                  _named(team and team.group("outlet"), table),
                  _named(source and source.group("name"), table),
                  publisher_in_text(line.text, table) if line.kind == "prompt" else None]
    issuer = [S.ISSUER.match(line.text) for line in lines[:40] if line.kind == "content"]
    found += [m.group("issuer").strip() for m in issuer if m]
    return found


def _first(found: Sequence[str | None]) -> str | None:
    return next((f for f in found if f), None)


def find_people_and_publisher(lines: list[Line], table: tuple[Publisher, ...],
                              site: str | None = None
                              ) -> tuple[str | None, str | None, list[ReviewItem]]:
    """(publisher, author, review items) from bylines, sign-offs, copyright and e-mails.

    `site` is the outlet of the article's URL or page (sources.py, evidence.py): it beats
    the weak clues (photo credits, tags, mastheads) but not an outlet the text names in a
    byline, a copyright line or an e-mail, since a portal or a repost serves others' stories.
    """
    items: list[ReviewItem] = []
    bylines = [line for line in lines if line.kind == "byline"]
    bracketed = [_bracket(line.text, table) for line in bylines
                 if re.match(r"^[\[(【ㅣ]|^[^=\s]{1,16}\s*=", line.text)
                 or B.WIRE_DATELINE.match(line.text) or N.COLON_AGENCY.search(line.text)
                 or N.BARRED_BYLINE.match(line.text + " x")]
    bracketed += [_bracket(line.text, table) for line in lines[:30]
                  if line.kind == "content" and B.WIRE_DATELINE.match(line.text)]
    author = _first([a for _, a in bracketed]) or _first([_author_of(line) for line in bylines])
    if author is None:
        author = _first([_author_of(line) for line in lines if line.kind == "dateline"])
    if author is None:  # 'SBS Biz 김동필': the outlet, then the reporter
        named = [re.match(r"^(.+?)\s+([가-힣]{2,4})$", line.text) for line in bylines]
        author = _first([m.group(2) for m in named
                         if m and publisher_by_name(m.group(1), table)])
    mails = [m.group("domain") for line in lines
             if line.kind in ("byline", "dateline", "copyright", "content", "image")
             for m in _EMAIL.finditer(line.text)]
    copyright_lines = [line.text for line in lines if line.kind == "copyright"]
    credits = [line.text for line in lines if line.kind in ("credit", "caption")]
    publisher = _first(
        [p for p, _ in bracketed]
        + [_site(line.text, table) for line in bylines]
        + [_english_bracket(line.text, table) for line in bylines]
        + [_named(m.group("outlet"), table) for line in bylines  # 'Jane Doe Hanbit News'
           for m in [S.NAMES_OUTLET.match(line.text)] if m]
        + [publisher_in_text(text, table) for text in copyright_lines]
        + [publisher_by_domain(domain, table) for domain in mails]
        + [_desk(line.text, table) for line in bylines]
        + [publisher_in_text(line.text, table) for line in bylines
           if not L.WITH_WIRE.match(line.text)]  # 'Jane Doe, with Reuters': a source
        + [_dated_outlet(line.text, table) for line in lines if line.kind == "dateline"]
        + [_copyright_holder(text, table) for text in copyright_lines]
        # '… the last paragraph. —APP': the agency whose story it is.
        + [_named_wire(line.text, table) for line in lines if line.kind in ("byline", "credit")]
        + [site]
        # '[사진=녹색경제신문]': the outlet's own photo names it.
        + [publisher_in_text(text, table) for text in credits]
        + [_summarised(line.text, table) for line in lines if line.kind == "widget"]
        + [_tagged(line.text) for line in bylines]
        + _weak_clues(lines, table)
        # Last: the masthead above the headline (an aggregator's source label too).
        + [_masthead(line.text, table) for line in lines if line.kind == "masthead"])
    if publisher is None:
        items.extend(ReviewItem("source.publisher", f"e-mail domain {domain} is not in the "
                                "publisher table (add it to content/publishers.yaml)")
                     for domain in dict.fromkeys(mails))
        for line in lines:
            for mention in _ANGLE.finditer(line.text) if line.kind == "content" else ():
                publisher = publisher_by_name(mention.group(1), table)
                if publisher:
                    items = [ReviewItem("source.publisher", "taken from the outlet the article "
                                        "names itself as", line.text)]
                    break
            if publisher:
                break
    return publisher, author, items
