"""Dev server: keep `.briefing/serve/` equal to the latest good build, file by file.

Unlike `build`, which swaps a whole new folder in, the dev server replaces files one by
one while it serves them: each changed file is written beside its target and renamed
over it (readers see the old or the new file, never half of one), files no longer
produced are removed, and unchanged files are not touched.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from briefing.core.routes import is_confined
from briefing.write.staging import MARKER, OutputError

_TEMP_PREFIX = ".briefing-tmp-"


@dataclass(frozen=True, slots=True)
class SyncStats:
    written: int
    unchanged: int
    removed: int


def _digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


def _replace(folder: Path, site_path: str, data: bytes) -> None:
    target = folder / site_path
    if target.is_dir() and not target.is_symlink():
        shutil.rmtree(target)  # a folder became a file
    parent = folder
    for part in site_path.split("/")[:-1]:
        parent = parent / part
        if parent.is_symlink() or parent.is_file():
            parent.unlink()  # a file became a folder
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f"{_TEMP_PREFIX}{target.name}")
    temporary.write_bytes(data)
    os.replace(temporary, target)


class OutputFolder:
    """The served folder and what this process knows is in it (a digest per file)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._known: dict[str, bytes] | None = None  # None: not looked at yet
        # The very bytes objects last written or found unchanged: a rebuild hands back
        # the same objects for the pages it kept, which then need no hashing at all.
        self._sent: dict[str, bytes] = {}

    def _scan(self) -> dict[str, bytes]:
        """Digests of what a previous session left, so unchanged files stay untouched."""
        found: dict[str, bytes] = {}
        for file_path in self.path.rglob("*"):
            site_path = file_path.relative_to(self.path).as_posix()
            if file_path.is_symlink():
                found[site_path] = b""  # never ours: removed by the sync
            elif file_path.is_file():
                found[site_path] = _digest(file_path.read_bytes())
        found.pop(MARKER, None)
        return found

    def sync(self, outputs: Mapping[str, bytes], remove_stale: bool = True) -> SyncStats:
        """Write changed files, remove stale ones (unless `remove_stale` is false: a first
        part of a build); raises OutputError on an I/O failure."""
        root = self.path.resolve()
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            marker = self.path / MARKER
            if not marker.is_file():
                marker.write_text("made by the briefing tool (dev server); safe to replace\n")
            known = self._scan() if self._known is None else self._known
            sent = self._sent
            self._known = None  # if this fails half way, look at the disk again next time
            self._sent = {}
            current: dict[str, bytes] = {}
            written = unchanged = 0
            folder = str(self.path)
            for site_path in sorted(outputs):
                data = outputs[site_path]
                # The same bytes object as last sent: unchanged, if the file is still there
                # (not looked at in a first part: the full sync that follows looks).
                if sent.get(site_path) is data and site_path in known and (
                        not remove_stale or os.path.isfile(f"{folder}/{site_path}")):
                    current[site_path] = known[site_path]
                    unchanged += 1
                    continue
                target = self._target(site_path, root)
                digest = _digest(data)
                current[site_path] = digest
                if known.get(site_path) == digest and target.is_file():
                    unchanged += 1
                    continue
                _replace(self.path, site_path, data)
                written += 1
            stale = sorted(set(known) - set(current)) if remove_stale else []
            for site_path in stale:
                self._remove(self.path / site_path)
        except OSError as exc:
            raise OutputError(f"cannot write the preview to '{self.path}': "
                              f"{exc.strerror or exc}") from exc
        self._known = current if remove_stale else {**known, **current}
        self._sent = dict(outputs) if remove_stale else {**sent, **outputs}
        return SyncStats(written, unchanged, len(stale))

    def put(self, site_path: str, data: bytes) -> None:
        """Replace one file ahead of the next sync (a preview of an edited page)."""
        self._target(site_path, self.path.resolve())
        try:
            _replace(self.path, site_path, data)
        except OSError as exc:
            raise OutputError(f"cannot write the preview to '{self.path}': "
                              f"{exc.strerror or exc}") from exc
        if self._known is not None:
            self._known[site_path] = _digest(data)
        self._sent.pop(site_path, None)

    def _target(self, site_path: str, root: Path) -> Path:
        """Where an output goes; refused if its path leaves the folder (the one rule of
        core.routes), if it is the marker, or if it would land outside the folder (root,
        resolved) through a link someone put in this long-lived folder."""
        target = self.path / site_path
        if (site_path == MARKER or not is_confined(site_path)
                or not target.resolve().is_relative_to(root)):
            raise OutputError(f"output path '{site_path}' escapes the output folder")
        return target

    def _remove(self, target: Path) -> None:
        if not (target.is_symlink() or target.is_file()):
            return  # gone already, or now a folder of current files
        target.unlink()
        for parent in target.parents:
            if parent == self.path or not parent.is_relative_to(self.path):
                break
            try:
                parent.rmdir()  # only succeeds when empty
            except OSError:
                break


@contextmanager
def serve_lock(path: Path) -> Iterator[None]:
    """One dev server per output folder: an advisory lock on the folder itself."""
    path.mkdir(parents=True, exist_ok=True)
    handle = os.open(path, os.O_RDONLY)
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise OutputError(f"another 'serve' is using '{path}' in this project; stop it "
                              "first") from None
        yield
    finally:
        os.close(handle)
