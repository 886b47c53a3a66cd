"""The publisher table: outlets by name, aliases and domains (publishers.yaml, extended by
the content's own), and lookups of an outlet by name, by domain and inside a line."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml


@dataclass(frozen=True, slots=True)
class Publisher:
    name: str
    domains: tuple[str, ...]
    aliases: tuple[str, ...]


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


def _fold(name: str) -> str:
    return re.sub(r"[\s.]+", "", name).lower()


@lru_cache(maxsize=8)
def _folded(table: tuple[Publisher, ...]) -> dict[str, str]:
    """Every folded name, alias and domain of a table -> the outlet (first in table order)."""
    index: dict[str, str] = {}
    for publisher in table:
        for n in (publisher.name, *publisher.aliases, *publisher.domains):
            index.setdefault(_fold(n), publisher.name)
    return index


def publisher_by_name(name: str, table: tuple[Publisher, ...]) -> str | None:
    key = _fold(re.sub(r"\([^)]*\)", "", name))
    return _folded(table).get(key) if key else None


def publisher_by_domain(domain: str, table: tuple[Publisher, ...]) -> str | None:
    """The outlet whose domain is this host or a parent of it; the longest domain wins, so
    an edition's own entry (`en.yna.co.kr`) beats its group's (`yna.co.kr`)."""
    domain = domain.lower().rstrip(".")
    best: tuple[int, str] | None = None
    for publisher in table:
        for d in publisher.domains:
            if (domain == d or domain.endswith("." + d)) and (best is None or len(d) > best[0]):
                best = (len(d), publisher.name)
    return best[1] if best else None


@lru_cache(maxsize=8)
def _name_index(table: tuple[Publisher, ...]) -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern for every outlet name of a table (compiled once per table)."""
    names: dict[str, str] = {}
    for publisher in table:
        for name in (publisher.name, *publisher.aliases):
            if len(name) >= 2:
                names.setdefault(name.lower(), publisher.name)
    alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![A-Za-z0-9가-힣])(?:{alternation})(?![A-Za-z0-9가-힣])", re.I), names


def publisher_in_text(text: str, table: tuple[Publisher, ...]) -> str | None:
    """The known outlet named in a line (longest name first: '한국경제TV' before '한국경제')."""
    pattern, names = _name_index(table)
    found = [m.group(0) for m in pattern.finditer(text)]
    return names[max(found, key=len).lower()] if found else None


def outlet_names(table: tuple[Publisher, ...]) -> frozenset[str]:
    """Every name and alias of the table: lines that are only an outlet's name."""
    return frozenset(n for p in table for n in (p.name, *p.aliases) if len(n) >= 2)


def is_own_outlet(name: str, publisher: str | None, table: tuple[Publisher, ...]) -> bool:
    """'Hanbit News', 'Hanbit News Asia' for an article Hanbit News published: the outlet
    (or an edition or group named after it) that tells the story is no entity of it."""
    if not publisher or len(_fold(publisher)) < 4:
        return False
    known = publisher_by_name(name, table)
    if known is not None and known == (publisher_by_name(publisher, table) or publisher):
        return True
    return _fold(name) == _fold(publisher) or name.casefold().startswith(
        publisher.casefold() + " ")
