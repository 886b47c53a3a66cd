"""What the content already knows: carriers, entities (names, aliases) and event ids."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefing.load.files import content_files, load_file


@dataclass(frozen=True, slots=True)
class KnownNode:
    id: str
    is_carrier: bool
    names: tuple[str, ...]  # ko, en and aliases, as written
    type: str  # "carrier" for carriers
    labels: tuple[str, str] = ("", "")  # (ko, en) display names, for composed event titles
    affiliations: tuple[str, ...] = ()  # ids a person works for ('skt' for its CEO)


@dataclass(frozen=True, slots=True)
class KnownEvent:
    id: str
    date: str | None
    kind: str | None
    carriers: frozenset[str]
    entities: frozenset[str]
    path: str
    in_run: bool = False  # a draft written earlier in this ingest run, not yet content
    amount: str | None = None  # as written in the content


@dataclass(frozen=True, slots=True)
class Known:
    nodes: tuple[KnownNode, ...]
    events: tuple[KnownEvent, ...]

    @property
    def event_ids(self) -> frozenset[str]:
        return frozenset(event.id for event in self.events)

    def with_events(self, events: tuple[KnownEvent, ...]) -> Known:
        return Known(self.nodes, self.events + events)


def _names(front: dict[str, Any]) -> tuple[str, ...]:
    found: list[str] = []
    name = front.get("name")
    if isinstance(name, dict):
        found.extend(str(v) for k, v in name.items() if k in ("ko", "en") and v)
    elif name:
        found.append(str(name))
    aliases = front.get("aliases")
    if isinstance(aliases, list):
        found.extend(str(a) for a in aliases if a)
    return tuple(dict.fromkeys(n.strip() for n in found if n.strip()))


def _short_names(names: tuple[str, ...]) -> tuple[str, ...]:
    """A carrier's name without its group's Latin prefix, as the press writes it on second
    mention ('LG유플러스' -> '유플러스'); only a tail of four syllables or more, so that a
    common word ('텔레콤' of 'SK텔레콤') never names a carrier."""
    tails = (re.fullmatch(r"[A-Z]{2,3}\s?([가-힣]{4,})", name) for name in names)
    return tuple(dict.fromkeys([*names, *(t.group(1) for t in tails if t)]))


def _labels(front: dict[str, Any], fallback: str) -> tuple[str, str]:
    name = front.get("name")
    if isinstance(name, dict):
        ko, en = str(name.get("ko") or ""), str(name.get("en") or "")
        return (ko or en or fallback, en or ko or fallback)
    return (str(name), str(name)) if name else (fallback, fallback)


def _ids(value: object) -> frozenset[str]:
    return frozenset(str(v) for v in value) if isinstance(value, list) else frozenset()


def _events(front: dict[str, Any], shown: str) -> list[KnownEvent]:
    events = front.get("events")
    if not isinstance(events, list):
        return []
    found = []
    for event in events:
        if isinstance(event, dict) and isinstance(event.get("id"), str):
            date = event.get("date")
            kind = event.get("kind")
            found.append(KnownEvent(
                id=event["id"], date=str(date) if date else None,
                kind=str(kind) if kind else None, carriers=_ids(event.get("carriers")),
                entities=_ids(event.get("entities")), path=shown,
                amount=str(event["amount"]) if event.get("amount") else None))
    return found


def read_known(content_dir: Path) -> tuple[Known, list[str]]:
    """Read carriers, entities and article events; unreadable files are skipped with a warning."""
    nodes: list[KnownNode] = []
    events: list[KnownEvent] = []
    warnings: list[str] = []
    files, problems = content_files(content_dir)
    warnings.extend(p.format() for p in problems)
    for path, kind in files:
        doc, problem = load_file(path, kind)
        if problem is not None or doc is None:
            if problem is not None:
                warnings.append(f"{problem.format()} (skipped)")
            continue
        front = doc.front.value
        if kind == "article":
            events.extend(_events(front, doc.path))
            continue
        names = _short_names(_names(front)) if kind == "carrier" else _names(front)
        node_type = "carrier" if kind == "carrier" else str(front.get("type") or "company")
        affiliations = tuple(str(a["id"]) for a in front.get("affiliations") or ()
                             if isinstance(a, dict) and a.get("id") and not a.get("until"))
        nodes.append(KnownNode(doc.id, kind == "carrier", names or (doc.id,), node_type,
                               _labels(front, doc.id), affiliations))
    return Known(tuple(nodes), tuple(events)), warnings
