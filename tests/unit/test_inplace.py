"""Publishing in place (write.inplace): only the changed files move, the removed ones go,
the output stamp follows without a walk, and a publish killed at any step is rolled back
by the next build to the old site, whole."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from briefing.kept import put_all
from briefing.workdir.skip import output_stamp, site_entries, stamp_of, updated_stamp
from briefing.write.inplace import InPlace
from briefing.write.journal import undo_folder
from briefing.write.staging import MARKER, OutputError, Staging, recover

OLD = {"index.html": b"<h1>home</h1>", "articles/a/index.html": b"a, first",
       "articles/b/index.html": b"b", "articles/gone/index.html": b"deleted later",
       "assets/style.css": b"body{}"}
NEW = {"index.html": b"<h1>home, edited</h1>", "articles/a/index.html": b"a, first",
       "articles/b/index.html": b"b, edited", "articles/added/index.html": b"a new one",
       "assets/style.css": b"body{}"}


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.name != MARKER}


def _published(out: Path, outputs: dict[str, bytes]) -> None:
    stage = Staging(out)
    put_all(stage, outputs)
    stage.commit()


def _start(out: Path) -> InPlace:
    """An in-place publish of NEW over OLD, every output put, not yet committed."""
    existing = site_entries(out)
    assert existing is not None
    sink = InPlace(out, existing)
    put_all(sink, NEW)
    return sink


def _folders(out: Path) -> set[str]:
    return {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_dir()}


def test_only_changed_files_are_written_and_removed_ones_go(tmp_path: Path) -> None:
    out = tmp_path / "site"
    _published(out, OLD)
    kept = (out / "articles/a/index.html").stat()
    folder = out.stat().st_ino
    before = output_stamp(out)
    existing = site_entries(out)
    assert existing is not None and stamp_of(list(existing.values())) == before
    sink = InPlace(out, existing)
    written, _ = put_all(sink, NEW)
    assert written == 3  # the two edited pages and the new article
    assert _tree(out) == OLD  # nothing published before commit
    gone, joined = sink.commit(NEW)
    assert _tree(out) == NEW
    assert out.stat().st_ino == folder  # the same folder, not a new one swapped in
    after = (out / "articles/a/index.html").stat()
    assert (after.st_ino, after.st_mtime_ns) == (kept.st_ino, kept.st_mtime_ns)
    assert "articles/gone" not in _folders(out)  # an emptied folder goes with its file
    assert updated_stamp(before, gone, joined) == output_stamp(out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_failed_build_leaves_the_site_as_it_was(tmp_path: Path) -> None:
    out = tmp_path / "site"
    _published(out, OLD)
    sink = _start(out)
    sink.abort()
    assert _tree(out) == OLD
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_an_output_escaping_the_folder_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "site"
    _published(out, OLD)
    existing = site_entries(out)
    assert existing is not None
    sink = InPlace(out, existing)
    with pytest.raises(OutputError, match="escapes the output folder"):
        sink.put("../outside.html", b"x")
    sink.abort()
    assert not (tmp_path / "outside.html").exists()


def _killed_after(calls: int, action: object) -> bool:
    """Run `action` in a child process killed (no cleanup of any kind, as by SIGKILL) at
    its `calls`-th rename; True if it was killed before it finished."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        replace = os.replace
        count = [0]

        def dying(source: object, target: object) -> None:
            count[0] += 1
            if count[0] > calls:
                os._exit(9)
            replace(source, target)  # type: ignore[arg-type]

        os.replace = dying  # type: ignore[assignment]
        try:
            action()  # type: ignore[operator]
        finally:
            os._exit(0)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status) == 9


def test_a_publish_killed_at_any_rename_is_rolled_back_whole(tmp_path: Path) -> None:
    rolled_back = 0
    for calls in range(12):
        out = tmp_path / f"site-{calls}"
        _published(out, OLD)
        sink = _start(out)
        killed = _killed_after(calls, lambda: sink.commit(NEW))  # noqa: B023
        if killed:
            assert (undo_folder(out)).exists() or _tree(out) == OLD
        recover(out)  # what the next build does first
        now = _tree(out)
        assert now in (OLD, NEW), (calls, now)
        rolled_back += killed and now == OLD
        if not killed:
            assert now == NEW
            break
        assert not undo_folder(out).exists()
    assert rolled_back >= 6, rolled_back  # the journal, five moves and a removal


def test_a_roll_back_killed_part_way_is_finished_by_the_next(tmp_path: Path) -> None:
    out = tmp_path / "site"
    _published(out, OLD)
    sink = _start(out)
    # the journal, two pages replaced (two renames each), the new page in; not the removal
    assert _killed_after(6, lambda: sink.commit(NEW))
    assert _tree(out) not in (OLD, NEW)  # the half-published folder, before any recovery
    assert _killed_after(1, lambda: recover(out))  # the roll-back itself killed
    recover(out)
    assert _tree(out) == OLD
    assert not undo_folder(out).exists()
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(
        ".site.new-")) == ["site"]  # a trash folder may still be deleting
