"""Article metadata from the text alone: title (or deck), publisher, author, dates."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml

from briefing.core.dates import PartialDate
from briefing.ingest.clean import Line
from briefing.ingest.dates import MONTHS

_PUBLISHED_LABELS = ("입력", "등록", "승인", "게재", "발행", "송고", "기사입력", "published",
                     "posted",
                     "date")
_UPDATED_LABELS = ("수정", "최종수정", "업데이트", "updated", "modified", "last updated")
_LABELLED = re.compile(
    r"(?P<label>기사\s*입력|최종\s*수정|입력|등록|승인|수정|게재|발행|송고|업데이트|Published|"
    r"Posted|"
    r"Last\s+updated|Updated|Modified|Date)?\s*(?:일|일시|시간)?\s*[:：]?\s*"
    r"(?P<date>(?P<y>(?:19|20)\d{2})\s*[.\-/년]\s*(?P<m>\d{1,2})\s*[.\-/월]\s*(?P<d>\d{1,2})"
    r"|(?P<mn>[A-Z][a-z]{2,8})\.?\s+(?P<d2>\d{1,2}),?\s+(?P<y2>(?:19|20)\d{2})"
    r"|(?P<d3>\d{1,2})\s+(?P<mn3>[A-Z][a-z]{2,8})\.?\s+(?P<y3>(?:19|20)\d{2}))", re.I)
_DATELINE_BRACKET = re.compile(
    r"^[\[(【]\s*(?P<a>[^=\])】]{1,20}?)\s*=\s*(?P<b>[^\])】]{1,30}?)\s*[\])】]\s*"
    r"(?:(?P<c>[가-힣]{2,4}(?:\s*[·,]\s*[가-힣]{2,4})*)\s*(?:기자|특파원)\s*=?)?")
_REPORTER = re.compile(r"(?P<names>[가-힣]{2,4}(?:\s*[·,]\s*[가-힣]{2,4})*)\s*(?:선임|수석|인턴|"
                       r"객원)?"
                       r"\s*(?:기자|특파원|논설위원)")
_BY = re.compile(r"^(?:By|Reporter|Written by)\s+(?P<name>[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3})")
_EMAIL = re.compile(r"[\w.+-]+@(?P<domain>[\w-]+(?:\.[\w-]+)+)")
_COPYRIGHT_NAME = re.compile(
    r"(?:Copyright|저작권자|ⓒ|©|\(c\))\s*(?:[:ⓒ©]|\(c\))?\s*(?:\d{4}(?:\s*[-~]\s*\d{4})?\s*)?"
    r"(?:by\s+)?(?P<name>[^&,|()\[\]<>.]{2,40}?)\s*(?=&|,|\||\(|\.|무단|All\s|\s*$|\s+(?:www\.|"
    r"\w+\.(?:com|co\.kr|kr|net)))",
    re.I)
_ANGLE = re.compile(r"<([^<>\s]{2,15})>")
_SENTENCE_END = re.compile(r"(?:[다요죠음함임됨]\.|[.!?][\"'”’]?)\s*$")
_GLUE = re.compile(r"(?<=[가-힣])(?=[A-Z][A-Za-z]*[,+ ])")


@dataclass(frozen=True, slots=True)
class Publisher:
    name: str
    domains: tuple[str, ...]
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ReviewItem:
    field: str
    issue: str
    evidence: str | None = None


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


def load_publishers(content_dir: Path | None) -> tuple[Publisher, ...]:
    """The packaged publisher table, with the content's publishers.yaml merged over it."""
    text = resources.files("briefing.ingest").joinpath("publishers.yaml").read_text("utf-8")
    entries = list(yaml.safe_load(text) or [])
    extra = content_dir / "publishers.yaml" if content_dir else None
    if extra is not None and extra.is_file():
        loaded = yaml.safe_load(extra.read_text("utf-8")) or []
        if isinstance(loaded, list):
            entries.extend(e for e in loaded if isinstance(e, dict) and e.get("name"))
    table: dict[str, Publisher] = {}
    for entry in entries:
        name = str(entry["name"])
        table[name] = Publisher(name, tuple(str(d).lower() for d in entry.get("domains") or ()),
                                tuple(str(a) for a in entry.get("aliases") or ()))
    return tuple(table.values())


def publisher_by_name(name: str, table: tuple[Publisher, ...]) -> str | None:
    key = re.sub(r"\s+", "", name).lower()
    for publisher in table:
        names = (publisher.name, *publisher.aliases, *publisher.domains)
        if any(re.sub(r"\s+", "", n).lower() == key for n in names):
            return publisher.name
    return None


def publisher_by_domain(domain: str, table: tuple[Publisher, ...]) -> str | None:
    domain = domain.lower()
    for publisher in table:
        if any(domain == d or domain.endswith("." + d) for d in publisher.domains):
            return publisher.name
    return None


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
    """(published, updated, the line it came from) from dateline lines."""
    published: PartialDate | None = None
    updated: PartialDate | None = None
    evidence: str | None = None
    for line in lines:
        if line.kind != "dateline":
            continue
        for match in _LABELLED.finditer(line.text):
            date = _date_of(match)
            if date is None:
                continue
            label = re.sub(r"\s+", " ", (match.group("label") or "").lower())
            if label.replace(" ", "") in {u.replace(" ", "") for u in _UPDATED_LABELS}:
                updated = updated or date
            elif (label in _PUBLISHED_LABELS or not label) and \
                    (published is None or (label and date < published)):
                published, evidence = date, line.text
    if updated is not None and published is not None and updated <= published:
        updated = None
    return published, updated, evidence


def _authors(names: str) -> str:
    return ", ".join(n.strip() for n in re.split(r"[·,]", names) if n.strip())


def find_people_and_publisher(lines: list[Line], table: tuple[Publisher, ...]
                              ) -> tuple[str | None, str | None, list[ReviewItem]]:
    """(publisher, author, review items) from datelines, sign-offs, copyright and e-mails."""
    publisher: str | None = None
    author: str | None = None
    items: list[ReviewItem] = []
    for line in lines[:60]:
        bracket = _DATELINE_BRACKET.match(line.text) if line.kind == "content" else None
        if bracket:
            a, b, names = bracket.group("a"), bracket.group("b"), bracket.group("c")
            reporter = _REPORTER.fullmatch(b.strip())
            if reporter:  # [뉴스투데이=임성지 기자]
                publisher = publisher or publisher_by_name(a, table) or a.strip()
                author = author or _authors(reporter.group("names"))
            elif names:  # (서울=연합뉴스) 홍길동 기자 =
                publisher = publisher or publisher_by_name(b, table) or b.strip()
                author = author or _authors(names)
            break
    for line in lines:
        if line.kind in ("byline", "dateline", "copyright"):
            by = _BY.match(line.text)
            reporter = _REPORTER.search(line.text)
            if author is None and (by or reporter):
                author = by.group("name") if by else _authors(reporter.group("names"))  # type: ignore[union-attr]
        if line.kind == "copyright" and publisher is None:
            match = _COPYRIGHT_NAME.search(line.text)
            if match and match.group("name").strip():
                raw = match.group("name").strip()
                publisher = publisher_by_name(raw, table) or raw
    if publisher is None:
        for line in lines:
            if line.kind in ("byline", "dateline", "copyright", "content"):
                for mail in _EMAIL.finditer(line.text):
                    publisher = publisher_by_domain(mail.group("domain"), table)
                    if publisher:
                        break
                    items.append(ReviewItem(
                        "source.publisher", f"e-mail domain {mail.group('domain')} is not in the "
                        "publisher table (add it to content/publishers.yaml)", line.text))
            if publisher:
                break
    if publisher is None:
        for line in lines:
            for mention in _ANGLE.finditer(line.text) if line.kind == "content" else ():
                publisher = publisher_by_name(mention.group(1), table)
                if publisher:
                    items.append(ReviewItem("source.publisher", "taken from the outlet the article "
                                            "names itself as", line.text))
                    break
            if publisher:
                break
    return publisher, author, items


def _is_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text)) or bool(_DATELINE_BRACKET.match(text))


def find_title(lines: list[Line]) -> tuple[str, bool, int | None, list[ReviewItem]]:
    """(title, is it a deck, headline line number, review items)."""
    body = [line for line in lines if line.kind == "content"]
    if not body:
        return "", False, None, [ReviewItem("title", "no text found for a title")]
    first = body[0]
    glued = len(_GLUE.findall(first.text))
    if not _is_sentence(first.text) and len(first.text) <= 140 and not glued:
        return first.text, False, first.number, []
    if not _is_sentence(first.text) and glued:
        # Sub-heads pasted together without breaks ('…구축KT, MS와 …'): split them again.
        parts = [p.strip() for p in _GLUE.split(first.text) if p.strip()]
        deck = " / ".join(parts)
        return deck, True, first.number, [ReviewItem(
            "source.title", "no headline in the text; this is the deck of sub-heads", first.text)]
    heads = [line.text for line in body if not _is_sentence(line.text) and len(line.text) <= 80]
    if heads:
        deck = " / ".join(heads[:4])
        return deck, True, None, [ReviewItem(
            "source.title", "no headline in the text; this is the deck of sub-heads", deck)]
    cut = first.text[:100].rsplit(" ", 1)[0] + "…" if len(first.text) > 100 else first.text
    return cut, True, None, [ReviewItem(
        "source.title", "no headline or sub-heads in the text; this is the opening sentence",
        first.text)]


def detect_language(text: str) -> str:
    hangul = len(re.findall(r"[가-힣]", text))
    latin = len(re.findall(r"[A-Za-z]", text))
    return "ko" if hangul * 2 >= latin else "en"
