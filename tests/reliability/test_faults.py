"""Faults: a build killed at any moment leaves the old or the new site whole and the next
build clears what it left; a write error is one line, exit 3, the old site intact; a second
build into the same folder waits its turn; an interrupted ingest leaves no half file."""

from __future__ import annotations

import contextlib
import errno
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from reliability_helpers import (
    BUILD_PY,
    PROJECT_ROOT,
    build,
    clean_env,
    hostile_project,
    site_files,
    write_tree,
)

from briefing.load.files import load_file

ARTICLES = 200  # one to two seconds of build on a CI runner


SHARED_MEMORY = Path("/dev/shm")


@pytest.fixture(autouse=True, scope="module")
def _no_leaked_semaphores() -> Iterator[None]:
    """A killed build cannot unlink its pool's named semaphores (multiprocessing makes
    them in /dev/shm): remove the ones these tests leave."""
    before = set(SHARED_MEMORY.glob("sem.mp-*")) if SHARED_MEMORY.is_dir() else set()
    yield
    if SHARED_MEMORY.is_dir():
        for leaked in set(SHARED_MEMORY.glob("sem.mp-*")) - before:
            leaked.unlink(missing_ok=True)


def generate_corpus(content: Path, articles: int, seed: int) -> subprocess.Popen[bytes] | None:
    """bench/corpus.py when the project has it (started, returned), else our own generator."""
    bench = PROJECT_ROOT / "bench/corpus.py"
    if bench.is_file():
        return subprocess.Popen([sys.executable, str(bench), "--articles", str(articles),
                                 "--out", str(content), "--seed", str(seed)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    rng = random.Random(seed)  # pragma: no cover - only without bench/
    files = {"site.yaml": "title: Corpus\nbase_url: https://example.org/\nlanguage: en\n",
             "carriers/skt.md": "---\nname: SK Telecom\n---\n",
             "entities/partner.md": "---\nname: Partner\ntype: company\n---\n"}
    for n in range(articles):
        day = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        files[f"articles/a{n}.md"] = (
            f"---\ntitle: Article {n} {rng.random()}\npublished: {day}\nsource: {{title: s{n}}}"
            f"\ncarriers: [skt]\nentities: [partner]\nsummary: Summary {n}.\nevents:\n"
            f"  - {{id: e{n}, date: {day}, title: Event {n}, kind: partnership, "
            f"carriers: [skt], entities: [partner]}}\n---\n" + "Body text. " * 200 + "\n")
    write_tree(content, files)
    return None


@dataclass(frozen=True)
class Corpora:
    project: Path
    references: dict[str, dict[str, str]]  # content folder -> {site path: sha256}


@pytest.fixture(scope="module")
def corpora(tmp_path_factory: pytest.TempPathFactory) -> Corpora:
    """Two different content folders in one project, each built once for reference."""
    project = tmp_path_factory.mktemp("faults")
    # A frozen copy of the templates (./templates is looked up first), so every build of
    # this module renders with the same ones.
    shutil.copytree(PROJECT_ROOT / "templates", project / "templates",
                    ignore=shutil.ignore_patterns("__pycache__"))
    names = ("content-a", "content-b")
    for process in [generate_corpus(project / name, ARTICLES, seed)
                    for seed, name in enumerate(names, 1)]:
        assert process is None or process.wait(timeout=120) == 0
    builds = [_start(project, "build", "--content", name, "--out", f"ref-{name}")
              for name in names]  # side by side: they lock different output folders
    for process in builds:
        _stdout, stderr = _end(process)
        assert process.returncode == 0, stderr
    references = {name: site_files(project / f"ref-{name}") for name in names}
    assert references["content-a"] != references["content-b"]
    return Corpora(project, references)


def _leftovers(project: Path, out: str = "site", wait: float = 15) -> list[str]:
    """Swap siblings still beside the output once background deletion had its time."""
    deadline = time.monotonic() + wait
    while True:
        found = sorted(p.name for p in project.iterdir() if p.name.startswith(f".{out}."))
        if not found or time.monotonic() > deadline:
            return found
        time.sleep(0.1)


def _start(project: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, str(BUILD_PY), *args], cwd=project,
                            env=clean_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, start_new_session=True)


def _end(process: subprocess.Popen[str]) -> tuple[str, str]:
    """Wait for it (and make sure nothing it started outlives the test)."""
    stdout, stderr = process.communicate(timeout=120)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)  # its pool workers, if any were left
    return stdout, stderr


def test_a_killed_build_leaves_the_old_or_the_new_site_whole(corpora: Corpora) -> None:
    project, references = corpora.project, corpora.references
    rng = random.Random(20240611)
    started = time.perf_counter()  # a whole build first: the old site, and how long one takes
    first = build(project, "build", "--content", "content-a", "--out", "site")
    assert first.returncode == 0, first.stderr
    window = min(1.5, 0.9 * (time.perf_counter() - started))  # kills land inside a build
    killed = 0
    seen: list[str] = ["content-a"]
    for run in range(16):  # until ten builds were killed part way
        # Always towards the other site (the same one would be skipped as up to date).
        content = "content-b" if seen[-1] == "content-a" else "content-a"
        process = _start(project, "build", "--content", content, "--out", "site")
        time.sleep(rng.uniform(0, window))
        process.send_signal(signal.SIGKILL)  # the build process only, as the OOM killer would
        _end(process)
        killed += process.returncode == -signal.SIGKILL
        now = site_files(project / "site")
        state = next((name for name, files in references.items() if files == now), None)
        assert state is not None, f"run {run}: site/ is neither the old nor the new site"
        seen.append(state)
        if killed == 10:
            break
    assert killed >= 8, f"only {killed} builds were killed before they finished ({seen})"
    other = "content-b" if seen[-1] == "content-a" else "content-a"
    done = build(project, "build", "--content", other, "--out", "site")
    assert done.returncode == 0, done.stderr
    assert site_files(project / "site") == references[other]
    assert _leftovers(project) == []


def _limited_build(project: Path, file_size_limit: int) -> subprocess.CompletedProcess[str]:
    """The real CLI with RLIMIT_FSIZE set: writes past it fail with EFBIG, even for root."""
    code = ("import resource, runpy, sys; "
            f"resource.setrlimit(resource.RLIMIT_FSIZE, ({file_size_limit}, {file_size_limit})); "
            f"sys.argv = [{str(BUILD_PY)!r}, 'build', '--out', 'site']; "
            f"runpy.run_path({str(BUILD_PY)!r}, run_name='__main__')")
    return subprocess.run([sys.executable, "-c", code], cwd=project, env=clean_env(),
                          capture_output=True, text=True, timeout=120, check=False)


def test_a_write_error_is_one_line_exit_3_and_leaves_the_site_intact(tmp_path: Path) -> None:
    project = hostile_project(tmp_path, payload="plain", body="Fine.\n")
    assert build(project, "build", "--out", "site").returncode == 0
    before = site_files(project / "site")
    write_tree(project, {"content/articles/new-one.md": (
        "---\ntitle: New\npublished: 2024-10-01\nsource: {title: s}\nsummary: s\n"
        "carriers: [hostile-carrier]\n---\n" + "A long body. " * 2000 + "\n")})
    done = _limited_build(project, 8192)
    assert done.returncode == 3, done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert done.stderr.startswith("briefing: cannot write the site to 'site': File too large; "
                                  "the previous site was left as it was"), done.stderr
    assert "Traceback" not in done.stderr
    assert site_files(project / "site") == before
    assert _leftovers(project) == []
    again = build(project, "build", "--out", "site")
    assert again.returncode == 0, again.stderr
    assert "articles/new-one/index.html" in site_files(project / "site")


def test_an_output_whose_parent_is_a_file_is_one_line_exit_3(tmp_path: Path) -> None:
    project = hostile_project(tmp_path, payload="plain", body="Fine.\n")
    write_tree(project, {"a-file": "mine\n"})
    done = build(project, "build", "--out", "a-file/site")
    assert done.returncode == 3, done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert done.stderr.startswith("briefing: ") and "a-file/site" in done.stderr
    assert (project / "a-file").read_text() == "mine\n"


def test_a_second_build_into_the_same_folder_refuses_while_the_first_completes(
        corpora: Corpora) -> None:
    project = corpora.project
    shutil.rmtree(project / "together", ignore_errors=True)
    first = _start(project, "build", "--content", "content-a", "--out", "together")
    deadline = time.monotonic() + 30
    locks = project / ".briefing"
    while time.monotonic() < deadline and first.poll() is None and not any(
            p.read_text().strip() == str(first.pid) for p in locks.glob("lock-*")):
        time.sleep(0.01)
    assert first.poll() is None, "the first build ended before the second could start"
    second = build(project, "build", "--content", "content-b", "--out", "together")
    _stdout, stderr = _end(first)
    assert first.returncode == 0, stderr
    assert second.returncode == 3, second.stderr
    assert second.stderr == (f"briefing: another build into 'together' is running (pid "
                             f"{first.pid}); wait for it to finish and run again\n")
    assert site_files(project / "together") == corpora.references["content-a"]
    assert _leftovers(project, "together") == []


# --- ingest ---------------------------------------------------------------------------------

INGEST_FIXTURES = PROJECT_ROOT / "tests/ingest/fixtures"


def _complete_drafts(folder: Path) -> list[str]:
    """Every .md in folder is a whole draft: front matter closed, valid, draft: true."""
    names = []
    for path in sorted(folder.glob("*.md")):
        doc, problem = load_file(path, "article")
        assert problem is None and doc is not None, (path.name, problem)
        assert doc.front.value.get("draft") is True, path.name
        assert path.read_text(encoding="utf-8").endswith("---\n"), path.name
        names.append(path.name)
    return names


@pytest.fixture
def broken_writes(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Draft writes that stop half way with a full disk."""
    import briefing.ingest.draft as draft

    opened = draft.os.fdopen
    calls: list[str] = []

    class HalfWriter:
        def __init__(self, handle: Any) -> None:
            self.handle = handle

        def __enter__(self) -> HalfWriter:
            return self

        def __exit__(self, *exc: object) -> None:
            self.handle.close()

        def write(self, data: bytes) -> int:
            self.handle.write(data[: len(data) // 2])
            self.handle.flush()
            calls.append("write")
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(draft.os, "fdopen", lambda fd, mode="r", *a, **k: HalfWriter(
        opened(fd, mode, *a, **k)))
    yield calls


def test_a_draft_write_that_fails_half_way_leaves_no_file(tmp_path: Path,
                                                          broken_writes: list[str]) -> None:
    from briefing.ingest.draft import write_draft

    target = tmp_path / "2024-01-01-x.md"
    with pytest.raises(OSError):
        write_draft("---\ntitle: x\ndraft: true\n---\n", target, force=False)
    (tmp_path / "kept.md").write_text("mine\n")
    with pytest.raises(OSError):
        write_draft("---\ntitle: y\ndraft: true\n---\n", tmp_path / "kept.md", force=True)
    assert broken_writes == ["write", "write"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kept.md"]
    assert (tmp_path / "kept.md").read_text() == "mine\n"


def test_a_killed_ingest_leaves_only_whole_drafts(tmp_path: Path) -> None:
    if not (INGEST_FIXTURES / "en_wire.txt").is_file():
        pytest.skip("the ingest fixtures are not in this checkout")
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    sources = sorted(p for p in INGEST_FIXTURES.glob("*.txt"))
    for n in range(24):  # distinct texts, so each makes its own draft
        source = sources[n % len(sources)]
        (inputs / f"{n:02d}-{source.name}").write_bytes(
            source.read_bytes() + f"\n\nextra line {n}\n".encode())
    out = tmp_path / "drafts"
    process = subprocess.Popen(
        [sys.executable, str(BUILD_PY), "ingest", *sorted(map(str, inputs.iterdir())),
         "--content", str(INGEST_FIXTURES / "content"), "--out", str(out)],
        cwd=tmp_path, env=clean_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None and \
            len(list(out.glob("*.md"))) < 2:
        time.sleep(0.005)
    assert process.poll() is None, "ingest ended before it could be interrupted"
    os.killpg(process.pid, signal.SIGKILL)  # ingest and any worker it started
    process.communicate(timeout=60)
    written = _complete_drafts(out)
    assert len(written) >= 2
    assert [p.name for p in out.iterdir() if not p.name.endswith(".md")
            and not p.name.endswith(".tmp")] == []
