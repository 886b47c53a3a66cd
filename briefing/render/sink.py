"""Where render puts what it makes. The orchestrator injects the sink: write.Staging (a
new folder on disk) for `build`, MemorySink for `check` and the dev server. Render never
imports write/."""

from __future__ import annotations

from typing import Protocol

# (path once published, size, mtime in ns): one entry of the output stamp (workdir.skip)
Entry = tuple[str, int, int]


class Sink(Protocol):
    # Whether forked workers may put into it themselves (a folder on disk); otherwise
    # they hand their outputs back and this process puts them.
    shared: bool

    def put(self, site_path: str, data: bytes) -> bool:
        """Keep one output; True if written, False if kept unchanged from before."""
        ...

    def read(self, site_path: str) -> bytes:
        """An output put before (the late link check reads fragments back)."""
        ...

    def entry(self, site_path: str) -> Entry:
        """The output stamp's entry for an output put before."""
        ...


class MemorySink:
    """Every output in memory, by site path."""

    shared = False

    def __init__(self) -> None:
        self.outputs: dict[str, bytes] = {}

    def put(self, site_path: str, data: bytes) -> bool:
        self.outputs[site_path] = data
        return True

    def read(self, site_path: str) -> bytes:
        return self.outputs[site_path]

    def entry(self, site_path: str) -> Entry:
        return (site_path, len(self.outputs[site_path]), 0)
