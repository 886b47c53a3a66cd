"""A long-lived build (serve) re-reads only the files whose stat changed, or that the
watcher named; everything else comes from its last read."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import briefing.build
from briefing.build import read_checked
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


def _titles(result: briefing.build.ContentRead) -> list[str]:
    return [c.result.title for c in result.checked if isinstance(c.result, Article)]


def test_only_changed_or_named_files_are_read_again(
        tmp_path: Path, write_files, reads: list[str]) -> None:
    content = write_files(tmp_path, {
        "site.yaml": SITE, "carriers/skt.md": CARRIER,
        "articles/a.md": _article("Alpha"), "articles/b.md": _article("Bravo")})
    first = read_checked(content, 1, {}, stamps={})
    assert sorted(reads) == ["a.md", "b.md", "skt.md"]
    assert _titles(first) == ["Alpha", "Bravo"]

    reads.clear()
    again = read_checked(content, 1, first.fresh, stamps=first.stamps)
    assert reads == []  # nothing changed on disk
    assert [c.result for c in again.checked] == [c.result for c in first.checked]

    # An edit of the same size that keeps the file's stat as it was (two saves in one
    # clock tick): only the watcher's word makes it read again.
    b = content / "articles/b.md"
    before = b.stat()
    b.write_text(_article("Brava"), encoding="utf-8")
    os.utime(b, ns=(before.st_atime_ns, before.st_mtime_ns))
    stamps = {**again.stamps}
    stamps[str(b)] = (briefing.build.file_stamp(b), stamps[str(b)][1])  # type: ignore[assignment]
    reads.clear()
    missed = read_checked(content, 1, again.fresh, stamps=stamps)
    assert reads == [] and _titles(missed) == ["Alpha", "Bravo"]
    named = read_checked(content, 1, again.fresh, stamps=stamps, reread=frozenset({str(b)}))
    assert reads == ["b.md"] and _titles(named) == ["Alpha", "Brava"]

    # A real save changes the stat: read again with no word from the watcher.
    reads.clear()
    (content / "articles/a.md").write_text(_article("Alphabet"), encoding="utf-8")
    edited = read_checked(content, 1, named.fresh, stamps=named.stamps)
    assert reads == ["a.md"] and _titles(edited) == ["Alphabet", "Brava"]

    # A new file and a deleted one.
    reads.clear()
    (content / "articles/b.md").unlink()
    write_files(content, {"articles/c.md": _article("Charlie")})
    changed = read_checked(content, 1, edited.fresh, stamps=edited.stamps)
    assert reads == ["c.md"] and _titles(changed) == ["Alphabet", "Charlie"]
    assert str(content / "articles/b.md") not in changed.stamps


def test_without_stamps_every_file_is_read(tmp_path: Path, write_files,
                                            reads: list[str]) -> None:
    content = write_files(tmp_path, {"site.yaml": SITE, "carriers/skt.md": CARRIER,
                                     "articles/a.md": _article("Alpha")})
    first = read_checked(content, 1, {})
    reads.clear()
    read_checked(content, 1, first.fresh)
    assert sorted(reads) == ["a.md", "skt.md"]  # bytes are checked against the cache
    assert first.stamps == {}
