"""Forked workers for a batch of inputs: results come back in input order, as they come.

Workers are forked, so what they need (the inputs, the context, a loaded Kiwi) is
inherited rather than pickled; only results travel back, through one pipe per worker.
Chunks of inputs are handed out from shared counters, so a slow input holds up no other.
No thread is started here: a fork beside a running thread could deadlock.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.context import ForkContext
from typing import Any, Generic, TypeVar

from briefing.workers.lifeline import die_with, orphaned

J = TypeVar("J")
R = TypeVar("R")
_CHUNK = 4  # inputs a worker takes at a time


@dataclass(frozen=True, slots=True)
class _Share(Generic[J, R]):
    """What the workers inherit: the jobs, how to do one, and two groups of chunks of job
    indexes (those that need the late resource, then the others), each with a shared
    counter of the next chunk to take."""

    jobs: Sequence[J]
    do: Callable[[J], R]
    chunks: tuple[list[list[int]], list[list[int]]]
    counters: tuple[Any, Any]  # multiprocessing.Value('i')


def _done(share: _Share[J, R], index: int) -> R | BaseException:
    try:
        return share.do(share.jobs[index])
    except Exception as exc:  # raised again by the calling process, at this job
        try:
            pickle.dumps(exc)
        except Exception:
            return RuntimeError(f"{type(exc).__name__}: {exc}")
        return exc


def _serve(share: _Share[J, R], groups: tuple[int, ...], connection: Connection,
           parent: int) -> None:
    """One worker: take chunks of each group in turn until none is left, or until the
    calling process (`parent`) is gone."""
    die_with(parent)
    try:
        for group in groups:
            chunks, counter = share.chunks[group], share.counters[group]
            while not orphaned(parent):
                with counter.get_lock():
                    taken = counter.value
                    counter.value = taken + 1
                if taken >= len(chunks):
                    break
                connection.send([(i, _done(share, i)) for i in chunks[taken]])
    except (KeyboardInterrupt, BrokenPipeError):
        pass  # the calling process stops the batch and says why
    finally:
        connection.close()


def forked_map(do: Callable[[J], R], jobs: Sequence[J], late: Sequence[bool],
               prepare: Callable[[], object], workers: int, mp: ForkContext) -> Iterator[R]:
    """do(job) for every job in forked workers; the results in job order, as they come.

    Jobs marked `late` need what `prepare()` makes in this process before the workers that
    take them are forked (Kiwi: loading it takes a second or more, and forked workers share
    it). Meanwhile workers forked at once take the other jobs, on the cores the preparation
    leaves free; the late workers take theirs first, then help with the rest. The caller
    handles each result while the workers go on."""
    late_jobs = [i for i, wait_for in enumerate(late) if wait_for]
    early_jobs = [i for i, wait_for in enumerate(late) if not wait_for]
    share = _Share(jobs, do,
                   ([late_jobs[i:i + _CHUNK] for i in range(0, len(late_jobs), _CHUNK)],
                    [early_jobs[i:i + _CHUNK] for i in range(0, len(early_jobs), _CHUNK)]),
                   (mp.Value("i", 0), mp.Value("i", 0)))
    processes, connections = [], []

    def start(groups: tuple[int, ...]) -> None:
        receive, send = mp.Pipe(duplex=False)
        process = mp.Process(target=_serve, args=(share, groups, send, os.getpid()),
                             daemon=True)
        process.start()
        send.close()
        processes.append(process)
        connections.append(receive)

    finished = False
    try:
        if late_jobs and early_jobs:
            for _ in range(max(1, workers - 1)):  # the cores preparing leaves free
                start((1,))
        if late_jobs:
            prepare()
        for _ in range(workers):
            start((0, 1))
        yield from _in_order(share, connections)
        finished = True
    finally:
        for process in processes:
            if not finished:  # the caller stopped early, or a job raised
                process.terminate()
            process.join()


def _in_order(share: _Share[J, R], connections: list[Connection]) -> Iterator[R]:
    came: dict[int, R | BaseException] = {}
    next_index = 0
    while next_index < len(share.jobs):
        if next_index not in came:
            if connections:
                _receive(connections, came, None)
            else:  # every worker has ended without it: one was killed; do it here
                outcome = _done(share, next_index)
                came[next_index] = outcome
            continue
        result = came.pop(next_index)
        next_index += 1
        if isinstance(result, BaseException):
            raise result
        yield result
        _receive(connections, came, 0)  # what came meanwhile: a worker waits on a full pipe


def _receive(connections: list[Connection], came: dict[int, Any], timeout: float | None
             ) -> None:
    for connection in wait(connections, timeout):
        assert isinstance(connection, Connection)
        try:
            came.update(connection.recv())
        except EOFError:
            connections.remove(connection)
            connection.close()
