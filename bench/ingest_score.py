"""Scoring of ingest drafts against annotations: normalisation, matching, per-article counts.

Pure functions only; `ingest_eval.py` reads the files, runs `ingest` and prints. The rules
here are the ones bench/ingest_eval/README.md documents: change both together.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from briefing.core.amounts import AmountError, parse_amount

TITLE_MAX = 60
_LIST_MARK = re.compile(r"^\s*(?:[-–—•·*]\s+)")
_COPY_MIN = 15  # a title sharing this many characters verbatim with the text is copied
_PARTICLES = sorted(
    ["으로부터", "로부터", "에게서", "에서는", "에서도", "에서", "에게", "께서", "으로",
     "로서", "로써", "과의", "와의", "이다", "와", "과", "은", "는", "이", "가", "을",
     "를", "의", "에", "로", "도", "만", "랑"], key=len, reverse=True)
_SUFFIXES = re.compile(r"(?:\b(?:inc|co|corp|corporation|ltd|llc|plc)\.?$|㈜|\(주\)|주식회사)")
_AUTHOR_NOISE = re.compile(r"^by\s+|\s*(?:기자|특파원|선임기자|인턴기자|reporter)$", re.I)
_AUTHOR_SPLIT = re.compile(r"\s*(?:[,·/&]|\band\b)\s*")
_SENTENCE_END = re.compile(r"(?<=[.!?。])[\"'”’)\]]*\s+")
_HANGUL = re.compile(r"[\uac00-\ud7a3]$")


def compact(text: str) -> str:
    """NFKC, whitespace removed: the form in which text is looked for in other text."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def norm_name(name: str) -> str:
    """A name compared across spellings: case, spacing, punctuation, one trailing particle
    and company suffixes do not count ('SK텔레콤은' = 'SK 텔레콤', 'Kakao Corp.' = 'kakao')."""
    text = unicodedata.normalize("NFKC", name).casefold().strip()
    text = _SUFFIXES.sub("", text).strip()
    for particle in _PARTICLES:
        rest = text[: -len(particle)]
        if text.endswith(particle) and len(compact(rest)) >= 2 and _HANGUL.search(rest):
            text = rest
            break
    return "".join(ch for ch in text if ch.isalnum())


def norm_people(names: str) -> frozenset[str]:
    """'홍길동 기자', 'By Hong Gil-dong and Kim' -> the set of normalised names."""
    parts = _AUTHOR_SPLIT.split(unicodedata.normalize("NFKC", names).strip())
    return frozenset(n for n in (norm_name(_AUTHOR_NOISE.sub("", p.strip())) for p in parts) if n)


def same_amount(first: str, second: str) -> bool:
    """Equal value and currency ('150억원' = '150억 원'); unreadable ones compare as text."""
    try:
        a, b = parse_amount(first), parse_amount(second)
    except AmountError:
        return compact(first) == compact(second)
    return (a.value, a.currency) == (b.value, b.currency)


def sentences(line: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(line) if s.strip()]


def title_problem(title: str, text: str) -> str | None:
    """Why an event title is not usable (None when it is)."""
    if not title.strip():
        return "empty"
    if len(title) > TITLE_MAX:
        return f"longer than {TITLE_MAX} characters"
    if "\n" in title:
        return "spans lines"
    stripped = title.strip()
    if stripped[0].islower() or not (stripped[0].isalnum() or stripped[0] in "'\"‘“["):
        return "starts like a fragment"
    if re.search(r"(?:다|요|[a-z])[.!?]$", stripped):
        return "ends like a sentence"
    short = compact(title)
    if len(short) >= _COPY_MIN and short in compact(text):
        return "copied from the text"
    return None


# --- annotations and drafts -------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class GoldEvent:
    date: str | None  # YYYY, YYYY-MM or YYYY-MM-DD: the form is the precision
    kind: str
    parties: tuple[str, ...]  # carrier/entity ids, or names of entities not in content/
    amount: str | None = None


@dataclass(frozen=True, slots=True)
class GoldEntity:
    names: tuple[str, ...]  # the first is the name, the rest its other spellings
    type: str


@dataclass(frozen=True, slots=True)
class Boiler:
    fragment: str  # a short, distinctive part of the line (or of the inline span)
    inline: bool = False  # only this span of the line is boilerplate; the rest is content


@dataclass(frozen=True, slots=True)
class Gold:
    id: str
    publisher: tuple[str, ...]  # empty: the text names none
    author: str | None
    published: str | None
    carriers: frozenset[str]
    known: frozenset[str]
    new: tuple[GoldEntity, ...]
    amounts: tuple[str, ...]
    events: tuple[GoldEvent, ...]
    boilerplate: tuple[Boiler, ...]
    skip: tuple[str, ...]  # metadata lines that are neither content nor required to go
    truncated: bool = False  # the stored copy stops mid-sentence: that tail is not content


@dataclass(frozen=True, slots=True)
class DraftEvent:
    date: str | None
    kind: str | None
    carriers: tuple[str, ...]
    entities: tuple[str, ...]
    amount: str | None
    title: str | None  # None for an event that reuses an id already in content/

    @property
    def parties(self) -> frozenset[str]:
        return frozenset(self.carriers) | frozenset(self.entities)


@dataclass(frozen=True, slots=True)
class Drafted:
    published: str | None
    publisher: str | None
    author: str | None
    carriers: frozenset[str]
    entities: frozenset[str]
    new_entities: tuple[tuple[str, str], ...]  # (name, type)
    events: tuple[DraftEvent, ...]
    amounts: tuple[str, ...]
    kept_text: str  # review.source_text and the body
    title: str | None = None  # source.title: the headline ingest chose


# --- matching ---------------------------------------------------------------------------

def _overlap(gold: GoldEvent, event: DraftEvent) -> int:
    return len(event.parties & set(gold.parties))


def strict_match(gold: GoldEvent, event: DraftEvent) -> bool:
    """Same date at the same precision, and the same kind or a shared party."""
    return (gold.date is not None and event.date == gold.date
            and (event.kind == gold.kind or _overlap(gold, event) > 0))


def loose_match(gold: GoldEvent, event: DraftEvent) -> bool:
    """Reports the same fact, maybe misdated: a strict match without the date, or the same
    kind and a shared party whatever the dates."""
    if event.date is not None and event.date == gold.date:
        return event.kind == gold.kind or _overlap(gold, event) > 0
    return event.kind == gold.kind and _overlap(gold, event) > 0


def match_events(gold: tuple[GoldEvent, ...], events: tuple[DraftEvent, ...]
                 ) -> list[tuple[int, int]]:
    """One-to-one (gold index, event index) pairs under `strict_match`, best pairs first:
    the same kind counts most, then shared parties, then order in the text."""
    pairs = [(-(2 * (e.kind == g.kind) + _overlap(g, e)), gi, ei)
             for gi, g in enumerate(gold) for ei, e in enumerate(events) if strict_match(g, e)]
    used_gold: set[int] = set()
    used_event: set[int] = set()
    matched: list[tuple[int, int]] = []
    for _, gi, ei in sorted(pairs):
        if gi not in used_gold and ei not in used_event:
            used_gold.add(gi)
            used_event.add(ei)
            matched.append((gi, ei))
    return sorted(matched)


def match_entities(gold: Gold, draft: Drafted, known_names: dict[str, tuple[str, ...]]
                   ) -> tuple[set[str], list[str], list[tuple[str, str, str]]]:
    """(gold keys found, predictions that match nothing, (name, guessed type, gold type)).

    Gold keys are known ids and the first names of new entities. A proposed name counts for
    the gold entity with that normalised name or alias, known ones included; a second
    prediction of one gold entity is neither a hit nor a miss."""
    found = set(draft.entities & gold.known)
    wrong = sorted(draft.entities - gold.known - gold.carriers)
    by_name: dict[str, tuple[str, str | None]] = {}
    for key in gold.known:
        for name in known_names.get(key, ()):
            by_name.setdefault(norm_name(name), (key, None))
    for entity in gold.new:
        for name in entity.names:
            by_name.setdefault(norm_name(name), (entity.names[0], entity.type))
    types: list[tuple[str, str, str]] = []
    for name, guess in draft.new_entities:
        hit = by_name.get(norm_name(name))
        if hit is None:
            wrong.append(name)
            continue
        if hit[1] is not None and hit[0] not in found:
            types.append((hit[0], guess, hit[1]))
        found.add(hit[0])
    return found, wrong, types


# --- one article ------------------------------------------------------------------------

@dataclass(slots=True)
class ArticleScore:
    id: str
    drafted: bool = False  # ingest wrote a draft for the text
    headline_gold: int = 0  # 1 when the text has a headline (informative row)
    headline_ok: int = 0
    published_ok: bool | None = None  # None: the text states no date
    published_invented: bool = False
    publisher_ok: bool | None = None
    publisher_given: bool = False  # a publisher where the text names none (from the URL?)
    author_ok: bool | None = None
    carriers_ok: bool = False
    events_gold: int = 0
    events_found: int = 0
    kinds: list[tuple[str, str]] = field(default_factory=list)  # (annotated, proposed)
    proposed: int = 0
    spurious: int = 0
    loose: int = 0  # unmatched, but the same fact as an annotated event (misdated, repeated)
    not_party: int = 0
    amount_pairs: int = 0
    amount_ok: int = 0
    titles: int = 0
    titles_ok: int = 0
    title_problems: list[str] = field(default_factory=list)
    boiler: int = 0
    boiler_dropped: int = 0
    boiler_kept: list[str] = field(default_factory=list)
    content: int = 0
    lost: list[str] = field(default_factory=list)
    entities_gold: int = 0
    entities_found: int = 0
    entities_predicted: int = 0
    entities_wrong: list[str] = field(default_factory=list)
    entity_types: list[tuple[str, str, str]] = field(default_factory=list)
    amounts_gold: int = 0
    amounts_found: int = 0
    amounts_extra: int = 0
    missed_events: list[str] = field(default_factory=list)

    @property
    def accepted(self) -> bool:
        """Light edits only: date, publisher and carriers right, every dated event found,
        at most one spurious event, >= 90% of boilerplate gone and no content lost."""
        return (self.published_ok is not False and not self.published_invented
                and self.publisher_ok is not False and self.carriers_ok
                and self.events_found == self.events_gold and self.spurious <= 1
                and (self.boiler == 0 or self.boiler_dropped >= 0.9 * self.boiler)
                and not self.lost)


def _content_sentences(gold: Gold, text: str, title: str) -> list[str]:
    """The text's sentences that are content: not in boilerplate, metadata or the headline
    line, with inline boilerplate spans cut out."""
    whole = [compact(b.fragment) for b in gold.boilerplate if not b.inline]
    whole += [compact(s) for s in gold.skip]
    inline = [b.fragment for b in gold.boilerplate if b.inline]
    headline = compact(title)
    result: list[str] = []
    for line in text.splitlines():
        short = compact(line)
        if not short or short == headline or any(f in short for f in whole):
            continue
        for span in inline:
            line = line.replace(span, " ")
        line = _LIST_MARK.sub("", line)  # '- ', '• ': list formatting, not the sentence
        result.extend(s for s in sentences(line) if len(compact(s)) >= 4)
    return result[:-1] if gold.truncated else result


def score_article(gold: Gold, draft: Drafted | None, text: str, title: str,
                  known_names: dict[str, tuple[str, ...]]) -> ArticleScore:
    score = ArticleScore(gold.id)
    dated = tuple(e for e in gold.events if e.date is not None)
    score.events_gold = len(dated)
    score.boiler = len(gold.boilerplate)
    content = _content_sentences(gold, text, title)
    score.content = len(content)
    score.entities_gold = len(gold.known) + len(gold.new)
    score.amounts_gold = len(gold.amounts)
    if gold.published is not None:
        score.published_ok = False
    if gold.publisher:
        score.publisher_ok = False
    if gold.author:
        score.author_ok = False
    if draft is None:  # ingest failed on this text: everything is missed
        score.lost = content
        score.missed_events = [f"{e.date} {e.kind}" for e in dated]
        return score
    score.drafted = True
    if title:  # the annotated headline, when the text has one
        score.headline_gold = 1
        score.headline_ok = int(compact(draft.title or "") == compact(title))
    if gold.published is not None:
        score.published_ok = draft.published == gold.published
    else:
        score.published_invented = draft.published is not None
    if gold.publisher:
        score.publisher_ok = draft.publisher is not None and norm_name(draft.publisher) in {
            norm_name(p) for p in gold.publisher}
    else:
        score.publisher_given = draft.publisher is not None
    if gold.author:
        score.author_ok = draft.author is not None and norm_people(
            draft.author) == norm_people(gold.author)
    score.carriers_ok = draft.carriers == gold.carriers
    _score_events(score, gold, dated, draft, text)
    kept = compact(draft.kept_text)
    for boiler in gold.boilerplate:
        if compact(boiler.fragment) in kept:
            score.boiler_kept.append(boiler.fragment)
        else:
            score.boiler_dropped += 1
    kept_cut = draft.kept_text
    for boiler in gold.boilerplate:
        if boiler.inline:
            kept_cut = kept_cut.replace(boiler.fragment, " ")
    kept_cut = compact(kept_cut)
    score.lost = [s for s in content if compact(s) not in kept_cut]
    found, wrong, types = match_entities(gold, draft, known_names)
    score.entities_found = len(found)
    score.entities_wrong = wrong
    score.entities_predicted = len(found) + len(wrong)
    score.entity_types = types
    hits = [a for a in draft.amounts if any(same_amount(a, g) for g in gold.amounts)]
    score.amounts_found = sum(1 for g in gold.amounts if any(same_amount(a, g) for a in hits))
    score.amounts_extra = len(draft.amounts) - len(hits)
    return score


def _score_events(score: ArticleScore, gold: Gold, dated: tuple[GoldEvent, ...],
                  draft: Drafted, text: str) -> None:
    pairs = match_events(dated, draft.events)
    score.events_found = len(pairs)
    matched_events = {ei for _, ei in pairs}
    matched_gold = {gi for gi, _ in pairs}
    score.missed_events = [f"{e.date} {e.kind} {'/'.join(e.parties)}"
                           for gi, e in enumerate(dated) if gi not in matched_gold]
    for gi, ei in pairs:
        g, e = dated[gi], draft.events[ei]
        score.kinds.append((g.kind, e.kind or "-"))
        if set(e.carriers) - set(g.parties):
            score.not_party += 1
        if g.amount:
            score.amount_pairs += 1
            score.amount_ok += bool(e.amount and same_amount(e.amount, g.amount))
    score.proposed = len(draft.events)
    for ei, event in enumerate(draft.events):
        if event.title is not None:
            score.titles += 1
            problem = title_problem(event.title, text)
            if problem is None:
                score.titles_ok += 1
            else:
                score.title_problems.append(f"{problem}: {event.title[:40]}")
        if ei in matched_events:
            continue
        if any(loose_match(g, event) for g in gold.events):
            score.loose += 1
        else:
            score.spurious += 1
