"""Run a function in a fresh Python process that holds only what it is sent.

A forked helper starts as a copy of its parent, and after the pages of a big site that
copy counts again in the memory of the processes summed. A fresh interpreter costs its
start-up (started early, it boots while the caller works) and the pickling of the
arguments and the result. It is started with fork and exec, so it is safe beside threads.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, BinaryIO

_CHILD = "from briefing.workers.spawned import main; main()"


class SpawnError(Exception):
    """The helper could not start, or failed: the caller does the work itself."""


class Spawned:
    """One helper process: start() it, send() it one call, then take its result()."""

    def __init__(self) -> None:
        package_parent = str(Path(__file__).resolve().parents[2])  # holds briefing/
        path = os.environ.get("PYTHONPATH", "")
        env = {**os.environ, "PYTHONPATH": package_parent + (os.pathsep + path if path else "")}
        try:
            self._process: subprocess.Popen[bytes] | None = subprocess.Popen(
                [sys.executable, "-c", _CHILD], stdin=subprocess.PIPE,
                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
        except OSError:
            self._process = None

    def send(self, func: Callable[..., Any], *args: Any, stream: Iterable[Any] | None = None
             ) -> None:
        """Call func(*args) in the helper; with `stream`, func(*args, items): the items
        pickled one by one as they are made, so this process never holds them all. The
        helper reads them all before the call (a helper that took them as it worked would
        hold this process up until it is done)."""
        process = self._require()
        assert process.stdin is not None
        try:
            with process.stdin:
                pickle.dump((func, args, stream is not None), process.stdin,
                            protocol=pickle.HIGHEST_PROTOCOL)
                for item in stream if stream is not None else ():
                    pickle.dump(item, process.stdin, protocol=pickle.HIGHEST_PROTOCOL)
                if stream is not None:
                    pickle.dump(_End(), process.stdin, protocol=pickle.HIGHEST_PROTOCOL)
        except (OSError, pickle.PicklingError) as exc:
            self.close()
            raise SpawnError(f"cannot send to the helper: {exc}") from exc

    def result(self) -> Any:
        process = self._require()
        assert process.stdout is not None
        try:  # unpickled as it arrives: the whole reply's bytes are never held
            with process.stdout:
                status, value = pickle.load(process.stdout)
        except Exception as exc:
            try:
                code: int | str = process.wait(5)
            except subprocess.TimeoutExpired:  # alive, but its reply was cut or garbled
                code = "killed"
            self.close()
            raise SpawnError(f"the helper exited {code} without a result") from exc
        process.wait()
        self._process = None
        if status != "ok":
            raise SpawnError(f"the helper failed: {value}")
        return value

    def close(self) -> None:
        """Stop the helper if it still runs (the caller gave up on it)."""
        if self._process is not None:
            self._process.kill()
            self._process.wait()
            for stream in (self._process.stdin, self._process.stdout):
                if stream is not None:
                    stream.close()
            self._process = None

    def _require(self) -> subprocess.Popen[bytes]:
        if self._process is None:
            raise SpawnError("the helper did not start")
        return self._process


class _End:
    """Marks the end of a streamed call's items."""


def _items(source: BinaryIO) -> list[Any]:
    items = []
    while not isinstance(item := pickle.load(source), _End):
        items.append(item)
    return items


def main() -> None:
    """The helper's side: one call read from stdin, its result written to stdout."""
    func, args, streamed = pickle.load(sys.stdin.buffer)
    if streamed:
        args = (*args, _items(sys.stdin.buffer))
    try:
        reply: tuple[str, Any] = ("ok", func(*args))
    except Exception as exc:  # reported to the caller, which does the work itself
        reply = ("error", f"{type(exc).__name__}: {exc}")
    pickle.dump(reply, sys.stdout.buffer, protocol=pickle.HIGHEST_PROTOCOL)
    sys.stdout.buffer.flush()
