"""Many tiny invalid sites, each pinned to its exact diagnostics.

Each folder under tests/fixtures/invalid/ holds a `content/` folder, an `expected.txt`
with the exact lines `check` prints on stderr (diagnostics, then the count line) and,
optionally, an `args.txt` with extra options (such as --strict). `check` runs with the
case folder as the working directory, so paths read `content/...`.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from briefing.cli import main

INVALID = Path(__file__).resolve().parents[1] / "fixtures" / "invalid"
CASES = sorted(p.name for p in INVALID.iterdir() if (p / "expected.txt").is_file())
LINE = re.compile(r"^content/\S.*:\d+:\d+: (error|warning)\[[a-z0-9-]+\]: \S.*$")
COUNT = re.compile(r"^(\d+) errors?, (\d+) warnings?$")


def _args(case: str) -> list[str]:
    extra = INVALID / case / "args.txt"
    return extra.read_text(encoding="utf-8").split() if extra.is_file() else []


def _expected(case: str) -> str:
    return (INVALID / case / "expected.txt").read_text(encoding="utf-8")


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


def test_there_are_many_invalid_cases() -> None:
    assert len(CASES) >= 40


@pytest.mark.parametrize("case", CASES)
def test_expected_file_is_well_formed(case: str) -> None:
    lines = _expected(case).splitlines()
    assert lines, "expected.txt is empty"
    *diagnostics, count = lines
    assert diagnostics, "a case must expect at least one diagnostic"
    for line in diagnostics:
        assert LINE.match(line), line
    match = COUNT.match(count)
    assert match, count
    errors = sum(" error[" in line for line in diagnostics)
    assert (int(match[1]), int(match[2])) == (errors, len(diagnostics) - errors)
    assert errors >= 1, "check must fail on every invalid site"


@pytest.mark.parametrize("case", CASES)
def test_check_prints_exactly_the_expected_diagnostics(
        case: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    folder = INVALID / case
    before = _tree(folder)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.chdir(folder)
    code = main(["check", *_args(case)])
    out, err = capsys.readouterr()
    assert err == _expected(case)
    assert code == 1
    assert out == ""
    assert _tree(folder) == before, "check must write nothing"


@pytest.mark.parametrize("case", ["unknown-entity", "non-utf8", "yaml-tab-indentation",
                                  "strict-unused-entity"])
def test_the_real_command_prints_the_same_diagnostics_and_exits_1(case: str, run_cli) -> None:
    done = run_cli(["check", *_args(case)], INVALID / case)
    assert done.stderr == _expected(case)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr


def test_build_of_an_invalid_site_reports_the_same_and_writes_no_site(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    case = "event-conflict-date"
    project = tmp_path / case
    shutil.copytree(INVALID / case, project)  # build may make .briefing/: not in the fixture
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.chdir(project)
    code = main(["build"])
    assert code == 1
    assert capsys.readouterr().err == _expected(case)
    assert not (project / "site").exists()


def test_under_github_actions_each_diagnostic_also_becomes_an_annotation(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.chdir(INVALID / "unknown-entity")
    assert main(["check"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err == [
        "content/articles/unknown.md:10:12: error[unknown-ref]: entity 'singtell' not found "
        "(did you mean 'singtel'?)",
        "::error file=content/articles/unknown.md,line=10,col=12,title=unknown-ref::entity "
        "'singtell' not found (did you mean 'singtel'?)",
        "1 error, 0 warnings",
    ]


STRICT_CASES = [c for c in CASES if c.startswith("strict-")]


@pytest.mark.parametrize("case", STRICT_CASES)
def test_without_strict_the_same_lines_are_warnings_and_exit_0(
        case: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        tmp_path: Path) -> None:
    assert _args(case) == ["--strict"]
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    # a check that passes keeps its state in ./.briefing/: in a copy, not in the fixture
    shutil.copytree(INVALID / case, tmp_path / case)
    monkeypatch.chdir(tmp_path / case)
    assert main(["check"]) == 0
    *lines, _count = _expected(case).splitlines()
    warnings = [line.replace(": error[", ": warning[", 1) for line in lines]
    plural = "" if len(warnings) == 1 else "s"
    assert capsys.readouterr().err.splitlines() == [
        *warnings, f"0 errors, {len(warnings)} warning{plural}"]
