"""What the search finds: one document per carrier, entity, briefing and event."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from briefing.core.dates import PartialDate
from briefing.core.fmt import format_date
from briefing.core.routes import article_path, event_path, node_path
from briefing.link.graph import Event, Graph
from briefing.search.ids import IdKey, bucket, path_hash
from briefing.search.plaintext import (
    WikiName,
    display_text,
    index_text,
    resolve_links,
    shorten,
)
from briefing.validate.model import Article, Node

SNIPPET_CHARS = 220  # the text kept for snippets; the index covers the whole text
_LEAD_SOURCE = 4 * SNIPPET_CHARS  # how much of a body to clean up for the snippet
TYPES = ("carrier", "entity", "article", "event")  # the order of document ids


@dataclass(frozen=True, slots=True)
class Doc:
    type: str  # one of TYPES
    sub: str  # the event's kind, the entity's type, or ''
    title: str
    path: str  # site path of its page
    date: PartialDate | None
    carriers: tuple[str, ...]
    names: str  # the title field: title, names and aliases (matches here rank higher)
    text: str  # the rest of the searchable text
    snippet: str  # the start of the text, for result snippets


# What a document was made from, as (graph field, key), the way serve records what a page
# reads (briefing.incremental.tracking): ("relations", EVERY) is the whole field.
Read = tuple[str, Any]
EVERY = "*"


def _wiki_namer(graph: Graph, language: str, reads: set[Read] | None = None) -> WikiName:
    def wiki_name(kind: str, target: str) -> str:
        if reads is not None:
            reads.add(({"node": "nodes", "article": "articles"}.get(kind, "events"), target))
        if kind == "node" and target in graph.nodes:
            return graph.nodes[target].name.show(language)
        if kind == "article" and target in graph.articles:
            return graph.articles[target].title
        if kind == "event" and target in graph.events:
            return graph.events[target].title
        return target

    return wiki_name


def _lead(markdown: str, namer: WikiName) -> str:
    """The start of a body as readable text (a link cut at the end is dropped)."""
    start = markdown[:_LEAD_SOURCE]
    cut = start.rfind("[[")
    if cut > 0 and "]]" not in start[cut:]:
        start = start[:cut]
    return display_text(resolve_links(start, namer))


def _node_doc(node: Node, language: str, carriers: tuple[str, ...],
              namer: WikiName) -> Doc:
    names = tuple(dict.fromkeys((node.name.show(language), *node.name.all(), *node.aliases)))
    lead = _lead(node.body.text, namer)
    shown = " · ".join(names[1:])
    return Doc("carrier" if node.is_carrier else "entity", "" if node.is_carrier else node.type,
               names[0], node_path(node.id, node.is_carrier), None, carriers, " ".join(names),
               index_text(node.body.text, namer),
               shorten(f"{shown} — {lead}" if shown else lead, SNIPPET_CHARS))


def _article_doc(article: Article, namer: WikiName) -> Doc:
    source = " ".join(filter(None, (article.source.publisher, article.source.title)))
    lead = " ".join(filter(None, (article.summary, _lead(article.body.text, namer))))
    return Doc("article", "", article.title, article_path(article.id), article.published,
               tuple(dict.fromkeys(r.id for r in article.carriers)), article.title,
               f"{article.summary}\n{index_text(article.body.text, namer)}\n{source}",
               shorten(lead, SNIPPET_CHARS))


def _event_doc(graph: Graph, event: Event, language: str) -> Doc:
    involved = [graph.nodes[n] for n in (*event.carriers, *event.entities) if n in graph.nodes]
    shown = [n.name.show(language) for n in involved]
    extra = [name for n in involved for name in n.name.all()]
    notes = [s.note for s in event.sources if s.note]
    amount = event.amount.written if event.amount else ""
    snippet = " · ".join(filter(None, (", ".join(shown), amount, *notes)))
    return Doc("event", event.kind, event.title, event_path(event.id), event.date,
               event.carriers, event.title,
               " ".join(filter(None, (*extra, amount, event.basis or "", *notes))),
               shorten(snippet, SNIPPET_CHARS))


DocKey = tuple[str, str]  # (type, id)


def doc_keys(graph: Graph) -> list[DocKey]:
    """Every document, in id order: carriers, entities, briefings and events newest first."""
    return [*(("carrier", c) for c in graph.carriers), *(("entity", e) for e in graph.entities),
            *(("article", a) for a in graph.articles_by_date),
            *(("event", e) for e in reversed(graph.timeline))]


def doc_path(graph: Graph, key: DocKey) -> str:
    """The site path of a document's page: its key in every build."""
    kind, item = key
    if kind in ("carrier", "entity"):
        return node_path(item, kind == "carrier")
    return article_path(item) if kind == "article" else event_path(item)


def id_key(graph: Graph, key: DocKey, hashes: dict[str, int]) -> IdKey:
    """What the document's stable id is made from (search.ids); `hashes` keeps the
    hashes of site paths between builds."""
    kind, item = key
    date = graph.articles[item].published if kind == "article" else \
        graph.events[item].date if kind == "event" else None
    path = doc_path(graph, key)
    hashed = hashes.get(path)
    if hashed is None:
        hashed = hashes[path] = path_hash(path)
    return TYPES.index(kind), bucket(date), hashed


def make_docs(graph: Graph, language: str, keys: Sequence[DocKey],
              reads: list[frozenset[Read]] | None = None) -> list[Doc]:
    """The documents of `keys`; with `reads`, appends what each one was made from."""
    return list(iter_docs(graph, language, keys, reads))


def iter_docs(graph: Graph, language: str, keys: Sequence[DocKey],
              reads: list[frozenset[Read]] | None = None) -> Iterator[Doc]:
    """make_docs one document at a time: an indexer that takes them as they are made
    never holds every document's text at once."""
    entity_carriers: dict[str, list[str]] = defaultdict(list)
    for carrier, entity in sorted(graph.relations):
        entity_carriers[entity].append(carrier)
    seen: set[Read] | None = None if reads is None else set()
    namer = _wiki_namer(graph, language, seen)
    for kind, key in keys:
        if kind == "carrier":
            doc = _node_doc(graph.nodes[key], language, (key,), namer)
        elif kind == "entity":
            doc = _node_doc(graph.nodes[key], language, tuple(entity_carriers.get(key, ())),
                            namer)
        elif kind == "article":
            doc = _article_doc(graph.articles[key], namer)
        else:
            doc = _event_doc(graph, graph.events[key], language)
        if reads is not None and seen is not None:
            reads.append(frozenset(seen.union(_own_reads(graph, kind, key))))
            seen.clear()
        yield doc


def _own_reads(graph: Graph, kind: str, key: str) -> list[Read]:
    if kind == "carrier":
        return [("nodes", key)]
    if kind == "entity":
        return [("nodes", key), ("relations", EVERY)]
    if kind == "article":
        return [("articles", key)]
    event = graph.events[key]
    return [("events", key), *(("nodes", n) for n in (*event.carriers, *event.entities))]


def collect_docs(graph: Graph, language: str) -> list[Doc]:
    return make_docs(graph, language, doc_keys(graph))


def date_text(date: PartialDate | None, language: str) -> str:
    return format_date(date, language) if date else ""
