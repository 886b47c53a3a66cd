"""serve across sessions: what a session keeps in .briefing/ when it stops is used by the
next one, whose first build re-renders only what changed in between, and serves the
same bytes as a session that started from nothing."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from briefing.build import BuildOptions
from briefing.render.templates import packaged_templates
from briefing.serve.output import OutputFolder
from briefing.serve.rebuild import BuildReport, Rebuilder
from briefing.serve.state import ServeState

URL = "http://127.0.0.1:8000/"


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _session(project: Path, notices: list[str], cache: bool = True) -> Rebuilder:
    """A new serve session's rebuilder (as `serve` makes it), with its own memory."""
    options = BuildOptions(project / "content", packaged_templates(), None, base_url=URL,
                           jobs=1, cache_path=project / ".briefing/cache" if cache else None,
                           notice=notices.append)
    reports: list[BuildReport] = []
    return Rebuilder(options, OutputFolder(project / ".briefing/serve"), ServeState("t"),
                     reports.append)


def _retitle(path: Path, title: str) -> None:
    path.write_text(re.sub(r"^title: .*$", f"title: {title}", path.read_text(
        encoding="utf-8"), count=1, flags=re.MULTILINE), encoding="utf-8")


def test_the_next_session_renders_only_what_changed_while_serve_was_stopped(
        tmp_path: Path, generate_corpus: Callable[[Path, int, int], object]) -> None:
    project, notices = tmp_path / "project", []
    generate_corpus(project / "content", 40, 11)
    first = _session(project, notices)
    report = first.build(parallel=True)
    assert report.ok and report.partial is None  # nothing kept yet: every page
    first.keep()  # serve stopped

    edited = sorted((project / "content/articles").rglob("*.md"))[6]
    _retitle(edited, "Retitled while serve was stopped")
    second = _session(project, notices)
    report = second.build(parallel=True)
    assert report.ok and report.partial is not None
    rendered, planned = report.partial
    assert 0 < rendered < planned // 2
    warm = _tree(project / ".briefing/serve")
    assert "Retitled while serve was stopped" in "".join(
        data.decode("utf-8", "replace") for data in warm.values())

    cold_project = tmp_path / "cold"  # the same content, served from nothing
    generate_corpus(cold_project / "content", 40, 11)
    _retitle(sorted((cold_project / "content/articles").rglob("*.md"))[6],
             "Retitled while serve was stopped")
    cold = _session(cold_project, notices, cache=False).build(parallel=True)
    assert cold.ok and cold.partial is None
    assert warm == _tree(cold_project / ".briefing/serve")
    assert notices == []

    # an edit in the running session, then a stop: the next session starts from it
    _retitle(edited, "Retitled again")
    assert second.build(frozenset({str(edited)})).ok
    second.keep()
    third = _session(project, notices)
    report = third.build(parallel=True)
    assert report.ok and report.partial == (0, report.partial[1])  # nothing changed since


def test_a_folder_changed_since_the_session_stopped_is_not_trusted(
        tmp_path: Path, generate_corpus: Callable[[Path, int, int], object]) -> None:
    project, notices = tmp_path / "project", []
    generate_corpus(project / "content", 20, 12)
    first = _session(project, notices)
    assert first.build(parallel=True).ok
    first.keep()
    page = project / ".briefing/serve/index.html"
    page.write_bytes(page.read_bytes() + b"<!-- by hand -->")
    report = _session(project, notices).build(parallel=True)
    assert report.ok and report.partial is None  # rendered whole, the page restored
    assert b"by hand" not in page.read_bytes()


def test_a_session_killed_without_stopping_resumes_from_its_last_build(
        tmp_path: Path, generate_corpus: Callable[[Path, int, int], object]) -> None:
    project, notices = tmp_path / "project", []
    generate_corpus(project / "content", 30, 12)
    first = _session(project, notices)
    assert first.build(parallel=True).ok  # then killed: keep() never runs
    edited = sorted((project / "content/articles").rglob("*.md"))[4]
    _retitle(edited, "Retitled after a crash")
    second = _session(project, notices)
    report = second.build(parallel=True)
    assert report.ok and report.partial is not None, report
    rendered, planned = report.partial
    assert 0 < rendered < planned // 2
    assert "Retitled after a crash" in "".join(
        data.decode("utf-8", "replace") for data in _tree(project / ".briefing/serve").values())
    assert notices == []
