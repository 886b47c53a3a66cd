"""Every feed of the site (the plan in briefing.render.feedplan: the site's, one per
carrier and entity, the watchlists, the tracker's and the weekly digests'), and rendering
them, with what each one read when a long-lived build tracks reads."""

from __future__ import annotations

from typing import Any

from briefing.link.graph import Graph
from briefing.render.feedplan import FeedSpec, feed_plan, render_feed
from briefing.render.reads import ReadLog, Tracking


def feed_paths(graph: Graph) -> dict[str, FeedSpec]:
    """Every feed's path, and what it follows (see briefing.render.feedplan)."""
    return {spec.path: spec for spec in feed_plan(graph)}


def render_feeds(graph: Graph, language: str, only: set[str] | None = None,
                 tracking: Tracking | None = None
                 ) -> tuple[dict[str, bytes], dict[str, frozenset[Any]]]:
    """Every feed (or those in `only`); with `tracking`, what each one read."""
    log: ReadLog | None = tracking.new_log() if tracking is not None else None
    view = tracking.view(graph, log) if tracking is not None and log is not None else graph
    outputs: dict[str, bytes] = {}
    feed_reads: dict[str, frozenset[Any]] = {}
    for path, spec in feed_paths(graph).items():
        if only is not None and path not in only:
            continue
        if log is not None:
            log.take()
        outputs[path] = render_feed(view, spec, language)
        if log is not None:
            feed_reads[path] = log.take()
    return outputs, feed_reads
