"""Skip a build whose inputs and output are exactly as the last successful build left them.

The fingerprint covers the tool's code, the options, every template and every content
file's bytes; the stamp covers every output file's path, size and modification time, so a
hand-edited or deleted output file makes the next build run in full.
"""

from __future__ import annotations

import hashlib
import os
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from briefing.core.diagnostics import Diagnostic
from briefing.load.files import MAX_FILE_BYTES, content_files, display_path
from briefing.workdir.cache import code_version, file_key
from briefing.workdir.packed import Notice, load_packed, quiet, save_packed
from briefing.workdir.plain import Malformed, decoder, to_plain

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


def input_fingerprint(content_path: Path, templates: Traversable, options: str,
                      keys: dict[str, str] | None = None) -> str:
    """A digest of every input. With `keys`, each content file read whole is added to it
    (path -> workdir.cache.file_key): the build that follows takes a file whose key it
    has checked before without reading it again."""
    digest = hashlib.sha256()
    digest.update(f"{code_version()}\0{options}\0".encode())
    _templates(digest, templates)
    site = content_path / "site.yaml"
    digest.update(_file_bytes(site) if site.is_file() else b"\0missing")
    files, problems = content_files(content_path)
    for path, kind in files:
        digest.update(f"\0{path}\0{kind}\0".encode())
        data = _file_bytes(path)
        if data.startswith(b"\0"):  # too large or unreadable: what says so
            digest.update(data)
            continue
        key = file_key(display_path(path), kind, data)  # one hash of the bytes, not two
        digest.update(key.encode())
        if keys is not None:
            keys[str(path)] = key
    digest.update(repr(problems).encode())
    return digest.hexdigest()


def folder_entries(out_path: Path) -> list[tuple[str, int, int]] | None:
    """Every file of the output folder as (path, size, mtime); None if it can't be read."""
    stack = [out_path]
    entries: list[tuple[str, int, int]] = []
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as scan:
                for entry in scan:
                    if entry.is_dir(follow_symlinks=False):
                        stack.append(Path(entry.path))
                    else:
                        stat = entry.stat(follow_symlinks=False)
                        entries.append((entry.path, stat.st_size, stat.st_mtime_ns))
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
    kept = load_packed(path, _KIND, code_version(), notice)
    if kept is None:
        return None
    try:
        return decoder(LastBuild)(kept)
    except (Malformed, TypeError, ValueError, RecursionError):
        notice(f"{path}: ignored, not in the expected shape; building without it")
        return None


def save_state(cache_path: Path, out_path: Path, state: LastBuild) -> None:
    save_packed(_state_file(cache_path, out_path), _KIND, code_version(), to_plain(state))
