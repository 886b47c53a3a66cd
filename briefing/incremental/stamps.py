"""A long-lived build re-reads a content file only when its stat changed or the watcher
named it; every other file is taken from the last read."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from briefing.build import Gathered, list_content, read_files
from briefing.load.files import Kind
from briefing.validate.fields import Checked
from briefing.workers.progress import Report, no_progress

# What a file's stat says of it: re-read only when this changed (or the watcher named
# it: two saves in one clock tick look alike).
Stamp = tuple[int, int, int, int, int]


def file_stamp(path: Path) -> Stamp | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


@dataclass(slots=True)
class LastRead:
    """The last read of a long-lived build."""

    checked: dict[str, Checked] = field(default_factory=dict)  # by content key
    stamps: dict[str, tuple[Stamp, str]] = field(default_factory=dict)  # file -> stamp, key
    reread: frozenset[str] = frozenset()  # files the watcher saw change since


def read_changed(content_path: Path, last: LastRead, jobs: int = 0,
                 progress: Report = no_progress) -> Gathered:
    """`build.gather`, but a file whose stat is as it was is taken from `last` unread
    unless it is one of `last.reread`; `last` becomes this read."""
    listed = list_content(content_path)
    forced = {stamp[:2] for name in last.reread if (stamp := file_stamp(Path(name)))}
    found: list[tuple[str, Checked] | None] = [None] * len(listed.files)
    stamps: dict[str, tuple[Stamp, str]] = {}
    todo: list[tuple[Path, Kind]] = []
    todo_at: list[tuple[int, Stamp | None]] = []
    for number, (path, kind) in enumerate(listed.files):
        stamp = file_stamp(path)
        kept = last.stamps.get(str(path))
        if (stamp is not None and kept is not None and kept[0] == stamp
                and stamp[:2] not in forced and kept[1] in last.checked):
            found[number] = (kept[1], last.checked[kept[1]])
            stamps[str(path)] = kept
        else:
            todo.append((path, kind))
            todo_at.append((number, stamp))
    for (number, stamp), (key, item) in zip(todo_at, read_files(todo, last.checked, jobs,
                                                                progress), strict=True):
        found[number] = (key, item)
        if stamp is not None and key:
            stamps[str(listed.files[number][0])] = (stamp, key)
    checked, fresh = list(listed.site), {}
    for entry in found:
        assert entry is not None
        key, item = entry
        checked.append(item)
        if key:
            fresh[key] = item
    last.checked, last.stamps, last.reread = fresh, stamps, frozenset()
    return Gathered(checked, fresh, listed.problems)
