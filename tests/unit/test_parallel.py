"""Forked chunk workers: results in order whatever the workers, a helper's exception raised
in the caller, a helper that dies a clear WorkerDied (never a hang)."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Callable, Sequence

import pytest

from briefing.workers.parallel import WorkerDied, map_chunks


def _doubler() -> Callable[[Sequence[int]], list[int]]:
    return lambda chunk: [2 * n for n in chunk]


@pytest.mark.parametrize("jobs", [1, 2, 3])
def test_results_come_back_in_order_whatever_the_workers(jobs: int) -> None:
    chunks = map_chunks(_doubler, range(500), jobs)
    assert [n for chunk in chunks for n in chunk] == [2 * n for n in range(500)]


def _failing_in_helpers(parent: int) -> Callable[[], Callable[[Sequence[int]], list[int]]]:
    def start() -> Callable[[Sequence[int]], list[int]]:
        if os.getpid() != parent:
            raise KeyError("only in the helper")
        return lambda chunk: list(chunk)
    return start


def test_an_exception_in_a_helper_is_raised_in_the_caller() -> None:
    with pytest.raises(KeyError, match="only in the helper"):
        map_chunks(_failing_in_helpers(os.getpid()), range(500), 2)


def _dying_in_helpers(parent: int) -> Callable[[], Callable[[Sequence[int]], list[int]]]:
    def start() -> Callable[[Sequence[int]], list[int]]:
        def work(chunk: Sequence[int]) -> list[int]:
            if os.getpid() != parent:
                os.kill(os.getpid(), signal.SIGKILL)  # as the out-of-memory killer does
            time.sleep(0.05)  # leaves the helper chunks to take
            return list(chunk)
        return work
    return start


def test_a_helper_killed_mid_work_stops_the_map_with_worker_died() -> None:
    with pytest.raises(WorkerDied, match=r"killed by SIGKILL \(the system may have run out "
                                         r"of memory\) before sending back its work"):
        map_chunks(_dying_in_helpers(os.getpid()), range(500), 2)
