"""Dev server: watch the content and templates folders and record that something changed.

`is_relevant_change` is a pure, table-tested classifier: editor temp files, hidden files
and the tool's own output folders never trigger a build, or every build would trigger
the next. The watchdog callback only records the change; `ChangeFlag.wait_until_quiet`
lets the rebuild loop wait until changes stop (debounce).
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Iterable, Sequence
from pathlib import Path, PurePath

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver

logger = logging.getLogger(__name__)

# Events that mean a file's content or presence changed; opened/closed_no_write are reads
# (our own build reads every content file).
_CHANGE_EVENTS = frozenset({"created", "deleted", "modified", "moved", "closed"})
_TEMP_SUFFIXES = (".swp", ".swo", ".swx", ".swpx", ".tmp", ".temp", ".bak", ".part",
                  ".crdownload", ".kate-swp", "___jb_tmp___", "___jb_old___", "~")
_IGNORED_NAMES = frozenset({"Thumbs.db", "desktop.ini", "__pycache__", "node_modules"})


def is_temp_name(name: str) -> bool:
    """Editor and OS scratch names: `.x.swp`, `x~`, `.#x`, `#x#`, `x.tmp`, hidden files."""
    lowered = name.lower()
    return (name.startswith(".") or (name.startswith("#") and name.endswith("#"))
            or name in _IGNORED_NAMES or lowered.endswith(_TEMP_SUFFIXES))


def _relevant_path(path: PurePath, is_directory: bool, roots: Sequence[PurePath],
                   ignored: Sequence[PurePath]) -> bool:
    if any(path == folder or path.is_relative_to(folder) for folder in ignored):
        return False
    for root in roots:
        if path.is_relative_to(root):
            parts = path.relative_to(root).parts
            if parts and not is_directory and parts[-1].isdigit():
                return False  # vim's write probe (4913, 5036, ...); folders like 2024 count
            return not any(is_temp_name(part) for part in parts)
    return False


def is_relevant_change(event_type: str, src_path: str, dest_path: str, is_directory: bool,
                       roots: Sequence[PurePath], ignored: Sequence[PurePath]) -> bool:
    """Whether a file-system event should trigger a rebuild.

    roots: the watched folders; ignored: folders whose changes never count (the output
    and `.briefing/`). A move counts when either end is a real file (editors save by
    renaming a temp file over the original).
    """
    if event_type not in _CHANGE_EVENTS:
        return False
    if is_directory and event_type in ("modified", "closed"):
        return False  # a folder's mtime changes with every file in it; the file event counts
    paths = [src_path] + ([dest_path] if event_type == "moved" and dest_path else [])
    return any(_relevant_path(PurePath(p), is_directory, roots, ignored)
               for p in paths if p)


class ChangeFlag:
    """Records that something changed and when; the rebuild loop waits on it."""

    def __init__(self) -> None:
        self._condition = threading.Condition()
        self._pending = False
        self._last = 0.0
        self._paths: set[str] = set()

    def record(self, *paths: str) -> None:
        with self._condition:
            self._pending = True
            self._last = time.monotonic()
            self._paths.update(p for p in paths if p)
            self._condition.notify_all()

    def take_paths(self) -> frozenset[str]:
        """The paths recorded since the last call (what the next rebuild is for)."""
        with self._condition:
            paths = frozenset(self._paths)
            self._paths.clear()
            return paths

    def wake(self) -> None:
        """Wake a waiting loop without recording a change (used at shutdown)."""
        with self._condition:
            self._condition.notify_all()

    def wait_until_quiet(self, quiet: float, stop: threading.Event) -> bool:
        """Block until a change was recorded and none followed for `quiet` seconds.

        Returns False when `stop` is set first.
        """
        with self._condition:
            while not stop.is_set():
                if not self._pending:
                    self._condition.wait(0.5)
                    continue
                remaining = self._last + quiet - time.monotonic()
                if remaining <= 0:
                    self._pending = False
                    return True
                self._condition.wait(remaining)
        return False


class _Recorder(FileSystemEventHandler):
    def __init__(self, flag: ChangeFlag, roots: Sequence[PurePath],
                 ignored: Sequence[PurePath]) -> None:
        self.flag = flag
        self.roots = tuple(roots)
        self.ignored = tuple(ignored)

    def on_any_event(self, event: FileSystemEvent) -> None:
        src = _text(event.src_path)
        dest = _text(getattr(event, "dest_path", "") or "")
        if is_relevant_change(event.event_type, src, dest, event.is_directory,
                              self.roots, self.ignored):
            logger.debug("change: %s %s %s", event.event_type, src, dest)
            self.flag.record(src, dest)


def _text(path: str | bytes) -> str:
    return path.decode(errors="surrogateescape") if isinstance(path, bytes) else path


Snapshot = dict[str, tuple[int, int, int]]  # file -> (size, mtime, ctime) in ns


def snapshot(folders: Iterable[Path], ignored: Iterable[Path]) -> Snapshot:
    """What the watcher would see of each file now: to find the changes made before it
    started (serve's first build runs before any thread, watcher included)."""
    skip = {str(folder.resolve()) for folder in ignored}
    found: Snapshot = {}
    for root in folders:
        for folder, dirs, files in os.walk(root.resolve()):  # never follows links
            dirs[:] = [d for d in dirs if not is_temp_name(d)
                       and os.path.join(folder, d) not in skip]
            for name in files:
                if is_temp_name(name):
                    continue
                path = os.path.join(folder, name)
                try:
                    st = os.stat(path)
                except OSError:
                    continue
                found[path] = (st.st_size, st.st_mtime_ns, st.st_ctime_ns)
    return found


def changed_between(before: Snapshot, after: Snapshot) -> list[str]:
    """The files added, removed or changed from one snapshot to the next."""
    return sorted(path for path in before.keys() | after.keys()
                  if before.get(path) != after.get(path))


def start_watching(folders: Iterable[Path], ignored: Iterable[Path],
                   flag: ChangeFlag) -> BaseObserver:
    """Watch every folder recursively; the observer's threads are daemons."""
    roots = [folder.resolve() for folder in folders]
    recorder = _Recorder(flag, roots, [folder.resolve() for folder in ignored])
    observer = Observer()
    observer.daemon = True
    for root in roots:
        observer.schedule(recorder, str(root), recursive=True)
    observer.start()
    return observer
