"""What the search finds: one document per carrier, entity, briefing and event."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from briefing.core.dates import PartialDate
from briefing.core.fmt import format_date
from briefing.core.routes import article_path, event_path, node_path
from briefing.link.graph import Event, Graph
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


def _wiki_namer(graph: Graph, language: str) -> WikiName:
    def wiki_name(kind: str, target: str) -> str:
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


def _node_doc(graph: Graph, node: Node, language: str, carriers: tuple[str, ...]) -> Doc:
    names = tuple(dict.fromkeys((node.name.show(language), *node.name.all(), *node.aliases)))
    namer = _wiki_namer(graph, language)
    lead = _lead(node.body.text, namer)
    shown = " · ".join(names[1:])
    return Doc("carrier" if node.is_carrier else "entity", "" if node.is_carrier else node.type,
               names[0], node_path(node.id, node.is_carrier), None, carriers, " ".join(names),
               index_text(node.body.text, namer),
               shorten(f"{shown} — {lead}" if shown else lead, SNIPPET_CHARS))


def _article_doc(graph: Graph, article: Article, language: str) -> Doc:
    namer = _wiki_namer(graph, language)
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


def make_docs(graph: Graph, language: str, keys: Sequence[DocKey]) -> list[Doc]:
    entity_carriers: dict[str, list[str]] = defaultdict(list)
    for carrier, entity in sorted(graph.relations):
        entity_carriers[entity].append(carrier)
    docs = []
    for kind, key in keys:
        if kind == "carrier":
            docs.append(_node_doc(graph, graph.nodes[key], language, (key,)))
        elif kind == "entity":
            docs.append(_node_doc(graph, graph.nodes[key], language,
                                  tuple(entity_carriers.get(key, ()))))
        elif kind == "article":
            docs.append(_article_doc(graph, graph.articles[key], language))
        else:
            docs.append(_event_doc(graph, graph.events[key], language))
    return docs


def collect_docs(graph: Graph, language: str) -> list[Doc]:
    return make_docs(graph, language, doc_keys(graph))


def date_text(date: PartialDate | None, language: str) -> str:
    return format_date(date, language) if date else ""
