"""The build's forked workers: a parallel build writes the bytes of a one-process build,
and a worker that dies (the out-of-memory killer, a crash) stops the build with one line,
exit 3, and the published site as it was."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import time
from pathlib import Path

import pytest
from reliability_helpers import PROJECT_ROOT, build, clean_env

ARTICLES = 220  # more files and pages than map_chunks does in one process (200)

# The CLI with every page worker but the build process itself killed at its first chunk.
_DYING = """
import os, signal, sys, time
from briefing.render import engine
parent, real = os.getpid(), engine._PageWorker.__call__
def dying(self, chunk):
    if os.getpid() != parent:
        os.kill(os.getpid(), signal.SIGKILL)
    time.sleep(0.05)  # leaves the helper chunks to take
    return real(self, chunk)
engine._PageWorker.__call__ = dying
from briefing.cli import main
sys.exit(main(sys.argv[1:]))
"""


def _tree(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("workers")
    subprocess.run([sys.executable, str(PROJECT_ROOT / "bench/corpus.py"), "--articles",
                    str(ARTICLES), "--out", str(root / "content")], check=True,
                   capture_output=True, timeout=300)
    return root


def test_a_parallel_build_writes_the_bytes_of_a_one_process_build(project: Path) -> None:
    for jobs in ("1", "3"):
        done = build(project, "build", "--content", "content", "--out", f"site-{jobs}",
                     "-j", jobs, timeout=600)
        assert done.returncode == 0, done.stderr
    one, three = _tree(project / "site-1"), _tree(project / "site-3")
    assert len(one) > 2 * ARTICLES
    assert three == one


def test_a_worker_that_dies_stops_the_build_and_leaves_the_site_whole(project: Path) -> None:
    done = build(project, "build", "--content", "content", "--out", "site", "-j", "2",
                 timeout=600)
    assert done.returncode == 0, done.stderr
    before, beside = _tree(project / "site"), sorted(p.name for p in project.iterdir())
    died = subprocess.run([sys.executable, "-c", _DYING, "build", "--content", "content",
                           "--out", "site", "-j", "2", "--no-cache"], cwd=project,
                          env=clean_env(), capture_output=True, text=True, timeout=600,
                          check=False)
    assert died.returncode == 3, died.stderr
    lines = died.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in died.stderr, died.stderr
    assert lines[0].startswith("briefing: a worker process (pid ")
    assert "was killed by SIGKILL (the system may have run out of memory) before sending " \
           "back its work; the build stopped" in lines[0]
    assert _tree(project / "site") == before
    # the staging folder is dropped (renamed aside, then deleted by a detached process)
    deadline = time.monotonic() + 120
    while sorted(p.name for p in project.iterdir()) != beside and time.monotonic() < deadline:
        time.sleep(0.2)
    assert sorted(p.name for p in project.iterdir()) == beside
    again = build(project, "build", "--content", "content", "--out", "site", "-j", "2",
                  "--no-cache", timeout=600)
    assert again.returncode == 0, again.stderr
    assert _tree(project / "site") == before
