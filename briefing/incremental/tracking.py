"""What each page reads from the site graph, so an edit re-renders only the pages that
show something it changed.

Templates (including users' own) reach into the graph through `g` and the helpers; a
tracked view records every lookup as (field, key), or (field, "*") for a whole field
(iteration, length, a tuple). Comparing two graphs field by field gives the changed
(field, key) pairs; a page is stale when its reads meet them or its planned Page differs.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping
from typing import Any

from briefing.link.graph import Graph

ALL = "*"  # never an id: ids are slugs
Read = tuple[str, Any]
_MISSING = object()


class Reads:
    """The reads of the page being rendered; nested scopes for memoised fragments."""

    def __init__(self) -> None:
        self._scopes: list[set[Read]] = [set()]

    def add(self, read: Read) -> None:
        self._scopes[-1].add(read)

    def add_all(self, reads: frozenset[Read]) -> None:
        self._scopes[-1].update(reads)

    def push(self) -> None:
        self._scopes.append(set())

    def pop(self) -> frozenset[Read]:
        """End a nested scope; its reads also count for the enclosing one."""
        inner = self._scopes.pop()
        self._scopes[-1].update(inner)
        return frozenset(inner)

    def take(self) -> frozenset[Read]:
        """The page's reads; starts the next page."""
        reads = frozenset(self._scopes[0])
        self._scopes = [set()]
        return reads


class TrackedMap(Mapping[Any, Any]):
    def __init__(self, data: dict[Any, Any], name: str, reads: Reads) -> None:
        self._data, self._name, self._reads = data, name, reads

    def __getitem__(self, key: Any) -> Any:
        self._reads.add((self._name, key))
        return self._data[key]

    def __contains__(self, key: object) -> bool:
        self._reads.add((self._name, key))
        return key in self._data

    def get(self, key: Any, default: Any = None) -> Any:
        self._reads.add((self._name, key))
        return self._data.get(key, default)

    def __iter__(self) -> Iterator[Any]:
        self._reads.add((self._name, ALL))
        return iter(self._data)

    def __len__(self) -> int:
        self._reads.add((self._name, ALL))
        return len(self._data)


class TrackedGraph:
    """The graph as templates see it, recording what they look up."""

    def __init__(self, graph: Graph, reads: Reads) -> None:
        self._graph, self._reads = graph, reads

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._graph, name)
        if isinstance(value, dict):
            # kept: a map records its own reads, so later lookups need not come here
            tracked = self.__dict__[name] = TrackedMap(value, name, self._reads)
            return tracked
        self._reads.add((name, ALL))
        return value


def changed_reads(old: Graph, new: Graph) -> set[Read] | None:
    """The (field, key) pairs whose value differs between two graphs, with (field, "*")
    for every field that changed at all; None when the site settings changed (every
    page shows them)."""
    if old.site != new.site:
        return None
    changed: set[Read] = set()
    for item in dataclasses.fields(Graph):
        before, after = getattr(old, item.name), getattr(new, item.name)
        if before is after:
            continue
        if isinstance(before, dict) and isinstance(after, dict):
            keys = {key for key in before.keys() | after.keys()
                    if (old_value := before.get(key, _MISSING))
                    is not (new_value := after.get(key, _MISSING))
                    and old_value != new_value}
            if keys:
                changed.update((item.name, key) for key in keys)
                changed.add((item.name, ALL))
        elif before != after:
            changed.add((item.name, ALL))
    return changed
