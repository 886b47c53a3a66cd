"""Forked chunk workers: results in order whatever the workers, a helper's exception raised
in the caller, a helper that dies a clear WorkerDied (never a hang)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

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


_ORPHANING = """
import os, sys, time
from pathlib import Path
from briefing.workers.parallel import map_chunks
marks, parent = Path(sys.argv[1]), os.getpid()
def start():
    def work(chunk):
        if os.getpid() != parent:
            (marks / str(os.getpid())).touch()
        time.sleep(2)  # a helper left alone would go on for about 16 s
        return list(chunk)
    return work
map_chunks(start, range(2000), 2)
"""


def _alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\\nState:\\tZ" not in status  # a zombie has stopped


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads /proc")
def test_a_helper_does_not_outlive_a_build_that_was_killed(tmp_path: Path) -> None:
    """The out-of-memory killer takes the build process: its helper must not go on
    writing pages and holding the build's lock and output pipes."""
    build = subprocess.Popen([sys.executable, "-c", _ORPHANING, str(tmp_path)])
    try:
        deadline = time.monotonic() + 60
        while not any(tmp_path.iterdir()) and time.monotonic() < deadline:
            time.sleep(0.05)
        helpers = [int(p.name) for p in tmp_path.iterdir()]
        assert helpers, "the helper never started"
        build.kill()
        build.wait()
        deadline = time.monotonic() + 10
        while any(map(_alive, helpers)) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not any(map(_alive, helpers))
    finally:
        build.kill()
