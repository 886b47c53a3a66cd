"""The outputs made after the pages (site files, data, the search index) and what they
keep between builds in .briefing/: the search index's state (search.state and its parts)
and the data units (render.data.KeptData).

Below build.py in the layers (docs/architecture.md): build.py's cold path and the warm
paths of incremental/ (persisted.py for `build`, rebuild.py for serve) call the same
steps here, so the search state is loaded and saved in one place. search/ never touches
.briefing/ itself (the layer rule keeps it from importing workdir/).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefing.core.routes import output_file
from briefing.link.graph import Graph
from briefing.render.data import KeptData, data_paths, render_data
from briefing.render.engine import RenderOptions
from briefing.render.feedset import feed_paths
from briefing.render.opml import OPML_PATH, site_opml
from briefing.render.pages import Page
from briefing.render.reads import Tracking
from briefing.render.sink import Entry, Sink
from briefing.render.sitefiles import site_files
from briefing.search import build_search_index
from briefing.search.scripts import script_files
from briefing.search.state import KIND as SEARCH_KIND
from briefing.search.state import PART_KIND as SEARCH_PART_KIND
from briefing.search.state import PARTS as SEARCH_PART_COUNT
from briefing.search.state import SearchState, join_plain, split_plain
from briefing.search.update import update_index
from briefing.workdir.cache import code_version
from briefing.workdir.packed import Notice, load_packed, save_packed
from briefing.workers.progress import Report, no_progress

SEARCH_STATE = "search.state"  # in .briefing/: the search index's state (search.state)
SEARCH_PARTS = "search"  # ... and its documents and postings, in parts, in this folder


def known_names(graph: Graph, pages: list[Page], assets: dict[str, bytes]) -> set[str]:
    """The outputs whose names are known before any page is rendered."""
    known = {*assets, *data_paths(graph), *feed_paths(graph), "sitemap.xml", "robots.txt",
             OPML_PATH}
    known.update(output_file(page.path) for page in pages)
    return known


@dataclass(slots=True)
class Kept:
    """What the data files and the search index keep for the next build: the search
    state (search.state), the data units (render.data.KeptData), and the graph they were
    made from (the caller compares it with the next one)."""

    search: SearchState | None = None
    data: KeptData = field(default_factory=KeptData)
    graph: Graph | None = None


def search_index(graph: Graph, language: str, previous: SearchState | None,
                 changed: set[Any] | None, jobs: int) -> tuple[dict[str, bytes], SearchState]:
    """The search index files and the state for the next build, from the last build's
    state (None: index everything) and what changed in the graph since (None: unknown)."""
    state = update_index(graph, language, previous, changed, jobs=jobs)
    return dict(state.caches.files), state


def load_search_state(work_path: Path, notice: Notice) -> SearchState | None:
    """The state `save_search_state` left in .briefing/, or None (with a notice when a
    file is there but is not usable)."""
    head = load_packed(work_path / SEARCH_STATE, SEARCH_KIND, code_version(), notice)
    if head is None:
        return None
    parts = {n: load_packed(work_path / SEARCH_PARTS / f"{n:02d}.state", SEARCH_PART_KIND,
                            code_version(), notice) for n in range(SEARCH_PART_COUNT)}
    state = join_plain(head, {n: part for n, part in parts.items() if part is not None})
    if state is None:
        notice(f"{work_path / SEARCH_STATE}: ignored, not a search index state (or not "
               f"the one of {work_path / SEARCH_PARTS}); building without it")
    return state


def save_search_state(work_path: Path, state: SearchState) -> None:
    """The head and the parts that changed since the state was loaded (search.state)."""
    head, parts = split_plain(state)
    for n, part in sorted(parts.items()):  # the head last: it names the parts' saves
        save_packed(work_path / SEARCH_PARTS / f"{n:02d}.state", SEARCH_PART_KIND,
                    code_version(), part)
    save_packed(work_path / SEARCH_STATE, SEARCH_KIND, code_version(), head)


def data_files(graph: Graph, kept: Kept | None = None, changed: set[Any] | None = None,
               tracking: Tracking | None = None,
               put: Callable[[dict[str, bytes]], object] | None = None) -> dict[str, bytes]:
    """The data files (render.data), the kept units of `kept.data` reused and updated
    (`put`: where each unit's files go as made, none returned)."""
    return render_data(graph, kept.data if kept else None, changed, tracking, put)


def outputs_after_pages(graph: Graph, settings: RenderOptions, pages: list[Page],
                        search_jobs: int, progress: Report = no_progress,
                        kept: Kept | None = None, changed: set[Any] | None = None,
                        tracking: Tracking | None = None, data: dict[str, bytes] | None = None
                        ) -> dict[str, bytes]:
    """Site files, data and the search index: made once the pages are done, so the two
    big phases never overlap. With `kept` (updated here), only the data units and search
    documents that `changed` touched are made again (None: every one is compared).
    `data`: the data files, when made already (data_files, while the pages render)."""
    others = site_files(pages, settings.base_url)
    others.update(data if data is not None else data_files(graph, kept, changed, tracking))
    others[OPML_PATH] = site_opml(graph, settings.language, settings.base_url, others)
    progress("search index", 0, 0)
    if kept is None:
        index = build_search_index(graph, settings.language, jobs=search_jobs)
    else:  # a failed update leaves nothing half made behind
        previous, kept.search, kept.graph = kept.search, None, None
        index, kept.search = search_index(graph, settings.language, previous, changed,
                                          search_jobs)
        kept.graph = graph
    others.update(index)
    if settings.file_urls:  # a site opened from disk loads its index as scripts
        others.update(script_files(index))
    return others


def put_all(sink: Sink, outputs: dict[str, bytes], same: set[str] | None = None
            ) -> tuple[int, list[Entry]]:
    """Put every output into the sink; how many were written, and their stamp entries
    (`same`, if given, gets the outputs whose bytes the sink had already)."""
    written, entries = 0, []
    for path in sorted(outputs):
        put = sink.put(path, outputs[path])
        written += put
        if same is not None and not put:
            same.add(path)
        entries.append(sink.entry(path))
    return written, entries
