"""Run a function over chunks of work in forked worker processes, results in order.

Workers are forked, so the read-only state they need (the site graph, options) is
inherited rather than pickled; only each chunk's results travel back.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

# The state a forked worker inherited; set once per worker by the pool initializer.
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


def _call(func: Callable[[dict[str, Any], Any], Any], chunk: Any) -> Any:
    return func(_WORKER_STATE, chunk)


def map_chunks(func: Callable[[dict[str, Any], Sequence[T]], R], items: Sequence[T],
               state: dict[str, Any], jobs: int, min_items: int = 200) -> list[R]:
    """func(state, chunk) over chunks of items; serial when small or jobs == 1."""
    if jobs <= 1 or len(items) < min_items or "fork" not in multiprocessing.get_all_start_methods():
        local = dict(state)
        return [func(local, chunk) for chunk in chunked(items, 1)]
    # Several chunks per worker balance uneven pages; order is kept by starmap.
    chunks = chunked(items, jobs * 4)
    context = multiprocessing.get_context("fork")
    with context.Pool(jobs, initializer=_init, initargs=(state,)) as pool:
        return pool.starmap(_call, [(func, chunk) for chunk in chunks])
