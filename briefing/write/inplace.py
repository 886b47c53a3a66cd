"""Publish only what changed: the outputs whose bytes differ are written into a new folder
beside the published one, then moved into it under a journal (write.journal), and the
outputs the build no longer makes are removed. Used by an incremental build that changed
a few outputs of many: it costs what changed, where write.staging (a whole new folder,
swapped in) costs every output.

The guarantees are staging's: a failed build leaves the published folder as it was (the
new files never left their folder); a killed one leaves the old or the new site whole once
the next build starts (write.staging.recover rolls an unfinished publish back).
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterable
from pathlib import Path

from briefing.core.routes import is_confined
from briefing.write.journal import (
    BACKUP,
    Journal,
    close_journal,
    prune_empty,
    roll_back,
    undo_folder,
    write_journal,
)
from briefing.write.staging import MARKER, OutputError, _write_error, in_the_way, mark, recover

# (path once published, size, mtime in ns): one entry of the output stamp (render.sink)
Entry = tuple[str, int, int]


class InPlace:
    """A render.sink.Sink writing the changed outputs beside the published folder `out`,
    whose files are `existing` (site path -> stamp entry, from the walk that vouched for
    it); commit() moves them in. Forked workers put into it themselves."""

    shared = True

    def __init__(self, out: Path, existing: dict[str, Entry]) -> None:
        recover(out)
        self.out, self.existing = out, existing
        self.new = out.with_name(f".{out.name}.new")
        self._made: set[str] = {""}
        try:
            self.new.mkdir()
            mark(self.new)
        except FileExistsError as exc:
            raise in_the_way(out, self.new) from exc
        except OSError as exc:
            self.abort()
            raise _write_error(out, exc) from exc

    def put(self, site_path: str, data: bytes) -> bool:
        """Write one output whose bytes changed; False (nothing written) if they did not."""
        if not is_confined(site_path):
            raise OutputError(f"output path '{site_path}' escapes the output folder")
        current = self.existing.get(site_path)
        if current is not None and current[1] == len(data):
            try:
                with open(f"{self.out}/{site_path}", "rb") as handle:
                    if handle.read() == data:
                        return False
            except OSError:
                pass
        try:
            parent = site_path.rpartition("/")[0]
            if parent not in self._made:
                os.makedirs(f"{self.new}/{parent}", exist_ok=True)
                self._made.add(parent)
            with open(f"{self.new}/{site_path}", "wb") as handle:
                handle.write(data)
        except OSError as exc:
            raise _write_error(self.out, exc) from exc
        return True

    def keep(self, site_path: str) -> None:
        """An output not made again stays where it is."""

    def _where(self, site_path: str) -> str:
        staged = f"{self.new}/{site_path}"
        return staged if os.path.lexists(staged) else f"{self.out}/{site_path}"

    def read(self, site_path: str) -> bytes:
        return Path(self._where(site_path)).read_bytes()

    def entry(self, site_path: str) -> Entry:
        try:
            stat = os.stat(self._where(site_path), follow_symlinks=False)
        except OSError as exc:
            raise _write_error(self.out, exc) from exc
        return (f"{self.out}/{site_path}", stat.st_size, stat.st_mtime_ns)

    def _written(self) -> list[str]:
        names: list[str] = []
        for folder, _, files in os.walk(self.new):
            base = os.path.relpath(folder, self.new).replace(os.sep, "/")
            names.extend(name if base == "." else f"{base}/{name}" for name in files)
        return sorted(name for name in names if name != MARKER)

    def commit(self, outputs: Iterable[str]) -> tuple[list[Entry], list[Entry]]:
        """Publish: the written outputs replace or join the published ones, and every
        published file not among `outputs` (the site paths of this build) is removed.
        The stamp entries that left the folder and those that joined it."""
        written = self._written()
        keep = set(outputs) | {MARKER}
        removed = sorted(name for name in self.existing if name not in keep)
        journal = Journal({name: name in self.existing for name in written}, removed)
        out, backups = self.out, undo_folder(self.out) / BACKUP
        try:
            if written or removed:
                write_journal(out, journal)
                for name in written:
                    if journal.written[name]:
                        _move(out / name, backups / name)
                    _move(self.new / name, out / name)
                for name in removed:
                    _move(out / name, backups / name)
                close_journal(out)  # done: from here the new site stands
        except OSError as exc:
            roll_back(out)
            self.abort()
            raise _write_error(out, exc) from exc
        for name in removed:
            prune_empty(out, (out / name).parent)
        shutil.rmtree(undo_folder(out), ignore_errors=True)
        self.abort()
        gone = [self.existing[name] for name in [*removed, *written] if name in self.existing]
        joined = []
        for name in written:
            stat = os.stat(out / name, follow_symlinks=False)
            joined.append((f"{out}/{name}", stat.st_size, stat.st_mtime_ns))
        return gone, joined

    def abort(self) -> None:
        if (self.new / MARKER).is_file():  # only a folder this build made (see recover)
            # renamed away first (a name recover() deletes), as staging._discard does:
            # small, so deleted here rather than by a process of its own
            trash = self.new.with_name(f"{self.new.name}-{os.getpid()}-{time.monotonic_ns()}")
            try:
                self.new.rename(trash)
            except OSError:
                return
            shutil.rmtree(trash, ignore_errors=True)
        elif self.new.is_dir() and not any(self.new.iterdir()):
            self.new.rmdir()


def _move(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(source, target)
