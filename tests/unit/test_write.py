"""Write: a new folder beside the output, swapped in; the old site is never half-replaced."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from briefing.kept import put_all
from briefing.write import staging as write_module
from briefing.write.staging import (
    MARKER,
    OutputError,
    Staging,
    WriteStats,
    check_output_folder,
    recover,
)

FIRST = {"index.html": b"<h1>one</h1>", "carriers/skt/index.html": b"skt",
         "assets/style.css": b"body{}"}


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _siblings(out: Path) -> list[str]:
    """What lies beside the output folder, apart from it (and trash being deleted)."""
    deadline = time.monotonic() + 10
    while True:  # replaced sites are deleted by a detached process: give it a moment
        names = sorted(p.name for p in out.parent.iterdir() if p != out)
        if not any(n.startswith(f".{out.name}.") for n in names) or time.monotonic() > deadline:
            return names
        time.sleep(0.05)


def write_site(out: Path, outputs: dict[str, bytes]) -> WriteStats:
    """Publish `outputs` as `build` does: put into a Staging folder, then commit."""
    stage = Staging(out)
    try:
        written, _ = put_all(stage, outputs)
    except Exception:
        stage.abort()
        raise
    stage.commit()
    return WriteStats(written, len(outputs) - written)


def test_writes_every_output_and_the_marker(tmp_path: Path) -> None:
    out = tmp_path / "site"
    stats = write_site(out, FIRST)
    assert _tree(out) == {**FIRST, MARKER: (out / MARKER).read_bytes()}
    assert (stats.written, stats.unchanged) == (3, 0)
    assert _siblings(out) == []


def test_a_second_build_replaces_the_site_and_drops_stale_files(tmp_path: Path) -> None:
    out = tmp_path / "site"
    write_site(out, FIRST)
    second = {"index.html": b"<h1>two</h1>", "assets/style.css": b"body{}"}
    stats = write_site(out, second)
    assert {k: v for k, v in _tree(out).items() if k != MARKER} == second
    assert (stats.written, stats.unchanged) == (1, 1)
    assert _siblings(out) == []


def test_unchanged_files_keep_their_inode(tmp_path: Path) -> None:
    out = tmp_path / "site"
    write_site(out, FIRST)
    before = (out / "assets/style.css").stat().st_ino
    write_site(out, {**FIRST, "index.html": b"<h1>changed</h1>"})
    assert (out / "assets/style.css").stat().st_ino == before


def test_an_empty_existing_folder_may_be_used(tmp_path: Path) -> None:
    out = tmp_path / "site"
    out.mkdir()
    check_output_folder(out, [])
    write_site(out, FIRST)
    assert (out / "index.html").read_bytes() == b"<h1>one</h1>"


def test_refuses_a_non_empty_folder_without_the_marker(tmp_path: Path) -> None:
    out = tmp_path / "mine"
    out.mkdir()
    (out / "thesis.docx").write_bytes(b"precious")
    with pytest.raises(OutputError) as caught:
        check_output_folder(out, [])
    assert str(caught.value) == (
        f"refusing to replace '{out}': it is not empty and was not made by this tool (no "
        f"{MARKER} file); remove it or choose another --out")
    assert (out / "thesis.docx").read_bytes() == b"precious"


def test_refuses_a_file_as_the_output(tmp_path: Path) -> None:
    out = tmp_path / "site"
    out.write_text("x")
    with pytest.raises(OutputError, match="exists and is not a folder"):
        check_output_folder(out, [])


@pytest.mark.parametrize("choice", ["content", "project", "templates", "parent of content"])
def test_refuses_the_content_templates_or_project_folder(tmp_path: Path, choice: str) -> None:
    project = tmp_path / "project"
    content, templates = project / "content", project / "templates"
    content.mkdir(parents=True)
    templates.mkdir()
    out = {"content": content, "project": project, "templates": templates,
           "parent of content": tmp_path}[choice]
    with pytest.raises(OutputError, match="refusing to write the site to"):
        check_output_folder(out, [content, templates], [project])


@pytest.mark.parametrize("inside", ["content/sub", "content/a/b", "templates/out"])
def test_refuses_a_folder_inside_content_or_templates(tmp_path: Path, inside: str) -> None:
    project = tmp_path / "project"
    content, templates = project / "content", project / "templates"
    content.mkdir(parents=True)
    templates.mkdir()
    with pytest.raises(OutputError, match=r"it is inside .*which the build reads"):
        check_output_folder(project / inside, [content, templates], [project])


def test_a_folder_inside_the_project_is_fine(tmp_path: Path) -> None:
    project = tmp_path / "project"
    (project / "content").mkdir(parents=True)
    check_output_folder(project / "site", [project / "content"], [project])


def test_refuses_a_folder_inside_nothing_protected_but_containing_it(tmp_path: Path) -> None:
    content = tmp_path / "a" / "b" / "content"
    content.mkdir(parents=True)
    with pytest.raises(OutputError, match="it is or contains"):
        check_output_folder(tmp_path / "a", [content])


def test_refuses_the_home_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    with pytest.raises(OutputError, match="it is or contains"):
        check_output_folder(home, [])
    with pytest.raises(OutputError, match="it is or contains"):
        check_output_folder(tmp_path, [])


def test_refuses_the_root_folder() -> None:
    with pytest.raises(OutputError):
        check_output_folder(Path("/"), [])


def test_a_folder_beside_the_content_is_fine(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    check_output_folder(tmp_path / "site", [tmp_path / "content"])
    check_output_folder(tmp_path / "site" / "nested", [tmp_path / "content"])


def test_a_failed_write_leaves_the_previous_site_whole_and_the_next_run_clears_up(
        tmp_path: Path) -> None:
    out = tmp_path / "site"
    write_site(out, FIRST)
    before = _tree(out)
    with pytest.raises(OutputError, match="escapes the output folder"):
        write_site(out, {"index.html": b"new", "../../outside.html": b"x"})
    assert _tree(out) == before
    assert not (tmp_path / "outside.html").exists()
    write_site(out, FIRST)
    assert _tree(out) == before
    assert _siblings(out) == []


def test_an_interrupted_write_is_cleared_by_the_next_run(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "site"
    write_site(out, FIRST)
    before = _tree(out)
    real_write = write_module._write_file
    calls = {"n": 0}

    def killed(path: str, data: bytes) -> None:  # the process dies after the first file
        calls["n"] += 1
        if calls["n"] > 1:
            raise KeyboardInterrupt
        real_write(path, data)

    monkeypatch.setattr(write_module, "_write_file", killed)
    with pytest.raises(KeyboardInterrupt):
        write_site(out, {"a.html": b"1", "b.html": b"2", "c.html": b"3"})
    monkeypatch.undo()
    assert _tree(out) == before  # the previous site is whole
    assert (tmp_path / ".site.new").is_dir()  # the leftover of the killed build
    write_site(out, {"a.html": b"1"})
    assert {k for k in _tree(out) if k != MARKER} == {"a.html"}
    assert _siblings(out) == []


def test_recover_restores_a_site_killed_mid_swap(tmp_path: Path) -> None:
    out = tmp_path / "site"
    write_site(out, FIRST)
    before = _tree(out)
    out.rename(tmp_path / ".site.old")  # killed between the two renames of a swap
    recover(out)
    assert _tree(out) == before
    assert _siblings(out) == []


def test_recover_clears_leftovers_made_by_the_tool(tmp_path: Path) -> None:
    out = tmp_path / "site"
    write_site(out, FIRST)
    for leftover in (".site.new", ".site.old"):
        (tmp_path / leftover / "x").mkdir(parents=True)
        (tmp_path / leftover / MARKER).write_text("")
    recover(out)
    assert _siblings(out) == []
    assert (out / "index.html").is_file()


def test_recover_leaves_folders_it_did_not_make(tmp_path: Path) -> None:
    out = tmp_path / "site"
    stranger = tmp_path / ".site.new"
    stranger.mkdir()
    (stranger / "notes.txt").write_text("mine")
    recover(out)
    assert (stranger / "notes.txt").read_text() == "mine"


def _half_delete(path: Path | str, *args: object, **kwargs: object) -> None:
    """A deletion killed part way: the marker is gone, the rest is not."""
    (Path(path) / MARKER).unlink(missing_ok=True)
    raise SystemExit("killed while deleting")


def test_a_leftover_is_renamed_away_before_it_is_deleted(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A build killed while clearing the last one's leftover must not leave a folder that
    # no later build may touch: the leftover is renamed away first, then deleted.
    out = tmp_path / "site"
    leftover = tmp_path / ".site.new"
    (leftover / "articles").mkdir(parents=True)
    (leftover / MARKER).write_text("x")
    (leftover / "articles/index.html").write_text("half a site")
    monkeypatch.setattr("briefing.write.staging.shutil.rmtree", _half_delete)
    recover(out)
    assert not leftover.exists()
    monkeypatch.undo()
    staging = Staging(out)
    staging.put("index.html", b"new")
    staging.commit()
    assert (out / "index.html").read_bytes() == b"new"


def test_a_sibling_the_tool_did_not_make_is_named_in_the_error(tmp_path: Path) -> None:
    out = tmp_path / "site"
    (tmp_path / ".site.new").mkdir()
    (tmp_path / ".site.new/notes.txt").write_text("mine")
    with pytest.raises(OutputError, match=r"'.*\.site\.new' is in the way and was not made by "
                                          r"this tool \(no \.briefing-site file\); remove it"):
        Staging(out)
    assert (tmp_path / ".site.new/notes.txt").read_text() == "mine"
