"""`.briefing/search.state` across processes: the next build starts from it and writes
what a cold build writes; a file that is not ours, is cut short or comes from another
version is ignored with a one-line notice."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from search_support import CONTENT, TEMPLATES

from briefing.kept import SEARCH_STATE, load_search_state
from briefing.search.state import KIND
from briefing.workdir.cache import code_version
from briefing.workdir.packed import load_packed, pack

RunCli = Callable[..., subprocess.CompletedProcess[str]]


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _build(project: Path, run_cli: RunCli, out: str) -> subprocess.CompletedProcess[str]:
    done = run_cli(["build", "--out", out, "--templates", str(TEMPLATES)], project)
    assert done.returncode == 0, done.stdout + done.stderr
    return done


@pytest.fixture
def project(tmp_path: Path, run_cli: RunCli) -> Path:
    shutil.copytree(CONTENT, tmp_path / "content")
    _build(tmp_path, run_cli, "site")
    assert (tmp_path / ".briefing" / SEARCH_STATE).is_file()
    return tmp_path


def _edit(project: Path) -> None:
    article = project / "content" / "articles" / "2024-05-kt-cloud-korean.md"
    article.write_text(article.read_text(encoding="utf-8").replace(
        "\n---\n", "\n---\n위성 통신 시범을 알렸다.\n", 1), encoding="utf-8")


def _cold(project: Path, run_cli: RunCli) -> dict[str, bytes]:
    cold = project / "cold"
    cold.mkdir()
    shutil.copytree(project / "content", cold / "content")
    _build(cold, run_cli, "site")
    return _tree(cold / "site")


def test_a_build_from_the_saved_state_writes_what_a_cold_build_writes(
        project: Path, run_cli: RunCli) -> None:
    _edit(project)
    done = _build(project, run_cli, "site")
    assert "ignored" not in done.stderr
    assert _tree(project / "site") == _cold(project, run_cli)


@pytest.mark.parametrize(("data", "why"), [
    (lambda version: b"not a state file at all", "not a briefing state file"),
    (lambda version: pack(KIND, "another-version", {}), "written by another version"),
    (lambda version: pack("other-kind", version, {}), "for another purpose"),
    (lambda version: pack(KIND, version, {"postings": "cut"}), "not a search index state"),
    (lambda version: pack(KIND, version, {"docs": [1, 2, 3]})[:-2] + b"\xc1", "unreadable"),
])
def test_a_state_file_that_is_not_usable_is_ignored_with_a_notice(
        project: Path, run_cli: RunCli, data: Callable[[str], bytes], why: str) -> None:
    state = project / ".briefing" / SEARCH_STATE
    state.write_bytes(data(code_version()))
    _edit(project)
    done = _build(project, run_cli, "site")
    notices = [line for line in done.stderr.splitlines() if "ignored" in line]
    assert len(notices) == 1 and notices[0].startswith("briefing: ")
    assert SEARCH_STATE in notices[0]
    assert why in notices[0], notices
    assert _tree(project / "site") == _cold(project, run_cli)
    assert load_search_state(project / ".briefing", print) is not None  # written anew


def _read_digests(project: Path) -> list[object]:
    head = load_packed(project / ".briefing" / SEARCH_STATE, KIND, code_version())
    assert isinstance(head, dict)
    return list(head["read_digests"])


def test_an_edit_keeps_the_read_digests_a_cold_build_keeps_whatever_the_hash_seed(
        project: Path, run_cli: RunCli) -> None:
    """The warm build reuses the last order of the reads (not sorted again): the head it
    saves is the cold build's, read by read and digest by digest."""
    _edit(project)
    done = run_cli(["build", "--out", "site", "--templates", str(TEMPLATES)], project,
                   PYTHONHASHSEED="7")
    assert done.returncode == 0, done.stderr
    cold = project / "cold"
    cold.mkdir()
    shutil.copytree(project / "content", cold / "content")
    done = run_cli(["build", "--out", "site", "--templates", str(TEMPLATES)], cold,
                   PYTHONHASHSEED="11")
    assert done.returncode == 0, done.stderr
    warm = _read_digests(project)
    assert warm and warm == _read_digests(cold)
