"""Write: outputs -> a new folder beside the output, then swapped in. The only stage that
writes the site. A failed or killed build leaves the previous output whole."""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from briefing.core.routes import is_confined
from briefing.write.journal import roll_back

MARKER = ".briefing-site"
_RENAME_EXCHANGE = 2


class OutputError(Exception):
    """An output folder we must not touch, or an I/O failure, with a message for users."""


@dataclass(frozen=True, slots=True)
class WriteStats:
    written: int
    unchanged: int


def check_output_folder(out: Path, sources: Sequence[Path], around: Sequence[Path] = ()
                        ) -> None:
    """Refuse folders that hold or are the user's own files.

    `sources` (content, templates) may not be the output, contain it or lie inside it: a
    site written into content/ would be read back as content and replaced on every build.
    `around` (the project, and always the home folder) may hold the output, but may not be
    it or lie inside it.
    """
    target = out.resolve()
    for folder in [*sources, *around, Path.home()]:
        folder = folder.resolve()
        if target == folder or folder.is_relative_to(target):
            raise OutputError(f"refusing to write the site to '{out}': it is or contains "
                              f"'{folder}'; choose an output folder of its own, such as 'site'")
    for folder in sources:
        folder = folder.resolve()
        if target.is_relative_to(folder):
            raise OutputError(f"refusing to write the site to '{out}': it is inside "
                              f"'{folder}', which the build reads; choose an output folder "
                              "outside it, such as 'site'")
    if target == Path(target.anchor):
        raise OutputError(f"refusing to write the site to the root folder '{out}'")
    if out.exists() and not out.is_dir():
        raise OutputError(f"'{out}' exists and is not a folder")
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).is_file():
        raise OutputError(f"refusing to replace '{out}': it is not empty and was not made by "
                          f"this tool (no {MARKER} file); remove it or choose another --out")


def mark(folder: Path) -> None:
    """Sign a folder this tool made, so a later build may replace it."""
    (folder / MARKER).write_text("made by the briefing tool; safe to replace\n")


def _siblings(out: Path) -> tuple[Path, Path]:
    return out.with_name(f".{out.name}.new"), out.with_name(f".{out.name}.old")


def recover(out: Path) -> None:
    """Clear what an interrupted build left, restoring the old site if it was mid-swap."""
    roll_back(out)  # an in-place publish killed part way (write.inplace)
    new, old = _siblings(out)
    if not out.exists() and (old / MARKER).is_file():
        old.rename(out)
    for leftover in (new, old):
        if leftover.exists() and (leftover / MARKER).is_file():
            # Renamed away first, never emptied in place: a build killed while deleting
            # would leave a folder without its marker, which no later build may touch.
            _discard(leftover)
        elif leftover.exists() and not any(leftover.iterdir()):
            leftover.rmdir()
    # Replaced sites whose background deletion was cut short (named by _discard).
    for trash in sorted(out.parent.glob(f".{out.name}.[no][le][dw]-*-*")):
        if trash.is_dir() and not trash.is_symlink():
            _spawn_delete(trash)


def _discard(tree: Path) -> None:
    """Delete a replaced site without making the user wait.

    Removing thousands of folders can take longer than the build (slow rmdir on some
    file systems); a detached process finishes it after we return.
    """
    trash = tree.with_name(f"{tree.name}-{os.getpid()}-{time.monotonic_ns()}")
    try:
        tree.rename(trash)
    except OSError:
        shutil.rmtree(tree, ignore_errors=True)
        return
    _spawn_delete(trash)


def _spawn_delete(tree: Path) -> None:
    try:
        process = subprocess.Popen(
            [sys.executable, "-c", "import shutil, sys; shutil.rmtree(sys.argv[1], True)",
             str(tree)], start_new_session=True, stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    except OSError:
        shutil.rmtree(tree, ignore_errors=True)
        return
    # Reaped when it ends (no zombie, no "still running" ResourceWarning in a long-lived
    # process such as serve or the tests); if we exit first it finishes on its own.
    threading.Thread(target=process.wait, daemon=True).start()


def _exchange(first: Path, second: Path) -> bool:
    """Atomically swap two paths (Linux renameat2); False where unsupported."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    try:
        libc = ctypes.CDLL(libc_name, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd = -100
    result = renameat2(at_fdcwd, os.fsencode(first), at_fdcwd, os.fsencode(second),
                       _RENAME_EXCHANGE)
    return result == 0


def _same(path: Path, data: bytes) -> bool:
    try:
        return path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False


def _write_file(path: str, data: bytes) -> None:
    # os-level calls: no buffered file object for a write made at once (35,000 of them)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0),
                 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)


def _make_folder(path: str) -> None:
    """A page's folder: one mkdir when its parent exists (the usual case)."""
    try:
        os.mkdir(path)
    except FileNotFoundError:
        os.makedirs(path, exist_ok=True)
    except FileExistsError:
        if not os.path.isdir(path):
            raise


class Staging:
    """A new site folder beside the output, filled file by file (also from forked
    workers) and swapped in whole by commit(); abort() drops it.

    Unchanged files are hard-linked from the current site, so they keep their inode and
    timestamp. A render.sink.Sink that forked workers write into themselves."""

    shared = True

    def __init__(self, out: Path) -> None:
        recover(out)
        self.out = out
        self.new, self._old = _siblings(out)
        self._made: set[str] = {""}
        self._has_old = out.is_dir()
        try:
            self.new.mkdir(parents=True)
        except FileExistsError as exc:
            # recover() cleared ours; this one holds files and no marker.
            raise in_the_way(out, self.new) from exc
        except OSError as exc:
            raise _write_error(out, exc) from exc
        try:
            mark(self.new)
        except OSError as exc:
            self.abort()
            raise _write_error(out, exc) from exc

    def put(self, site_path: str, data: bytes) -> bool:
        """Write one output; True if written, False if linked unchanged from the old site."""
        if not is_confined(site_path):
            raise OutputError(f"output path '{site_path}' escapes the output folder")
        try:
            parent = site_path.rpartition("/")[0]
            if parent not in self._made:
                _make_folder(f"{self.new}/{parent}")
                self._made.add(parent)
            target = f"{self.new}/{site_path}"
            previous = f"{self.out}/{site_path}"
            if self._has_old and _same(Path(previous), data):
                try:
                    os.link(previous, target)
                    return False
                except OSError:
                    pass
            _write_file(target, data)
            return True
        except OSError as exc:
            raise _write_error(self.out, exc) from exc

    def keep(self, site_path: str) -> None:
        """Take one output unchanged from the current site (an incremental build that did
        not render it): hard-linked, or copied where links are refused."""
        if not is_confined(site_path):
            raise OutputError(f"output path '{site_path}' escapes the output folder")
        parent = site_path.rpartition("/")[0]
        try:
            if parent not in self._made:
                os.makedirs(f"{self.new}/{parent}", exist_ok=True)
                self._made.add(parent)
            try:
                os.link(f"{self.out}/{site_path}", f"{self.new}/{site_path}")
            except OSError:
                shutil.copy2(f"{self.out}/{site_path}", f"{self.new}/{site_path}")
        except OSError as exc:
            raise _write_error(self.out, exc) from exc

    def read(self, site_path: str) -> bytes:
        return (self.new / site_path).read_bytes()

    def entry(self, site_path: str) -> tuple[str, int, int]:
        """A staged file's (path once published, size, mtime): the output stamp's entry
        (see fingerprint.stamp_of), known without walking the published folder."""
        try:
            stat = os.stat(f"{self.new}/{site_path}", follow_symlinks=False)
        except OSError as exc:
            raise _write_error(self.out, exc) from exc
        return (f"{self.out}/{site_path}", stat.st_size, stat.st_mtime_ns)

    def commit(self) -> None:
        out, new = self.out, self.new
        try:
            if out.exists():
                if not _exchange(new, out):
                    out.rename(self._old)
                    new.rename(out)
                    _discard(self._old)
                else:
                    _discard(new)
            else:
                new.rename(out)
        except OSError as exc:
            self.abort()
            raise _write_error(out, exc) from exc

    def abort(self) -> None:
        if (self.new / MARKER).is_file():  # only a folder this build made (see recover)
            _discard(self.new)
        elif self.new.is_dir() and not any(self.new.iterdir()):
            self.new.rmdir()


def in_the_way(out: Path, new: Path) -> OutputError:
    """The error for a staging folder beside `out` that this tool did not make."""
    return OutputError(f"cannot write the site to '{out}': '{new}' is in the way and was not "
                       f"made by this tool (no {MARKER} file); remove it and build again")


def _write_error(out: Path, exc: OSError) -> OutputError:
    return OutputError(f"cannot write the site to '{out}': {exc.strerror or exc}; the "
                       "previous site was left as it was")
