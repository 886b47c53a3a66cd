"""bench/phases.py: a cold build timed step by step, its site built as `build` builds it."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_phases_times_each_step_of_a_cold_build(
        tmp_path: Path, generate_corpus: Callable[[Path, int, int], object]) -> None:
    generate_corpus(tmp_path / "content", 30, 3)
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "phases.py"), "--content",
         str(tmp_path / "content"), "--out", str(tmp_path / "scratch" / "site"), "-j", "1"],
        capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    rows = {line.split()[0]: line.split()[1:] for line in done.stdout.splitlines()
            if line.strip()}
    for step in ("build.gather", "linkstate.link_kept", "persisted.render_pages",
                 "kept.search_index", "persisted.numbered_state", "build.save_cache"):
        wall, cpu, rss = map(float, rows[step])
        assert wall >= 0 and cpu >= 0 and rss > 0
    assert "exit code 0" in done.stdout
    # the peak of the process tree's summed RSS, with the steps running at that moment
    peak = next(line for line in done.stdout.splitlines() if line.startswith("peak RSS"))
    assert int(peak.split()[7]) > 0 and "during " in peak
    # the build it timed is a real one: the site and the kept state are on disk
    assert (tmp_path / "scratch" / "site" / "index.html").is_file()
    assert (tmp_path / "scratch" / ".briefing" / "search.state").is_file()
