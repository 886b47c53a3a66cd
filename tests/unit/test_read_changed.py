"""A long-lived build (serve) re-reads only the files whose stat changed, or that the
watcher named; everything else comes from its last read. A build reads every file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import briefing.build
from briefing.build import Gathered, gather
from briefing.incremental.stamps import LastRead, file_stamp, read_changed
from briefing.validate.model import Article

SITE = "title: T\nbase_url: https://example.org/\n"
CARRIER = "---\nname: SK Telecom\n---\n"


def _article(title: str) -> str:
    return (f"---\ntitle: {title}\npublished: 2024-03-02\nsource: {{title: S}}\n"
            "carriers: [skt]\nsummary: S.\n---\nBody.\n")


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The content files read from disk, in order."""
    seen: list[str] = []
    real = briefing.build.read_bytes

    def counting(path: Path, shown: str) -> tuple[bytes | None, object]:
        seen.append(path.name)
        return real(path, shown)

    monkeypatch.setattr(briefing.build, "read_bytes", counting)
    return seen


def _titles(result: Gathered) -> list[str]:
    return [c.result.title for c in result.checked if isinstance(c.result, Article)]


def test_only_changed_or_named_files_are_read_again(
        tmp_path: Path, write_files, reads: list[str]) -> None:
    content = write_files(tmp_path, {
        "site.yaml": SITE, "carriers/skt.md": CARRIER,
        "articles/a.md": _article("Alpha"), "articles/b.md": _article("Bravo")})
    last = LastRead()
    first = read_changed(content, last, 1)
    assert sorted(reads) == ["a.md", "b.md", "skt.md"]
    assert _titles(first) == ["Alpha", "Bravo"]

    reads.clear()
    again = read_changed(content, last, 1)
    assert reads == []  # nothing changed on disk
    assert [c.result for c in again.checked] == [c.result for c in first.checked]

    # An edit of the same size that keeps the file's stat as it was (two saves in one
    # clock tick): only the watcher's word makes it read again.
    b = content / "articles/b.md"
    before = b.stat()
    b.write_text(_article("Brava"), encoding="utf-8")
    os.utime(b, ns=(before.st_atime_ns, before.st_mtime_ns))
    stamp = file_stamp(b)
    assert stamp is not None
    last.stamps[str(b)] = (stamp, last.stamps[str(b)][1])
    reads.clear()
    missed = read_changed(content, last, 1)
    assert reads == [] and _titles(missed) == ["Alpha", "Bravo"]
    last.reread = frozenset({str(b)})
    named = read_changed(content, last, 1)
    assert reads == ["b.md"] and _titles(named) == ["Alpha", "Brava"]
    assert last.reread == frozenset()  # the watcher's word counts once

    # A real save changes the stat: read again with no word from the watcher.
    reads.clear()
    (content / "articles/a.md").write_text(_article("Alphabet"), encoding="utf-8")
    edited = read_changed(content, last, 1)
    assert reads == ["a.md"] and _titles(edited) == ["Alphabet", "Brava"]

    # A new file and a deleted one.
    reads.clear()
    (content / "articles/b.md").unlink()
    write_files(content, {"articles/c.md": _article("Charlie")})
    changed = read_changed(content, last, 1)
    assert reads == ["c.md"] and _titles(changed) == ["Alphabet", "Charlie"]
    assert str(content / "articles/b.md") not in last.stamps


def test_a_build_reads_every_file_and_reuses_by_content(tmp_path: Path, write_files,
                                                         reads: list[str]) -> None:
    content = write_files(tmp_path, {"site.yaml": SITE, "carriers/skt.md": CARRIER,
                                     "articles/a.md": _article("Alpha")})
    first = gather(content, {}, 1)
    reads.clear()
    again = gather(content, first.fresh, 1)
    assert sorted(reads) == ["a.md", "skt.md"]  # bytes are checked against the cache
    assert [c.result for c in again.checked] == [c.result for c in first.checked]
