"""The page plan's parts, kept in .briefing/ for the next build and check.

Making the plan (render.pages.plan_units) means making every part's pages, which reads
most of the graph: a sixth of a build after a one-line edit at 10,000 articles. What a
part's pages are depends on what it read from the graph and on nothing else but the
options, templates and site.yaml (the state's `config`). So a build keeps, by part key,
its pages (site path, template, and the briefing a briefing's page shows, by id) and what
the part read, with a short digest of each value (pagestate.Digests); the next build
takes every part whose reads digest the same as it was, and makes again only the others
and the new parts. A kept part's pages are made again from the graph where one of them
is rendered (render.plan.LazyPlan), as in a cold build.

The file is a workdir.packed state (MessagePack, never pickle), trusted only with this
tool version and the same `config`; any other shape and it is ignored whole, with a
one-line notice.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from briefing.incremental.pagestate import (
    Digests,
    ids_from_bytes,
    ids_of,
    ids_to_bytes,
    kept_read,
    plain_read,
    state_file,
    typed_read,
)
from briefing.incremental.tracking import Read, Reads, TrackedGraph
from briefing.link.graph import Graph
from briefing.render.pages import Page
from briefing.render.plan import LazyPlan, stub_page
from briefing.workdir.cache import code_version
from briefing.workdir.packed import Notice, load_decoded, quiet, save_packed
from briefing.workdir.plain import Malformed

KIND = "page-plan"
Stub = tuple[str, str, str]  # a page as kept: site path, template, briefing id or ""


@dataclass(slots=True)
class PlanState:
    config: str  # as pagestate.config_of: options, templates, site.yaml
    reads: list[Read]  # every read of every part, interned: parts refer to them by index
    digests: list[bytes]  # the value of each read, when saved
    units: dict[str, tuple[array[int], list[Stub]]]  # part key -> its read ids, its pages


def plan_file(cache_path: Path, out_path: Path | None) -> Path:
    """Beside the page state of the same output folder, named alike."""
    pages = state_file(cache_path, out_path)
    return pages.with_name(pages.name.replace("pages-", "plan-", 1))


def save_plan(path: Path, state: PlanState) -> None:
    value = {"config": state.config, "reads": [plain_read(read) for read in state.reads],
             "digests": state.digests,
             "units": {key: [ids_to_bytes(ids), [list(stub) for stub in stubs]]
                       for key, (ids, stubs) in state.units.items()}}
    save_packed(path, KIND, code_version(), value)


def _text(value: Any) -> str:
    if type(value) is not str:
        raise Malformed("a text")
    return value


def _stubs(value: Any) -> list[Stub]:
    if type(value) is not list:
        raise Malformed("a part's pages")
    stubs = []
    for item in value:
        if type(item) is not list or len(item) != 3:
            raise Malformed("a page")
        stubs.append((_text(item[0]), _text(item[1]), _text(item[2])))
    return stubs


def _decode(value: Any) -> PlanState:
    if type(value) is not dict:
        raise Malformed("not a map")
    reads = [typed_read(item) for item in value["reads"]]
    digests = value["digests"]
    if type(digests) is not list or len(digests) != len(reads) \
            or not all(type(item) is bytes for item in digests):
        raise Malformed("one digest per read")
    units = value["units"]
    if type(units) is not dict:
        raise Malformed("parts")
    decoded: dict[str, tuple[array[int], list[Stub]]] = {}
    for key, unit in units.items():
        if type(unit) is not list or len(unit) != 2:
            raise Malformed("a part")
        decoded[_text(key)] = (ids_from_bytes(unit[0], len(reads)), _stubs(unit[1]))
    return PlanState(_text(value["config"]), reads, digests, decoded)


def load_plan(path: Path, config: str, notice: Notice = quiet) -> PlanState | None:
    """The plan a build kept, when made with this `config`; None otherwise (with a notice
    when the file is there but is not one)."""
    state = load_decoded(path, KIND, code_version(), _decode, notice)
    return state if state is not None and state.config == config else None


@dataclass(slots=True)
class Planned:
    """The plan of one build: the plan itself, each page's part (by site path), and every
    part with what it read, as ids into `reads` (a set of tuples a part was a tenth of the
    build process at 10,000 articles, counted again in every forked page worker); the
    kept state's reads come first in it, so a kept part's ids stay as they were."""

    plan: LazyPlan
    state: PlanState | None = None
    part_of: dict[str, str] = field(default_factory=dict)  # page site path -> part key
    units: dict[str, tuple[array[int], list[Stub]]] = field(default_factory=dict)
    made: int = 0  # parts made again (not kept)
    reads: list[Read] = field(default_factory=list)  # every read a part's ids name
    numbers: dict[Read, int] = field(default_factory=dict)  # the new ones', by read

    def part_reads(self, key: str) -> frozenset[Read]:
        table = self.reads
        return frozenset(table[number] for number in self.units[key][0])

    def ids(self, reads: frozenset[Read]) -> array[int]:
        """`reads` as ids into `reads`, the new ones added."""
        numbers, table = self.numbers, self.reads
        for read in reads:
            if read not in numbers:
                numbers[read] = len(table)
                table.append(read)
        return ids_of(sorted(numbers[read] for read in reads))

    def reads_of(self, path: str) -> frozenset[Read]:
        """What the part of the page at `path` read (a page's reads include these)."""
        return self.part_reads(self.part_of[path])


def _stub_of(page: Page) -> Stub:
    """A page as kept: what render.plan keeps of a page before rendering it."""
    stub = stub_page(page)
    article = stub.context.get("article")
    return (stub.path, stub.template, article.id if article is not None else "")


def plan_kept(graph: Graph, language: str, digests: Digests, state: PlanState | None
              ) -> Planned:
    """The lazy plan, taking the parts of `state` whose reads did not change and making
    the others through a recording view of the graph."""
    changed = digests.changed(state.reads, state.digests) if state is not None else set()
    recorder = Reads()
    planned = Planned(cast(LazyPlan, None), state,
                      reads=list(state.reads) if state is not None else [])

    def kept(key: str) -> list[Page] | None:
        unit = state.units.get(key) if state is not None else None
        if unit is None or not changed.isdisjoint(unit[0]):
            return None
        articles = graph.articles
        if any(stub[2] and stub[2] not in articles for stub in unit[1]):
            return None  # never so when the reads are the same, but not trusted
        pages = [Page(path, template, "", "", {"article": articles[slug]} if slug else {})
                 for path, template, slug in unit[1]]
        _record(planned, key, unit[0], unit[1], pages)
        return pages

    def made(key: str, pages: list[Page]) -> None:
        planned.made += 1
        _record(planned, key, planned.ids(recorder.take()), [_stub_of(page) for page in pages],
                pages)

    recorder.take()
    planned.plan = LazyPlan(graph, language, cast(Graph, TrackedGraph(graph, recorder)),
                            made, kept)
    planned.numbers = {}  # every part is made: no read is added any more
    return planned


def _record(planned: Planned, key: str, reads: array[int],
            stubs: list[Stub], pages: list[Page]) -> None:
    planned.units[key] = (reads, stubs)
    planned.part_of.update((page.path, key) for page in pages)


def next_plan(config: str, planned: Planned, digests: Digests) -> PlanState:
    """The state of this build's plan, every read digested in this build's graph."""
    table: dict[Read, int] = {}
    units: dict[str, tuple[array[int], list[Stub]]] = {}
    for key, (_, stubs) in planned.units.items():
        numbers = {table.setdefault(one, len(table))
                   for one in map(kept_read, planned.part_reads(key))}
        units[key] = (ids_of(sorted(numbers)), stubs)
    reads = list(table)
    return PlanState(config, reads, [digests.of(read) for read in reads], units)


# A plan state is saved again once this share of its parts was made again (or on a
# first build): until then the kept one stays right, only less used. A part is taken
# when its reads digest as they did when it was saved, whatever builds came between;
# the parts that read a value that changed since are made again each time.
RESAVE_SHARE = 20


def worth_saving(state: PlanState | None, planned: Planned) -> bool:
    """Whether to save this build's plan: none was kept, or many of its parts were made
    again (saving it at every edit would cost more than the parts it saves making)."""
    return state is None or planned.made * RESAVE_SHARE > len(planned.units)
