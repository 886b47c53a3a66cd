"""Every feed of the site: which exist (the site's, one per carrier and entity, the
tracker's and the weekly digests'), and rendering them, with what each one read when a
long-lived build tracks reads."""

from __future__ import annotations

from typing import Any

from briefing.core.routes import node_path
from briefing.link.graph import Graph
from briefing.render.digest_feeds import FEEDS, digest_feed
from briefing.render.feeds import atom_feed
from briefing.render.reads import ReadLog, Tracking


def feed_paths(graph: Graph) -> dict[str, str]:
    """Every feed's path, and the carrier or entity it follows ("" for the site feed,
    "@targets" and "@weeks" for those of /targets/ and /weeks/)."""
    paths = {"feed.xml": ""}
    for node_id in (*graph.carriers, *graph.entities):
        paths[node_path(node_id, graph.nodes[node_id].is_carrier) + "feed.xml"] = node_id
    return {**paths, **FEEDS}


def render_feeds(graph: Graph, language: str, only: set[str] | None = None,
                 tracking: Tracking | None = None
                 ) -> tuple[dict[str, bytes], dict[str, frozenset[Any]]]:
    """Every feed (or those in `only`); with `tracking`, what each one read."""
    log: ReadLog | None = tracking.new_log() if tracking is not None else None
    view = tracking.view(graph, log) if tracking is not None and log is not None else graph
    outputs: dict[str, bytes] = {}
    feed_reads: dict[str, frozenset[Any]] = {}
    for path, node_id in feed_paths(graph).items():
        if only is not None and path not in only:
            continue
        if log is not None:
            log.take()
        if node_id.startswith("@"):  # the tracker's and the weekly digests' feeds
            outputs[path] = digest_feed(view, node_id, language)
        elif node_id:
            outputs[path] = atom_feed(
                view, path, path.removesuffix("feed.xml"),
                f"{view.site.title}: {view.nodes[node_id].name.show(language)}",
                view.node_articles.get(node_id, ()), language)
        else:
            outputs[path] = atom_feed(view, path, "", view.site.title, view.articles_by_date,
                                      language)
        if log is not None:
            feed_reads[path] = log.take()
    return outputs, feed_reads
