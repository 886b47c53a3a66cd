"""test_warm_equals_cold across processes: what a build keeps in .briefing/ (the checked
files, what each page read, the skip state) is used by the next `build` and `check`, each
a new process, and a warm build is byte for byte the cold build of the same content."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from briefing.render.templates import packaged_templates
from briefing.workdir.cache import code_version
from briefing.workdir.packed import pack, unpack
from briefing.write.staging import recover

Run = Callable[..., subprocess.CompletedProcess[str]]
PARTIAL = re.compile(r"\((\d+) of (\d+) pages and feeds rendered, the others kept\)")


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


class Project:
    """A project folder whose .briefing/ is kept between builds, and cold builds of the
    same content in a folder of their own."""

    def __init__(self, root: Path, run: Run, options: list[str]) -> None:
        self.root, self.run, self.options = root, run, options
        self.content = root / "content"
        self.cold_count = 0

    def build(self, *extra: str) -> subprocess.CompletedProcess[str]:
        done = self.run(["build", "--content", str(self.content), "--out", "site", "-j", "1",
                         *self.options, *extra], self.root)
        assert done.returncode == 0, done.stderr
        return done

    def cold(self, *extra: str) -> dict[str, bytes]:
        self.cold_count += 1
        where = self.root.parent / f"cold-{self.root.name}-{self.cold_count}"
        where.mkdir()
        done = self.run(["build", "--content", str(self.content), "--out", "site", "-j", "1",
                         *self.options, *extra], where)
        assert done.returncode == 0, done.stderr
        assert PARTIAL.search(done.stdout) is None  # nothing was kept: every page rendered
        tree = _tree(where / "site")
        shutil.rmtree(where)
        return tree

    def warm_equals_cold(self, *extra: str) -> subprocess.CompletedProcess[str]:
        warm = self.build(*extra)
        assert _tree(self.root / "site") == self.cold(*extra), warm.stdout
        return warm

    def folder_id(self) -> int:
        """The published folder's inode: the same after an in-place publish, another
        after a new folder was swapped in."""
        return (self.root / "site").stat().st_ino

    def siblings(self) -> list[str]:
        """What an unfinished publish left beside the site (.site.new, .site.undo), but
        not the folders being deleted in the background (named .site.new-PID-TIME)."""
        return sorted(p.name for p in self.root.iterdir() if p.name.startswith(".site.")
                      and not re.search(r"-\d+-\d+$", p.name))

    def state_files(self) -> list[Path]:
        return sorted((self.root / ".briefing/cache").glob("pages-*.state"))


def _rendered(done: subprocess.CompletedProcess[str]) -> tuple[int, int] | None:
    found = PARTIAL.search(done.stdout)
    return (int(found[1]), int(found[2])) if found else None


def _article(content: Path, number: int) -> Path:
    return sorted((content / "articles").rglob("*.md"))[number]


def _unreferenced(content: Path) -> Path:
    """A briefing no other file names (deleting it breaks no link)."""
    files = sorted(content.rglob("*.md"))
    texts = {path: path.read_text(encoding="utf-8") for path in files}
    return next(path for path in sorted((content / "articles").rglob("*.md"))[10:]
                if not any(path.stem in text for other, text in texts.items() if other != path))


def _sub(path: Path, pattern: str, replacement: str) -> None:
    text = path.read_text(encoding="utf-8")
    changed = re.sub(pattern, replacement, text, count=1, flags=re.MULTILINE)
    assert changed != text
    path.write_text(changed, encoding="utf-8")


@pytest.mark.parametrize("language", ["ko", "en"])
def test_warm_equals_cold_across_processes(
        tmp_path: Path, language: str, run_cli: Run,
        generate_corpus: Callable[[Path, int, int], object]) -> None:
    project = tmp_path / "project"
    templates = project / "templates-copy"
    shutil.copytree(Path(str(packaged_templates())), templates)
    project_ = Project(project, run_cli, ["--language", language, "--templates",
                                          str(templates)])
    generate_corpus(project_.content, 40, 3)
    first = project_.build()
    assert _rendered(first) is None and project_.state_files()

    # a one-line body edit: its page and the few that show it, nothing else
    body = _article(project_.content, 4)
    body.write_text(body.read_text(encoding="utf-8") + "\nOne more line of text.\n",
                    encoding="utf-8")
    folder = project_.folder_id()
    rendered = _rendered(project_.warm_equals_cold())
    assert rendered is not None and 0 < rendered[0] < rendered[1] // 4, rendered
    assert project_.folder_id() == folder  # published in place (write.inplace)
    assert project_.siblings() == []

    _sub(_article(project_.content, 7), r"^title: .*$", "title: A title edited later")
    rendered = _rendered(project_.warm_equals_cold())
    assert rendered is not None and 0 < rendered[0] < rendered[1] // 2, rendered

    source = _article(project_.content, 9)  # a new briefing reporting the same events
    copy = source.with_name("a-second-report.md")
    copy.write_text(re.sub(r"^title: .*$", "title: A second report", source.read_text(
        encoding="utf-8"), count=1, flags=re.MULTILINE), encoding="utf-8")
    assert _rendered(project_.warm_equals_cold()) is not None

    _unreferenced(project_.content).unlink()
    assert _rendered(project_.warm_equals_cold()) is not None
    assert project_.folder_id() == folder and project_.siblings() == []

    base = templates / "base.html"  # every page shows it: nothing can be kept
    base.write_text(base.read_text(encoding="utf-8").replace("</body>", "<!-- t -->\n</body>"),
                    encoding="utf-8")
    assert _rendered(project_.warm_equals_cold()) is None

    _sub(project_.content / "site.yaml", r"^title: .*$", "title: Edited site title")
    assert _rendered(project_.warm_equals_cold()) is None

    assert _rendered(project_.warm_equals_cold("--base-url", "https://other.example/")) is None
    assert _rendered(project_.warm_equals_cold()) is None  # back: the state was replaced

    # nothing changed: the whole build is skipped
    skipped = project_.build()
    assert re.match(r"built (\d+) files into site: 0 written, \1 unchanged", skipped.stdout)


def _rewrite_state(path: Path, make: Callable[[object], bytes]) -> None:
    value, why = unpack(path.read_bytes(), "page-reads", code_version())
    assert not why
    path.write_bytes(make(value))


@pytest.mark.parametrize("damage", ["other-version", "truncated", "wrong-shape", "foreign",
                                    "out-of-range"])
def test_a_state_that_cannot_be_trusted_is_ignored_with_one_line(
        tmp_path: Path, damage: str, run_cli: Run,
        generate_corpus: Callable[[Path, int, int], object]) -> None:
    project = Project(tmp_path / "project", run_cli, [])
    generate_corpus(project.content, 20, 5)
    project.build()
    _sub(_article(project.content, 3), r"^title: .*$", "title: Edited while the state broke")
    (state,) = project.state_files()
    if damage == "other-version":
        _rewrite_state(state, lambda value: pack("page-reads", "0123456789abcdef", value))
    elif damage == "truncated":
        state.write_bytes(state.read_bytes()[:-40])
    elif damage == "wrong-shape":
        _rewrite_state(state, lambda value: pack("page-reads", code_version(),
                                                 {**value, "reads": [[1, 2, 3]]}))
    elif damage == "foreign":
        state.write_bytes(b"\x80\x04\x95 not ours at all")
    else:  # a page names a read the table does not have
        def far(value: dict[str, object]) -> bytes:
            outputs = dict(value["outputs"])  # type: ignore[call-overload]
            outputs[next(iter(outputs))] = (10**6).to_bytes(4, "little")
            return pack("page-reads", code_version(), {**value, "outputs": outputs})
        _rewrite_state(state, far)
    warm = project.warm_equals_cold()
    lines = [line for line in warm.stderr.splitlines() if "ignored" in line]
    assert len(lines) == 1 and str(state.name) in lines[0], warm.stderr
    assert "Traceback" not in warm.stderr
    assert _rendered(warm) is None  # nothing trusted: every page rendered


def test_a_published_folder_touched_by_hand_is_not_trusted(
        tmp_path: Path, run_cli: Run,
        generate_corpus: Callable[[Path, int, int], object]) -> None:
    project = Project(tmp_path / "project", run_cli, [])
    generate_corpus(project.content, 20, 6)
    project.build()
    page = next(p for p in sorted((project.root / "site/articles").rglob("index.html")))
    page.write_bytes(page.read_bytes() + b"<!-- by hand -->")
    _sub(_article(project.content, 2), r"^title: .*$", "title: Edited after a hand edit")
    warm = project.warm_equals_cold()
    assert _rendered(warm) is None


def test_an_output_deleted_by_hand_is_made_again(
        tmp_path: Path, run_cli: Run,
        generate_corpus: Callable[[Path, int, int], object]) -> None:
    """The folder is not walked after an edit (the files the page state names are
    stat'ed): a kept page and a kept data file deleted by hand are still missed."""
    project = Project(tmp_path / "project", run_cli, [])
    generate_corpus(project.content, 20, 8)
    project.build()
    site = project.root / "site"
    pages = sorted((site / "articles").rglob("index.html"))
    pages[-1].unlink()  # a page no edit below renders again
    data = sorted(p for p in (site / "data").rglob("*") if p.is_file())
    data[0].unlink()
    _sub(_article(project.content, 2), r"^title: .*$", "title: Edited after a deletion")
    warm = project.warm_equals_cold()
    assert _rendered(warm) is None  # the folder was not as left: everything rendered


def test_a_file_added_by_hand_goes_with_the_next_build_that_finds_nothing_changed(
        tmp_path: Path, run_cli: Run,
        generate_corpus: Callable[[Path, int, int], object]) -> None:
    """An edit's build does not look for files it did not publish (docs/incremental.md);
    the next build with nothing changed walks the folder, sees one and renders all."""
    project = Project(tmp_path / "project", run_cli, [])
    generate_corpus(project.content, 20, 9)
    project.build()
    stray = project.root / "site/stray.html"
    stray.write_text("<p>added by hand</p>", encoding="utf-8")
    _sub(_article(project.content, 2), r"^title: .*$", "title: Edited beside a stray file")
    assert _rendered(project.build()) is not None and stray.is_file()
    assert _rendered(project.warm_equals_cold()) is None and not stray.exists()
    skipped = project.build()
    assert re.match(r"built (\d+) files into site: 0 written, \1 unchanged", skipped.stdout)


def test_check_uses_what_the_last_check_kept(
        tmp_path: Path, run_cli: Run,
        generate_corpus: Callable[[Path, int, int], object]) -> None:
    content = tmp_path / "content"
    generate_corpus(content, 30, 7)
    first = run_cli(["check", "--content", str(content)], tmp_path)
    assert first.returncode == 0, first.stderr
    assert _rendered(first) is None
    _sub(_article(content, 5), r"^title: .*$", "title: Checked again")
    second = run_cli(["check", "--content", str(content)], tmp_path)
    assert second.returncode == 0, second.stderr
    rendered = _rendered(second)
    assert rendered is not None and 0 < rendered[0] < rendered[1] // 2
    count = re.search(r"checked: (\d+) files", first.stdout)
    assert count and f"checked: {count[1]} files" in second.stdout
    # a broken link made by the edit is still found, though most pages were kept
    _sub(_article(content, 5), r"\Z", "\nSee [[event:no-such-event]].\n")
    third = run_cli(["check", "--content", str(content)], tmp_path)
    assert third.returncode == 1 and "no-such-event" in third.stderr
    fresh = run_cli(["check", "--content", str(content), "--no-cache"], tmp_path)
    assert fresh.returncode == 1 and _rendered(fresh) is None


# The CLI, killed (os._exit: no cleanup runs) at the rename of its publish after the
# `count`-th: in the middle of publishing (renames of state files are not counted).
_KILLED_AT_RENAME = """
import os, runpy, sys
replace, count = os.replace, [0]
def dying(source, target):
    if ".site." in str(source) + str(target):
        count[0] += 1
        if count[0] > {count}:
            os._exit(9)
    replace(source, target)
os.replace = dying
sys.argv = [{build!r}, *{args!r}]
runpy.run_path({build!r}, run_name="__main__")
"""


@pytest.mark.parametrize("renames", [2, 4])
def test_a_build_killed_while_publishing_in_place_is_rolled_back(
        tmp_path: Path, renames: int, run_cli: Run,
        generate_corpus: Callable[[Path, int, int], object]) -> None:
    project = Project(tmp_path / "project", run_cli, [])
    generate_corpus(project.content, 40, 8)
    project.build()
    before = _tree(project.root / "site")
    body = _article(project.content, 3)  # a body edit: a few files change
    body.write_text(body.read_text(encoding="utf-8") + "\nA line, then killed.\n",
                    encoding="utf-8")
    build_py = Path(__file__).resolve().parents[2] / "build.py"
    code = _KILLED_AT_RENAME.format(count=renames, build=str(build_py), args=[
        "build", "--content", str(project.content), "--out", "site", "-j", "1"])
    killed = subprocess.run([sys.executable, "-c", code], cwd=project.root,
                            capture_output=True, text=True, timeout=120, check=False)
    assert killed.returncode == 9, killed.stderr
    assert ".site.undo" in project.siblings()  # killed mid-publish: its journal is there
    assert _tree(project.root / "site") != before  # and the folder half changed
    recover(project.root / "site")  # what the next build does first
    assert _tree(project.root / "site") == before and project.siblings() == []
    folder = project.folder_id()
    warm = project.warm_equals_cold()  # and that build completes the edit, warm
    assert _rendered(warm) is not None and project.folder_id() == folder


def test_a_data_state_left_by_an_older_build_is_not_used(
        tmp_path: Path, run_cli: Run,
        generate_corpus: Callable[[Path, int, int], object]) -> None:
    # The data files kept are read from the published folder: only the build that
    # published it may vouch for them (a save that failed leaves an older state behind).
    project = Project(tmp_path / "project", run_cli, [])
    generate_corpus(project.content, 30, 9)
    project.build()
    (older,) = sorted((project.root / ".briefing/cache").glob("data-*.state"))
    search = project.root / ".briefing/search.state"
    saved, saved_search = older.read_bytes(), search.read_bytes()
    article = _article(project.content, 6)
    original = re.search(r"^title: (.*)$", article.read_text(encoding="utf-8"), re.MULTILINE)
    assert original
    _sub(article, r"^title: .*$", "title: A title for one build only")
    project.build()
    older.write_bytes(saved)  # as if this build's saves had failed
    search.write_bytes(saved_search)
    _sub(article, r"^title: .*$", f"title: {original[1]}")  # back: the older digests match
    warm = project.warm_equals_cold()
    assert _rendered(warm) is not None


def _linked_briefing(content: Path) -> tuple[Path, list[Path]]:
    """A briefing other briefings link to by name (but whose events no other file
    names), and the files that do."""
    texts = {path: path.read_text(encoding="utf-8")
             for path in sorted((content / "articles").rglob("*.md"))}
    for path, own in texts.items():
        events = re.findall(r"^  - id: (\S+)$", own, re.MULTILINE)
        linking = [other for other, text in texts.items()
                   if other != path and f"[[article:{path.stem}" in text]
        if linking and not any(event in text for event in events
                               for other, text in texts.items() if other != path):
            return path, linking
    raise AssertionError("the corpus has no briefing linked by name")


def test_warm_equals_cold_when_links_and_carriers_change(
        tmp_path: Path, run_cli: Run,
        generate_corpus: Callable[[Path, int, int], object]) -> None:
    # Edits that change the graph's links, not only a page's text: the kept plan parts and
    # pages that read what moved must be made again.
    project = Project(tmp_path / "project", run_cli, [])
    content = project.content
    generate_corpus(content, 40, 11)
    project.build()

    # an entity's links: a wikilink to another entity in its text, and a new parent
    entities = sorted((content / "entities").glob("*.md"))
    entity, other = entities[0], entities[-1]
    text = entity.read_text(encoding="utf-8")
    text = re.sub(r"^parent: .*\n", "", text, flags=re.MULTILINE)
    text = text.replace("---\n", f"---\nparent: {other.stem}\n", 1) + \
        f"\nSee also [[{other.stem}]].\n"
    entity.write_text(text, encoding="utf-8")
    assert _rendered(project.warm_equals_cold()) is not None

    # a new entity, named by a briefing
    (content / "entities" / "a-new-lab.md").write_text(
        "---\nname: {ko: 새 연구소, en: A New Lab}\ntype: organization\n---\n\n"
        "A laboratory added later.\n", encoding="utf-8")
    _sub(_article(content, 12), r"^entities: \[", "entities: [a-new-lab, ")
    rendered = _rendered(project.warm_equals_cold())
    assert rendered is not None and rendered[0] < rendered[1] // 2, rendered

    # an event moved from one carrier to another
    moved = next(path for path in sorted((content / "articles").rglob("*.md"))
                 if re.search(r"^    carriers: \[kt\]$", path.read_text(encoding="utf-8"),
                              re.MULTILINE))
    _sub(moved, r"^    carriers: \[kt\]$", "    carriers: [lguplus]")
    assert _rendered(project.warm_equals_cold()) is not None

    # an event moved to a year no other has: a plan part (the timeline) gains a page
    _sub(moved, r"^    date: \d{4}-", "    date: 2027-")
    assert _rendered(project.warm_equals_cold()) is not None

    # a briefing others link to, removed: the same errors as a cold build, the site kept
    removed, linking = _linked_briefing(content)
    removed.unlink()
    before = _tree(project.root / "site")
    warm = run_cli(["build", "--content", str(content), "--out", "site", "-j", "1"],
                   project.root)
    (tmp_path / "cold").mkdir()
    cold = run_cli(["build", "--content", str(content), "--out", "site", "-j", "1"],
                   tmp_path / "cold")
    assert warm.returncode == cold.returncode == 1, warm.stderr
    assert warm.stderr == cold.stderr.replace("../project/", "")
    assert removed.stem in warm.stderr
    assert _tree(project.root / "site") == before
    # then the links to it taken out: a warm build of what is left is the cold one
    for path in linking:
        while f"[[article:{removed.stem}" in path.read_text(encoding="utf-8"):
            _sub(path, rf"\[\[article:{re.escape(removed.stem)}[^\]]*\]\]", "an earlier one")
    assert _rendered(project.warm_equals_cold()) is not None


@pytest.mark.parametrize("damage", ["other-version", "truncated", "wrong-shape", "foreign"])
def test_a_plan_state_that_cannot_be_trusted_is_ignored_with_one_line(
        tmp_path: Path, damage: str, run_cli: Run,
        generate_corpus: Callable[[Path, int, int], object]) -> None:
    project = Project(tmp_path / "project", run_cli, [])
    generate_corpus(project.content, 20, 12)
    project.build()
    _sub(_article(project.content, 4), r"^title: .*$", "title: Edited while the plan broke")
    (state,) = sorted((project.root / ".briefing/cache").glob("plan-*.state"))
    value, why = unpack(state.read_bytes(), "page-plan", code_version())
    assert not why and value["units"]
    if damage == "other-version":
        state.write_bytes(pack("page-plan", "0123456789abcdef", value))
    elif damage == "truncated":
        state.write_bytes(state.read_bytes()[:-40])
    elif damage == "wrong-shape":  # a part whose pages are not (path, template, id)
        units = {key: [ids, [["articles/", 3]]] for key, (ids, _) in value["units"].items()}
        state.write_bytes(pack("page-plan", code_version(), {**value, "units": units}))
    else:
        state.write_bytes(b"\x80\x04\x95 not ours at all")
    warm = project.warm_equals_cold()
    lines = [line for line in warm.stderr.splitlines() if "ignored" in line]
    assert len(lines) == 1 and state.name in lines[0], warm.stderr
    assert "Traceback" not in warm.stderr
    assert _rendered(warm) is not None  # the pages' state was still used


def test_warm_equals_cold_when_a_briefing_gains_a_link_or_moves_in_time(
        tmp_path: Path, run_cli: Run,
        generate_corpus: Callable[[Path, int, int], object]) -> None:
    # The link's parts kept in .briefing/cache/link.state: a body whose links changed, and
    # a briefing moved in time (every related list ranked again), are linked again.
    project = Project(tmp_path / "project", run_cli, [])
    content = project.content
    generate_corpus(content, 40, 13)
    project.build()
    assert (project.root / ".briefing/cache/link.state").is_file()
    entity = sorted((content / "entities").glob("*.md"))[-1].stem
    edited = _article(content, 7)
    edited.write_text(edited.read_text(encoding="utf-8") + f"\nSee [[{entity}]].\n",
                      encoding="utf-8")
    rendered = _rendered(project.warm_equals_cold())
    assert rendered is not None and rendered[0] < rendered[1] // 2, rendered
    _sub(_article(content, 20), r"^published: \d{4}-", "published: 2015-")
    assert _rendered(project.warm_equals_cold()) is not None
    # a link to an event that does not exist, in a kept body: reported as a cold build does
    _sub(_article(content, 9), r"\Z", "\nSee [[event:no-such-event]].\n")
    warm = run_cli(["build", "--content", str(content), "--out", "site", "-j", "1"],
                   project.root)
    assert warm.returncode == 1 and "no-such-event" in warm.stderr
    _sub(_article(content, 30), r"^title: .*$", "title: Another edit, the error still there")
    again = run_cli(["build", "--content", str(content), "--out", "site", "-j", "1"],
                    project.root)
    assert again.returncode == 1 and again.stderr == warm.stderr


@pytest.mark.parametrize("damage", ["other-version", "truncated", "wrong-shape", "foreign"])
def test_a_link_state_that_cannot_be_trusted_is_ignored_with_one_line(
        tmp_path: Path, damage: str, run_cli: Run,
        generate_corpus: Callable[[Path, int, int], object]) -> None:
    project = Project(tmp_path / "project", run_cli, [])
    generate_corpus(project.content, 20, 14)
    project.build()
    _sub(_article(project.content, 4), r"\Z", "\nOne more line while the link broke.\n")
    state = project.root / ".briefing/cache/link.state"
    value, why = unpack(state.read_bytes(), "link-parts", code_version())
    assert not why and value["mentions"] and value["related"]
    if damage == "other-version":
        state.write_bytes(pack("link-parts", "0123456789abcdef", value))
    elif damage == "truncated":
        state.write_bytes(state.read_bytes()[:-40])
    elif damage == "wrong-shape":  # a briefing's mentions that are not a list of ids
        mentions = [[*row[:2], [3], *row[3:]] for row in value["mentions"]]
        state.write_bytes(pack("link-parts", code_version(), {**value, "mentions": mentions}))
    else:
        state.write_bytes(b"\x80\x04\x95 not ours at all")
    warm = project.warm_equals_cold()
    lines = [line for line in warm.stderr.splitlines() if "ignored" in line]
    assert len(lines) == 1 and state.name in lines[0], warm.stderr
    assert "Traceback" not in warm.stderr
    assert _rendered(warm) is not None  # the pages' state was still used


def test_warm_equals_cold_when_a_title_shown_elsewhere_or_an_event_date_changes(
        tmp_path: Path, run_cli: Run,
        generate_corpus: Callable[[Path, int, int], object]) -> None:
    # The edits a warm build that relinks nothing must still carry to other pages: a title
    # that pages linking to the briefing show, an event's date (its pages, the timeline and
    # the carrier pages order by it), and a briefing linked to before it existed.
    project = Project(tmp_path / "project", run_cli, [])
    content = project.content
    generate_corpus(content, 40, 17)
    project.build()

    linked, _ = _linked_briefing(content)
    _sub(linked, r"^title: .*$", "title: A title others show")
    project.warm_equals_cold()
    showing = [name for name, data in _tree(project.root / "site").items()
               if name.endswith(".html") and b"A title others show" in data]
    assert len(showing) > 1, showing  # not its own page alone

    dated = next(path for path in sorted((content / "articles").rglob("*.md"))
                 if re.search(r"^    date: \d{4}-\d{2}-(?!28)\d{2}$",
                              path.read_text(encoding="utf-8"), re.MULTILINE))
    _sub(dated, r"^(    date: \d{4}-\d{2})-(?!28)\d{2}$", r"\1-28")
    assert _rendered(project.warm_equals_cold()) is not None

    # a link to a briefing that does not exist yet: the cold build's error, the site kept
    _sub(_article(content, 5), r"\Z", "\nSee [[article:a-later-briefing]].\n")
    before = _tree(project.root / "site")
    warm = run_cli(["build", "--content", str(content), "--out", "site", "-j", "1"],
                   project.root)
    (tmp_path / "cold").mkdir()
    cold = run_cli(["build", "--content", str(content), "--out", "site", "-j", "1"],
                   tmp_path / "cold")
    assert warm.returncode == cold.returncode == 1, warm.stderr
    assert warm.stderr == cold.stderr.replace("../project/", "")
    assert "a-later-briefing" in warm.stderr
    assert _tree(project.root / "site") == before
    # then the briefing written: the link resolves as in a cold build
    source = _article(content, 11)
    source.with_name("a-later-briefing.md").write_text(re.sub(
        r"^title: .*$", "title: A briefing written later", source.read_text(encoding="utf-8"),
        count=1, flags=re.MULTILINE), encoding="utf-8")
    assert _rendered(project.warm_equals_cold()) is not None
