"""Forked workers die with the process that forked them: a killed build or ingest batch
leaves no worker writing into its folders and holding its lock and pipes (workers/lifeline.py,
used by the build's pool and ingest's)."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

# Each worker marks its pid, then works slowly: left alone it would go on for ~16 s.
_BUILD_POOL = """
import os, sys, time
from pathlib import Path
from briefing.workers.parallel import map_chunks
marks, parent = Path(sys.argv[1]), os.getpid()
def start():
    def work(chunk):
        if os.getpid() != parent:
            (marks / str(os.getpid())).touch()
        time.sleep(2)
        return list(chunk)
    return work
map_chunks(start, range(2000), 2)
"""

_INGEST_POOL = """
import multiprocessing, os, sys, time
from pathlib import Path
from briefing.ingest.pool import forked_map
marks = Path(sys.argv[1])
def work(job):
    (marks / str(os.getpid())).touch()
    time.sleep(2)
    return job
for _ in forked_map(work, list(range(40)), [False] * 40, lambda: None, 2,
                    multiprocessing.get_context("fork")):
    pass
"""


def _alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in status  # a zombie has stopped


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads /proc")
@pytest.mark.parametrize("script", [_BUILD_POOL, _INGEST_POOL], ids=["build", "ingest"])
def test_a_worker_does_not_outlive_its_killed_parent(script: str, tmp_path: Path) -> None:
    """The out-of-memory killer takes the parent: its workers must stop too."""
    parent = subprocess.Popen([sys.executable, "-c", script, str(tmp_path)])
    try:
        deadline = time.monotonic() + 60
        while not any(tmp_path.iterdir()) and time.monotonic() < deadline:
            time.sleep(0.05)
        workers = [int(p.name) for p in tmp_path.iterdir() if int(p.name) != parent.pid]
        assert workers, "no worker started"
        parent.kill()
        parent.wait()
        deadline = time.monotonic() + 10
        while any(map(_alive, workers)) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not any(map(_alive, workers))
    finally:
        parent.kill()
