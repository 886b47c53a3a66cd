"""serve's own messages, pinned: the server keeps serving when it cannot watch."""

from __future__ import annotations

import os
import shutil
import signal
import threading
from pathlib import Path

import pytest

import briefing.serve.command
from briefing.cli import main

ROOT = Path(__file__).resolve().parents[2]
SITE_OK = ROOT / "tests" / "fixtures" / "site_ok" / "content"


def test_when_the_folders_cannot_be_watched_it_says_so_and_serves_on(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copytree(SITE_OK, tmp_path / "content")
    shutil.copytree(ROOT / "templates", tmp_path / "templates")  # ./templates is watched
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)

    def no_watch(*_args: object) -> None:
        # Stop the server soon after, as Ctrl-C would.
        threading.Timer(1.0, os.kill, (os.getpid(), signal.SIGTERM)).start()
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(briefing.serve.command, "start_watching", no_watch)
    assert main(["serve", "--port", "0"]) == 0
    out, err = capsys.readouterr()
    assert err == (f"briefing: cannot watch content, {tmp_path / 'templates'} for changes: "
                   "No space left on device; serving without rebuilds\n")
    assert "serving http://127.0.0.1:" in out and out.endswith("stopped\n")
