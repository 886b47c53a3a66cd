"""One raw article -> one draft record (pure: no files, no printing)."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from briefing.core.dates import PartialDate
from briefing.ingest.anchor import story_anchor
from briefing.ingest.clauses import embedded_dates, plan_spans
from briefing.ingest.clean import Line, clean_lines, content_lines
from briefing.ingest.dates import find_dates
from briefing.ingest.eventids import EventIndex, assign_ids
from briefing.ingest.eventmerge import ProposedEvent
from briefing.ingest.events import Sentence, propose_events
from briefing.ingest.evidence import article_metadata
from briefing.ingest.known import KnownNode
from briefing.ingest.meta import (
    Publisher,
    ReviewItem,
    detect_language,
    find_title,
)
from briefing.ingest.money import find_money
from briefing.ingest.newents import NewEntity, needs_analysis, propose_entities
from briefing.ingest.outlets import is_own_outlet
from briefing.ingest.parties import passing_mentions
from briefing.ingest.people import known_by_spelling
from briefing.ingest.recognise import Matcher, Mention
from briefing.ingest.sentences import split_sentences
from briefing.ingest.sources import Given, source_line
from briefing.ingest.titles import compose_title
from briefing.ingest.units import unit_names, units
from briefing.ingest.webpage import Page
from briefing.ingest.world import world_proposals

Tokenize = Callable[[Sequence[str]], list[list[Any]]]
_HANGUL = re.compile(r"[가-힣]")
_STOPWORDS = frozenset([
    "a", "an", "the", "of", "to", "in", "and", "for", "on", "with", "its", "as", "at", "by",
    "from", "is", "are", "be", "will"
])


@dataclass(frozen=True, slots=True)
class Context:
    """What every article of one run shares: known names and the publisher table."""

    matcher: Matcher
    publishers: tuple[Publisher, ...]
    known_names: frozenset[str]
    labels: dict[str, tuple[str, str, str]] = field(default_factory=dict)  # id: ko, en, type
    outlets: frozenset[str] = frozenset()  # the publisher table's names and aliases
    carriers_of: dict[str, tuple[str, ...]] = field(default_factory=dict)  # person -> carriers
    world: Matcher = field(default_factory=lambda: Matcher(()))  # world.py: well-known names
    world_nodes: dict[str, KnownNode] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Draft:
    """The common draft record; draft.py is the one writer of it.

    build_draft leaves event ids empty; finish_draft gives them against the content.
    """

    file_name: str
    title: str
    published: PartialDate | None
    updated: PartialDate | None
    publisher: str | None
    source_title: str
    url: str | None
    author: str | None
    language: str
    carriers: tuple[str, ...]
    entities: tuple[str, ...]
    events: tuple[ProposedEvent, ...]
    items: tuple[ReviewItem, ...]
    new_entities: tuple[NewEntity, ...]
    source_text: str
    amounts: int


def _ascii_words(text: str) -> list[str]:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return [w for w in re.split(r"[^a-z0-9]+", plain) if w]


def file_name(title: str, published: PartialDate | None, title_mentions: Sequence[Mention]) -> str:
    """'<date or undated>-<slug>.md': English titles by their words; Korean by ids + a hash."""
    date = published.iso() if published else "undated"
    if _HANGUL.search(title):
        parts = list(dict.fromkeys([m.id for m in title_mentions] +
                                   [w for w in _ascii_words(title) if len(w) > 1]))[:4]
        digest = hashlib.sha1(title.encode("utf-8")).hexdigest()[:6]
        slug = "-".join([*parts, digest])
    else:
        words = [w for w in _ascii_words(title) if w not in _STOPWORDS][:7]
        slug = "-".join(words) or hashlib.sha1(title.encode("utf-8")).hexdigest()[:6]
    slug = re.sub(r"-+", "-", slug[:70]).strip("-")
    return f"{date}-{slug}.md"


def _published_clues(sentences: list[Sentence], text: str) -> list[ReviewItem]:
    items = [ReviewItem("published", "no publication date in the text; left out")]
    seen: set[str] = set()
    for sentence in sentences:
        for date in sentence.dates:
            if date.problem and date.problem.startswith("only the day") and date.text not in seen:
                seen.add(date.text)
                items.append(ReviewItem("published", f"only a day ('{date.text}') is given: a clue "
                                        "to the publication date, not the date", sentence.text))
    years = sorted(set(re.findall(
        r"(?<![\d,.])((?:19|20)\d{2})(?:년|(?![\d억만천원명개%]))", text)))
    if years:
        items.append(ReviewItem("published", "years the text names (a clue, not the date): "
                                + ", ".join(years)))
    return items


# A caption's credit names the photographer or agency, not a party: '(Courtesy of X)'.
_CREDIT = re.compile(r"\((?:[^()]*(?:Courtesy|Photo|Corps|제공|사진)[^()]*)\)|"
                     r"(?:사진\s*)?(?:공동\s*취재단|Joint Press Corps|연합뉴스|뉴스1|뉴시스)\s*$|"
                     r"(?:사진|그래픽)\s*(?:제공)?\s*=\s*\S+\s*$|"
                     r"\b(?:PHOTO|IMAGE)\s*:\s*[^.]{1,40}$", re.I)
# A date needs a digit or a month's name: plans' clauses are looked for only then.
_DATE_HINT = re.compile(r"\d|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
_PROSE_END = re.compile(r"(?:[.!?…。]|[다요])[\"'”’)\]]*$")


def _sentences(lines: list[Line], published: PartialDate | None,
               matcher: Matcher) -> list[Sentence]:
    result: list[Sentence] = []
    that_day: PartialDate | None = None
    that_year: int | None = None  # the year last told, for '같은 해 6월'
    for line in lines:
        heading = len(line.text) <= 100 and not _PROSE_END.search(line.text)
        for text in split_sentences(line.text):
            ahead = plan_spans(text) if _DATE_HINT.search(text) else []
            dates = tuple(find_dates(text, published, that_day, ahead, that_year))
            for date in dates:
                if date.date is not None and date.date.day and date.role == "event":
                    that_day = date.date
                if date.date is not None and date.role in ("event", "since"):
                    that_year = date.date.year
            mentions = tuple(matcher.find(text))
            result.append(Sentence(text, mentions, tuple(find_money(text)), dates,
                                   caption=line.kind == "caption", heading=heading,
                                   passing=passing_mentions(text, mentions)))
    return result


def _several_dates(sentence: Sentence) -> bool:
    return sum(d.role in ("event", "since", "target") for d in sentence.dates) > 1


def _governed(sentences: list[Sentence], tokens: dict[str, list[Any]],
              analysed: bool) -> list[Sentence]:
    """Mark dates that sit in a clause describing a noun, where a sentence has several:
    Korean by Kiwi's adnominal endings, English by relative and participial clauses."""
    result = list(sentences)
    for i, sentence in enumerate(sentences):
        korean = bool(_HANGUL.search(sentence.text))
        if not _several_dates(sentence) and (korean or not sentence.dates):
            continue  # English: a single date may set the scene ('…, which began in 2004')
        if korean and not analysed:
            continue  # no analyser: the first explicit date governs, as before
        dates = [d for d in sentence.dates if d.role in ("event", "since", "target")]
        result[i] = replace(sentence, embedded=embedded_dates(
            sentence.text, dates, tokens.get(sentence.text) if korean else None))
    return result


def _event_items(events: Sequence[ProposedEvent]) -> list[ReviewItem]:
    items = []
    for event in events:
        if event.existing:
            issue = f"same event as '{event.id}' in {event.existing}; only its id " + (
                "and amount are kept" if event.amount and not event.amount_conflict else "is kept")
            if event.amount_conflict:
                issue += (f"; this article's amount '{event.amount}' differs from the content's "
                          f"'{event.amount_conflict}': check which is right")
        elif event.same_as:
            issue = (f"same event as '{event.id}' in {event.same_as} (a draft of this run): "
                     "one id for both; keep the fuller telling")
        else:
            when = event.date.iso() if event.date else "no date"
            issue = f"proposed {event.kind} event ({when}); check date, kind, parties and amount"
            if event.issues:
                issue += ": " + "; ".join(event.issues)
        items.append(ReviewItem(f"events.{event.id}", issue, " / ".join(event.evidence)))
    return items


def _loose_amounts(sentences: list[Sentence], events: Sequence[ProposedEvent]) -> list[ReviewItem]:
    used = {event.amount for event in events if event.amount}
    items = []
    for sentence in sentences:
        for money in sentence.money:
            if money.written in used:
                continue
            used.add(money.written)
            read = (f"{money.amount.value} {money.amount.currency}" if money.amount
                    else "not readable")
            note = f" ({money.problem})" if money.problem else ""
            items.append(ReviewItem("amounts", f"'{money.written}' = {read}{note}; in no event",
                                    sentence.text))
    return items


_QUOTED_NAME = re.compile(r"['‘\"“]([^'’\"”]{2,20})['’\"”]")
_PEOPLE_KINDS = frozenset({"appointment"})


def _titled(event: ProposedEvent, language: str, labels: dict[str, tuple[str, str, str]],
            new: Sequence[NewEntity]) -> ProposedEvent:
    """Compose the title from the parties; unknown names in the clause can be the other side.

    A launch names what was launched (a product entity or a quoted name), an appointment
    the person; for other kinds the other side is the first partner named.
    """
    pick = 0 if language == "ko" else 1
    clause = event.clause or event.evidence[0]
    parties = [labels.get(c, (c, c, ""))[pick] for c in event.carriers]
    entities = [labels.get(e, (e, e, "company")) for e in event.entities]
    unknown = [n for n in new if n.name.split(" (")[0] in clause]
    wanted = {"product": ("product",), "appointment": ("person",),
              "conference": ("conference",)}.get(event.kind)
    if wanted:
        others = [e[pick] for e in entities if e[2] in wanted]
        others += [n.name.split(" (")[0] for n in unknown if n.type in wanted]
        if not others and event.kind == "product":
            others = [m.group(1) for m in _QUOTED_NAME.finditer(clause)][:1]
    else:
        others = [e[pick] for e in entities if e[2] not in ("person", "conference")]
        others = others or [n.name.split(" (")[0] for n in unknown if n.type != "person"]
    if not parties:
        people = [e[pick] for e in entities if e[2] == "person"]
        firms = [e[pick] for e in entities
                 if e[2] not in ("person", "conference") and e[pick] not in others]
        parties = (firms or people)[:1]
        if not parties and len(others) > 0 and not wanted:
            parties, others = others[:1], others[1:]
    others = [o for o in others if o not in parties]
    due = event.due.iso() if event.due else None
    return replace(event, title=compose_title(event.kind, language, parties, others,
                                              event.amount, clause, due))


def build_draft(text: str, page: Page | None, context: Context, tokenize: Tokenize | None,
                given: Given | None = None) -> Draft:
    """Analyse one decoded article (its page metadata for HTML input, and what the analyst
    gave: its URL and date)."""
    text_url, text = source_line(text)
    lines = clean_lines(text, context.outlets)
    body = content_lines(lines)
    items: list[ReviewItem] = []
    title, _, headline_line, title_items = find_title(lines)
    if page is not None and page.title:
        title, title_items = page.title, []
    items.extend(title_items)
    # The analyst's URL and date, the page's markup and the text's own (evidence.py).
    meta = article_metadata(lines, page, given, text_url, context.publishers)
    published, updated, publisher, author = (meta.published, meta.updated, meta.publisher,
                                             meta.author)
    items.extend(meta.items)
    plain = "\n".join(line.text for line in body)
    language = detect_language(plain)
    # Without a date line, a credit's full date or a fair's year dates the facts (anchor.py).
    anchor = None if published else story_anchor([line.text for line in lines], plain)
    sentences = _sentences([line for line in body if line.number != headline_line],
                           anchor.date if anchor and anchor.date.day else published,
                           context.matcher)
    # Captions leave the text, but whom they name the article is about: entities only.
    captions = [_CREDIT.sub("", line.text) for line in lines if line.kind == "caption"]
    texts = [*(s.text for s in sentences), *captions]
    # One Kiwi call per article: sentences that may name something new, and those with
    # several dates (which of them governs the verb).
    named = {t for t in texts if _HANGUL.search(t) and needs_analysis(t)}
    korean = list(dict.fromkeys(
        [t for t in texts if t in named] +
        [s.text for s in sentences if _several_dates(s) and _HANGUL.search(s.text)]))
    tokens_by_text: dict[str, list[Any]] = {}
    if tokenize is not None and korean:
        tokens_by_text = dict(zip(korean, tokenize(korean), strict=True))
    sentences = _governed(sentences, tokens_by_text, tokenize is not None)
    if published is None:
        items.extend(_published_clues(sentences, plain))
    venues = frozenset(i for i, (_, _, kind) in context.labels.items() if kind == "conference")
    events = propose_events(sentences, published, context.carriers_of, venues, anchor)
    title_mentions = context.matcher.find(title)
    carriers: dict[str, None] = {}
    entities: dict[str, None] = {}
    for mention in [*title_mentions, *(m for s in sentences for m in s.parties)]:
        (carriers if mention.is_carrier else entities)[mention.id] = None
    caption_mentions = [tuple(context.matcher.find(text)) for text in captions]
    for mention in (m for found in caption_mentions for m in found if not m.is_carrier):
        entities[mention.id] = None
    new_entities = propose_entities(
        texts, [*(s.mentions for s in sentences), *caption_mentions],
        [tokens_by_text.get(t) if t in named else None for t in texts], context.known_names)
    all_mentions = [*(s.mentions for s in sentences), *caption_mentions]
    new_entities += world_proposals(texts, all_mentions, context.world, context.world_nodes,
                                    new_entities)
    taken = {e.name.split(" (")[0] for e in new_entities}
    new_entities += [e for e in unit_names(texts, all_mentions, context.known_names)
                     if e.name not in taken and not any(e.name in t for t in taken)]
    new_entities, owned = units(new_entities, all_mentions, texts)
    # 'Yoo Young-sang' for a known 'Ryu Young-sang': the known person, not a new one.
    respelled = known_by_spelling([e.name for e in new_entities], context.labels)
    entities.update(dict.fromkeys(respelled.values()))
    new_entities = [e for e in new_entities if e.name not in respelled
                    and not is_own_outlet(e.name, publisher, context.publishers)]
    items.extend(ReviewItem("new_entities", f"'{name}' is a unit of '{owner}' (typed "
                            "organization): propose it under its company or drop it")
                 for name, owner in owned)
    items.extend(_loose_amounts(sentences, events))
    events = [_titled(e, language, context.labels, new_entities) for e in events]
    return Draft(
        file_name=file_name(title, published, title_mentions), title=title, published=published,
        updated=updated, publisher=publisher, source_title=title, url=meta.url,
        author=author, language=language, carriers=tuple(carriers), entities=tuple(entities),
        events=tuple(events), items=tuple(items), new_entities=tuple(new_entities),
        source_text="\n\n".join(line.text for line in body),
        amounts=sum(len(s.money) for s in sentences))


def finish_draft(draft: Draft, index: EventIndex) -> Draft:
    """Give event ids: reuse a matching content event's, else a new one no event has."""
    events = assign_ids(draft.events, index)
    return replace(draft, events=events, items=draft.items + tuple(_event_items(events)))
