"""The pages of the relationship network and the feeds: /graph/ and /feeds/ (parts of
the page plan, see briefing.render.pages.plan_units)."""

from __future__ import annotations

from functools import partial
from typing import Any

from briefing.link.graph import Graph
from briefing.render.feedplan import TOPICS, feed_plan, feed_title
from briefing.render.i18n import strings
from briefing.render.pages import Page, PlanUnit
from briefing.render.seo import collection_ld


def watch_units(language: str) -> list[PlanUnit]:
    t = strings(language)
    return [("graph", partial(_graph_page, t=t)),
            ("feeds", partial(_feeds_page, t=t, language=language))]


def _graph_page(graph: Graph, t: Any) -> list[Page]:
    description = t["network_description"]
    return [Page("graph/", "graph.html", t["network"], description, {},
                 collection_ld(t["network"], graph.site.base_url + "graph/", description))]


def _feeds_page(graph: Graph, t: Any, language: str) -> list[Page]:
    """Every feed the engine writes (its plan), by topic, with its title."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for spec in feed_plan(graph):
        topic = spec.topic if spec.topic in TOPICS else "other"
        groups.setdefault(topic, []).append((spec.path, feed_title(graph, spec, language)))
    description = t["feeds_description"]
    return [Page("feeds/", "feeds.html", t["feeds"], description,
                 {"feed_groups": [(topic, groups[topic]) for topic in (*TOPICS, "other")
                                  if topic in groups]},
                 collection_ld(t["feeds"], graph.site.base_url + "feeds/", description))]
