"""Deterministic benchmark corpus generator.

Writes a complete content folder in the DESIGN.md format (site.yaml, carriers,
entities of every type, articles by year with events, shared events and
cross-linked Korean and English bodies). Same arguments, same bytes: the only
source of variation is a seeded ``random.Random``; no clock, no network.

    python bench/corpus.py --articles 1000 --out /tmp/corpus [--seed 0]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from corpus_vocab import (
    AUTHORS,
    BODY_HEADINGS,
    CARRIERS,
    EN_FILLER,
    EN_POINTS,
    ENTITY_NAME_PARTS,
    EVENT_TITLES,
    FX,
    KIND_LABEL,
    KO_FILLER,
    KO_POINTS,
    PUBLISHERS,
    ROLES,
    SOURCE_TITLES,
    SUMMARIES,
    TAGS_BY_KIND,
    TITLES,
    TOPICS,
)

FIRST_YEAR, LAST_YEAR = 2016, 2026
LAST_DAY = date(2026, 6, 30)
YEAR_WEIGHTS = (3, 3, 4, 4, 5, 6, 7, 9, 11, 13, 7)
ENTITY_TYPE_SHARE = (
    ("company", 25),
    ("startup", 30),
    ("alliance", 5),
    ("person", 14),
    ("product", 12),
    ("conference", 5),
    ("organization", 5),
    ("government", 4),
)
FOCUS_KINDS = {
    "company": ("partnership", "partnership", "investment", "statement"),
    "startup": ("investment", "investment", "partnership"),
    "alliance": ("alliance",),
    "person": ("appointment", "appointment", "statement"),
    "product": ("product",),
    "conference": ("conference",),
    "organization": ("partnership", "statement"),
    "government": ("regulation",),
}
KIND_ENTITY_TYPES = {
    "partnership": ("company", "startup", "organization"),
    "investment": ("startup", "startup", "company"),
    "alliance": ("alliance",),
    "product": ("product",),
    "outage": (),
    "appointment": ("person",),
    "target": (),
    "conference": ("conference",),
    "regulation": ("government",),
    "earnings": (),
    "statement": ("organization",),
}
SECONDARY_KINDS = (
    ("partnership", 16),
    ("investment", 12),
    ("alliance", 6),
    ("product", 12),
    ("outage", 5),
    ("appointment", 7),
    ("target", 8),
    ("conference", 8),
    ("regulation", 7),
    ("earnings", 9),
    ("statement", 10),
)
SLUG_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


# --------------------------------------------------------------------------- models


@dataclass(frozen=True)
class When:
    """A date with its precision: year, year-month or year-month-day."""

    year: int
    month: int | None = None
    day: int | None = None

    def __str__(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    @property
    def start(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    @property
    def end(self) -> date:
        if self.month is None:
            return date(self.year, 12, 31)
        if self.day is None:
            nxt = date(self.year + (self.month == 12), self.month % 12 + 1, 1)
            return nxt - timedelta(days=1)
        return self.start


@dataclass
class Entity:
    id: str
    type: str
    ko: str
    en: str
    single_name: bool = False
    aliases: list[str] = field(default_factory=list)
    country: str | None = None
    website: str | None = None
    parent: str | None = None
    members: list[str] = field(default_factory=list)
    affiliations: list[dict[str, str | None]] = field(default_factory=list)

    def name(self, lang: str) -> str:
        return self.ko if lang == "ko" else self.en


@dataclass
class Event:
    id: str
    kind: str
    when: When
    title: str
    carriers: list[str]
    entities: list[str]
    until: When | None = None
    amount: str | None = None
    approximate: bool = False
    basis: str | None = None
    note: str | None = None


@dataclass
class SharedRef:
    event: Event
    note: str | None


@dataclass
class Article:
    slug: str
    lang: str
    day: date
    published: When
    focus: Entity
    carriers: list[str]
    entities: list[str]
    events: list[Event]
    shared: list[SharedRef]
    published_basis: str | None = None
    published_approximate: bool = False
    updated: date | None = None
    title: str = ""
    summary: str = ""
    tags: list[str] = field(default_factory=list)
    source: dict[str, str] = field(default_factory=dict)
    body: str = ""
    topic: tuple[str, str] = ("", "")
    crlf: bool = False
    bom: bool = False


@dataclass
class World:
    rng: random.Random
    entities: list[Entity]
    by_id: dict[str, Entity]
    by_type: dict[str, list[Entity]]
    articles: list[Article] = field(default_factory=list)
    event_ids: set[str] = field(default_factory=set)
    slugs: set[str] = field(default_factory=set)

    def name(self, ref: str, lang: str) -> str:
        if ref in CARRIERS:
            return str(CARRIERS[ref][lang])
        return self.by_id[ref].name(lang)


# --------------------------------------------------------------------------- text helpers


def slugify(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug or "x"


def has_batchim(word: str) -> bool:
    """Whether the Korean reading of ``word`` ends in a consonant (for particles)."""
    ch = word.rstrip()[-1]
    if "가" <= ch <= "힣":
        return (ord(ch) - 0xAC00) % 28 != 0
    return ch.upper() in "LMNR013678"


def josa(word: str, pair: str) -> str:
    with_final, without = pair.split("/")
    if pair == "으로/로" and "가" <= word[-1] <= "힣" and (ord(word[-1]) - 0xAC00) % 28 == 8:
        return without  # ㄹ final takes 로
    return with_final if has_batchim(word) else without


def slot(prefix: str, text: str, name: str) -> dict[str, str]:
    """Template fields for one noun: the text and the text with each particle."""
    return {
        prefix: text,
        f"{prefix}_eun": text + josa(name, "은/는"),
        f"{prefix}_i": text + josa(name, "이/가"),
        f"{prefix}_eul": text + josa(name, "을/를"),
        f"{prefix}_wa": text + josa(name, "과/와"),
        f"{prefix}_ro": text + josa(name, "으로/로"),
    }


_PLAIN = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`0-9$~+.=<\\(][^\n\[\]{}\t]*$")
_RESERVED = {"true", "false", "yes", "no", "on", "off", "null", "y", "n", "~"}


def ys(text: str) -> str:
    """A YAML scalar for free text: plain where unambiguous, else double-quoted."""
    if (
        _PLAIN.match(text)
        and ": " not in text
        and " #" not in text
        and not text.endswith((" ", ":"))
        and text.lower() not in _RESERVED
    ):
        return text
    return json.dumps(text, ensure_ascii=False)


def yl(items: list[str]) -> str:
    return "[" + ", ".join(items) + "]"


# --------------------------------------------------------------------------- entities


def entity_counts(total: int) -> dict[str, int]:
    weight_sum = sum(w for _, w in ENTITY_TYPE_SHARE)
    counts = {t: max(2, total * w // weight_sum) for t, w in ENTITY_TYPE_SHARE}
    diff = total - sum(counts.values())
    counts["startup"] += diff
    return counts


def name_pool(kind: str) -> list[tuple[str, str]]:
    """Every (ko, en) name the vocabulary can make for an entity type."""
    parts = ENTITY_NAME_PARTS[kind]
    pool: list[tuple[str, str]] = []
    for ko_a, en_a in parts[0]:
        for ko_b, en_b in parts[1]:
            joined = kind in ("startup", "person")
            ko = f"{ko_a}{ko_b}" if joined else f"{ko_a} {ko_b}"
            en = f"{en_a}{en_b}" if kind == "startup" else f"{en_a} {en_b}"
            pool.append((ko, en))
    return pool


def make_entities(rng: random.Random, total: int) -> list[Entity]:
    counts = entity_counts(total)
    used_ids = set(CARRIERS)
    entities: list[Entity] = []
    for kind, count in counts.items():
        pool = name_pool(kind)
        if count > len(pool):
            raise ValueError(f"vocabulary too small for {count} {kind} entities")
        for ko, en in rng.sample(pool, count):
            ent_id = slugify(en)
            while ent_id in used_ids:
                ent_id += "-x"
            used_ids.add(ent_id)
            entities.append(Entity(id=ent_id, type=kind, ko=ko, en=en))
    entities.sort(key=lambda e: (e.type, e.id))
    add_relations(rng, entities)
    add_aliases(rng, entities)
    return entities


def add_relations(rng: random.Random, entities: list[Entity]) -> None:
    companies = [e for e in entities if e.type == "company"]
    carriers = sorted(CARRIERS)
    countries = ("KR", "US", "JP", "DE", "FR", "SG", "AE", "GB", "CN", "IN")
    for ent in entities:
        if ent.type in ("company", "startup", "organization"):
            ent.country = (
                "KR" if ent.type == "startup" and rng.random() < 0.7 else rng.choice(countries)
            )
            ent.website = f"https://www.{ent.id}.example/"
        if ent.type in ("company", "startup") and rng.random() < 0.2:
            ent.single_name = True
        if ent.type == "company" and rng.random() < 0.15:
            earlier = [c for c in companies if c.id < ent.id]
            if earlier:
                ent.parent = rng.choice(earlier).id
        elif ent.type == "product":
            owners = carriers + [c.id for c in companies]
            ent.parent = rng.choice(carriers) if rng.random() < 0.6 else rng.choice(owners)
        elif ent.type == "alliance":
            picked = rng.sample(companies, min(len(companies), rng.randint(2, 4)))
            ent.members = sorted(c.id for c in picked)  # the tool accepts entities only
        elif ent.type == "person":
            ent.affiliations = make_affiliations(rng, carriers, companies)


def make_affiliations(
    rng: random.Random, carriers: list[str], companies: list[Entity]
) -> list[dict[str, str | None]]:
    year = rng.randint(2012, 2024)
    month = rng.randint(1, 12)
    first_org = rng.choice(carriers) if rng.random() < 0.7 else rng.choice(companies).id
    first: dict[str, str | None] = {
        "id": first_org,
        "role": rng.choice(ROLES)[1],
        "since": f"{year}-{month:02d}",
    }
    if rng.random() < 0.3:
        end_year = min(2026, year + rng.randint(1, 4))
        first["until"] = f"{end_year}-{rng.randint(1, 12) if end_year > year else 12:02d}"
        later = rng.choice(companies).id if first_org in carriers else rng.choice(carriers)
        second: dict[str, str | None] = {
            "id": later,
            "role": rng.choice(ROLES)[1],
            "since": f"{end_year + 1}-01",
            "until": None,
        }
        return [first, second]
    if rng.random() < 0.5:
        first["until"] = None
    return [first]


def add_aliases(rng: random.Random, entities: list[Entity]) -> None:
    taken = {a.lower() for c in CARRIERS.values() for a in c["aliases"]}
    for cid, c in CARRIERS.items():
        taken |= {cid, str(c["ko"]).lower(), str(c["en"]).lower()}
    for ent in entities:
        taken |= {ent.id, ent.ko.lower(), ent.en.lower()}
    for ent in entities:
        wanted = 1 + (rng.random() < 0.5)
        for cand in alias_candidates(ent):
            if len(ent.aliases) >= wanted:
                break
            if len(cand) >= 2 and cand.lower() not in taken:
                taken.add(cand.lower())
                ent.aliases.append(cand)


def alias_candidates(ent: Entity) -> list[str]:
    """Other ways the press writes an entity's name, most common first."""
    words = ent.en.split()
    acronym = "".join(w[0] for w in words if w[0].isalpha()).upper()
    if ent.type == "person":
        family, given = ent.en.split(" ", 1)
        joined = given.replace("-", "")
        return [f"{joined} {family}", f"{family} {joined}", f"{joined[0]}. {family}"]
    if ent.type == "startup":
        return [f"(주){ent.ko}", f"{ent.en} Inc.", ent.en.lower()]
    if ent.type == "company":
        return [ent.ko.replace(" ", ""), acronym, f"{ent.en} Corp.", words[0]]
    return [ent.ko.replace(" ", ""), acronym, f"{ent.en} ({acronym})"]


# --------------------------------------------------------------------------- articles


def article_days(rng: random.Random, count: int) -> list[date]:
    years = list(range(FIRST_YEAR, LAST_YEAR + 1))
    days = []
    for _ in range(count):
        year = rng.choices(years, YEAR_WEIGHTS)[0]
        last = LAST_DAY if year == LAST_YEAR else date(year, 12, 31)
        first = date(year, 1, 1)
        days.append(first + timedelta(days=rng.randint(0, (last - first).days)))
    return sorted(days)


def pick_primary_carrier(rng: random.Random, world: World, focus: Entity) -> str:
    if focus.type == "product" and focus.parent in CARRIERS:
        return focus.parent
    if focus.type == "person" and focus.affiliations[-1]["id"] in CARRIERS:
        return str(focus.affiliations[-1]["id"])
    return rng.choice(sorted(CARRIERS))


def event_when(rng: random.Random, art_day: date, month_only: bool) -> When:
    roll = rng.random()
    if roll < 0.08:
        return When(art_day.year)
    if month_only or roll < 0.26:
        d = art_day - timedelta(days=rng.randint(0, 35))
        return When(d.year, d.month)
    d = art_day - timedelta(days=rng.randint(0, 20))
    return When(d.year, d.month, d.day)


def event_until(rng: random.Random, kind: str, when: When) -> When | None:
    if kind == "conference" and when.day is not None:
        end = when.start + timedelta(days=rng.randint(2, 4))
        return When(end.year, end.month, end.day)
    if kind == "target":
        return When(when.year + rng.randint(2, 6))
    if kind in ("partnership", "regulation") and when.month is not None and rng.random() < 0.1:
        return When(when.year + rng.randint(1, 3), when.month)
    return None


def ko_amount(rng: random.Random, kind: str) -> str:
    if kind == "earnings":
        eok = rng.randint(1200, 48000)
        return korean_won(eok)
    roll = rng.random()
    if roll < 0.12:
        return f"{rng.randint(1, 40)}억달러"
    if roll < 0.15:
        return f"{rng.randint(1, 9)}억유로"
    if roll < 0.17:
        return f"{rng.choice((50, 100, 300, 500))}억엔"
    eok = rng.choice((30, 50, 80, 100, 150, 200, 300, 500, 1000, 2000, 5000, 12000, 24000, 16497))
    text = korean_won(eok)
    roll = rng.random()
    if roll < 0.12:
        return f"약 {text}"
    if roll < 0.18:
        return f"{text} 이상"
    return text


def korean_won(eok: int) -> str:
    jo, rest = divmod(eok, 10000)
    if jo and rest:
        return f"{jo}조{rest}억원"
    if jo:
        return f"{jo}조원"
    return f"{eok}억원"


def en_amount(rng: random.Random, kind: str, year: int) -> str:
    if kind == "earnings":
        return f"{rng.randint(1200, 48000) / 10:.1f} billion won"
    roll = rng.random()
    billions = rng.choice((3, 5, 10, 15, 22.4, 30, 50, 100, 200, 500))
    if roll < 0.25:
        return f"{billions:g} billion won"
    if roll < 0.45:
        usd_m = billions * 1000 / FX["USD"][year]
        return f"{billions:g} billion won (${usd_m:.1f} million)"
    if roll < 0.65:
        return f"${rng.choice((2.5, 10, 20, 45, 75.8, 120, 300)):g} million"
    if roll < 0.7:
        return f"${rng.choice((1, 1.2, 3)):g} billion"
    if roll < 0.8:
        return f"about {billions:g} billion won"
    if roll < 0.88:
        return f"more than ${rng.choice((10, 50, 100)):g} million"
    return f"over {billions:g} billion won"


def make_amount(rng: random.Random, lang: str, kind: str, year: int) -> str | None:
    chance = {
        "investment": 0.85,
        "partnership": 0.3,
        "alliance": 0.25,
        "earnings": 1.0,
        "target": 0.6,
    }
    if rng.random() >= chance.get(kind, 0.0):
        return None
    return ko_amount(rng, kind) if lang == "ko" else en_amount(rng, kind, year)


def entity_for(rng: random.Random, world: World, kind: str) -> list[Entity]:
    types = KIND_ENTITY_TYPES[kind]
    if not types or (kind == "statement" and rng.random() < 0.6):
        return []
    return [rng.choice(world.by_type[rng.choice(types)])]


def new_event_id(world: World, carrier: str, ents: list[Entity], kind: str, when: When) -> str:
    core = "-".join(ents[0].id.split("-")[:3]) if ents else "telco"
    base = f"{carrier}-{core}-{kind}-{str(when).replace('-', '')}"
    ev_id, n = base, 2
    while ev_id in world.event_ids:
        ev_id, n = f"{base}-{n}", n + 1
    world.event_ids.add(ev_id)
    return ev_id


def make_event(
    rng: random.Random,
    world: World,
    lang: str,
    art: Article,
    kind: str,
    ents: list[Entity],
    carrier: str,
) -> Event:
    when = event_when(rng, art.day, art.published.day is None)
    carriers = [carrier]
    extra_ents: list[Entity] = []
    if kind == "alliance" and ents:
        carriers = sorted({carrier, rng.choice(sorted(CARRIERS))})
        extra_ents = [world.by_id[m] for m in ents[0].members][:2]
    elif kind == "product" and ents and ents[0].parent:
        if ents[0].parent in CARRIERS:
            carriers = [ents[0].parent]
        else:
            extra_ents = [world.by_id[ents[0].parent]]
    elif kind == "appointment" and ents:
        aff = str(ents[0].affiliations[-1]["id"])
        if aff in CARRIERS:
            carriers = [aff]
        else:
            extra_ents = [world.by_id[aff]]
    elif kind in ("regulation", "conference") and rng.random() < 0.4:
        carriers = sorted(rng.sample(sorted(CARRIERS), rng.randint(2, 3)))
    all_ents = ents + [e for e in extra_ents if e not in ents]
    fields = dict(slot("C", world.name(carriers[0], lang), world.name(carriers[0], lang)))
    ent_name = all_ents[0].name(lang) if all_ents else ""
    fields.update(slot("E", ent_name, ent_name or "x"))
    topic = rng.choice(TOPICS)
    fields.update(
        {"T": topic[0] if lang == "ko" else topic[1], "Y": str(when.year + rng.randint(2, 5))}
    )
    fields["R"] = rng.choice(ROLES)[0 if lang == "ko" else 1]
    fields["Q"] = str(rng.randint(1, 4))
    title = rng.choice(EVENT_TITLES[kind][lang]).format(**fields)
    event = Event(
        id=new_event_id(world, carriers[0], all_ents, kind, when),
        kind=kind,
        when=when,
        title=title,
        carriers=carriers,
        entities=[e.id for e in all_ents],
        until=event_until(rng, kind, when),
        amount=make_amount(rng, lang, kind, when.year),
    )
    roll = rng.random()
    if roll < 0.08:
        event.approximate = True
        event.basis = (
            "기사 게재일과 '최근'이라는 표현으로 추정"
            if lang == "ko"
            else "inferred from the publication date and the word 'recently'"
        )
    elif roll < 0.13:
        event.basis = (
            "회사 보도자료의 날짜" if lang == "ko" else "date from the company's press release"
        )
    if rng.random() < 0.06:
        event.note = (
            "다른 매체는 다른 날짜를 보도했다"
            if lang == "ko"
            else "other outlets give a different day"
        )
    return event


def pick_shared(rng: random.Random, world: World, art: Article) -> SharedRef | None:
    """An event defined by an earlier article (published strictly before)."""
    candidates: list[Event] = []
    for earlier in reversed(world.articles[-80:]):
        if earlier.published.end < art.published.start:
            candidates.extend(earlier.events)
    if not candidates:
        return None
    event = rng.choice(candidates)
    note = None
    if rng.random() < 0.5:
        note = (
            "후속 보도에서 같은 사건을 다시 언급"
            if art.lang == "ko"
            else "the follow-up report restates this event"
        )
    return SharedRef(event, note)


def make_article(rng: random.Random, world: World, day: date, required: list[Entity]) -> Article:
    lang = "ko" if rng.random() < 0.6 else "en"
    focus = required[0] if required else rng.choice(world.entities)
    month_only = rng.random() < 0.08
    published = When(day.year, day.month) if month_only else When(day.year, day.month, day.day)
    carrier = pick_primary_carrier(rng, world, focus)
    art = Article(
        slug="",
        lang=lang,
        day=day,
        published=published,
        focus=focus,
        carriers=[carrier],
        entities=[],
        events=[],
        shared=[],
    )
    if month_only:
        art.published_basis = (
            "본문에 날짜가 없어 인용된 사건의 시점으로 월만 표시"
            if lang == "ko"
            else "no dateline in the text; the month comes from the events it cites"
        )
        art.published_approximate = rng.random() < 0.5
    elif rng.random() < 0.05:
        upd = day + timedelta(days=rng.randint(1, 20))
        art.updated = min(upd, LAST_DAY)
        if art.updated <= day:
            art.updated = None
    total = rng.choices((1, 2, 3, 4), (35, 35, 20, 10))[0]
    if rng.random() < 0.22:  # about a tenth of all event occurrences repeat an earlier event
        shared = pick_shared(rng, world, art)
        if shared is not None:
            art.shared.append(shared)
            total = max(1, total - 1)
    primary_kind = rng.choice(FOCUS_KINDS[focus.type])
    art.events.append(make_event(rng, world, lang, art, primary_kind, [focus], carrier))
    kinds = [k for k, _ in SECONDARY_KINDS]
    weights = [w for _, w in SECONDARY_KINDS]
    for _ in range(total - 1):
        kind = rng.choices(kinds, weights)[0]
        other = carrier if rng.random() < 0.7 else rng.choice(sorted(CARRIERS))
        art.events.append(
            make_event(rng, world, lang, art, kind, entity_for(rng, world, kind), other)
        )
    carriers: set[str] = set()
    ents: list[str] = []
    for ev in art.events + [s.event for s in art.shared]:
        carriers.update(ev.carriers)
        ents.extend(e for e in ev.entities if e not in ents)
    for extra in required[1:] + rng.sample(world.entities, rng.randint(0, 2)):
        if extra.id not in ents:
            ents.append(extra.id)
    art.carriers = (
        sorted(carriers) if rng.random() > 0.03 or focus.type in ("company", "person") else []
    )
    if not art.carriers and any(ev.carriers for ev in art.events):
        art.carriers = sorted(carriers)
    art.entities = ents
    art.slug = article_slug(world, art)
    art.tags = sorted(
        set(TAGS_BY_KIND[primary_kind][:1] + rng.sample(TAGS_BY_KIND["*"], rng.randint(0, 3)))
    )
    art.crlf = rng.random() < 0.01
    art.bom = rng.random() < 0.01
    fill_meta(rng, world, art, primary_kind)
    return art


def article_slug(world: World, art: Article) -> str:
    core = "-".join(art.focus.id.split("-")[:3])
    carrier = art.carriers[0] if art.carriers else "telco"
    base = f"{art.day.isoformat()}-{carrier}-{core}-{art.events[0].kind}"
    slug, n = base, 2
    while slug in world.slugs:
        slug, n = f"{base}-{n}", n + 1
    world.slugs.add(slug)
    return slug


def fill_meta(rng: random.Random, world: World, art: Article, kind: str) -> None:
    lang = art.lang
    carrier = art.carriers[0] if art.carriers else art.events[0].carriers[0]
    cname = world.name(carrier, lang)
    fields = dict(slot("C", cname, cname))
    ename = art.focus.name(lang)
    fields.update(slot("E", ename, ename))
    topic = rng.choice(TOPICS)
    art.topic = topic
    fields["T"] = topic[0] if lang == "ko" else topic[1]
    fields["A"] = art.events[0].amount or ("비공개" if lang == "ko" else "an undisclosed sum")
    fields["Y"] = str(art.day.year)
    art.title = rng.choice(TITLES[kind][lang]).format(**fields)
    src_lang = lang if rng.random() < 0.85 else ("en" if lang == "ko" else "ko")
    sfields = dict(fields)
    scname, sename = world.name(carrier, src_lang), art.focus.name(src_lang)
    sfields.update(slot("C", scname, scname))
    sfields.update(slot("E", sename, sename))
    sfields["T"] = topic[0] if src_lang == "ko" else topic[1]
    source_title = rng.choice(SOURCE_TITLES[kind][src_lang]).format(**sfields)
    if source_title == art.title:
        source_title += " (종합)" if src_lang == "ko" else " (update)"
    publisher, domain = rng.choice(PUBLISHERS[src_lang])
    art.source = {"publisher": publisher, "title": source_title}
    if rng.random() < 0.9:
        art.source["url"] = (
            f"https://{domain}/news/{art.day.year}/{100000 + len(world.articles) * 7}"
        )
    if rng.random() < 0.8:
        art.source["author"] = rng.choice(AUTHORS[src_lang])
    art.source["language"] = src_lang
    summary = [rng.choice(SUMMARIES[kind][lang]), rng.choice(SUMMARIES["*"][lang])]
    if rng.random() < 0.5:
        summary.append(rng.choice(SUMMARIES["**"][lang]))
    art.summary = " ".join(s.format(**fields) for s in summary)


# --------------------------------------------------------------------------- bodies


def link(world: World, ref: str, lang: str, rng: random.Random) -> tuple[str, str]:
    """A wikilink and the label it shows (for particles), sometimes with a custom label."""
    name = world.name(ref, "ko")  # the default label follows the UI language (ko)
    aliases = list(CARRIERS[ref]["aliases"]) if ref in CARRIERS else world.by_id[ref].aliases
    if rng.random() < 0.25 and aliases:
        label = rng.choice(aliases)
        return f"[[{ref}|{label}]]", label
    if lang == "en" and rng.random() < 0.6:
        label = world.name(ref, "en")
        return f"[[{ref}|{label}]]", label
    return f"[[{ref}]]", name


def body_fields(rng: random.Random, world: World, art: Article) -> dict[str, str]:
    lang = art.lang
    carrier = art.carriers[0] if art.carriers else art.events[0].carriers[0]
    rival = rng.choice([c for c in sorted(CARRIERS) if c != carrier])
    ent_ref = rng.choice(art.entities) if art.entities else carrier
    fields: dict[str, str] = {}
    for prefix, ref in (("C", carrier), ("R", rival), ("E", ent_ref)):
        text, label = link(world, ref, lang, rng)
        fields.update(slot(prefix, text, label))
    fields["T"] = art.topic[0] if lang == "ko" else art.topic[1]
    fields["Y"] = str(art.day.year + rng.randint(1, 4))
    fields["N"] = str(rng.randint(3, 60))
    fields["N2"] = str(rng.randint(2, 5))
    fields["P"] = str(rng.randint(5, 40))
    fields["P2"] = f"{rng.randint(5, 60) / 10:.1f}"
    return fields


def make_body(rng: random.Random, world: World, art: Article, index: int) -> str:
    lang = art.lang
    heads = BODY_HEADINGS[lang]
    target = rng.randint(2600, 3900)
    fillers = KO_FILLER if lang == "ko" else EN_FILLER
    pool: list[str] = []

    def next_filler() -> str:
        """Sentences without repeats until the vocabulary runs out."""
        if not pool:
            pool.extend(rng.sample(fillers, len(fillers)))
        return pool.pop()

    paragraphs: list[list[str]] = [[], [], [], []]
    events_md = []
    for ev in sorted(art.events + [s.event for s in art.shared], key=lambda e: e.when.start):
        label = KIND_LABEL[ev.kind][lang]
        extra = f", {ev.amount}" if ev.amount else ""
        events_md.append(f"- {ev.when}: [[event:{ev.id}]] ({label}{extra})")
    points = KO_POINTS if lang == "ko" else EN_POINTS
    related = []
    if index > 0:
        for j in sorted(
            set(rng.randint(max(0, index - 200), index - 1) for _ in range(rng.randint(1, 3)))
        ):
            related.append(f"- [[article:{world.articles[j].slug}]]")
    if not related:
        related.append(
            "- " + ("아직 관련 브리핑이 없다." if lang == "ko" else "No related briefing yet.")
        )
    ent_lines = []
    for ref in art.entities[:4]:
        text, _ = link(world, ref, lang, rng)
        ent_lines.append(f"- {text}")

    point_list = rng.sample(points, 3)
    f = body_fields(rng, world, art)

    def para(i: int) -> str:
        return " ".join(s.format(**f) for s in paragraphs[i])

    def render() -> str:
        parts = [
            f"## {heads[0]}",
            "",
            para(0),
            "",
            f"## {heads[1]}",
            "",
            *events_md,
            "",
            f"### {heads[2]}",
            "",
            *ent_lines,
            "",
            f"## {heads[3]}",
            "",
            para(1),
            "",
            f"## {heads[4]}",
            "",
            para(2),
            "",
            f"## {heads[5]}",
            "",
            *(f"{i + 1}. {pt.format(**f)}" for i, pt in enumerate(point_list)),
            "",
            para(3),
            "",
            f"## {heads[6]}",
            "",
            *related,
        ]
        return "\n".join(parts) + "\n"

    for p in paragraphs:
        p.append(next_filler())
    order = 0
    while True:
        candidate = next_filler()
        paragraphs[order % 4].append(candidate)
        size = len(render().encode())
        if size > 4000:
            paragraphs[order % 4].pop()
            break
        if size >= target:
            break
        order += 1
    return render()


def overview(rng: random.Random, world: World, ref: str, lang: str, mentions: list[str]) -> str:
    lines = ["## 개요" if lang == "ko" else "## Overview", ""]
    fields: dict[str, str] = {}
    text, label = link(world, ref, lang, rng)
    fields.update(slot("C", text, label))
    for i, other in enumerate(mentions[:3]):
        t, lab = link(world, other, lang, rng)
        fields.update(slot(f"M{i}", t, lab))
    fields.update({"T": rng.choice(TOPICS)[0 if lang == "ko" else 1]})
    if lang == "ko":
        lines.append("{C_eun} 이 사이트의 브리핑에 자주 등장한다.".format(**fields))
        if mentions:
            lines.append("")
            lines.append("관련 항목:")
            lines.append("")
            lines.extend(f"- {fields[f'M{i}']}" for i in range(min(3, len(mentions))))
        lines.append("")
        lines.append("최근에는 {T} 분야의 움직임이 눈에 띈다.".format(**fields))
    else:
        lines.append("{C} comes up often in this site's briefings.".format(**fields))
        if mentions:
            lines.append("")
            lines.append("Related:")
            lines.append("")
            lines.extend(f"- {fields[f'M{i}']}" for i in range(min(3, len(mentions))))
        lines.append("")
        lines.append("Lately the {T} angle stands out.".format(**fields))
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- writing


def front_matter(lines: list[str], body: str = "") -> str:
    text = "---\n" + "\n".join(lines) + "\n---\n"
    if body:
        text += "\n" + body
    return text


def write(path: Path, text: str, crlf: bool = False, bom: bool = False) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if crlf:
        text = text.replace("\n", "\r\n")
    data = text.encode()
    if bom:
        data = b"\xef\xbb\xbf" + data
    path.write_bytes(data)


def name_yaml(ko: str, en: str, single: bool) -> str:
    if single or ko == en:
        return f"name: {ys(en)}"
    return f"name: {{ko: {ys(ko)}, en: {ys(en)}}}"


def write_site(out: Path, world: World) -> None:
    years: set[int] = {a.day.year for a in world.articles}
    for art in world.articles:
        years.update(ev.when.year for ev in art.events)
    lines = [
        "title: 통신3사 AI 브리핑 (벤치마크)",
        "description: 벤치마크용으로 생성한 가상의 브리핑 모음",
        "base_url: https://example.org/briefings/",
        "language: ko",
        "timezone: Asia/Seoul",
        "fx:",
    ]
    for cur in ("USD", "EUR", "JPY"):
        lines.append(f"  {cur}:")
        lines.extend(f"    {y}: {FX[cur][y]}" for y in sorted(years))
    write(out / "site.yaml", "\n".join(lines) + "\n")


def write_carriers(out: Path, rng: random.Random, world: World) -> None:
    for cid in sorted(CARRIERS):
        c = CARRIERS[cid]
        related = [e.id for e in world.entities if e.parent == cid]
        mentions = rng.sample(related, min(3, len(related)))
        lines = [
            name_yaml(str(c["ko"]), str(c["en"]), False),
            "aliases: " + yl([ys(a) for a in c["aliases"]]),
            f"color: {json.dumps(c['color'])}",
            "country: KR",
            f"website: https://www.{cid}.example/",
        ]
        write(
            out / "carriers" / f"{cid}.md",
            front_matter(lines, overview(rng, world, cid, "ko", mentions)),
        )


def write_entities(out: Path, rng: random.Random, world: World) -> None:
    for ent in world.entities:
        lines = [name_yaml(ent.ko, ent.en, ent.single_name), f"type: {ent.type}"]
        if ent.aliases:
            lines.append("aliases: " + yl([ys(a) for a in ent.aliases]))
        if ent.country:
            lines.append(f"country: {ent.country}")
        if ent.website:
            lines.append(f"website: {ent.website}")
        if ent.parent:
            lines.append(f"parent: {ent.parent}")
        if ent.members:
            lines.append("members: " + yl(ent.members))
        if ent.affiliations:
            lines.append("affiliations:")
            for aff in ent.affiliations:
                lines.append(f"  - id: {aff['id']}")
                lines.append(f"    role: {ys(str(aff['role']))}")
                lines.append(f"    since: {aff['since']}")
                if "until" in aff:
                    lines.append(f"    until: {aff['until'] if aff['until'] else 'null'}")
        mentions = [m for m in [ent.parent, *ent.members] if m] or [rng.choice(sorted(CARRIERS))]
        body = (
            ""
            if rng.random() < 0.2
            else overview(rng, world, ent.id, rng.choice(("ko", "en")), mentions)
        )
        write(out / "entities" / f"{ent.id}.md", front_matter(lines, body))


def event_yaml(ev: Event) -> list[str]:
    lines = [f"  - id: {ev.id}", f"    date: {ev.when}"]
    if ev.until:  # a target's horizon is when it falls due
        lines.append(f"    {'due' if ev.kind == 'target' else 'until'}: {ev.until}")
    if ev.approximate:
        lines.append("    approximate: true")
    if ev.basis:
        lines.append(f"    basis: {ys(ev.basis)}")
    lines += [
        f"    title: {ys(ev.title)}",
        f"    kind: {ev.kind}",
        f"    carriers: {yl(ev.carriers)}",
        f"    entities: {yl(ev.entities)}",
    ]
    if ev.amount:
        lines.append(f"    amount: {json.dumps(ev.amount, ensure_ascii=False)}")
    if ev.note:
        lines.append(f"    note: {ys(ev.note)}")
    return lines


def article_text(art: Article) -> str:
    lines = [f"title: {ys(art.title)}", f"published: {art.published}"]
    if art.published_basis:
        lines.append(f"published_basis: {ys(art.published_basis)}")
    if art.published_approximate:
        lines.append("published_approximate: true")
    if art.updated:
        lines.append(f"updated: {art.updated.isoformat()}")
    lines.append("source:")
    lines.extend(f"  {k}: {ys(v)}" for k, v in art.source.items())
    lines += [
        f"language: {art.lang}",
        f"carriers: {yl(art.carriers)}",
        f"entities: {yl(art.entities)}",
        f"tags: {yl(art.tags)}",
        f"summary: {ys(art.summary)}",
        "draft: false",
        "events:",
    ]
    for ev in art.events:
        lines.extend(event_yaml(ev))
    for ref in art.shared:
        lines.append(f"  - id: {ref.event.id}")
        if ref.note:
            lines.append(f"    note: {ys(ref.note)}")
    return front_matter(lines, art.body)


# --------------------------------------------------------------------------- entry points


def build_world(articles: int, seed: int) -> World:
    rng = random.Random(seed)
    total_entities = min(600, max(30, articles // 20))
    entities = make_entities(rng, total_entities)
    by_type: dict[str, list[Entity]] = {}
    for ent in entities:
        by_type.setdefault(ent.type, []).append(ent)
    world = World(rng=rng, entities=entities, by_id={e.id: e for e in entities}, by_type=by_type)
    days = article_days(rng, articles)
    required: list[list[Entity]] = [[] for _ in range(articles)]
    if articles:
        order = list(entities)
        rng.shuffle(order)
        for j, ent in enumerate(order):
            required[(j * articles) // len(order)].append(ent)
    for i, day in enumerate(days):
        world.articles.append(make_article(rng, world, day, required[i]))
    for i, art in enumerate(world.articles):
        art.body = make_body(rng, world, art, i)
    return world


def generate_corpus(out_dir: Path, articles: int, seed: int = 0) -> None:
    """Write a content folder with ``articles`` briefings into ``out_dir`` (empty or absent)."""
    if articles < 1:
        raise ValueError("articles must be at least 1")
    if out_dir.exists() and any(out_dir.iterdir()):
        raise FileExistsError(f"{out_dir} is not empty")
    world = build_world(articles, seed)
    rng = random.Random(seed + 1)
    write_site(out_dir, world)
    write_carriers(out_dir, rng, world)
    write_entities(out_dir, rng, world)
    for art in world.articles:
        path = out_dir / "articles" / str(art.day.year) / f"{art.slug}.md"
        write(path, article_text(art), art.crlf, art.bom)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--force", action="store_true", help="replace an existing corpus in --out")
    args = parser.parse_args(argv)
    out: Path = args.out
    if args.force and out.exists() and (out / "site.yaml").is_file():
        shutil.rmtree(out)
    try:
        generate_corpus(out, args.articles, args.seed)
    except (FileExistsError, ValueError) as exc:
        print(f"corpus: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {args.articles} articles to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
