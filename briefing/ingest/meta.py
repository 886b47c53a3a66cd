"""Article metadata from the text alone: title (or deck), publisher, author, dates."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefing.core.dates import PartialDate
from briefing.ingest import boilerplate as B
from briefing.ingest.byline import (  # re-exported: the metadata API lives here
    Publisher,
    ReviewItem,
    find_people_and_publisher,
    load_publishers,
    publisher_by_domain,
    publisher_by_name,
)
from briefing.ingest.clean import Line
from briefing.ingest.dates import MONTHS
from briefing.ingest.hints import mostly_hangul
from briefing.ingest.layout import body_start, headline_index

__all__ = ["ArticleMeta", "Publisher", "ReviewItem", "detect_language", "find_dates_in_header",
           "find_people_and_publisher", "find_title", "load_publishers", "publisher_by_domain",
           "publisher_by_name"]

_HEAD_LINES = 30  # a wire's dateline opens the story
_UPDATED = re.compile(r"수정|업데이트|updated|modified", re.I)
_SENTENCE_END = re.compile(r"(?:[다요죠음함임됨]\.|[.!?][\"'”’]?)\s*$")
_GLUE = re.compile(r"(?<=[가-힣])(?=[A-Z][A-Za-z]*[,+ ])")


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    title: str
    title_is_deck: bool
    headline_line: int | None
    published: PartialDate | None
    updated: PartialDate | None
    publisher: str | None
    author: str | None
    url: str | None
    language: str
    items: tuple[ReviewItem, ...] = field(default=())


def _date_of(match: re.Match[str]) -> PartialDate | None:
    g = match.groupdict()
    try:
        if g["y"]:
            year, month, day = int(g["y"]), int(g["m"]), int(g["d"])
        elif g["y2"]:
            year, month, day = int(g["y2"]), MONTHS[g["mn"].lower()[:3]], int(g["d2"])
        else:
            year, month, day = int(g["y3"]), MONTHS[g["mn3"].lower()[:3]], int(g["d3"])
        return PartialDate(year, month, day) if 1 <= month <= 12 and 1 <= day <= 31 else None
    except (KeyError, TypeError, ValueError):
        return None


def find_dates_in_header(
        lines: list[Line]) -> tuple[PartialDate | None, PartialDate | None, str | None]:
    """(published, updated, the line it came from) from date lines and dated bylines.

    The first publication beats an update: a labelled '입력'/'Posted' date wins, then the
    first unlabelled date; '수정'/'Updated' dates, and a second unlabelled date on the
    same line ('2024-03-19 15:36 2024-03-19 17:40'), are the update.
    """
    first: list[tuple[PartialDate, str]] = []
    labelled: list[tuple[PartialDate, str]] = []
    updates: list[PartialDate] = []
    label = ""  # a label alone on the line before ('Updated'): it labels this line's date
    for number, line in enumerate(lines):
        text = line.text
        above, label = label, text if B.DATE_LABEL_ALONE.match(text) else (
            label if line.kind == "empty" else "")
        if line.kind == "content" and number < _HEAD_LINES:
            # 'SEOUL, South Korea, May 23, 2018 /PRNewswire/ --': a wire's dateline.
            wire = B.WIRE_DATELINE.match(text)
            if wire is None or not wire.group("date"):
                continue
            text = wire.group(0)
        elif line.kind not in ("dateline", "byline"):
            continue
        unlabelled_here = 0
        for match in B.STAMP.finditer(text):
            date = _date_of(match)
            if date is None:
                continue
            named = match.group("label") or above
            if named and _UPDATED.search(named):
                updates.append(date)
            elif named and not named.lower().startswith("date"):
                labelled.append((date, text))
            elif unlabelled_here:
                updates.append(date)
            else:
                unlabelled_here += 1
                first.append((date, text))
    chosen = min(labelled, key=lambda d: d[0]) if labelled else first[0] if first else None
    published, evidence = chosen if chosen else (None, None)
    later = [u for u in updates if published is None or published < u]
    updated = max(later) if later and published is not None else None
    return published, updated, evidence


def _is_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text))


def find_title(lines: list[Line]) -> tuple[str, bool, int | None, list[ReviewItem]]:
    """(title, is it a deck, headline line number, review items).

    The headline is chosen by layout.headline_index among the lines before the body;
    a cut-off last line, a menu item or a masthead never is."""
    body = [line for line in lines if line.kind == "content"]
    if not body:
        return "", False, None, [ReviewItem("title", "no text found for a title")]
    start = body_start(lines)
    head = headline_index(lines, start)
    if head is not None:
        first = lines[head]
        glued = len(_GLUE.findall(first.text))
        if not glued or _is_sentence(first.text):
            return first.text, False, first.number, []
        # Sub-heads pasted together without breaks ('…구축KT, MS와 …'): split them again.
        parts = [p.strip() for p in _GLUE.split(first.text) if p.strip()]
        deck = " / ".join(parts)
        return deck, True, first.number, [ReviewItem(
            "source.title", "no headline in the text; this is the deck of sub-heads", first.text)]
    # Cross-heads make a deck; the last line is left out: a cut-off copy ends mid-sentence.
    heads = [line.text for line in body[:-1]
             if not _is_sentence(line.text) and len(line.text) <= 80]
    if heads:
        deck = " / ".join(heads[:4])
        return deck, True, None, [ReviewItem(
            "source.title", "no headline in the text; this is the deck of sub-heads", deck)]
    first = body[0]
    cut = first.text[:100].rsplit(" ", 1)[0] + "…" if len(first.text) > 100 else first.text
    return cut, True, None, [ReviewItem(
        "source.title", "no headline or sub-heads in the text; this is the opening sentence",
        first.text)]


def detect_language(text: str) -> str:
    return "ko" if mostly_hangul(text) else "en"
