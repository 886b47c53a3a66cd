"""A build of a few seconds shows its progress on a terminal, then a clean summary line;
piped, the same build prints only the summary."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory,
           generate_corpus: Callable[[Path, int, int], object]) -> Path:
    """A generated corpus big enough for a build of a few seconds."""
    root = tmp_path_factory.mktemp("progress")
    generate_corpus(root / "content", 1200, 0)
    return root


def _in_terminal(args: list[str], cwd: Path) -> tuple[int, str]:
    """Run with stdout and stderr on a pseudo-terminal; returns the exit code and output."""
    leader, follower = pty.openpty()
    process = subprocess.Popen(args, cwd=cwd, stdin=subprocess.DEVNULL, stdout=follower,
                               stderr=follower, close_fds=True)
    os.close(follower)
    chunks: list[bytes] = []
    while True:
        try:
            data = os.read(leader, 65536)
        except OSError:  # the terminal closed: the process is gone
            break
        if not data:
            break
        chunks.append(data)
    os.close(leader)
    return process.wait(timeout=300), b"".join(chunks).decode("utf-8", "replace")


def test_a_long_build_on_a_terminal_shows_progress_then_the_summary(corpus: Path) -> None:
    code, output = _in_terminal([sys.executable, str(ROOT / "build.py"), "build",
                                 "--content", "content", "--out", "site", "-j", "1"], corpus)
    assert code == 0, output
    assert "rendering pages [" in output and "%" in output
    summary = output.rsplit("\r\x1b[K", 1)[-1]  # what is left once the line is erased
    assert summary.startswith("built ") and " written, " in summary


def test_piped_the_same_build_prints_only_the_summary(corpus: Path) -> None:
    done = subprocess.run([sys.executable, str(ROOT / "build.py"), "build", "--content",
                           "content", "--out", "site-piped", "-j", "1"], cwd=corpus,
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert done.stdout.startswith("built ") and done.stdout.count("\n") == 1
