"""Skip a build whose inputs and output are exactly as the last successful build left them.

The fingerprint covers the tool's code, the options, every template and every content
file's bytes; the stamp covers every output file's path, size and modification time, so a
hand-edited or deleted output file makes the next build run in full.
"""

from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass, field
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from briefing.core.diagnostics import Diagnostic
from briefing.load.files import MAX_FILE_BYTES, content_files, display_path
from briefing.workdir.packed import Notice, load_decoded, load_packed, quiet, save_packed
from briefing.workdir.plain import Malformed, decoder, to_plain
from briefing.workdir.version import code_version, file_key

_KIND = "last-build"
# fingerprint, output stamp, files published, the diagnostics printed
LastBuild = tuple[str, str, int, tuple[Diagnostic, ...]]


def _templates(digest: Any, root: Traversable, prefix: str = "") -> None:
    for item in sorted(root.iterdir(), key=lambda i: i.name):
        if item.is_dir():
            if item.name != "__pycache__":
                _templates(digest, item, f"{prefix}{item.name}/")
        elif item.is_file():
            digest.update(f"{prefix}{item.name}\0".encode())
            digest.update(item.read_bytes())


def templates_digest(root: Traversable) -> str:
    """Every template and static file, names and bytes."""
    digest = hashlib.sha256()
    _templates(digest, root)
    return digest.hexdigest()


def _file_bytes(path: Path) -> bytes:
    """A file's bytes; for one the build will refuse (too large, unreadable) only what
    says so, so a 50 MB file is never read whole just to be refused."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return f"\0too-large {size} {path.stat().st_mtime_ns}".encode()
        with path.open("rb") as handle:
            return handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        return f"\0unreadable {exc.errno}".encode()


# A file whose inode, size, mtime and ctime are what they were when it was hashed is not
# read again, unless its ctime is this close to when the last stats were taken: a write in
# the same clock tick could leave every stat as it was ("racy" files, as git calls them).
RACY_NS = 2_000_000_000
_STATS_KIND = "file-stats"
FileStat = tuple[int, int, int, int, str]  # size, mtime, ctime, inode; the file's key


@dataclass(slots=True)
class FileStats:
    """The content files' stats and keys, kept in .briefing/cache between builds."""

    taken: int = 0  # time.time_ns() before the last stats were taken
    files: dict[str, FileStat] = field(default_factory=dict)  # path -> its stat and key
    read: int = 0  # files read to know their key (the others were known by their stat)


def _stats_file(cache_path: Path) -> Path:
    return cache_path / "file-stats.state"


def _file_stats(value: Any) -> FileStats:
    """FileStats from its plain form (a map per file, checked by hand: the generic decoder
    costs a tenth of a no-change build at 10,000 files)."""
    _, taken, files, read = value
    if type(taken) is not int or type(read) is not int or type(files) is not list:
        raise Malformed("file stats")
    kept: dict[str, FileStat] = {}
    for path, stat in files:
        if type(path) is not str or type(stat) is not list or len(stat) != 5 \
                or type(stat[4]) is not str or not all(type(n) is int for n in stat[:4]):
            raise Malformed("a file's stat")
        kept[path] = (stat[0], stat[1], stat[2], stat[3], stat[4])
    return FileStats(taken, kept, read)


def load_file_stats(cache_path: Path, notice: Notice = quiet) -> FileStats:
    kept = load_packed(_stats_file(cache_path), _STATS_KIND, code_version(), notice)
    try:
        return _file_stats(kept) if kept is not None else FileStats()
    except (Malformed, TypeError, ValueError, RecursionError):
        notice(f"{_stats_file(cache_path)}: ignored, not in the expected shape; "
               "building without it")
        return FileStats()


def save_file_stats(cache_path: Path, stats: FileStats) -> None:
    save_packed(_stats_file(cache_path), _STATS_KIND, code_version(), to_plain(stats))


def _shown(base: str, content: str, path: Path) -> str:
    """display_path(path) for a file under the content folder, without a relpath each."""
    text = str(path)
    if not text.startswith(content + os.sep):
        return display_path(path)
    rest = text[len(content) + 1:]
    return rest if base == "." else f"{base}{os.sep}{rest}"


def _key(path: Path, shown: str, kind: str, last: FileStats, now: FileStats) -> str | bytes:
    """The file's key (workdir.cache.file_key), from its stat when that is as it was;
    for a file the build will refuse, bytes that say so."""
    try:
        st = path.stat()
    except OSError as exc:
        return f"\0unreadable {exc.errno}".encode()
    if st.st_size > MAX_FILE_BYTES:
        return f"\0too-large {st.st_size} {st.st_mtime_ns}".encode()
    stat = (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)
    old = last.files.get(str(path))
    if old is not None and old[:4] == stat and stat[2] < last.taken - RACY_NS:
        key = old[4]
    else:
        data = _file_bytes(path)
        if data.startswith(b"\0"):
            return data
        key = file_key(shown, kind, data)
        now.read += 1
    now.files[str(path)] = (*stat, key)
    return key


def input_fingerprint(content_path: Path, templates: Traversable, options: str,
                      keys: dict[str, str] | None = None,
                      stats: tuple[FileStats, FileStats] | None = None) -> str:
    """A digest of every input. With `keys`, each content file's key is added to it (path
    -> workdir.cache.file_key): the build that follows takes a file whose key it checked
    before without reading it. With `stats` (the last ones, and new ones to fill), a
    file whose stat did not change is not read (see _key)."""
    last, now = stats if stats is not None else (FileStats(), FileStats())
    now.taken = time.time_ns()
    digest = hashlib.sha256()
    digest.update(f"{code_version()}\0{options}\0".encode())
    _templates(digest, templates)
    site = content_path / "site.yaml"
    digest.update(_file_bytes(site) if site.is_file() else b"\0missing")
    files, problems = content_files(content_path)
    base, content = display_path(content_path), str(content_path)
    for path, kind in files:
        digest.update(f"\0{path}\0{kind}\0".encode())
        key = _key(path, _shown(base, content, path), kind, last, now)
        if isinstance(key, bytes):  # too large or unreadable: what says so
            digest.update(key)
            continue
        digest.update(key.encode())
        if keys is not None:
            keys[str(path)] = key
    digest.update(repr(problems).encode())
    return digest.hexdigest()


def folder_entries(out_path: Path) -> list[tuple[str, int, int]] | None:
    """Every file of the output folder as (path, size, mtime); None if it can't be read."""
    # Paths stay text: a Path per folder cost a third of the walk of 30,000 page folders.
    stack = [str(out_path)]
    entries: list[tuple[str, int, int]] = []
    append = entries.append
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as scan:
                for entry in scan:
                    if entry.is_dir(follow_symlinks=False):
                        stack.append(entry.path)
                    else:
                        stat = entry.stat(follow_symlinks=False)
                        append((entry.path, stat.st_size, stat.st_mtime_ns))
        except OSError:
            return None
    return entries


def site_entries(out_path: Path) -> dict[str, tuple[str, int, int]] | None:
    """folder_entries by site path ("articles/x/index.html")."""
    entries = folder_entries(out_path)
    if entries is None:
        return None
    cut = len(str(out_path)) + 1
    return {entry[0][cut:].replace(os.sep, "/"): entry for entry in entries}


def output_stamp(out_path: Path) -> str:
    """What the output folder holds now: every file's path, size and mtime."""
    entries = folder_entries(out_path)
    return "unreadable" if entries is None else stamp_of(entries)


_STAMP_BITS = 128


def _entry_hash(entry: tuple[str, int, int]) -> int:
    return int.from_bytes(hashlib.blake2b(repr(entry).encode(), digest_size=16).digest(), "big")


def stamp_of(entries: list[tuple[str, int, int]]) -> str:
    """The stamp of an output folder from its files' (path, size, mtime): what
    output_stamp finds, and what a build that wrote the folder knows already.

    A sum of the entries' hashes (a multiset hash), so a build that replaced a few files
    in place updates it from theirs alone (updated_stamp), without a walk."""
    total = sum(map(_entry_hash, entries)) % (1 << _STAMP_BITS)
    return f"{len(entries)}:{total:032x}"


def updated_stamp(stamp: str, removed: list[tuple[str, int, int]],
                  added: list[tuple[str, int, int]]) -> str:
    """`stamp` once the files of `removed` left the folder and those of `added` joined it
    (a replaced file is in both, with its old and new entry)."""
    count, _, total = stamp.partition(":")
    value = int(total, 16) - sum(map(_entry_hash, removed)) + sum(map(_entry_hash, added))
    return f"{int(count) - len(removed) + len(added)}:{value % (1 << _STAMP_BITS):032x}"


def _state_file(cache_path: Path, out_path: Path) -> Path:
    key = hashlib.sha256(str(out_path.resolve()).encode()).hexdigest()[:12]
    return cache_path / f"last-build-{key}.state"


def load_state(cache_path: Path, out_path: Path, notice: Notice = quiet) -> LastBuild | None:
    path = _state_file(cache_path, out_path)
    return load_decoded(path, _KIND, code_version(), decoder(LastBuild), notice)


def save_state(cache_path: Path, out_path: Path, state: LastBuild) -> None:
    save_packed(_state_file(cache_path, out_path), _KIND, code_version(), to_plain(state))


def options_text(content_path: Path, base_url: str | None, language: str | None,
                 drafts: bool, strict: bool, file_urls: bool) -> str:
    """Every option that changes what is built, as text (build.options_key)."""
    return repr((str(content_path.resolve()), base_url, language, drafts, strict, file_urls))


@dataclass(slots=True)
class InputCheck:
    """What the skip check found before a build: the inputs' fingerprint, the keys of the
    content files it knows (path -> workdir.cache.file_key, so the build reads none of
    them again) and, when neither the inputs nor the published folder changed since the
    last build, that build's record (the build is then skipped)."""

    fingerprint: str
    known: dict[str, str]
    unchanged: LastBuild | None = None
    # the published folder's files (site_entries), when the check walked it (the inputs
    # were the same, the folder was not): the build that follows takes them
    published: dict[str, tuple[str, int, int]] | None = None


def check_inputs(content_path: Path, templates: Traversable, options: str, cache_path: Path,
                 out_path: Path, fresh: bool, notice: Notice = quiet) -> InputCheck:
    """The skip check of a build into out_path (its own module's imports only: a build
    with nothing changed imports neither the models nor the renderer)."""
    stats = (FileStats() if fresh else load_file_stats(cache_path, notice), FileStats())
    known: dict[str, str] = {}
    fingerprint = input_fingerprint(content_path, templates, options, known, stats)
    if stats[1].read or stats[1].files != stats[0].files:  # new keys, or a later `taken`
        save_file_stats(cache_path, stats[1])
    last = load_state(cache_path, out_path, notice) if not fresh else None
    if last is None or last[0] != fingerprint:
        return InputCheck(fingerprint, known)
    published = site_entries(out_path)
    stamp = "unreadable" if published is None else stamp_of(list(published.values()))
    if last[1] == stamp:
        return InputCheck(fingerprint, known, last)
    return InputCheck(fingerprint, known, None, published)
