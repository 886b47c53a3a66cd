"""Boilerplate removal: classify every line of a raw article as content or a kind of clutter.

Nothing is thrown away here: each line keeps its kind, so meta.py can still read the
date line, the reporter sign-off and the copyright line, and the draft keeps every
content line in review.source_text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Kind = Literal[
    "content", "caption", "widget", "share", "reaction", "comment", "related", "copyright",
    "byline", "dateline", "duplicate", "empty",
]
BOILERPLATE: frozenset[str] = frozenset(
    {"widget", "share", "reaction", "comment", "related", "copyright", "byline", "dateline",
     "duplicate", "empty"})

_BULLET = re.compile(r"^[\s•·・◦▪▫■□●○◆◇►▶*\-–—]+(?=\S)")
_FONT_WIDGET = re.compile(
    r"^(?:작게\s*보기|기본\s*크기|크게\s*보기|글자\s*크기(?:\s*설정)?|글씨\s*크기|폰트\s*크기|"
    r"본문\s*글자\s*(?:크기|키우기|줄이기)|글자\s*(?:크게|작게)|가\s*가|가+|[AaＡ]{1,2}[+-]?|"
    r"[+-]\s*[AaＡ]|텍스트\s*크기|Text\s*size|Font\s*size|Decrease\s*font|Increase\s*font)$",
    re.I)
_FONT_HINT = re.compile(r"글자\s*크기|글씨\s*크기|폰트\s*크기|이 글자크기로|font size", re.I)
_SAMPLE = re.compile(r"^\(?예시\)|^가나다라마바사|^The quick brown fox", re.I)
_SHARE = re.compile(
    r"^(?:공유(?:하기)?|기사\s*공유|SNS\s*공유|페이스북|트위터|엑스|카카오톡|카카오스토리|네이버\s*밴드|"
    r"밴드|라인|텔레그램|링크\s*복사|URL\s*복사|주소\s*복사|복사하기|기사\s*스크랩|스크랩|북마크|"
    r"프린트|인쇄(?:하기)?|메일(?:\s*보내기)?|이메일(?:\s*보내기)?|기사\s*듣기|기사듣기|음성으로\s*듣기|"
    r"듣기|닫기|번역|구독|구독하기|Share|Share this article|Facebook|Twitter|Tweet|LinkedIn|"
    r"WhatsApp|Email|E-mail|Print|Copy\s*link|Link\s*copied|Listen(?:\s*to\s*this\s*article)?|"
    r"Save|Bookmark|Subscribe|Sign\s*in|Log\s*in|Advertisement|ADVERTISEMENT|광고)$",
    re.I)
_REACTION = re.compile(
    r"^(?:(?:좋아요|싫어요|추천(?:해요)?|비추천|화나요|슬퍼요|훈훈해요|놀랐어요|후속\s*기사\s*원해요|"
    r"추가\s*취재\s*원해요|응원해요|공감|최고예요|감동이에요|궁금해요|Like|Likes|Dislike)"
    r"\s*[\d,]*|\d+\s*(?:명|개)?\s*(?:공감|추천)|이 기사(?:에 대해|를) 어떻게 생각하시나요\??|"
    r"이 기사를 추천합니다|What do you think(?: of this article)?\??)$",
    re.I)
_COMMENT = re.compile(
    r"^(?:댓글(?:\s*\(?\s*\d+\s*\)?)?|댓글\s*(?:쓰기|작성|달기|보기|더보기|정렬|운영\s*원칙|정책)|"
    r"\d+\s*/\s*\d+|최신순|추천순|공감순|과거순|로그인|로그아웃|비밀번호|등록|작성자|"
    r"Comments?(?:\s*\(\d+\))?|Add a comment|Leave a (?:comment|reply)|Post comment)$",
    re.I)
_COMMENT_RULE = re.compile(
    r"(?:\d+\s*자\s*이내로|띄어\s*쓰기를?\s*포함|건전한\s*(?:토론|댓글)|욕설.{0,10}비방|댓글은?\s*"
    r"(?:표시|삭제|제한)|댓글\s*운영|로그인\s*후|명예훼손|개인정보를?\s*포함)")
_RELATED = re.compile(
    r"^(?:관련\s*(?:기사|뉴스)|주요\s*뉴스|주요\s*기사|많이\s*본\s*(?:뉴스|기사)|인기\s*(?:기사|뉴스)|"
    r"실시간\s*(?:인기|뉴스|랭킹)|이\s*시각\s*(?:주요|인기)\s*뉴스|최신\s*(?:뉴스|기사)|포토\s*뉴스|"
    r"핫\s*클릭|추천\s*(?:기사|뉴스)|함께\s*(?:보면|읽으면)\s*좋은\s*(?:기사|뉴스)|"
    r"오늘의\s*(?:주요|인기)\s*뉴스|랭킹\s*뉴스|Related(?:\s+(?:articles|news|stories))?|"
    r"Most\s+(?:read|viewed|popular)|Trending|Top\s+stories|Read\s+more|More\s+from.*|"
    r"You\s+may\s+also\s+like|Recommended)$",
    re.I)
_COPYRIGHT = re.compile(
    r"(?:ⓒ|©|\(c\)|copyright|저작권자|무단\s*전재|무단전재|재배포\s*금지|재배포\s*및|"
    r"all\s+rights\s+reserved|AI\s*학습\s*(?:및\s*)?(?:이용|활용)\s*금지)",
    re.I)
_PHOTO_CREDIT = re.compile(r"^[ⓒ©]\s*\S{1,20}$")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_BYLINE = re.compile(
    r"^(?:[/\[(]?\s*)?(?:[가-힣]{2,4}\s*(?:기자|특파원|선임기자|논설위원|객원기자|인턴기자)|"
    r"(?:By|Reporter|Written by)\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3})"
    r"(?:\s*[,/=]?\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+)?\s*[\])]?$")
_DATELINE = re.compile(
    r"^(?:(?:기사\s*)?(?:입력|등록|승인|수정|게재|발행|송고|업데이트|최종\s*수정|"
    r"Published|Posted|Updated|Modified|Last\s+updated|Date)\s*(?:일|일시|시간)?\s*[:：]?\s*)?"
    r"(?:\d{4}\s*[.\-/년]\s*\d{1,2}\s*[.\-/월]\s*\d{1,2}\s*[.일]?|"
    r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4})|(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4}))"
    r"[\s\d:.,APMapm오전후()KSTGMT+\-]*"
    r"(?:\s*(?:\||/|·)?\s*(?:입력|등록|승인|수정|Updated|Modified|Published)\s*[:：]?\s*[\d.\-/:\s년월일APMapm오전후]*)*$")
_LABELLED_DATE = re.compile(
    r"(?:입력|등록|승인|수정|게재|발행|송고|업데이트|Published|Posted|Updated|Modified)\s*(?:일|일시)?\s*[:：]?\s*"
    r"(?:\d{4}\s*[.\-/년]|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4})", re.I)
_TAIL_SECTION = re.compile(r"^(?:e\s*스튜디오|뉴스\s*발전소|포토|영상|오피니언|기획|연재)$", re.I)
_SENTENCE_END = re.compile(r"(?:[다요죠]\.?|[음함임됨]\.|[.!?…]|[\"'”’」』]\s*)$")


@dataclass(frozen=True, slots=True)
class Line:
    number: int  # 1-based line number in the decoded input
    text: str  # stripped, bullets removed
    kind: Kind


def _key(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _is_caption(text: str) -> bool:
    return bool(
        text.startswith(("▲", "△", "▷", "[사진", "(사진", "사진=", "사진 =", "Photo", "[Photo"))
        or re.search(r"(?:\(|\[)\s*(?:사진|자료|그래픽|제공)\s*[=:]?[^)\]]{0,30}[)\]]\s*$", text)
        or re.search(r"\s/\s?[\w가-힣 ]{1,25}(?:\s갈무리|\s제공)?$", text)
        or re.search(r"[ⓒ©]\s?[\w가-힣]{1,20}$", text))


def _classify(text: str, state: dict[str, bool]) -> Kind:
    """One line's kind; `state` carries what was seen above (font widget, tail markers)."""
    if not text:
        return "empty"
    if _FONT_WIDGET.match(text) or (_FONT_HINT.search(text) and len(text) < 80):
        state["font"] = True
        return "widget"
    if _SAMPLE.match(text) and (state.get("font") or text.startswith(("(예시)", "예시)"))):
        return "widget"
    if _SHARE.match(text):
        return "share"
    if _REACTION.match(text):
        state["tail"] = True
        return "reaction"
    if _COMMENT.match(text) or (_COMMENT_RULE.search(text) and len(text) < 160):
        state["tail"] = True
        return "comment"
    if _RELATED.match(text):
        state["tail"] = True
        return "related"
    if (_COPYRIGHT.search(text) and len(text) < 200 and not _PHOTO_CREDIT.match(text)
            and (not _is_caption(text) or re.search(r"copyright|무단|all rights", text, re.I))):
        state["tail"] = True
        return "copyright"
    if _BYLINE.match(text):
        return "byline"
    if _DATELINE.match(text) or (len(text) < 120 and _LABELLED_DATE.search(text)):
        return "dateline"
    if state.get("tail") and (_TAIL_SECTION.match(text) or
                              (len(text) < 40 and not _SENTENCE_END.search(text))):
        # Short non-sentences after a comment box or "most read" header are link lists.
        return "related"
    if _is_caption(text):
        return "caption"
    return "content"


def clean_lines(text: str) -> list[Line]:
    """Classify every line of decoded text; repeated lines (captions shown twice) are duplicates."""
    lines: list[Line] = []
    seen: dict[str, int] = {}
    state: dict[str, bool] = {}
    for number, raw in enumerate(text.split("\n"), start=1):
        stripped = _BULLET.sub("", raw.strip()).strip()
        stripped = re.sub(r"[ \t]+", " ", stripped)
        kind = _classify(stripped, state)
        if kind in ("content", "caption"):
            key = _key(stripped)
            # Sites print a photo caption twice (alt text and figcaption): keep the first.
            if key in seen and len(key) > 8:
                kind = "duplicate"
            else:
                seen[key] = number
        lines.append(Line(number, stripped, kind))
    return lines


def content_lines(lines: list[Line]) -> list[Line]:
    return [line for line in lines if line.kind in ("content", "caption")]
