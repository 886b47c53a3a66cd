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
import signal
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any, Generic, TypeVar, cast

from briefing.workers.gc import release_free_memory
from briefing.workers.lifeline import die_with, orphaned

T = TypeVar("T")
R = TypeVar("R")
Progress = Callable[[int, int], None]  # (chunks done, chunks in all)
# What one process does with a chunk; made once per process by the job's `start`, so
# whatever it sets up (a parser, compiled templates) is its own.
Worker = Callable[[Sequence[T]], R]


@dataclass(frozen=True, slots=True)
class _Shared(Generic[T, R]):
    """What a forked helper inherits: the job's start, the chunks and the counters."""

    start: Callable[[], Worker[T, R]]
    chunks: Sequence[Sequence[T]]
    counter: Any  # multiprocessing.Value: the next chunk to take
    finished: Any  # multiprocessing.Value: chunks done


class WorkerDied(RuntimeError):
    """A forked helper ended without sending back its chunks (killed, out of memory)."""


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def chunked(items: Sequence[T], chunks: int) -> list[Sequence[T]]:
    size = max(1, -(-len(items) // max(1, chunks)))
    return [items[i:i + size] for i in range(0, len(items), size)]


def _drain(work: Worker[T, R], shared: _Shared[T, R], progress: Progress | None = None,
           parent: int | None = None) -> list[tuple[int, R]]:
    """Take chunks from the shared counter until none are left (in a helper, `parent`:
    the build's pid, and none once it is gone)."""
    done: list[tuple[int, R]] = []
    chunks, counter, finished = shared.chunks, shared.counter, shared.finished
    while True:
        if parent is not None and orphaned(parent):  # a helper whose build is gone
            os._exit(1)
        with counter.get_lock():
            index = counter.value
            counter.value += 1
        if index >= len(chunks):
            return done
        done.append((index, work(chunks[index])))
        with finished.get_lock():
            finished.value += 1
        if progress is not None:
            progress(finished.value, len(chunks))


def _helper(shared: _Shared[Any, Any], reply: Connection, parent: int) -> None:
    """A forked helper's life: its chunks' results, or its exception, sent back once."""
    die_with(parent)
    try:
        message: tuple[bool, Any] = (True, _drain(shared.start(), shared, parent=parent))
    except BaseException as exc:  # raised again in the calling process
        message = (False, exc)
    try:
        reply.send(message)
    except Exception as exc:  # an exception that does not pickle is sent as text
        reply.send((False, RuntimeError(f"{type(exc).__name__}: {exc}")))
    reply.close()


def _ended(process: BaseProcess) -> str:
    code = process.exitcode
    if code is not None and code < 0:
        name = signal.Signals(-code).name if -code in signal.valid_signals() else str(-code)
        why = " (the system may have run out of memory)" if -code == signal.SIGKILL else ""
        return f"was killed by {name}{why}"
    return f"exited with code {code}"


def _collect(process: BaseProcess, reply: Connection, shared: _Shared[Any, Any],
             progress: Progress | None) -> list[tuple[int, Any]]:
    """A helper's results; WorkerDied if it ended without sending them."""
    while not reply.poll(0.2):  # a helper that is gone makes its pipe readable (EOF)
        if progress is not None:
            progress(shared.finished.value, len(shared.chunks))
    try:
        ok, value = reply.recv()
    except (EOFError, OSError) as exc:
        process.join()
        raise WorkerDied(f"a worker process (pid {process.pid}) {_ended(process)} "
                         "before sending back its work; the build stopped") from exc
    if not ok:
        raise value
    return cast(list[tuple[int, Any]], value)


def map_chunks(start: Callable[[], Worker[T, R]], items: Sequence[T], jobs: int,
               min_items: int = 200, meanwhile: Callable[[], object] | None = None,
               progress: Progress | None = None) -> list[R]:
    """start()(chunk) over chunks of items; serial when small or jobs == 1.

    `meanwhile` runs in this process once the helpers have started (before it takes
    chunks itself): work that needs no copy of its own. `progress(done, total)` hears
    of finished chunks. A helper that dies raises WorkerDied here (its chunks are lost)."""
    if jobs <= 1 or len(items) < min_items or "fork" not in multiprocessing.get_all_start_methods():
        work = start()
        results = []
        chunks = chunked(items, 16 if progress is not None else 1)
        for number, chunk in enumerate(chunks, 1):
            results.append(work(chunk))
            if progress is not None:
                progress(number, len(chunks))
        if meanwhile is not None:
            meanwhile()
        return results
    # A forked helper's RSS starts as this process's: free heap pages are not copied.
    release_free_memory()
    # Several chunks per process balance uneven pages (and make progress visible).
    context = multiprocessing.get_context("fork")
    shared = _Shared(start, chunked(items, jobs * 8), context.Value("i", 0),
                     context.Value("i", 0))
    helpers: list[tuple[BaseProcess, Connection]] = []
    collected = False
    try:
        for _ in range(jobs - 1):
            receive, send = context.Pipe(duplex=False)
            helper = context.Process(target=_helper, args=(shared, send, os.getpid()),
                                     daemon=True)
            helper.start()
            send.close()  # this process only receives: EOF once the helper is gone
            helpers.append((helper, receive))
        if meanwhile is not None:
            meanwhile()
        done = _drain(start(), shared, progress)
        for process, receive in helpers:
            done += _collect(process, receive, shared, progress)
        collected = True
    finally:  # helpers that sent their work exit at once; any other is stopped
        for process, receive in helpers:
            process.join(5 if collected else 0)
            if process.is_alive():
                process.kill()
                process.join()
            receive.close()
    return [result for _, result in sorted(done, key=lambda pair: pair[0])]
