"""What a long-lived build (serve) keeps between builds, so an edit re-renders only the
pages that show something it changed (see briefing.incremental.tracking)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib.resources.abc import Traversable
from typing import cast

import jinja2

from briefing.core.routes import output_file
from briefing.incremental.pagestate import PageState
from briefing.incremental.relink import Linked
from briefing.incremental.stamps import LastRead
from briefing.incremental.tracking import Read, Reads, TrackedGraph, changed_reads
from briefing.kept import Kept
from briefing.link.graph import Graph
from briefing.render.linkcheck import LateRef
from briefing.render.pages import Page, plan_units
from briefing.render.templates import make_environment


@dataclass
class BuildMemory:
    read: LastRead = field(default_factory=LastRead)  # the checked files and their stamps
    linked: Linked | None = None  # the last link (of any build)
    graph: Graph | None = None  # the last good build's
    pages: dict[str, Page] = field(default_factory=dict)  # its plan, by site path
    # its plan in parts (see plan_units): what each part read, and its pages
    units: dict[str, tuple[frozenset[Read], tuple[Page, ...]]] = field(default_factory=dict)
    reads: dict[str, frozenset[Read]] = field(default_factory=dict)  # what each page read
    outputs: dict[str, bytes] = field(default_factory=dict)  # every output it made
    full: bool = True  # render every page next time (templates changed, nothing kept)
    environment: jinja2.Environment | None = None  # the templates, compiled, until `full`
    after: Kept = field(default_factory=Kept)  # the data files' and search index's state
    # what an earlier process kept (see resume.py), until this process's first good build
    kept: PageState | None = None
    late: dict[str, list[LateRef]] = field(default_factory=dict)  # links checked last, by page
    cached: frozenset[str] = frozenset()  # the keys of the checked files kept on disk

    def templates(self, root: Traversable) -> jinja2.Environment:
        """The compiled templates: made again when they may have changed (`full`)."""
        if self.full or self.environment is None:
            self.environment = make_environment(root)
        return self.environment

    def changes(self, graph: Graph) -> set[Read] | None:
        """What changed since the last good build; None when every page must be
        rendered."""
        if self.full or self.graph is None:
            return None
        return changed_reads(self.graph, graph)

    def plan(self, graph: Graph, language: str, changed: set[Read] | None
             ) -> tuple[list[Page], dict[str, tuple[frozenset[Read], tuple[Page, ...]]]]:
        """Every page, and the plan's parts with what each read (for `remember`): parts
        that read nothing that changed are taken from the last build."""
        reads = Reads()
        view = cast(Graph, TrackedGraph(graph, reads))
        pages: list[Page] = []
        units: dict[str, tuple[frozenset[Read], tuple[Page, ...]]] = {}
        for key, make in plan_units(graph, language):
            kept = self.units.get(key) if changed is not None else None
            if kept is not None and kept[0].isdisjoint(changed or ()):
                units[key] = kept
            else:
                reads.take()
                made = tuple(make(view))
                units[key] = (reads.take(), made)
            pages.extend(units[key][1])
        return pages, units

    def pick(self, changed: set[Read], pages: list[Page], feeds: Iterable[str]) -> set[str]:
        """The pages (by site path) and feeds to render: new ones, pages planned
        differently, and those that read something that changed."""
        stale = {page.path for page in pages
                 if (old := self.pages.get(page.path)) is not page and old != page}
        return stale | {path for path in (*(page.path for page in pages), *feeds)
                        if self.reads.get(path) is None
                        or not self.reads[path].isdisjoint(changed)}

    def with_kept_pages(self, made: dict[str, bytes], pages: list[Page], feeds: list[str],
                        partial: bool) -> dict[str, bytes]:
        """This build's outputs, with the pages and feeds it kept from the last one."""
        outputs = dict(made)
        if partial:
            for path in (*(output_file(page.path) for page in pages), *feeds):
                if path not in outputs:
                    outputs[path] = self.outputs[path]
        return outputs

    def remember(self, graph: Graph, outputs: dict[str, bytes], pages: list[Page],
                 feeds: list[str], reads: dict[str, frozenset[Read]],
                 units: dict[str, tuple[frozenset[Read], tuple[Page, ...]]]) -> None:
        """Keep this good build: every output of the site (kept pages included), its plan
        and what each page and feed read."""
        self.units = units
        planned = {*(page.path for page in pages), *feeds}
        self.reads = {path: read for path, read in (self.reads | reads).items()
                      if path in planned}
        self.graph, self.outputs, self.full = graph, outputs, False
        self.pages = {page.path: page for page in pages}
        self.kept = None
