"""The journal of an in-place publish (write.inplace): what it is about to replace, add and
remove in the published folder, kept while it does, so a build killed part way is rolled
back by the next one and the folder is the old site again, whole.

It lives in `.<out>.undo/` beside the output folder, with the replaced and removed files
(moved there, never copied: they keep their inode and timestamp). The journal file exists
only between "every new file is written" and "every file is in place": while it exists,
the publish did not finish and `roll_back` undoes it; once it is gone, the publish is done
and the folder is only cleared. It is JSON (plain data; nothing in it is executed).
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

JOURNAL = "journal"
BACKUP = "files"  # in the undo folder: the files moved out of the published folder


def undo_folder(out: Path) -> Path:
    return out.with_name(f".{out.name}.undo")


@dataclass(frozen=True, slots=True)
class Journal:
    written: dict[str, bool]  # site path -> whether it existed (replaced) or not (added)
    removed: list[str]  # site paths deleted from the published folder


def write_journal(out: Path, journal: Journal) -> None:
    """Start a publish: from here until `close_journal`, a kill is rolled back."""
    undo = undo_folder(out)
    undo.mkdir(exist_ok=True)
    temp = undo / f"{JOURNAL}.tmp"
    temp.write_text(json.dumps({"written": journal.written, "removed": journal.removed}),
                    encoding="utf-8")
    os.replace(temp, undo / JOURNAL)  # whole or absent, never half a list


def close_journal(out: Path) -> None:
    """The publish is done: what the undo folder holds is no longer needed."""
    (undo_folder(out) / JOURNAL).unlink()


def _read(path: Path) -> Journal | None:
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
        written, removed = value["written"], value["removed"]
        if isinstance(written, dict) and isinstance(removed, list) and all(
                isinstance(k, str) and isinstance(v, bool) for k, v in written.items()) and all(
                isinstance(name, str) for name in removed):
            return Journal(written, removed)
    except (OSError, ValueError, KeyError, TypeError):
        pass
    return None


def _inside(out: Path, name: str) -> Path | None:
    """`name` in `out`, or None when it would lead elsewhere (a journal is data, checked)."""
    parts = name.split("/")
    if not name or name.startswith("/") or any(p in ("", ".", "..") for p in parts):
        return None
    return out.joinpath(*parts)


def _restore(backup: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(backup, target)


def prune_empty(out: Path, folder: Path) -> None:
    """Remove `folder` and its parents up to `out` while they are empty."""
    while folder != out and folder.is_relative_to(out):
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent


def roll_back(out: Path) -> None:
    """Undo a publish that was killed before it finished (a journal is left), then clear
    the undo folder; idempotent, so a roll-back killed part way is finished by the next."""
    undo = undo_folder(out)
    if not undo.is_dir() or undo.is_symlink():
        return
    journal = _read(undo / JOURNAL)
    backups = undo / BACKUP
    if journal is not None:
        for name, existed in journal.written.items():
            target, backup = _inside(out, name), _inside(backups, name)
            if target is None or backup is None:
                continue
            if existed and backup.is_file():
                _restore(backup, target)  # the old file, put back over the new one
            elif not existed:
                target.unlink(missing_ok=True)  # added by the publish
                prune_empty(out, target.parent)
        for name in journal.removed:
            target, backup = _inside(out, name), _inside(backups, name)
            if target is not None and backup is not None and backup.is_file():
                _restore(backup, target)
    elif (undo / JOURNAL).exists():  # not ours to read: at least put every old file back
        for backup in sorted(p for p in backups.rglob("*") if p.is_file()):
            _restore(backup, out / backup.relative_to(backups))
    (undo / JOURNAL).unlink(missing_ok=True)
    shutil.rmtree(undo, ignore_errors=True)
