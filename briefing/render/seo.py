"""schema.org JSON-LD for each page kind (plain data; the template embeds it safely)."""

from __future__ import annotations

import json
from typing import Any

from briefing.link.graph import Event, Graph
from briefing.validate.model import Article, Node

_PRODUCT_TYPES = {"product": "Product", "person": "Person"}


def dump_jsonld(data: dict[str, Any]) -> str:
    """JSON for a <script> element: '<' escaped so content can't close the element."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def article_ld(graph: Graph, article: Article, url: str, language: str) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": "https://schema.org", "@type": "NewsArticle", "headline": article.title[:110],
        "url": url, "mainEntityOfPage": url, "inLanguage": article.language,
        "description": article.summary,
        "about": [graph.nodes[r.id].name.show(language) for r in article.carriers
                  if r.id in graph.nodes],
        "isBasedOn": {"@type": "NewsArticle", "headline": article.source.title,
                      **({"url": article.source.url} if article.source.url else {}),
                      **({"publisher": {"@type": "Organization", "name": article.source.publisher}}
                         if article.source.publisher else {})},
    }
    if article.published:
        data["datePublished"] = article.published.iso()
    if article.updated:
        data["dateModified"] = article.updated.iso()
    if article.source.author:
        data["author"] = {"@type": "Person", "name": article.source.author}
    else:
        data["author"] = {"@type": "Organization", "name": graph.site.title}
    return data


def event_ld(graph: Graph, event: Event, url: str, language: str) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": "https://schema.org", "@type": "Event", "name": event.title, "url": url,
        "startDate": event.date.iso(),
        "eventStatus": "https://schema.org/EventScheduled",
        "location": {"@type": "Place", "name": "Korea",
                     "address": {"@type": "PostalAddress", "addressCountry": "KR"}},
        "organizer": [{"@type": "Organization", "name": graph.nodes[c].name.show(language)}
                      for c in event.carriers],
        "description": event.title,
    }
    if event.until:
        data["endDate"] = event.until.iso()
    return data


def node_ld(graph: Graph, node: Node, url: str, language: str) -> dict[str, Any]:
    kind = _PRODUCT_TYPES.get(node.type, "Organization")
    data: dict[str, Any] = {"@context": "https://schema.org", "@type": kind,
                            "name": node.name.show(language), "url": url}
    alternates = [n for n in (*node.name.all(), *node.aliases) if n != data["name"]]
    if alternates:
        data["alternateName"] = alternates
    if node.website:
        data["sameAs"] = [node.website]
    if kind == "Person" and node.affiliations:
        data["affiliation"] = [{"@type": "Organization",
                                "name": graph.nodes[a.target.id].name.show(language)}
                               for a in node.affiliations if a.target.id in graph.nodes]
    if kind == "Product" and node.parent and node.parent.id in graph.nodes:
        data["brand"] = {"@type": "Organization",
                         "name": graph.nodes[node.parent.id].name.show(language)}
    if kind == "Product":
        data["description"] = node.name.show(language)
    return data


def collection_ld(name: str, url: str, description: str) -> dict[str, Any]:
    return {"@context": "https://schema.org", "@type": "CollectionPage", "name": name,
            "url": url, "description": description}
