"""A long-lived build (serve) across sessions: it starts from what .briefing/ kept (the
checked files, and what each output of its folder read) and keeps its memory there when
it stops, so its first build re-renders only what changed in between."""

from __future__ import annotations

from pathlib import Path

from briefing.build import BuildOptions
from briefing.incremental.memory import BuildMemory
from briefing.incremental.pagestate import (
    Digests,
    config_of,
    load_state,
    next_state,
    save_state,
    state_file,
    usable,
)
from briefing.workdir.cache import load_cache, save_cache
from briefing.workdir.skip import output_stamp
from briefing.write.staging import MARKER


def _files(folder: Path) -> dict[str, bytes]:
    found: dict[str, bytes] = {}
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            found[path.relative_to(folder).as_posix()] = path.read_bytes()
    found.pop(MARKER, None)
    return found


def resume(memory: BuildMemory, options: BuildOptions, folder: Path) -> None:
    """Fill a new memory from options.cache_path: the checked files, and, when `folder`
    is as the last session left it, its outputs and what each one read."""
    cache = options.cache_path
    if cache is None or options.fresh:
        return
    memory.read.checked = load_cache(cache, options.notice)
    memory.cached = frozenset(memory.read.checked)
    state = usable(load_state(state_file(cache, folder), options.notice), config_of(options),
                   folder)
    if state is None:
        return
    try:
        outputs = _files(folder)
    except OSError:
        return
    memory.kept, memory.outputs = state, outputs
    memory.reads = {path: frozenset(state.reads[i] for i in ids)
                    for path, ids in state.outputs.items()}
    for ref in state.late:
        memory.late.setdefault(ref.page, []).append(ref)


def suspend(memory: BuildMemory, options: BuildOptions, folder: Path) -> None:
    """Keep the last good build of this session in options.cache_path; `folder` holds
    its outputs, exactly (the caller knows nothing was written there since)."""
    cache, graph = options.cache_path, memory.graph
    if cache is None or graph is None:
        return
    checked = memory.read.checked
    save_cache(cache, checked, memory.cached)
    memory.cached = frozenset(checked)
    digests = Digests(graph, {id(item.result): key for key, item in checked.items()
                              if item.result is not None})
    late = [ref for refs in memory.late.values() for ref in refs]
    # a page's plan is made from what its part of the plan read: that counts too
    plan = {page.path: reads for reads, made in memory.units.values() for page in made}
    made = {path: reads | plan.get(path, frozenset()) for path, reads in memory.reads.items()}
    save_state(state_file(cache, folder),
               next_state(config_of(options), str(folder.resolve()), output_stamp(folder),
                          None, digests, made, set(made), late))
