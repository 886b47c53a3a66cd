"""Atom feeds of the tracker (targets that fall due or change status) and of the weekly
digests (one entry per week). Dates come from content, never the clock."""

from __future__ import annotations

import datetime as dt
from xml.sax.saxutils import escape

from briefing.link.graph import Graph
from briefing.render.digest_pages import week_title
from briefing.render.feeds import FEED_SIZE, _attr, _stamp, _tag_authority
from briefing.render.i18n import strings

FEEDS = {"targets/feed.xml": "@targets", "weeks/feed.xml": "@weeks"}


def _changes(graph: Graph) -> list[tuple[dt.date, str, str]]:
    """(date, target id, status) of every change of status up to the as-of date: falling
    due, becoming overdue, being settled."""
    as_of = graph.as_of.start if graph.as_of else None
    changes = []
    for target_id, target in graph.targets.items():
        if target.settled_by and target.outcome:
            changes.append((graph.events[target.settled_by].date.start, target_id,
                            target.outcome))
        due = target.due.date if target.due else None
        if due is None or as_of is None:
            continue
        if due.start <= as_of:
            changes.append((due.start, target_id, "due"))
        overdue = due.end + dt.timedelta(days=1)
        if overdue <= as_of and not (target.settled_by and target.outcome):
            changes.append((overdue, target_id, "overdue"))
    return sorted(changes, key=lambda c: (c[0], c[1], c[2]), reverse=True)


def _feed(graph: Graph, feed_path: str, page_path: str, title: str, entries: list[str],
          newest: str, language: str) -> bytes:
    base = graph.site.base_url
    authority = _tag_authority(base)
    head = (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{language}">'
        f"<id>tag:{authority}:feed:{escape(feed_path)}</id>"
        f"<title>{escape(title)}</title>"
        f'<link rel="self" type="application/atom+xml" href="{_attr(base + feed_path)}"/>'
        f'<link rel="alternate" type="text/html" href="{_attr(base + page_path)}"/>'
        f"<updated>{_stamp(newest)}</updated>"
        f"<author><name>{escape(graph.site.title)}</name></author>")
    return (head + "".join(entries) + "</feed>\n").encode("utf-8")


def targets_feed(graph: Graph, language: str) -> bytes:
    t = strings(language)
    base = graph.site.base_url
    authority = _tag_authority(base)
    entries = []
    changes = _changes(graph)
    for day, target_id, status in changes[:FEED_SIZE]:
        event = graph.events[target_id]
        label = t["became." + status] if status in ("due", "overdue") else t["status." + status]
        due = graph.targets[target_id].due
        summary = f"{t['status']}: {label} · {t['announced']}: {event.date.iso()}"
        if due:
            summary += f" · {t['due']}: {due.date.iso()}"
        entries.append(
            "<entry>"
            f"<id>tag:{authority}:target:{escape(target_id)}:{status}</id>"
            f"<title>{escape(label)}: {escape(event.title)}</title>"
            f'<link rel="alternate" type="text/html" href="{_attr(base)}events/'
            f'{_attr(target_id)}/"/>'
            f"<updated>{_stamp(day.isoformat())}</updated>"
            f"<summary>{escape(summary)}</summary>"
            "</entry>")
    newest = changes[0][0].isoformat() if changes else (
        graph.as_of.iso() if graph.as_of else "1970-01-01")
    return _feed(graph, "targets/feed.xml", "targets/", f"{graph.site.title}: {t['targets']}",
                 entries, newest, language)


def weeks_feed(graph: Graph, language: str) -> bytes:
    t = strings(language)
    base = graph.site.base_url
    authority = _tag_authority(base)
    entries = []
    newest = "1970-01-01"
    for key in list(graph.weeks)[::-1][:FEED_SIZE]:
        week = graph.weeks[key]
        stamps = []
        for slug in week.articles:
            article = graph.articles[slug]
            stamp = article.updated or article.published
            if stamp is not None:
                stamps.append(stamp.start.isoformat())
        updated = max(stamps, default=week.start.isoformat())
        newest = max(newest, updated)
        titles = " · ".join(graph.articles[s].title for s in week.articles)
        entries.append(
            "<entry>"
            f"<id>tag:{authority}:week:{escape(key)}</id>"
            f"<title>{escape(week_title(key, t))}</title>"
            f'<link rel="alternate" type="text/html" href="{_attr(base)}weeks/{_attr(key)}/"/>'
            f"<updated>{_stamp(updated)}</updated>"
            f"<summary>{escape(titles)}</summary>"
            "</entry>")
    return _feed(graph, "weeks/feed.xml", "weeks/", f"{graph.site.title}: {t['weeks']}",
                 entries, newest, language)


def digest_feed(graph: Graph, which: str, language: str) -> bytes:
    return targets_feed(graph, language) if which == "@targets" else weeks_feed(graph, language)
