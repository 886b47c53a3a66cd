"""The served folder follows the latest good build file by file."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.serve.output import OutputFolder, SyncStats, serve_lock
from briefing.write.staging import MARKER, OutputError


def tree(folder: Path) -> dict[str, str]:
    return {path.relative_to(folder).as_posix(): path.read_text(encoding="utf-8")
            for path in sorted(folder.rglob("*")) if path.is_file()}


def test_writes_changed_files_only_and_removes_stale_ones(tmp_path: Path) -> None:
    out = tmp_path / "serve"
    folder = OutputFolder(out)
    first = {"index.html": b"home", "a/index.html": b"a", "a/b/index.html": b"b"}
    assert folder.sync(first) == SyncStats(written=3, unchanged=0, removed=0)
    home_inode = (out / "index.html").stat().st_ino
    second = {"index.html": b"home", "a/index.html": b"a2", "c.txt": b"c"}
    assert folder.sync(second) == SyncStats(written=2, unchanged=1, removed=1)
    assert tree(out) == {MARKER: tree(out)[MARKER], "index.html": "home", "a/index.html": "a2",
                         "c.txt": "c"}
    assert (out / "index.html").stat().st_ino == home_inode
    assert not (out / "a/b").exists()  # emptied folders go too


def test_a_new_session_keeps_identical_files_and_clears_leftovers(tmp_path: Path) -> None:
    out = tmp_path / "serve"
    OutputFolder(out).sync({"index.html": b"home", "old/index.html": b"old"})
    (out / "x.html.briefing-tmp").write_text("half", encoding="utf-8")
    inode = (out / "index.html").stat().st_ino
    stats = OutputFolder(out).sync({"index.html": b"home"})
    assert stats == SyncStats(written=0, unchanged=1, removed=2)
    assert (out / "index.html").stat().st_ino == inode
    assert sorted(tree(out)) == [MARKER, "index.html"]


def test_a_file_may_become_a_folder_and_back(tmp_path: Path) -> None:
    out = tmp_path / "serve"
    folder = OutputFolder(out)
    folder.sync({"a": b"file"})
    folder.sync({"a/index.html": b"inside"})
    assert tree(out)["a/index.html"] == "inside"
    folder.sync({"a": b"file again"})
    assert tree(out)["a"] == "file again"


def test_refuses_outputs_that_escape_the_folder(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="escapes"):
        OutputFolder(tmp_path / "serve").sync({"../evil.html": b"x"})
    assert not (tmp_path / "evil.html").exists()


def test_one_server_per_folder(tmp_path: Path) -> None:
    out = tmp_path / "serve"
    with serve_lock(out), pytest.raises(OutputError, match="another 'serve'"), serve_lock(out):
        pass
    with serve_lock(out):
        pass


def test_a_first_part_removes_nothing_and_kept_objects_need_no_rewrite(tmp_path: Path) -> None:
    out = tmp_path / "serve"
    folder = OutputFolder(out)
    page, other = b"page", b"other"
    assert folder.sync({"p.html": page, "o.html": other}).written == 2
    # a rebuild's first part: the pages only; the rest of the site stays
    assert folder.sync({"p.html": page}, remove_stale=False) == SyncStats(0, 1, 0)
    assert (out / "o.html").is_file()
    (out / "p.html").unlink()  # gone behind our back: the same object is written again
    # by the full sync; a first part does not look at the disk for the objects it sent
    assert folder.sync({"p.html": page}, remove_stale=False) == SyncStats(0, 1, 0)
    assert folder.sync({"p.html": page, "o.html": other}) == SyncStats(1, 1, 0)
    assert (out / "p.html").read_bytes() == b"page"
