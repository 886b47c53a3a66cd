"""What the data files (render.data) keep for the next `build` in another process: each
unit's members, what it read from the graph with a digest of each value, and the names of
its files. The next build digests the same reads on its graph; a unit whose members and
digests are the same takes its files from the published folder instead of making them.

Used only with a published folder the page state vouched for (pagestate.usable_folder):
its files are the last build's. A workdir.packed state (never pickle); any shape it
should not have means it is ignored and every data file is made.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from briefing.incremental.pagestate import Digests, kept_read, plain_read, state_file
from briefing.incremental.tracking import Read
from briefing.render.data import KeptData
from briefing.workdir.cache import code_version
from briefing.workdir.packed import Notice, load_packed, quiet, save_packed
from briefing.workdir.plain import Malformed

KIND = "data-units"


def data_state_file(cache_path: Path, out: Path) -> Path:
    pages = state_file(cache_path, out)
    return pages.with_name(pages.name.replace("pages-", "data-", 1))


def _key(value: Any) -> Any:
    """A read's key from its plain form (pagestate.plain_read: tuples became lists)."""
    return tuple(_key(item) for item in value) if type(value) is list else value


def _read(value: Any) -> Read:
    if type(value) is not list or len(value) != 2 or type(value[0]) is not str:
        raise Malformed("a read")
    return value[0], _key(value[1])


def _texts(value: Any) -> tuple[str, ...]:
    if type(value) is not list or not all(type(item) is str for item in value):
        raise Malformed("a list of texts")
    return tuple(value)


def load_kept_data(path: Path, out: Path, stamp: str, digests: Digests,
                   notice: Notice = quiet) -> KeptData:
    """The units whose reads still digest the same, their files read from `out`; the
    others are left out (made again). Only if saved by the build that left `out` as it is
    (`stamp`, the output stamp the page state vouched for): another build's files may
    differ though the values they read digest the same now."""
    value = load_packed(path, KIND, code_version(), notice)
    kept = KeptData()
    if value is None:
        return kept
    try:
        if type(value) is not list or len(value) != 2 or type(value[1]) is not list:
            raise Malformed("not a stamp and units")
        if value[0] != stamp:
            return kept
        for row in value[1]:
            key, members, reads, names = row
            reads = frozenset(_read(read) for read, _ in reads) if all(
                digests.of(_read(read)) == digest for read, digest in reads) else None
            if reads is None or type(key) is not str:
                continue
            files = {name: (out / name).read_bytes() for name in _texts(names)}
            kept.units[key] = (_texts(members), reads, files)
    except (Malformed, OSError, TypeError, ValueError, RecursionError):
        notice(f"{path}: ignored, not in the expected shape; building without it")
        return KeptData()
    return kept


def save_kept_data(path: Path, kept: KeptData, stamp: str, digests: Digests) -> None:
    rows = []
    for key, (members, reads, files) in sorted(kept.units.items()):
        if not all(type(member) is str for member in members):
            continue  # not kept: made again next time
        plain = sorted(({kept_read(read) for read in reads}), key=repr)
        rows.append([key, list(members), [[plain_read(read), digests.of(read)]
                                          for read in plain], sorted(files)])
    save_packed(path, KIND, code_version(), [stamp, rows])
