"""Paths: ids, slugs and file names cannot climb out; a build writes only its output, the
swap sibling and .briefing/; links out of content/ are refused; --out refuses what is not
its own."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from reliability_helpers import (
    Run,
    build,
    hostile_project,
    q,
    tree_snapshot,
    write_tree,
)

ARTICLE = """---
title: t
published: 2024-01-01
source: {title: s}
carriers: [hostile-carrier]
summary: s
events: [{id: plain-event, date: 2024-01-01, title: t, kind: product, carriers: [hostile-carrier]}]
---
"""

# File names that are not slugs: traversal, encodings, Unicode lookalikes, invisible marks.
BAD_NAMES = (
    "..md", "...md", "%2e%2e.md", "%2e%2e%2fetc.md", "..%2f..%2fetc.md", "%2F.md", "~.md",
    "Skt.md", "ｓｋｔ.md", "ѕkt.md", "skt\u200b.md", "skt\u2024.md", "ski\u0307.md", "a_b.md",
    "a--b.md", "-a.md", "a-.md", "a b.md", "a\\..md", "a:b.md", "ᅟ.md", "١٢٣.md", "²³.md",
    "\u202eevil.md",
)


def test_file_names_that_are_not_slugs_are_refused(
        tmp_path: Path, run_main: Callable[..., Run]) -> None:
    project = hostile_project(tmp_path, payload="plain", body="Fine.\n")
    write_tree(project, {f"content/articles/2024/{name}": ARTICLE for name in BAD_NAMES})
    done = run_main(project, "check")
    assert done.code == 1
    refused = done.lines("bad-file-name")
    assert len(refused) == len(BAD_NAMES), done.stderr
    for name in BAD_NAMES:
        assert any(line.startswith(f"content/articles/2024/{name}:1:1: error[bad-file-name]: "
                                   f"file name '{name}' is not a slug") for line in refused), name
    for line in refused:  # the proposed name is itself a slug
        proposed = line.rsplit("rename it to '", 1)[1].removesuffix("'")
        assert proposed.removesuffix(".md").replace("-", "").isalnum() and proposed.isascii()


@pytest.mark.parametrize("bad", [
    "../../etc/passwd", "..", "../x", "/etc/passwd", "a/b", "a\\b", "%2e%2e", "ａｂｃ", "аbc",
    "abc\n", "\nabc", "abc ", "ABC", "a..b", "e\u0301", "a\u200bb", "", "-", "a--b"])
def test_ids_references_and_tags_that_try_traversal_are_refused(
        bad: str, tmp_path: Path, run_main: Callable[..., Run]) -> None:
    project = hostile_project(tmp_path, payload="plain", body="Fine.\n")
    write_tree(project, {"content/articles/paths.md": f"""---
title: t
published: 2024-01-01
source: {{title: s}}
carriers: [{q(bad)}]
entities: [{q(bad)}]
tags: [{q(bad)}]
summary: s
events:
  - {{id: {q(bad)}, date: 2024-01-01, title: t, kind: product}}
---
""", "content/entities/paths-entity.md": f"""---
name: n
type: person
parent: {q(bad)}
members: [{q(bad)}]
affiliations: [{{id: {q(bad)}, role: r}}]
---
"""})
    done = run_main(project, "check")
    assert done.code == 1
    places = [":".join(line.split(":")[:2]) + " " + line.split(" ")[1]
              for line in done.stderr.splitlines() if ": error" in line]
    assert places == [
        "content/articles/paths.md:5 error[bad-id]:", "content/articles/paths.md:6 error[bad-id]:",
        "content/articles/paths.md:7 error[bad-id]:",
        "content/articles/paths.md:10 error[bad-id]:",
        "content/entities/paths-entity.md:4 error[bad-id]:",
        "content/entities/paths-entity.md:5 error[bad-id]:",
        "content/entities/paths-entity.md:6 error[bad-id]:"], done.stderr
    assert "Traceback" not in done.stderr


def test_wikilinks_that_try_traversal_are_unknown_targets(
        tmp_path: Path, run_main: Callable[..., Run]) -> None:
    body = ("[[../../etc/passwd]] [[article:../../x]] [[event:/etc/passwd]] "
            "[[carrier:..]] [[%2e%2e/x|label]] [[ｈｏｓｔｉｌｅ-carrier]]\n")
    project = hostile_project(tmp_path, payload="plain", body=body)
    done = run_main(project, "check")
    assert done.code == 1
    unknown = [line for line in done.lines("unknown-ref") if "hostile-article" in line]
    assert len(unknown) == 6, done.stderr


def _project_with_outside(tmp_path: Path) -> tuple[Path, Path]:
    project = hostile_project(tmp_path / "project", payload="plain", body="[[hostile-entity]]\n")
    outside = tmp_path / "outside"
    write_tree(outside, {"secret.md": ARTICLE, "site.yaml": "title: outside\n",
                         "folder/secret-two.md": ARTICLE})
    return project, outside


def test_a_build_writes_only_its_output_its_sibling_and_briefing(tmp_path: Path) -> None:
    project, _outside = _project_with_outside(tmp_path)
    allowed = ("project/site", "project/.site.", "project/.briefing")
    before = tree_snapshot(tmp_path)
    for round_number in range(3):  # a first build, a swap, and a swap with changed content
        if round_number == 2:
            write_tree(project, {"content/articles/added.md": ARTICLE})
            before["project/content/articles/added.md"] = tree_snapshot(tmp_path)[
                "project/content/articles/added.md"]
        done = build(project, "build", "--out", "site")
        assert done.returncode == 0, done.stderr
        after = tree_snapshot(tmp_path)
        changed = sorted(path for path in set(before) | set(after)
                         if before.get(path) != after.get(path))
        assert changed, "the build wrote nothing"
        assert [path for path in changed if not path.startswith(allowed)] == []
    assert (project / "site/index.html").is_file()
    deadline = time.monotonic() + 10  # replaced sites are deleted in the background
    while any(p.name.startswith(".site.") for p in project.iterdir()) and \
            time.monotonic() < deadline:
        time.sleep(0.05)
    assert sorted(p.name for p in project.iterdir()) == [".briefing", "content", "site"]


def test_symlinks_out_of_content_are_refused_with_file_and_line(
        tmp_path: Path, run_main: Callable[..., Run]) -> None:
    project, outside = _project_with_outside(tmp_path)
    content = project / "content"
    (content / "articles/linked-file.md").symlink_to(outside / "secret.md")
    (content / "articles/linked-folder").symlink_to(outside / "folder", target_is_directory=True)
    (content / "entities/passwd.md").symlink_to("/etc/passwd")
    (content / "entities/dangling.md").symlink_to(outside / "missing.md")
    (content / "articles/inside.md").symlink_to(content / "articles/hostile-article.md")
    (content / "articles/loop").mkdir()
    (content / "articles/loop/up").symlink_to("..", target_is_directory=True)
    (content / "site.yaml").rename(outside / "real-site.yaml")
    (content / "site.yaml").symlink_to(outside / "real-site.yaml")
    done = run_main(project, "check")
    assert done.code == 1
    assert sorted(done.lines("symlink-escape")) == [
        "content/articles/linked-file.md:1:1: error[symlink-escape]: symbolic link points "
        "outside the content folder; copy the file in instead",
        "content/articles/linked-folder:1:1: error[symlink-escape]: symbolic link to a folder "
        "outside the content folder; copy its files in instead",
        "content/entities/dangling.md:1:1: error[symlink-escape]: symbolic link points outside "
        "the content folder; copy the file in instead",
        "content/entities/passwd.md:1:1: error[symlink-escape]: symbolic link points outside the "
        "content folder; copy the file in instead",
        "content/site.yaml:1:1: error[symlink-escape]: symbolic link points outside the content "
        "folder; copy the file in instead"]
    assert "secret" not in done.stderr and "root:" not in done.stderr


def test_a_linked_content_folder_inside_the_project_is_fine(
        tmp_path: Path, run_main: Callable[..., Run]) -> None:
    """The whole content folder may be a link: what counts is where it leads."""
    project = hostile_project(tmp_path / "real", payload="plain", body="Fine.\n")
    (tmp_path / "project").mkdir()
    (tmp_path / "project/content").symlink_to(project / "content", target_is_directory=True)
    done = run_main(tmp_path / "project", "check")
    assert done.code == 0, done.stderr


@pytest.mark.parametrize(("out", "message"), [
    ("content", "it is or contains"),
    ("templates", "it is or contains"),
    (".", "it is or contains"),
    ("..", "it is or contains"),
    ("/", "it is or contains"),
    ("HOME", "it is or contains"),
    ("HOME/..", "it is or contains"),
    ("notes", "it is not empty and was not made by this tool"),
    ("a-file", "exists and is not a folder"),
])
def test_out_refuses_folders_that_are_not_its_own(
        out: str, message: str, tmp_path: Path, run_main: Callable[..., Run],
        monkeypatch: pytest.MonkeyPatch) -> None:
    project = hostile_project(tmp_path / "project", payload="plain", body="Fine.\n")
    home = tmp_path / "home"
    write_tree(home, {".bashrc": "# mine\n"})
    write_tree(project, {"templates/base.html": "{% block content %}{% endblock %}\n",
                         "notes/mine.txt": "mine\n", "a-file": "mine\n"})
    monkeypatch.setenv("HOME", str(home))
    before = tree_snapshot(tmp_path)
    done = run_main(project, "build", "--out", out.replace("HOME", str(home)))
    assert done.code == 3, done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert done.stderr.startswith("briefing: ") and message in done.stderr, done.stderr
    after = tree_snapshot(tmp_path)
    assert {k: v for k, v in after.items() if not k.startswith("project/.briefing")} == before
