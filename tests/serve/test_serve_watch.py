"""Which file-system events trigger a rebuild, and the debounce that groups them."""

from __future__ import annotations

import threading
import time
from pathlib import Path, PurePath

import pytest

from briefing.serve.watch import (
    ChangeFlag,
    changed_between,
    is_relevant_change,
    is_temp_name,
    snapshot,
)

CONTENT = PurePath("/p/content")
TEMPLATES = PurePath("/p/templates")
ROOTS = (CONTENT, TEMPLATES)
IGNORED = (PurePath("/p/.briefing"), PurePath("/p/site"))

CASES = [
    # event, src, dest, is_directory, relevant
    ("modified", "/p/content/articles/a.md", "", False, True),
    ("created", "/p/content/articles/2024/b.md", "", False, True),
    ("deleted", "/p/content/entities/x.md", "", False, True),
    ("closed", "/p/content/site.yaml", "", False, True),
    ("modified", "/p/templates/base.html", "", False, True),
    ("created", "/p/templates/static/style.css", "", False, True),
    ("created", "/p/content/articles/2024", "", True, True),
    ("deleted", "/p/content/articles/2024", "", True, True),
    ("moved", "/p/content/articles/old.md", "/p/content/articles/new.md", False, True),
    # editors save by writing a temp file and renaming it over the original
    ("moved", "/p/content/articles/.a.md.tmp", "/p/content/articles/a.md", False, True),
    ("moved", "/p/content/articles/a.md", "/p/content/articles/a.md~", False, True),
    # reads (our own build opens every file) and folder mtimes
    ("opened", "/p/content/articles/a.md", "", False, False),
    ("closed_no_write", "/p/content/articles/a.md", "", False, False),
    ("modified", "/p/content/articles", "", True, False),
    # editor and OS scratch files
    ("created", "/p/content/articles/.a.md.swp", "", False, False),
    ("modified", "/p/content/articles/.a.md.swx", "", False, False),
    ("created", "/p/content/articles/a.md~", "", False, False),
    ("created", "/p/content/articles/.#a.md", "", False, False),
    ("created", "/p/content/articles/#a.md#", "", False, False),
    ("created", "/p/content/articles/4913", "", False, False),
    ("deleted", "/p/content/articles/5036", "", False, False),
    ("created", "/p/content/articles/a.md.tmp", "", False, False),
    ("created", "/p/templates/base.html___jb_tmp___", "", False, False),
    ("created", "/p/content/.DS_Store", "", False, False),
    ("modified", "/p/content/.git/index", "", False, False),
    ("moved", "/p/content/articles/.a.md.swp", "/p/content/articles/.a.md.swx", False, False),
    # the tool's own folders, even when the content folder holds them (--content .)
    ("modified", "/p/.briefing/serve/index.html", "", False, False),
    ("created", "/p/site/index.html", "", False, False),
    ("created", "/p/.briefing", "", True, False),
    # outside every watched folder
    ("modified", "/elsewhere/a.md", "", False, False),
]


@pytest.mark.parametrize(("event", "src", "dest", "is_directory", "relevant"), CASES)
def test_classifies_file_events(event: str, src: str, dest: str, is_directory: bool,
                                relevant: bool) -> None:
    assert is_relevant_change(event, src, dest, is_directory, ROOTS, IGNORED) is relevant


def test_the_project_folder_itself_may_be_the_content_folder() -> None:
    roots = (PurePath("/p"),)
    assert is_relevant_change("modified", "/p/articles/a.md", "", False, roots, IGNORED)
    assert not is_relevant_change("modified", "/p/.briefing/serve/a.html", "", False, roots,
                                  IGNORED)
    assert not is_relevant_change("modified", "/p/site/a.html", "", False, roots, IGNORED)


def test_a_hidden_parent_of_the_watched_folder_does_not_count() -> None:
    roots = (PurePath("/home/u/.work/content"),)
    assert is_relevant_change("modified", "/home/u/.work/content/a.md", "", False, roots, ())


@pytest.mark.parametrize("name", ["a.md", "site.yaml", "style.css", "2024", "4913.md", "x.tmpl"])
def test_real_file_names_are_not_temp_names(name: str) -> None:
    assert not is_temp_name(name)


def test_debounce_waits_until_changes_stop() -> None:
    flag, stop = ChangeFlag(), threading.Event()
    done: list[float] = []

    def wait() -> None:
        if flag.wait_until_quiet(0.15, stop):
            done.append(time.monotonic())

    waiter = threading.Thread(target=wait)
    waiter.start()
    for _ in range(4):  # a burst of saves, each within the quiet period
        flag.record()
        time.sleep(0.05)
    last = time.monotonic()
    waiter.join(timeout=5)
    assert len(done) == 1
    assert done[0] - last >= 0.09


def test_debounce_returns_false_when_stopped() -> None:
    flag, stop = ChangeFlag(), threading.Event()
    result: list[bool] = []
    waiter = threading.Thread(target=lambda: result.append(flag.wait_until_quiet(0.1, stop)))
    waiter.start()
    stop.set()
    flag.wake()
    waiter.join(timeout=5)
    assert result == [False]


def test_a_change_during_a_build_is_not_lost() -> None:
    flag, stop = ChangeFlag(), threading.Event()
    flag.record()
    assert flag.wait_until_quiet(0.01, stop)
    flag.record()  # saved while the first build ran
    assert flag.wait_until_quiet(0.01, stop)


def test_snapshots_show_files_added_removed_and_changed_but_not_scratch_or_output(
        tmp_path: Path) -> None:
    content, out = tmp_path / "content", tmp_path / "content/site"
    for name in ("a.md", "b.md", "c.md"):
        (content / "articles").mkdir(parents=True, exist_ok=True)
        (content / "articles" / name).write_text(name, encoding="utf-8")
    before = snapshot([content], [out])
    assert changed_between(before, snapshot([content], [out])) == []

    (content / "articles/a.md").write_text("a, edited", encoding="utf-8")
    (content / "articles/b.md").unlink()
    (content / "articles/2024").mkdir()
    (content / "articles/2024/d.md").write_text("d", encoding="utf-8")
    (content / "articles/.c.md.swp").write_text("scratch", encoding="utf-8")
    (content / "articles/c.md~").write_text("backup", encoding="utf-8")
    out.mkdir()
    (out / "page.html").write_text("output", encoding="utf-8")
    after = snapshot([content], [out])
    articles = (content / "articles").resolve()
    assert changed_between(before, after) == [
        str(articles / "2024/d.md"), str(articles / "a.md"), str(articles / "b.md")]
