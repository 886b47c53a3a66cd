"""Smoke test of the benchmark: the corpus generator is deterministic, and bench/run.py
runs to completion on a small corpus (without Hugo and the ingest benchmark)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT / "bench"
ARTICLES = 200


def _build_tool_problem() -> str | None:
    """Why build.py cannot run here (None when it can), checked as run.py will run it."""
    done = subprocess.run(
        [sys.executable, "-c", "import briefing.cli"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    if done.returncode == 0:
        return None
    last = (done.stderr.strip().splitlines() or ["unknown error"])[-1]
    return f"the build tool cannot be imported ({last})"


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_corpus_generator_is_deterministic(
        tmp_path: Path, generate_corpus: Callable[[Path, int, int], object]) -> None:
    generate_corpus(tmp_path / "a", ARTICLES, 7)
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    subprocess.run(
        [
            sys.executable,
            str(BENCH / "corpus.py"),
            "--articles",
            str(ARTICLES),
            "--out",
            str(tmp_path / "b"),
            "--seed",
            "7",
        ],
        check=True,
        env=env,
        capture_output=True,
        timeout=120,
    )
    first, second = _files(tmp_path / "a"), _files(tmp_path / "b")
    assert first == second
    articles = [name for name in first if name.startswith("articles/")]
    assert len(articles) == ARTICLES
    assert len([n for n in first if n.startswith("entities/")]) >= 30
    assert {"site.yaml", "carriers/skt.md", "carriers/kt.md", "carriers/lguplus.md"} <= set(first)
    assert all(b"\nevents:\n  - id: " in first[n].replace(b"\r\n", b"\n") for n in articles)


def test_bench_run_completes_on_a_small_corpus(tmp_path: Path) -> None:
    problem = _build_tool_problem()
    if problem is not None:
        pytest.skip(problem)
    report = tmp_path / "report.md"
    done = subprocess.run(
        [
            sys.executable,
            str(BENCH / "run.py"),
            "--sizes",
            str(ARTICLES),
            "--repeat",
            "1",
            "--skip-hugo",
            "--skip-ingest",
            "--report",
            str(report),
            "--workdir",
            str(tmp_path / "work"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "| 200 articles | briefing |" in done.stdout
    assert "- Hugo: not measured" in done.stdout
    # every build scenario ran, and serve saw each edit on its page and rebuilt
    for row in ("`build` cold", "`build`, nothing changed", "`build` after a body edit",
                "… the edited page on disk after", "`build` after a title edit",
                "`build` after a template edit", "server: first build",
                "server: restart, nothing changed", "server, body edit: the page on disk",
                "server, title edit: a page listing it", "server, template edit: rebuild done"):
        assert re.search(rf"^\| {re.escape(row)} \(s\) \| \d+\.\d\d \|$", done.stdout,
                         re.MULTILINE), (row, done.stdout)
    assert re.search(r"^\| HTML pages / feeds \| [\d,]+ / \d+ \|$", done.stdout, re.MULTILINE)
    assert report.read_text(encoding="utf-8") in done.stdout
