"""One build at a time per project: an advisory lock in .briefing/."""

from __future__ import annotations

import fcntl
import hashlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

WORK_DIR = ".briefing"  # the tool's own folder in the project: cache, locks, dev server


class BusyError(Exception):
    """Another build holds the lock."""


@contextmanager
def build_lock(work_path: Path, out_path: Path) -> Iterator[None]:
    """Held while building into out_path: builds into other folders may run alongside."""
    work_path.mkdir(parents=True, exist_ok=True)
    key = hashlib.sha256(str(out_path.resolve()).encode()).hexdigest()[:12]
    lock_path = work_path / f"lock-{key}"
    with lock_path.open("a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            raise BusyError(f"another build into '{out_path}' is running (pid {holder}); "
                            "wait for it to finish and run again") from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        try:
            yield
        finally:
            handle.seek(0)
            handle.truncate()
            fcntl.flock(handle, fcntl.LOCK_UN)
