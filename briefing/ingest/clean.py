"""Boilerplate removal: classify every line of a raw article as content or a kind of clutter.

Nothing is thrown away here: each line keeps its kind, so meta.py can still read the
date line, the reporter sign-off and the copyright line, and the draft keeps every
content line in review.source_text.
"""

from __future__ import annotations

import re
from dataclasses import replace

from briefing.ingest import boilerplate as B
from briefing.ingest import labels as L
from briefing.ingest import notices as N
from briefing.ingest import shapes as S
from briefing.ingest.hints import holds_any
from briefing.ingest.layout import arrange
from briefing.ingest.lines import BOILERPLATE, Kind, Line

__all__ = ["BOILERPLATE", "Kind", "Line", "clean_lines", "content_lines"]

_BULLET = re.compile(r"^[\s•·・◦▪▫■□●○►▶*\-–—]+(?=\S)")
_TAIL_SECTION = re.compile(r"^(?:e\s*스튜디오|뉴스\s*발전소|포토|영상|오피니언|기획|연재)$", re.I)
_SENTENCE_END = re.compile(r"(?:[다요죠]\.?|[음함임됨]\.|[.!?…]|[\"'”’」』]\s*)$")
_HANGUL = re.compile(r"[가-힣]")
_PROSE = 40  # what follows a prefix split off the lede is a sentence
_TO_READER = re.compile(r"\b(?:you|your|our|us)\b", re.I)
_NOT_BYLINE = re.compile(r"사진|자료|그래픽|제공|영상|출처|Photo", re.I)
# Words every branch of a costly pattern needs (hints.py): most lines are not searched.
_NOTICE_WORDS = ("summar", "generate", "요약", "추출", "원문", "출처", "source", "published",
                 "appeared", "기사는", "콘텐츠는")
_PROMPT_WORDS = ("구독", "뉴스레터", "앱", "네이버", "제보", "카카오톡", "무료", "sign",
                 "subscribe", "download", "newsletter", "get", "follow", "unlimited", "already")
_COPYRIGHT_WORDS = ("ⓒ", "©", "(c)", "copyright", "저작권자", "무단", "재배포", "rights", "학습",
                    "재판매", "unauthorized")
_COMMENT_RULE_WORDS = ("이내로", "띄어", "건전한", "욕설", "댓글", "로그인", "명예훼손", "개인정보")
_CREDIT_WORDS = ("=", ":", "|", "사진", "photo", "image", "graphic", "picture")


def _key(text: str) -> str:
    return "".join(text.split())  # what re.sub(r"\s+", "", text) gives, faster


def _is_caption(text: str) -> bool:
    return bool(
        text.startswith(("▲", "△", "▷", "[사진", "(사진", "사진=", "사진 =", "Photo", "[Photo",
                         "이미지 확대", "사진 확대", "사진설명", "사진 설명",
                         "picture explanation"))
        or re.search(r"(?:\(|\[)\s*(?:사진|자료|그래픽|제공|Photo|Image)\s*[=:]?[^)\]]{0,30}[)\]]"
                     r"\s*$", text, re.I)
        or re.search(r"\s/\s?[\w가-힣 ]{1,25}(?:\s갈무리|\s제공)?$", text)
        or re.search(r"[ⓒ©Ⓒ]\s?[\w가-힣]{1,20}$", text)
        or (len(text) < 400 and holds_any(text, _CREDIT_WORDS)
            and B.CREDIT_INSIDE.search(text) is not None)
        or (len(text) < 300 and B.CAPTION_END.search(text) is not None)
        or (len(text) < 600 and text.endswith("|") and B.CAPTION_END.search(text) is not None)
        or re.search(r"[.!]\s*\((?:Yonhap|Reuters|AP|AFP|EPA|Getty Images|[A-Z][\w&.-]*"
                     r"(?:\s[A-Z][\w&.-]*){0,3})\)$", text) is not None)


def _menu(text: str) -> bool:
    if len(text) > 80 or _SENTENCE_END.search(text):
        return False
    if B.BREADCRUMB.match(text) and re.search(r"[>›»]|^(?:Home|HOME|홈)\s*[/|]", text):
        return True
    words = [w for w in re.split(r"[\s|/·>›»]+", text) if w]
    return bool(words) and all(w in B.SECTION_WORDS or w.title() in B.SECTION_WORDS
                               for w in words)


def _classify(text: str, state: dict[str, bool]) -> Kind:
    """One line's kind; `state` carries what was seen above (font widget, tail markers)."""
    if not text:
        return "empty"
    if B.FONT_WIDGET.match(text) or (B.FONT_HINT.search(text) and len(text) < 80):
        state["font"] = True
        return "widget"
    if B.SAMPLE.match(text) and (state.get("font") or text.startswith(("(예시)", "예시)"))):
        return "widget"
    if B.SKIP_LINK.match(text) or _menu(text):
        return "menu"
    if L.is_machine_line(text) or L.EMPTY_BYLINE.match(text):
        return "widget"
    if B.MARKDOWN_IMAGE.match(text) or L.IMAGE_FILE.match(text):
        return "image"
    if B.MARKER_LINE.match(text) or (text.startswith("(") and N.ADVISORY.match(text)):
        return "marker"  # a script's marker, a wire's advisory to editors
    if N.FURNITURE.match(text) or N.EDITION.match(text) or N.SLOGAN.match(text):
        return "widget"
    if B.WIDGET.match(text) or B.PLAYER.match(text) or B.BOARD.match(text) or \
            (len(text) < 200 and holds_any(text, _NOTICE_WORDS) and B.NOTICE.search(text)):
        return "widget"
    if B.EMPTY_CELL.match(text):
        return "image"
    if "http" in text and S.LINK_LINE.search(text):
        return "widget"  # a permalink or a link card restating the story
    if B.DATE_LABEL_ALONE.match(text):
        return "dateline"  # 'Updated' above its date: find_dates_in_header reads both
    if B.TAGS.match(text):
        return "menu"
    if B.ALSO_READ.match(text) and not _SENTENCE_END.search(text[-2:] + " "):
        state["tail"] = True
        return "related"
    if B.SHARE.match(text) or L.is_label(text):
        return "share"
    if B.DATE_WIDGET.match(text):
        return "widget"
    if B.REACTION.match(text):
        state["tail"] = True
        return "reaction"
    if B.COMMENT.match(text) or (len(text) < 160 and holds_any(text, _COMMENT_RULE_WORDS)
                                 and B.COMMENT_RULE.search(text)):
        state["tail"] = True
        return "comment"
    if B.RELATED.match(text):
        state["tail"] = True
        return "related"
    if L.RELATED_LABEL.match(text):
        return "menu"  # a list's label alone: the prose after it may be the article's
    if (len(text) < 200 and holds_any(text, _COPYRIGHT_WORDS) and B.COPYRIGHT.search(text)
            and not B.PHOTO_CREDIT.match(text)
            and (not _is_caption(text) or re.search(r"copyright|무단|all rights", text, re.I))):
        state["tail"] = True
        return "copyright"
    if B.END_MARK.match(text):
        return "copyright"
    if B.BYLINE.match(text) or ("@" in text and B.EMAIL_LINE.match(text)) or \
            B.SIGN_OFF.match(text) or \
            B.REPORTING.match(text) or L.DESK_SIGN_OFF.match(text) or L.WITH_WIRE.match(text) or \
            L.SLASHED_BYLINE.match(text) or L.EN_MAIL_BYLINE.match(text) or \
            (text.startswith("By ") and S.TITLED_BY.match(text)) or \
            (len(text) < 80 and L.EN_SIGN_OFF.match(text)) or \
            (len(text) < 60 and (B.DATELINE_ALONE.match(text) or (
                B.BRACKET_BYLINE_ALONE.match(text) and not _NOT_BYLINE.search(text)))):
        return "byline"
    outlet = B.OUTLET_BEFORE_DATE.match(text) if len(text) < 60 else None
    if B.DATELINE.match(text) or B.CONTENT_NOTE.match(text) or \
            (outlet and B.DATELINE.match(text[outlet.end():])) or \
            (len(text) < 120 and B.LABELLED_DATE.search(text)) or B.is_date_line(text):
        return "dateline"
    prompt = B.PROMPT.search(text) if len(text) < 200 and holds_any(text, _PROMPT_WORDS) else None
    if prompt and (len(text) < 120 or not _SENTENCE_END.search(text[-2:] + " ")) and (
            _HANGUL.search(text) or prompt.start() <= 2 or _TO_READER.search(text)
            or not _SENTENCE_END.search(text)):
        # An English sentence about others ('… asked users to sign up for …') is news.
        return "prompt"
    if len(text) < 100 and B.TICKER_LINE.match(text):
        return "ticker"
    if len(text) < 80 and (B.CREDIT_LINE.match(text) or N.STOCK_CREDIT.match(text)):
        return "credit"
    if B.TAG_LINE.match(text):
        return "menu"
    if state.get("tail") and (_TAIL_SECTION.match(text) or
                              (len(text) < 120 and B.RANKED.match(text)) or
                              (len(text) < 40 and not _SENTENCE_END.search(text))):
        # Short non-sentences after a comment box or "most read" header are link lists.
        return "related"
    if _is_caption(text) or (len(text) < 100 and L.NAME_CARD.match(text)):
        return "caption"
    if len(text) >= 40 and _SENTENCE_END.search(text):
        state["tail"] = False  # prose again: a mid-article 'related' box has ended
    return "content"


def _prefix(text: str) -> tuple[str, Kind, str] | None:
    """A byline, broadcast marker or date label glued before the lede: (prefix, kind, rest)."""
    # A wire's dateline ('SEOUL, Nov. 11 (Yonhap) --', 'Outlet (Nov 1) --') is a byline
    # before the lede, read for the publisher and the date; its day stays with the lede,
    # which it dates for the events ('(May 23, 2018) KT said …').
    wire = B.WIRE_DATELINE.match(text)
    day = wire and (wire.group("date") or wire.group("date2") or "").strip()
    if wire and day and wire.end() < len(text):
        rest = text[wire.end():].strip()
        named = re.search(r"\s*/[A-Z][\w .&-]{1,30}/\s*(?:--|—|–|-)\s*$", wire.group(0))
        if named:  # a release's 'SEOUL, May 23, 2018 /PRNewswire/ --': only the wire goes
            return wire.group(0).strip(), "byline", f"{text[:named.start()].strip()} {rest}"
        return wire.group(0).strip(), "byline", f"({day}) {rest}"
    colon = N.COLON_DATELINE.match(text)
    if colon and len(text) - colon.end() >= _PROSE and _SENTENCE_END.search(text):
        rest = text[colon.end():].strip()
        day = colon.group("date")
        return colon.group(0).strip(), "byline", f"({day}) {rest}" if day else rest
    barred = N.BARRED_BYLINE.match(text)
    if barred and len(text) - barred.end() >= _PROSE:
        return barred.group(0).strip(), "byline", text[barred.end():].strip()
    picture = N.IMAGE_PREFIX.match(text)
    if picture:
        return picture.group(0), "image", text[picture.end():].strip()
    lede = B.LEDE_DATELINE.match(text)
    if lede:
        return (lede.group(0).strip(), "dateline",
                f"({lede.group('date')}) {text[lede.end():].strip()}")
    for pattern, kind in ((B.LEADING_DATE, "dateline"), (B.BRACKET_BYLINE, "byline"),
                          (B.MARKER_PREFIX, "marker"), (B.WIRE_DATELINE, "byline")):
        match = pattern.match(text)
        if match is None or not match.group(0).strip():
            continue
        head = match.group(0).strip()
        if kind == "byline" and pattern is B.BRACKET_BYLINE and _NOT_BYLINE.search(head):
            continue
        rest = text[match.end():].strip()
        if rest:
            return head, kind, rest  # type: ignore[return-value]
    return None


def _outlet_line(text: str, outlets: frozenset[str]) -> bool:
    """'SBS Biz', '중앙일보', 'SBS Biz 김동필': the outlet's name, maybe with the reporter's."""
    if text in outlets:
        return True
    if not "가" <= text[-1:] <= "힣":
        return False  # the pattern below ends in Hangul
    named = re.match(r"^(.+?)\s+[가-힣]{2,4}(?:\s*(?:기자|특파원))?$", text)
    return bool(named and named.group(1) in outlets)


def _outlet_prefix(text: str, outlets: frozenset[str]) -> tuple[str, Kind, str] | None:
    tag = re.match(r"^\[([^\]]{2,20})\]\s*(?=\S)", text)
    if tag and tag.group(1).strip() in outlets:
        return tag.group(0).strip(), "byline", text[tag.end():].strip()
    shaped = B.OUTLET_TAG.match(text)  # '【 한빛일보 】 …': shaped like an outlet's name
    if shaped:
        return shaped.group(0).strip(), "byline", text[shaped.end():].strip()
    english = L.EN_BRACKET_BYLINE.match(text)  # '[Hanbit Economy Reporter Jane Doe] …'
    if english and english.end() < len(text):
        return english.group(0).strip(), "byline", text[english.end():].strip()
    glued = S.NAMES_OUTLET.match(text)  # 'Jane Doe Hanbit Economic News MAJOR …'
    if glued and len(text) - glued.end() >= 40:
        return glued.group(0).strip(), "byline", text[glued.end():].strip()
    site = L.DOMAIN_CREDIT.match(text)  # 'en.example.com Reported - …': the site's credit
    if site and len(text) - site.end() >= 40:
        return site.group(0).strip(), "byline", text[site.end():].strip()
    return None


def clean_lines(text: str, outlets: frozenset[str] = frozenset()) -> list[Line]:
    """Classify every line of decoded text; repeated lines (captions shown twice) are duplicates.

    `outlets` are the publisher table's names: a line that is only one is a byline."""
    lines: list[Line] = []
    seen: dict[str, int] = {}
    state: dict[str, bool] = {}
    for number, raw in enumerate(text.split("\n"), start=1):
        if B.WIRE_CREDIT_LINE.match(raw.strip()):  # before bullets go: '—APP' is no bullet
            lines.append(Line(number, raw.strip(), "credit"))
            continue
        stripped = _BULLET.sub("", raw.strip()).strip()
        stripped = B.TICKER_INLINE.sub("", stripped)
        stripped = S.doubled(stripped) or stripped  # a headline printed twice on one line
        if "\t" in stripped or "  " in stripped:  # else the pattern changes nothing
            stripped = re.sub(r"[ \t]+", " ", stripped)
        split = _prefix(stripped) or _outlet_prefix(stripped, outlets)
        while split is not None:
            head, head_kind, stripped = split
            lines.append(Line(number, head, head_kind))
            split = _prefix(stripped)
        deck = B.GLUED_BYLINE.match(stripped) if "기자" in stripped[:120] else None
        if deck:
            lines.append(Line(number, deck.group("deck").strip(), "content"))
            lines.append(Line(number, deck.group("byline").strip(), "byline"))
            stripped = stripped[deck.end():].strip()
        # Cheap guards first: these two patterns scan the whole line.
        glued = B.GLUED_CREDIT.match(stripped) \
            if "일" in stripped and re.search(r"\d일\s", stripped) else None
        if glued:
            lines.append(Line(number, glued.group("caption"), "caption"))
            stripped = stripped[glued.end():]
        closing = B.CLOSING_BYLINE.search(stripped) \
            if stripped.endswith(("]", "】")) or "@" in stripped[-60:] else None
        if closing:
            stripped = stripped[:closing.start()].strip()
        wire = S.TRAILING_WIRE.search(stripped) if closing is None and (
            "—" in stripped[-14:] or "–" in stripped[-14:]) else None
        if wire:  # '… in the past. — AFP': the paragraph stays, its credit goes
            closing, stripped = wire, stripped[:wire.start()].strip()
        kind = "byline" if _outlet_line(stripped, outlets) else _classify(stripped, state)
        if kind in ("content", "caption"):
            key = _key(stripped)
            # Sites print a photo caption twice (alt text and figcaption): keep the first.
            if key in seen and len(key) > 8:
                kind = "duplicate"
            else:
                seen[key] = number
        posted = N.POSTED_BY.match(stripped) if kind == "dateline" else None
        if posted:  # 'Posted on July 15, 2023 by Jane Doe': the date, then the writer
            lines.append(Line(number, stripped[:posted.start("by")].strip(), kind))
            stripped, kind = posted.group("by"), "byline"
        lines.append(Line(number, stripped, kind))
        if closing:
            lines.append(Line(number, closing.group(0).strip(), "byline"))
    return arrange(_reader_furniture(_closing_credit(lines)))


def _closing_credit(lines: list[Line]) -> list[Line]:
    """The paragraph right after the last content line that ends in a wire credit ('… said.
    (Yonhap)') is the article's last paragraph, not a caption: only the credit goes."""
    last = max((i for i, line in enumerate(lines) if line.kind == "content"), default=None)
    if last is None:
        return lines
    following = next((i for i in range(last + 1, len(lines)) if lines[i].kind != "empty"), None)
    if following is None or lines[following].kind != "caption":
        return lines
    line = lines[following]
    tail = B.WIRE_TAIL.search(line.text)
    if tail is None:
        return lines
    body = line.text[:tail.start()].strip()
    if _is_caption(body):
        return lines
    split = [Line(line.number, body, "content"), Line(line.number, tail.group(0).strip(), "credit")]
    return [*lines[:following], *split, *lines[following + 1:]]


def _reader_furniture(lines: list[Line]) -> list[Line]:
    """Lines placed by their neighbours: adverts of the site's assistant in a row, a name
    alone beside the date line or repeating the byline's, the outlet's name alone that a
    bracketed byline names."""
    promos = S.promo_runs(lines)
    bylines = [line.text for line in lines if line.kind == "byline"]
    named = {m.group("names").casefold() for text in bylines
             for m in [S.TITLED_BY.match(text) or L.EN_MAIL_BYLINE.match(text)] if m}
    result = list(lines)
    filled = [i for i, line in enumerate(lines) if line.kind != "empty"]
    for position, index in enumerate(filled):
        line = lines[index]
        if line.kind != "content":
            continue
        if index in promos:
            result[index] = replace(line, kind="prompt")
        elif len(line.text) <= 40 and line.text.casefold() in named:
            result[index] = replace(line, kind="byline")  # the writer's photo or card
        elif S.NAME_ALONE.match(line.text) and any(
                lines[filled[p]].kind == "dateline" for p in (position - 1, position + 1)
                if 0 <= p < len(filled)) and any(
                lines[i].kind == "content" for i in filled[:position]):
            # Below the headline (a short title-case headline can sit by the date line).
            result[index] = replace(line, kind="byline")
        elif len(line.text) <= 20 and any(f"[{line.text} " in t or f"[{line.text}=" in t
                                           for t in bylines):
            result[index] = replace(line, kind="masthead")  # '[한빛포스트 홍길동 기자]'
    return result


def content_lines(lines: list[Line]) -> list[Line]:
    return [line for line in lines if line.kind == "content"]
