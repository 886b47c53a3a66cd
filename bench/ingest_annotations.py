"""Read bench/ingest_eval/annotations.yaml into `Gold` records, with clear errors."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from ingest_score import Boiler, Gold, GoldEntity, GoldEvent

KINDS = frozenset({"partnership", "investment", "alliance", "product", "outage", "appointment",
                   "target", "conference", "regulation", "earnings", "statement"})
ENTITY_TYPES = frozenset({"company", "startup", "alliance", "person", "product", "conference",
                          "organization", "government", "model"})
_DATE = re.compile(r"[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?")
_KEYS = {"id", "source", "sha256", "language", "title", "publisher", "author", "published",
         "carriers", "entities", "amounts", "events", "boilerplate", "skip", "note", "outlet",
         "truncated"}
# an event's keys: a comma in an unquoted `about` of a flow mapping ({…}) would otherwise
# make the rest of the text a key of its own, silently
_EVENT_KEYS = {"date", "kind", "parties", "amount", "about"}
FRAGMENT_MAX = 40  # annotations identify third-party lines by short fragments only


class AnnotationError(ValueError):
    """An annotation file that cannot be read as the README describes."""


@dataclass(frozen=True, slots=True)
class Annotated:
    id: str
    sha256: str
    title: str
    outlet: str  # whose page it is, named or not in the text: for counting outlets
    gold: Gold
    url: str | None = None  # the page's address (source.url): what --with-sources passes


def _date(value: Any, where: str) -> str | None:
    if value is None:
        return None
    text = value.isoformat() if isinstance(value, dt.date) else str(value)
    if not _DATE.fullmatch(text):
        raise AnnotationError(f"{where}: date {text!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    return text


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise AnnotationError(f"{where}: expected a list of text")
    return tuple(value)


def _fragment(text: str, where: str) -> str:
    if len(text) > FRAGMENT_MAX:
        raise AnnotationError(f"{where}: fragment {text[:20]!r}… is over {FRAGMENT_MAX} "
                              "characters; cite a short distinctive part of the line")
    return text


def _event(item: Any, where: str) -> GoldEvent:
    if not isinstance(item, dict) or "kind" not in item:
        raise AnnotationError(f"{where}: an event needs at least 'kind' (and 'date' or null)")
    if item["kind"] not in KINDS:
        raise AnnotationError(f"{where}: kind {item['kind']!r} is not one of {sorted(KINDS)}")
    unknown = set(map(str, item)) - _EVENT_KEYS
    if unknown:
        raise AnnotationError(f"{where}: unknown keys {sorted(unknown)} (a comma in an "
                              "unquoted text inside {…}? quote the text)")
    amount = item.get("amount")
    return GoldEvent(_date(item.get("date"), where), item["kind"],
                     _strings(item.get("parties"), where), str(amount) if amount else None)


def _entities(value: Any, where: str) -> tuple[frozenset[str], tuple[GoldEntity, ...]]:
    value = value or {}
    known = frozenset(_strings(value.get("known"), f"{where}: entities.known"))
    new: list[GoldEntity] = []
    for item in value.get("new") or []:
        if not isinstance(item, dict) or "name" not in item or "type" not in item:
            raise AnnotationError(f"{where}: entities.new items need 'name' and 'type'")
        if item["type"] not in ENTITY_TYPES:
            raise AnnotationError(f"{where}: entity type {item['type']!r} is not one of "
                                  f"{sorted(ENTITY_TYPES)}")
        names = (str(item["name"]), *_strings(item.get("aliases"), where))
        new.append(GoldEntity(names, str(item["type"])))
    return known, tuple(new)


def _boilerplate(value: Any, where: str) -> tuple[Boiler, ...]:
    result: list[Boiler] = []
    for item in value or []:
        if isinstance(item, str):
            result.append(Boiler(_fragment(item, where)))
        elif isinstance(item, dict) and isinstance(item.get("inline"), str):
            result.append(Boiler(_fragment(item["inline"], where), inline=True))
        else:
            raise AnnotationError(f"{where}: boilerplate items are text or {{inline: text}}")
    return tuple(result)


def _article(item: Any, number: int, seen: set[str]) -> Annotated:
    where = f"article {number}"
    if not isinstance(item, dict) or not isinstance(item.get("id"), str):
        raise AnnotationError(f"{where}: needs an 'id'")
    where = f"article {number} ({item['id']})"
    if item["id"] in seen:
        raise AnnotationError(f"{where}: duplicate id")
    seen.add(item["id"])
    unknown = set(item) - _KEYS
    if unknown:
        raise AnnotationError(f"{where}: unknown keys {sorted(unknown)}")
    for key in ("source", "sha256", "title", "outlet", "carriers"):
        if key not in item:
            raise AnnotationError(f"{where}: missing {key!r}")
    known, new = _entities(item.get("entities"), where)
    publisher = _strings(item.get("publisher"), f"{where}: publisher")
    gold = Gold(
        id=item["id"], publisher=publisher,
        author=str(item["author"]) if item.get("author") else None,
        published=_date(item.get("published"), f"{where}: published"),
        carriers=frozenset(_strings(item.get("carriers"), f"{where}: carriers")),
        known=known, new=new, amounts=_strings(item.get("amounts"), f"{where}: amounts"),
        events=tuple(_event(e, f"{where}: event {i}")
                     for i, e in enumerate(item.get("events") or [], start=1)),
        boilerplate=_boilerplate(item.get("boilerplate"), where),
        skip=tuple(_fragment(s, where) for s in _strings(item.get("skip"), where)),
        truncated=bool(item.get("truncated")))
    source = item["source"] if isinstance(item["source"], dict) else {}
    url = source.get("url")
    return Annotated(item["id"], str(item["sha256"]), str(item.get("title") or ""),
                     str(item["outlet"]), gold, str(url) if url else None)


def load_annotations(path: Path) -> list[Annotated]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise AnnotationError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except yaml.YAMLError as exc:
        raise AnnotationError(f"{path}: not valid YAML: {exc}") from None
    if not isinstance(data, list):
        raise AnnotationError(f"{path}: expected a list of articles")
    seen: set[str] = set()
    try:
        return [_article(item, n, seen) for n, item in enumerate(data, start=1)]
    except AnnotationError as exc:
        raise AnnotationError(f"{path}: {exc}") from None
