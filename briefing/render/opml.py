"""/feeds.opml: every feed the site writes, by topic, to subscribe to all at once."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from xml.sax.saxutils import escape, quoteattr

from briefing.link.graph import Graph
from briefing.render.feedplan import TOPICS, feed_plan, feed_title
from briefing.render.i18n import strings

OPML_PATH = "feeds.opml"
_ATOM = b'<feed xmlns="http://www.w3.org/2005/Atom"'
_TITLE = re.compile(rb"<title>(.*?)</title>", re.S)


def is_feed(data: bytes) -> bool:
    return _ATOM in data[:200]


def feeds_opml(title: str, base_url: str,
               planned: Sequence[tuple[str, str, str, str]],
               topic_labels: Mapping[str, str], others: Mapping[str, bytes],
               other_label: str) -> bytes:
    """`planned`: (topic, path, title, page path) of the planned feeds; any other Atom
    feed among `others` (the outputs made outside the feed plan) is listed under
    `other_label`, with the title it carries."""
    groups: dict[str, list[tuple[str, str, str]]] = {}
    listed = set()
    for topic, path, name, page in planned:
        groups.setdefault(topic_labels.get(topic, other_label), []).append(
            (path, name, page))
        listed.add(path)
    for path in sorted(others):
        if path not in listed and path.endswith(".xml") and is_feed(others[path]):
            found = _TITLE.search(others[path])
            name = found.group(1).decode("utf-8") if found else path
            groups.setdefault(other_label, []).append((path, _unescape(name), ""))
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<opml version="2.0">',
             f"<head><title>{escape(title)}</title></head>", "<body>"]
    for label, feeds in groups.items():
        lines.append(f"<outline text={quoteattr(label)} title={quoteattr(label)}>")
        lines += [f'<outline type="rss" text={quoteattr(name)} title={quoteattr(name)} '
                  f"xmlUrl={quoteattr(base_url + path)} htmlUrl={quoteattr(base_url + page)}/>"
                  for path, name, page in feeds]
        lines.append("</outline>")
    lines += ["</body>", "</opml>"]
    return ("\n".join(lines) + "\n").encode("utf-8")


def _unescape(text: str) -> str:
    return (text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
            .replace("&apos;", "'").replace("&amp;", "&"))


def site_opml(graph: Graph, language: str, base_url: str, others: Mapping[str, bytes]
              ) -> bytes:
    """Every feed of the plan, and any other Atom feed among `others` (made by then)."""
    t = strings(language)
    planned = [(spec.topic, spec.path, feed_title(graph, spec, language), spec.page)
               for spec in feed_plan(graph)]
    return feeds_opml(f"{graph.site.title}: {t['feeds']}", base_url, planned,
                      {topic: t["feeds." + topic] for topic in TOPICS}, others,
                      t["feeds.other"])
