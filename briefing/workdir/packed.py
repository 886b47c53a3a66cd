"""The one way `.briefing/` state files are kept: MessagePack behind a checked header,
written atomically (a temporary file renamed over the old one).

Not pickle: `.briefing/` may come back from a shared CI cache, and reading it must never
run code. A file holds only plain values (None, bool, int, float, str, bytes, lists and
string- or int-keyed maps); whoever reads it rebuilds its own objects from them and
checks their shape.

A file is trusted only when its header names this format, the kind of state the reader
asks for and the version it expects (normally the tool's code version, see
workdir.cache.code_version). Anything else (missing, truncated, foreign, from another
version, corrupted) reads as None: the caller falls back to the full path. A file that
exists but is not usable gets a one-line notice, so a user knows why a build was slow.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO, TextIO, TypeVar

import msgpack

from briefing.workdir.plain import Malformed

MAGIC = b"BRIEFING-STATE\0"
FORMAT = 1  # of the header and framing; bump on any change to them

Notice = Callable[[str], None]


def quiet(_: str) -> None:
    return None


class OncePerReason:
    """Notices as `briefing: ...` lines on a stream, one per reason: after an upgrade
    every kept file gives the same one."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.seen: set[str] = set()

    def __call__(self, line: str) -> None:
        reason = line.partition(": ignored, ")[2]
        if reason not in self.seen:
            self.seen.add(reason)
            print(f"briefing: {line}", file=self.stream)


def _header(kind: str, version: str) -> bytes:
    return MAGIC + msgpack.packb([FORMAT, kind, version])


def pack(kind: str, version: str, value: Any) -> bytes:
    """A state file's bytes: the header, then the value."""
    return _header(kind, version) + msgpack.packb(value, use_bin_type=True)


def unpack(data: bytes, kind: str, version: str) -> tuple[Any, str]:
    """(value, "") for a file written by `pack(kind, version, ...)`; (None, why) for
    anything else."""
    header = _header(kind, version)
    if not data.startswith(MAGIC):
        return None, "not a briefing state file"
    if not data.startswith(header):
        return None, "written by another version of briefing or for another purpose"
    try:
        # strict_map_key=False: int keys are ours (interned ids). unpackb sizes what it
        # makes by the bytes it is given, so a hostile length can't allocate beyond them.
        # A view, not a slice: a copy of a large state would be held beside it.
        value = msgpack.unpackb(memoryview(data)[len(header):], raw=False,
                                strict_map_key=False)
    except (ValueError, TypeError, msgpack.UnpackException, msgpack.ExtraData) as exc:
        return None, f"unreadable ({type(exc).__name__})"
    return value, ""


def load_packed(path: Path, kind: str, version: str, notice: Notice = quiet) -> Any | None:
    """What `save_packed(path, kind, version, ...)` wrote, or None. A missing file is
    silent; one that exists and can't be used gets `notice` with one line saying so."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        notice(f"{path}: ignored, could not be read ({exc.strerror}); building without it")
        return None
    value, why = unpack(data, kind, version)
    if why:
        notice(f"{path}: ignored, {why}; building without it")
    return value


T = TypeVar("T")


def load_decoded(path: Path, kind: str, version: str, decode: Callable[[Any], T],
                 notice: Notice = quiet) -> T | None:
    """`load_packed`, then `decode`: a value that is not in the shape `decode` wants is
    ignored with one line, like a damaged file, never trusted."""
    value = load_packed(path, kind, version, notice)
    if value is None:
        return None
    try:
        return decode(value)
    except (Malformed, KeyError, TypeError, ValueError, RecursionError):
        notice(f"{path}: ignored, not in the expected shape; building without it")
        return None


def _write_value(stream: BinaryIO, value: Any, packer: msgpack.Packer, depth: int) -> None:
    """packb(value) written in pieces: the containers of the first `depth` levels by their
    header and then item by item (MessagePack is a stream: the same bytes), so a large
    state is never held encoded whole, nor in msgpack's growing buffer."""
    if depth and isinstance(value, dict):
        stream.write(packer.pack_map_header(len(value)))
        for key, item in value.items():
            stream.write(packer.pack(key))
            _write_value(stream, item, packer, depth - 1)
    elif depth and isinstance(value, list | tuple):
        stream.write(packer.pack_array_header(len(value)))
        for item in value:
            _write_value(stream, item, packer, depth - 1)
    else:
        stream.write(packer.pack(value))


def save_packed(path: Path, kind: str, version: str, value: Any) -> None:
    """Write atomically; a file that can't be written is only a slower next build."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-")
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(_header(kind, version))
                _write_value(stream, value, msgpack.Packer(use_bin_type=True), 2)
            os.replace(temp, path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except (TypeError, ValueError, OverflowError) as exc:
        # a value that is not plain data is a bug in the caller, not the user's problem
        raise TypeError(f"state {kind!r} holds a value MessagePack can't keep: {exc}") from exc
    except OSError:
        return
