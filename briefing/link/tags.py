"""Which briefings carry each tag (tags have no pages; their feeds list these). Pure."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from briefing.validate.model import Article


def tag_articles(articles: dict[str, Article], newest_first: Iterable[str]
                 ) -> dict[str, tuple[str, ...]]:
    """tag -> the briefings carrying it, newest first; tags in id order."""
    by_tag: dict[str, list[str]] = defaultdict(list)
    for slug in newest_first:
        for tag in articles[slug].tags:
            by_tag[tag].append(slug)
    return {tag: tuple(by_tag[tag]) for tag in sorted(by_tag)}
