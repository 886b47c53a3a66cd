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
from dataclasses import dataclass
from pathlib import Path

MARKER = ".briefing-site"
_RENAME_EXCHANGE = 2


class OutputError(Exception):
    """An output folder we must not touch, or an I/O failure, with a message for users."""


@dataclass(frozen=True, slots=True)
class WriteStats:
    written: int
    unchanged: int


def check_output_folder(out: Path, protected: list[Path]) -> None:
    """Refuse folders that hold or are the user's own files."""
    target = out.resolve()
    home = Path.home().resolve()
    for folder in [*protected, home]:
        folder = folder.resolve()
        if target == folder or folder.is_relative_to(target):
            raise OutputError(f"refusing to write the site to '{out}': it is or contains "
                              f"'{folder}'; choose an output folder of its own, such as 'site'")
    if target == Path(target.anchor):
        raise OutputError(f"refusing to write the site to the root folder '{out}'")
    if out.exists() and not out.is_dir():
        raise OutputError(f"'{out}' exists and is not a folder")
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).is_file():
        raise OutputError(f"refusing to replace '{out}': it is not empty and was not made by "
                          f"this tool (no {MARKER} file); remove it or choose another --out")


def _siblings(out: Path) -> tuple[Path, Path]:
    return out.with_name(f".{out.name}.new"), out.with_name(f".{out.name}.old")


def recover(out: Path) -> None:
    """Clear what an interrupted build left, restoring the old site if it was mid-swap."""
    new, old = _siblings(out)
    if not out.exists() and (old / MARKER).is_file():
        old.rename(out)
    for leftover in (new, old):
        if leftover.exists() and (leftover / MARKER).is_file():
            shutil.rmtree(leftover, ignore_errors=True)
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
    with open(path, "wb") as handle:
        handle.write(data)


def write_site(out: Path, outputs: dict[str, bytes]) -> WriteStats:
    """Write every output into a fresh sibling folder and swap it in."""
    recover(out)
    new, old = _siblings(out)
    written = unchanged = 0
    try:
        new.mkdir(parents=True)
        (new / MARKER).write_text("made by the briefing tool; safe to replace\n")
        made: set[str] = {""}
        new_text, out_text = str(new), str(out)
        has_old = out.is_dir()
        for site_path in sorted(outputs):
            data = outputs[site_path]
            # Output paths come from slugs; refuse anything that could leave the folder
            # (checked on the text: resolving every path costs a syscall per component).
            parts = site_path.split("/")
            if site_path.startswith("/") or "\\" in site_path or any(
                    p in ("", ".", "..") for p in parts):
                raise OutputError(f"output path '{site_path}' escapes the output folder")
            parent = site_path.rpartition("/")[0]
            if parent not in made:
                os.makedirs(f"{new_text}/{parent}", exist_ok=True)
                made.add(parent)
            target = f"{new_text}/{site_path}"
            previous = f"{out_text}/{site_path}"
            if has_old and _same(Path(previous), data):
                try:  # unchanged files keep their inode and timestamp
                    os.link(previous, target)
                    unchanged += 1
                    continue
                except OSError:
                    pass
            _write_file(target, data)
            written += 1
        if out.exists():
            if not _exchange(new, out):
                out.rename(old)
                new.rename(out)
                _discard(old)
            else:
                _discard(new)
        else:
            new.rename(out)
    except OSError as exc:
        shutil.rmtree(new, ignore_errors=True)
        raise OutputError(f"cannot write the site to '{out}': {exc.strerror or exc}; the "
                          "previous site was left as it was") from exc
    return WriteStats(written, unchanged)
