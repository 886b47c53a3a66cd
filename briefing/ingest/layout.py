"""Page layout: where the headline, the body and the widgets around them are.

Line patterns (boilerplate.py) cannot tell a menu item from a sub-head or a widget label
from a short paragraph; where a line sits can. The body starts at the first prose line
(a sentence of 40 characters or more). Before it, the headline is the title-like line that
shares most words with the body; short lines above the headline are the site's masthead
and menus, one-word labels below it are section tags. After the body, a run of short lines
without sentence endings opens a widget area (hashtags, comment boxes, related lists,
newsletter and AI-summary notices) that lasts until prose of paragraph length returns.
"""

from __future__ import annotations

import re
from dataclasses import replace

from briefing.ingest import boilerplate as B
from briefing.ingest.labels import is_keyword_run
from briefing.ingest.lines import Line, is_sentence
from briefing.ingest.shapes import LOGO

_LETTER = re.compile(r"[A-Za-z가-힣]")
_HANGUL = re.compile(r"[가-힣]")
# '… said. (Hanbit Wire)': a credit in brackets closing a paragraph.
_CREDIT_TAIL = re.compile(r"(?<=[.!?\"'”’])\s*\([A-Z][\w&.-]*(?:\s[A-Z][\w&.-]*){0,3}\)$")
_REPORTER = re.compile(r"기자|특파원|@|\bBy\b|Reporter|Editor|Writer", re.I)
_CRUMB = re.compile(r"\s(?:>>?|›|»)\s")
_WORDS = re.compile(r"[A-Za-z0-9][A-Za-z0-9&+.'-]*|[가-힣]{2,}")
_INNER_STOP = re.compile(r"(?:[a-z0-9)]\.|다\.)[\"'”’]?\s+(?=[A-Z가-힣\"“‘])")
_SUMMARY_END = re.compile(r"(?:Summary|요약)$")
# A photo's caption without its credit, before the lede: '… 협약을 체결하고 있다.'
_SCENE = re.compile(r"(?:고\s*있다|모습이다|모습)\.$")
_TOLD = re.compile(r"[가-힣][다요]\.[\"'”’]?\s*$")
_PERIOD_END = re.compile(r"[.!?。]\s*[\"'”’]?\s*$")
_CLUTTER = frozenset({"widget", "share", "reaction", "comment", "related", "prompt", "menu"})
_PROSE = 40  # a sentence this long is prose
_PARAGRAPH = 120  # inside a widget area, prose this long is the article again
_TITLE_OVERLAP = 0.5  # a headline shares at least half its words with the body
_STALE_RUN = 3  # so many headlines of other stories above the headline are a stale list
_STALE_HEAD = 0.75  # when the headline shares this much with the body
_STALE_GAP = 0.25  # and each of them this much less
_SHORT = 60  # a line shorter than this without a sentence ending is a label or link


def _body_line(line: Line) -> bool:
    """Prose: a sentence that ends in a full stop (a quoted headline ends in a quote), or
    a paragraph of sentences that a cut-off copy ends mid-sentence."""
    text = line.text
    return line.kind == "content" and len(text) >= _PROSE and (
        bool(_PERIOD_END.search(text)) or (len(text) >= _SHORT and is_sentence(text)
                                           and not text.endswith(("\"", "”", "'", "’")))
        or (len(text) >= 2 * _PARAGRAPH and len(_INNER_STOP.findall(text)) >= 2))


def _label(line: Line, limit: int = _SHORT) -> bool:
    return line.kind == "content" and len(line.text) < limit and not is_sentence(line.text)


def _paragraph(line: Line) -> bool:
    return (line.kind == "content" and len(line.text) >= _PARAGRAPH
            and bool(_PERIOD_END.search(line.text)))


def _key(text: str) -> str:
    return "".join(text.split())  # what re.sub(r"\s+", "", text) gives, faster


def _repeats(lines: list[Line]) -> list[Line]:
    """A sentence printed twice in a row is a photo's alt text and caption: both go. Text
    printed three times (deck, caption, lede) keeps only its last copy, the lede."""
    places: dict[str, list[int]] = {}
    for index, line in enumerate(lines):
        if line.kind in ("content", "duplicate", "caption") and len(_key(line.text)) > 8:
            places.setdefault(_key(line.text), []).append(index)
    result = list(lines)
    for indexes in places.values():
        if len(indexes) == 2:
            first, second = indexes
            between = [line for line in lines[first + 1:second] if line.kind != "empty"]
            if not between and _PERIOD_END.search(lines[first].text):
                for index in indexes:
                    result[index] = replace(lines[index], kind="caption")
        elif len(indexes) >= 3 and lines[indexes[0]].kind == "content":
            for index in indexes[:-1]:
                result[index] = replace(lines[index], kind="duplicate")
            result[indexes[-1]] = replace(lines[indexes[-1]], kind="content")
    return result


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORDS.findall(text) if len(w) >= 2]


def _overlap(text: str, body: str) -> float:
    """Share of a line's words that the body uses (Hangul by their first two syllables,
    so that particles do not count; Latin by their first four letters)."""
    words = _words(text)
    if not words:
        return 0.0
    found = sum(1 for w in words if (w[:2] if _LETTER.match(w) and "가" <= w[0] <= "힣"
                                     else w[:4]) in body)
    return found / len(words) * min(1.0, len(words) / 3)


def body_start(lines: list[Line]) -> int | None:
    """The first prose line; without one, the first paragraph-long line, else the first
    sentence (a short text)."""
    found = next((i for i, line in enumerate(lines) if _body_line(line)), None)
    if found is None:  # a cut-off copy may hold one long paragraph that never ends
        found = next((i for i, line in enumerate(lines)
                      if line.kind == "content" and len(line.text) >= _PARAGRAPH), None)
    if found is None:
        found = next((i for i, line in enumerate(lines)
                      if line.kind == "content" and is_sentence(line.text)), None)
    return found


def _clutter_like(text: str, body: str) -> bool:
    """A masthead, menu item or banner: three words or fewer that the body hardly uses
    ('The Morning Ledger', 'Select Language', '닫기', '뉴스데스크'), or a breadcrumb."""
    if _CRUMB.search(text):
        return True
    return len(_words(text)) <= 3 and _overlap(text, body) < _TITLE_OVERLAP


def _candidates(lines: list[Line], end: int) -> list[int]:
    """Title-like lines before the body: no sentence that ends with a period, no logo."""
    return [i for i in range(end) if lines[i].kind == "content"
            and 6 <= len(lines[i].text) <= 160 and _LETTER.search(lines[i].text)
            and not _PERIOD_END.search(lines[i].text) and not LOGO.match(lines[i].text)]


def _opening(lines: list[Line], start: int) -> str:
    """The body's first lines, lower-cased, to compare title-like lines with."""
    return " ".join(line.text for line in lines[start:start + 20]
                    if line.kind == "content").lower()


def headline_index(lines: list[Line], start: int | None) -> int | None:
    """The headline: the first title-like line before the body that is no masthead, menu
    item or breadcrumb; in English a short kicker right above a longer title
    ('Building the AI Economy') gives way to it. Never a sentence that ends
    with a period, a line without letters, or anything after the body's first line."""
    end = start if start is not None else len(lines)
    candidates = _candidates(lines, end)
    body = _opening(lines, end)
    if start is None or len(body) < _SHORT:  # too little body to compare with
        return next((i for i in candidates if not _CRUMB.search(lines[i].text)), None)
    titles = [i for i in candidates if not _clutter_like(lines[i].text, body)]
    stale = _stale_list(lines, titles, body)
    titles = titles[len(stale):]
    if not titles:
        return None
    first = titles[0]
    after = next((j for j in range(first + 1, end) if lines[j].kind != "empty"), None)
    if after in titles and not _HANGUL.search(lines[first].text):
        words, next_words = len(_words(lines[first].text)), len(_words(lines[after].text))
        if words <= 4 and next_words >= 1.5 * words:
            return after
    return first


def _stale_list(lines: list[Line], titles: list[int], body: str) -> list[int]:
    """Headlines of other stories above this one ('US back on track in qualifying'): three
    or more title-like lines before the one that shares most words with the body, each
    sharing clearly fewer. Returns their indexes (none when no title stands out so)."""
    if len(titles) <= _STALE_RUN:
        return []
    shares = [_overlap(lines[i].text, body) for i in titles]
    best = max(range(len(titles)), key=shares.__getitem__)
    if best < _STALE_RUN or shares[best] < _STALE_HEAD or \
            max(shares[:best]) > shares[best] - _STALE_GAP:
        return []
    return titles[:best]


def _header(lines: list[Line], start: int) -> list[Line]:
    head = headline_index(lines, start)
    result = list(lines)
    body = _opening(lines, start)
    titles = [i for i in _candidates(lines, start) if not _clutter_like(lines[i].text, body)]
    for index in _stale_list(lines, titles, body) if len(body) >= _SHORT else ():
        result[index] = replace(lines[index], kind="related")
    for index in range(start):
        line = lines[index]
        if result[index].kind != "content" or index == head:
            continue
        if LOGO.match(line.text):  # '한빛미디어 Hanbit 로고': the site's logo above it all
            result[index] = replace(line, kind="masthead")
            continue
        if head is not None and index < head and _label(line):
            # Above the headline: the site's name first, then menus and banners.
            masthead = not any(x.kind == "masthead" for x in result[:index])
            result[index] = replace(line, kind="masthead" if masthead else "menu")
        elif head is not None and index > head and _label(line) and " " not in line.text:
            result[index] = replace(line, kind="menu")  # a one-word section tag: 'AI'
        elif head is not None and index > head and _label(line, 40) and \
                _SUMMARY_END.search(line.text):
            result[index] = replace(line, kind="menu")  # 'Hanbit BotHanbit Summary'
        elif head is not None and index > head and is_keyword_run(line.text):
            result[index] = replace(line, kind="menu")  # the story's tags in a row
        elif head is not None and _key(line.text) == _key(lines[head].text):
            result[index] = replace(line, kind="duplicate")
    return result


def _tail(lines: list[Line], start: int) -> list[Line]:
    result = list(lines)
    area = soft = False
    following = [i for i in range(start + 1, len(lines)) if lines[i].kind != "empty"]
    for position, index in enumerate(following):
        line = lines[index]
        if line.kind in ("related", "comment", "reaction"):
            area = True
            continue
        if line.kind in ("share", "prompt", "widget") and not any(
                _body_line(lines[i]) for i in following[position + 1:]):
            # Buttons or a notice with no prose after them: the page's last widgets,
            # whose short lines ('알림 문구가 … 영역입니다') are no content either.
            soft = True
            continue
        if soft and line.kind == "content" and len(line.text) < _SHORT:
            result[index] = replace(line, kind="related")
            continue
        if line.kind == "byline" and area and not _REPORTER.search(line.text):
            # An outlet's name in a related list credits that story, not this one.
            result[index] = replace(line, kind="related")
            continue
        if line.kind != "content":
            continue
        if area:
            if _paragraph(line):
                area = False  # prose again: the widget area has ended
            else:
                result[index] = replace(line, kind="related")
            continue
        after = following[position + 1] if position + 1 < len(following) else None
        back = position - 1
        while back >= 0 and _label(lines[following[back]]):
            back -= 1  # the list's first item: what stands above the run of labels
        before = lines[following[back]] if back >= 0 else lines[start]
        if _label(line) and after is not None and (
                _label(lines[after], _PARAGRAPH) or lines[after].kind in _CLUTTER) and \
                not _introduced(before) and \
                not any(_paragraph(lines[i]) or _told(lines[i])
                        for i in following[position + 1:]):
            # Labels in a row with no paragraph or told sentence after them: the page's
            # widgets, not a deck of sub-heads or a list's items (which prose follows or
            # a colon introduces: '… four models:' / 'GPUaaS' / …).
            area = True
            result[index] = replace(line, kind="related")
    return result


def _told(line: Line) -> bool:
    """A Korean sentence in the declarative or polite style ('… 나섰습니다.', '… 중이다.'):
    widget labels and taglines are never told so; English ones end in periods too."""
    return line.kind == "content" and len(line.text) >= _PROSE and bool(_TOLD.search(line.text))


def _introduced(line: Line) -> bool:
    """A content line that ends in a colon announces the list below it."""
    return line.kind == "content" and line.text.rstrip().endswith((":", "："))


def _closing_credit(lines: list[Line]) -> list[Line]:
    """A paragraph that ends in a wire credit ('… said. (Yonhap)') right before the widget
    area is the article's last paragraph, not a caption: only the credit goes."""
    for index, line in enumerate(lines):
        if line.kind != "caption":
            continue
        tail = B.WIRE_TAIL.search(line.text) or _CREDIT_TAIL.search(line.text)
        if tail is None or len(line.text[:tail.start()]) < _PARAGRAPH:
            continue
        after = next((x for x in lines[index + 1:] if x.kind != "empty"), None)
        if after is not None and after.kind in ("related", "comment"):
            body = line.text[:tail.start()].strip()
            split = [replace(line, text=body, kind="content"),
                     replace(line, text=tail.group(0).strip(), kind="credit")]
            return [*lines[:index], *split, *lines[index + 1:]]
    return lines


def _letterless(lines: list[Line]) -> list[Line]:
    """'|', '11', '···': table cells and counters without a word are no content."""
    return [replace(line, kind="widget")
            if line.kind == "content" and not _LETTER.search(line.text) else line
            for line in lines]


def _scene_caption(lines: list[Line], start: int) -> list[Line]:
    """A one-sentence scene ('… 서명하고 있다.') on a line of its own between the date line
    and the lede is an uncredited photo caption: the lede follows it at once (a lede glued
    to its bracketed byline is the lede)."""
    filled = [i for i, line in enumerate(lines) if line.kind != "empty"]
    at = filled.index(start)
    # The body's first line, or a short line right before it.
    for place in (at, at - 1):
        if place < 1 or place + 1 >= len(filled):
            continue
        line, before = lines[filled[place]], lines[filled[place - 1]]
        after = lines[filled[place + 1]]
        if (line.kind == "content" and len(line.text) <= 200 and _SCENE.search(line.text)
                and _HANGUL.search(line.text) and "다. " not in line.text
                and before.number != line.number
                and before.kind in ("dateline", "byline", "caption", "image")
                and _body_line(after)):
            return [*lines[:filled[place]], replace(line, kind="caption"),
                    *lines[filled[place] + 1:]]
    return lines


def arrange(lines: list[Line]) -> list[Line]:
    """Reclassify lines by where they sit on the page (see the module's docstring)."""
    lines = _repeats(_letterless(lines))
    start = body_start(lines)
    if start is None:
        return lines
    lines = _scene_caption(lines, start)
    start = body_start(lines)
    if start is None:
        return lines
    return _closing_credit(_tail(_header(lines, start), start))
