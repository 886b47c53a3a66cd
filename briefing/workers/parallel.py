"""Run a function over chunks of work on every core, results in order.

The calling process works too, beside jobs - 1 forked helpers: one process fewer holds a
copy of the site. Helpers are forked, so the read-only state they need (the site graph,
options) is inherited rather than pickled; only their chunks' results travel back.
Chunks are handed out one at a time from a shared counter, so a slow chunk does not
hold up the others.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")
Progress = Callable[[int, int], None]  # (chunks done, chunks in all)

# The state a forked helper inherited; set once per helper by the pool initializer.
_WORKER_STATE: dict[str, Any] = {}


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def chunked(items: Sequence[T], chunks: int) -> list[Sequence[T]]:
    size = max(1, -(-len(items) // max(1, chunks)))
    return [items[i:i + size] for i in range(0, len(items), size)]


def _init(state: dict[str, Any]) -> None:
    _WORKER_STATE.clear()
    _WORKER_STATE.update(state)


def _drain(func: Callable[[dict[str, Any], Any], Any], state: dict[str, Any],
           chunks: Sequence[Any], counter: Any, finished: Any,
           progress: Progress | None = None) -> list[tuple[int, Any]]:
    """Take chunks from the shared counter until none are left."""
    done: list[tuple[int, Any]] = []
    while True:
        with counter.get_lock():
            index = counter.value
            counter.value += 1
        if index >= len(chunks):
            return done
        done.append((index, func(state, chunks[index])))
        with finished.get_lock():
            finished.value += 1
        if progress is not None:
            progress(finished.value, len(chunks))


def _helper(func: Callable[[dict[str, Any], Any], Any]) -> list[tuple[int, Any]]:
    state = _WORKER_STATE
    return _drain(func, state, state["__chunks"], state["__counter"], state["__finished"])


def map_chunks(func: Callable[[dict[str, Any], Sequence[T]], R], items: Sequence[T],
               state: dict[str, Any], jobs: int, min_items: int = 200,
               meanwhile: Callable[[], object] | None = None,
               progress: Progress | None = None) -> list[R]:
    """func(state, chunk) over chunks of items; serial when small or jobs == 1.

    `meanwhile` runs in this process once the helpers have started (before it takes
    chunks itself): work that needs no copy of its own. `progress(done, total)` hears
    of finished chunks."""
    if jobs <= 1 or len(items) < min_items or "fork" not in multiprocessing.get_all_start_methods():
        local = dict(state)
        results = []
        chunks = chunked(items, 16 if progress is not None else 1)
        for number, chunk in enumerate(chunks, 1):
            results.append(func(local, chunk))
            if progress is not None:
                progress(number, len(chunks))
        if meanwhile is not None:
            meanwhile()
        return results
    # Several chunks per process balance uneven pages (and make progress visible).
    chunks = chunked(items, jobs * 8)
    context = multiprocessing.get_context("fork")
    counter, finished = context.Value("i", 0), context.Value("i", 0)
    shared = {**state, "__chunks": chunks, "__counter": counter, "__finished": finished}
    with context.Pool(jobs - 1, initializer=_init, initargs=(shared,)) as pool:
        pending = [pool.apply_async(_helper, (func,)) for _ in range(jobs - 1)]
        if meanwhile is not None:
            meanwhile()
        done = _drain(func, dict(state), chunks, counter, finished, progress)
        for handle in pending:
            while not handle.ready():
                handle.wait(0.2)
                if progress is not None:
                    progress(finished.value, len(chunks))
            done += handle.get()
    return [result for _, result in sorted(done, key=lambda pair: pair[0])]
