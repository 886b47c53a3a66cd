"""Related briefings: ranked by shared carriers and entities (an entity weighs more)
and nearness in time, without an O(n^2) scan."""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable
from heapq import nlargest

from briefing.validate.model import Article

RELATED_LIMIT = 5

# What one article's related list is made from: per node it shares, the node, its weight
# and the neighbours scored (the window). The ranking also uses positions in the order.
RelatedInputs = tuple[tuple[str, int, list[str]], ...]
# (order, position in it, the article, its inputs) -> its related list
Rank = Callable[[tuple[str, ...], dict[str, int], str, RelatedInputs], tuple[str, ...]]


def rank_related(order: tuple[str, ...], position: dict[str, int], slug: str,
                 made: RelatedInputs) -> tuple[str, ...]:
    """One article's related list from its inputs."""
    here = position[slug]
    scores: defaultdict[str, int] = defaultdict(int)  # C-level default, unlike Counter
    for _node, weight, group in made:
        for other in group:
            if other != slug:
                scores[other] += weight
    # Only candidates that can make the list are ranked, as plain tuples (sorted in C).
    cutoff = nlargest(RELATED_LIMIT, scores.values())[-1] if scores else 0
    ranked = sorted((-score, abs(position[other] - here), other)
                    for other, score in scores.items() if score >= cutoff)
    return tuple(other for _, _, other in ranked[:RELATED_LIMIT])


def related_lists(articles: dict[str, Article], order: tuple[str, ...],
                  mentions: dict[str, set[str]], rank: Rank = rank_related
                  ) -> dict[str, tuple[str, ...]]:
    """Every article's related list; each is made by `rank` from bounded inputs."""
    by_node: dict[str, list[str]] = defaultdict(list)
    for slug in order:
        for node in sorted(mentions[slug]):
            by_node[node].append(slug)
    position = {slug: n for n, slug in enumerate(order)}
    related: dict[str, tuple[str, ...]] = {}
    for slug in order:
        here = position[slug]
        carriers_here = {r.id for r in articles[slug].carriers}
        windows = []
        for node in sorted(mentions[slug]):
            group = by_node[node]
            # Only the neighbours in time within each shared node: bounded work per article.
            if len(group) > 40:
                index = bisect_left(group, here, key=position.__getitem__)
                group = group[max(0, index - 20): index + 20]
            windows.append((node, 1 if node in carriers_here else 3, group))
        related[slug] = rank(order, position, slug, tuple(windows))
    return related
