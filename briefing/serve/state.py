"""Dev server: what the HTTP threads need to know about the latest build.

One object shared by the rebuild loop (which publishes) and the request threads (which
read a snapshot, or wait for the next build on the event stream).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Snapshot:
    token: str  # changes with every finished build (and every server start)
    errors: tuple[str, ...]  # formatted diagnostics of the failed build; empty when good
    has_site: bool  # a good build of this session is in the served folder


class ServeState:
    def __init__(self, session: str) -> None:
        self._session = session
        self._condition = threading.Condition()
        self._generation = 0
        self._errors: tuple[str, ...] = ()
        self._has_site = False
        self._closed = False
        # Held while the served files change and the build is published, and by a request
        # while it takes the snapshot and reads its file: a page is never the new content
        # under the old build's errors (or the reverse).
        self.writing = threading.Lock()

    def _snapshot(self) -> Snapshot:
        return Snapshot(f"{self._session}-{self._generation}", self._errors, self._has_site)

    def snapshot(self) -> Snapshot:
        with self._condition:
            return self._snapshot()

    def publish(self, errors: tuple[str, ...], has_site: bool) -> Snapshot:
        """A build finished: good (no errors) or failed (the last good site stays)."""
        with self._condition:
            self._generation += 1
            self._errors = errors
            self._has_site = self._has_site or has_site
            self._condition.notify_all()
            return self._snapshot()

    def wait_for_build(self, seen: str, timeout: float) -> Snapshot | None:
        """The snapshot once a build other than `seen` finished; None on timeout or close."""
        with self._condition:
            self._condition.wait_for(
                lambda: self._closed or self._snapshot().token != seen, timeout)
            if self._closed:
                return None
            current = self._snapshot()
            return current if current.token != seen else None

    def close(self) -> None:
        """Shutting down: every waiting event stream returns."""
        with self._condition:
            self._closed = True
            self._condition.notify_all()

    @property
    def closed(self) -> bool:
        with self._condition:
            return self._closed
