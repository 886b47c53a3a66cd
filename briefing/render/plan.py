"""The page plan of a cold build, made again page by page where it is rendered.

Every Page holds its context and JSON-LD: about 4 KB an article, 400 MB at 100,000
articles, held by the build process and counted again in every forked page worker. A
LazyPlan keeps only each page's part of the plan (see pages.plan_units) and a light copy
of what the sitemap and the link check need; a worker makes a part's pages again when it
renders them. Making the plan is pure, so both makings give the same pages.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterator, Sequence
from typing import overload

from briefing.link.graph import Graph
from briefing.render.pages import Page, PlanUnit, plan_units


def stub_page(page: Page) -> Page:
    """What is read of a page before it is rendered: its path and template, and for a
    briefing's page the briefing (the sitemap's lastmod)."""
    article = page.context.get("article") if page.template == "article.html" else None
    return Page(page.path, page.template, "", "", {"article": article} if article else {})


class LazyPlan(Sequence[Page]):
    """plan_pages(graph, language) as a sequence that makes each page when it is read.

    `stubs` are the planned pages without their context; reading page i makes its part
    of the plan again (the last part made is kept, since workers read pages in order).
    The first making may go through `view` (a recording view of the graph), with
    `made(key, pages)` called after each part: what a build that keeps each part's reads
    needs, while the pages are made again from the graph itself. `kept(key)` may give a
    part's stubs without making it (a part kept from the last build, whose reads did not
    change: briefing.incremental.planstate)."""

    def __init__(self, graph: Graph, language: str, view: Graph | None = None,
                 made: Callable[[str, list[Page]], object] | None = None,
                 kept: Callable[[str], list[Page] | None] | None = None) -> None:
        self.graph = graph
        self.units: list[PlanUnit] = plan_units(graph, language)
        self.stubs: list[Page] = []
        self._unit = array("i")  # page index -> its unit
        self._first = array("i")  # unit index -> its first page's index
        for number, (key, make) in enumerate(self.units):
            self._first.append(len(self.stubs))
            stubs = kept(key) if kept is not None else None
            if stubs is None:
                pages = list(make(view if view is not None else graph))
                if made is not None:
                    made(key, pages)
                stubs = [stub_page(page) for page in pages]
            for page in stubs:
                self.stubs.append(page)
                self._unit.append(number)
        self._made: tuple[int, list[Page]] = (-1, [])

    def __len__(self) -> int:
        return len(self.stubs)

    @overload
    def __getitem__(self, index: int) -> Page: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Page]: ...

    def __getitem__(self, index: int | slice) -> Page | Sequence[Page]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        index = range(len(self))[index]  # negative indexes, and IndexError
        number = self._unit[index]
        if self._made[0] != number:
            self._made = (number, self.units[number][1](self.graph))
        return self._made[1][index - self._first[number]]

    def __iter__(self) -> Iterator[Page]:
        for index in range(len(self)):
            yield self[index]
