"""Dev server: a threaded stdlib HTTP server for `.briefing/serve/` and nothing else.

HTML responses get the live-reload script (and the error overlay) at response time;
`/__briefing/events` is a server-sent event stream that says when a build finished.
"""

from __future__ import annotations

import logging
import socket
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from briefing.serve.inject import EVENTS_PATH, error_page, inject
from briefing.serve.paths import Outcome, content_type, host_allowed, resolve_request
from briefing.serve.state import ServeState

logger = logging.getLogger(__name__)

HEARTBEAT_SECONDS = 15.0
MAX_EVENT_STREAMS = 64
_HTML = "text/html; charset=utf-8"
_TEXT = "text/plain; charset=utf-8"


class DevServer(ThreadingHTTPServer):
    daemon_threads = True  # open connections (event streams) never hold up the exit
    request_queue_size = 256
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], root_path: Path, state: ServeState) -> None:
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        self.root_path = root_path.resolve()
        self.state = state
        self.streams = threading.BoundedSemaphore(MAX_EVENT_STREAMS)
        super().__init__(address, DevRequestHandler)

    def handle_error(self, request: Any, client_address: Any) -> None:
        error = sys.exc_info()[1]
        if isinstance(error, ConnectionError | TimeoutError):
            logger.debug("client %s went away: %s", client_address, error)
            return
        logger.exception("internal error while answering %s", client_address)


class DevRequestHandler(BaseHTTPRequestHandler):
    server: DevServer
    server_version = "briefing-serve"
    protocol_version = "HTTP/1.0"
    timeout = 30

    def log_message(self, format: str, *args: Any) -> None:
        logger.debug("%s %s", self.address_string(), format % args)

    def _host_refused(self, head: bool) -> bool:
        if host_allowed(self.headers.get("Host"), str(self.server.server_address[0])):
            return False
        self._send(403, _TEXT, b"403 this preview answers only to its own address\n", head)
        return True

    def do_GET(self) -> None:
        if self._host_refused(head=False):
            return
        if urlsplit(self.path).path == EVENTS_PATH:
            self._stream_events()
        else:
            self._respond(head=False)

    def do_HEAD(self) -> None:
        if not self._host_refused(head=True):
            self._respond(head=True)

    def _send(self, status: int, kind: str, body: bytes, head: bool,
              extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def _respond(self, head: bool) -> None:
        state = self.server.state
        resolution = resolve_request(self.server.root_path, self.path)
        with state.writing:  # the file and the build it belongs to, together
            snapshot = state.snapshot()
            body = None
            if resolution.outcome is Outcome.FILE and resolution.path is not None:
                try:
                    body = resolution.path.read_bytes()
                except OSError:  # replaced or removed by a rebuild just now
                    body = None
        if resolution.outcome is Outcome.BAD:
            self._send(400, _TEXT, b"400 bad request\n", head)
            return
        if not snapshot.has_site:  # no good build yet: every request shows the errors
            self._send(500, _HTML, error_page(snapshot), head)
            return
        if resolution.outcome is Outcome.REDIRECT:
            self._send(301, _TEXT, b"moved\n", head, {"Location": resolution.location})
            return
        if body is not None and resolution.path is not None:
            kind = content_type(resolution.path)
            if kind == _HTML:
                body = inject(body, snapshot)
            self._send(200, kind, body, head)
            return
        self._not_found(head)

    def _not_found(self, head: bool) -> None:
        page = resolve_request(self.server.root_path, "/404.html")
        with self.server.state.writing:
            snapshot = self.server.state.snapshot()
            try:
                body = page.path.read_bytes() if page.path is not None else None
            except OSError:
                body = None
        if body is None:
            self._send(404, _TEXT, b"404 not found\n", head)
        else:
            self._send(404, _HTML, inject(body, snapshot), head)

    def _stream_events(self) -> None:
        state = self.server.state
        if not self.server.streams.acquire(blocking=False):
            self._send(503, _TEXT, b"too many event streams\n", head=False)
            return
        try:
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream; charset=utf-8")
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            seen = state.snapshot().token
            self.wfile.write(f"retry: 1000\nevent: build\ndata: {seen}\n\n".encode())
            while not state.closed:
                snapshot = state.wait_for_build(seen, HEARTBEAT_SECONDS)
                if snapshot is None:
                    if not state.closed:
                        self.wfile.write(b": keep-alive\n\n")  # also notices a closed tab
                    continue
                seen = snapshot.token
                self.wfile.write(f"event: build\ndata: {seen}\n\n".encode())
        except (ConnectionError, TimeoutError):
            logger.debug("event stream closed by %s", self.address_string())
        finally:
            self.server.streams.release()
            self.close_connection = True
