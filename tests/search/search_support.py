"""Helpers for the search tests (no fixtures here): build the test site, serve a folder."""

from __future__ import annotations

import functools
import http.server
import shutil
import subprocess
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CONTENT = Path(__file__).resolve().parent / "site" / "content"
TEMPLATES = Path(__file__).resolve().parents[2] / "templates"  # the repository's own
RunCli = Callable[..., subprocess.CompletedProcess[str]]
# Tiny shard targets: the test site's index in many shards, as a large site's would be.
SMALL_SHARDS = {"term_shard_bytes": 300, "doc_shard_bytes": 700}


def build_test_site(project: Path, run_cli: RunCli, *extra: str) -> Path:
    """The test content built by the real CLI into project/site."""
    if not (project / "content").exists():
        shutil.copytree(CONTENT, project / "content")
    done = run_cli(["build", "--strict", "--out", "site", "--templates", str(TEMPLATES), *extra],
                   project)
    assert done.returncode == 0, done.stdout + done.stderr
    return project / "site"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@dataclass(frozen=True)
class ServedSite:
    out: Path
    url: str  # the site's root, ending in '/'
    requests: list[str]  # paths asked for, in order (the server thread appends)
    cli_index: dict[str, bytes]  # search/ as the CLI wrote it


def replace_index(out: Path, files: dict[str, bytes]) -> dict[str, bytes]:
    """Put `files` in place of the built site's search index; returns the one replaced."""
    search = out / "search"
    old = {f"search/{p.relative_to(search).as_posix()}": p.read_bytes()
           for p in sorted(search.rglob("*.json"))}
    for path in old:
        (out / path).unlink()
    for path, data in files.items():
        (out / path).parent.mkdir(parents=True, exist_ok=True)
        (out / path).write_bytes(data)
    return old


def serve(out: Path, cli_index: dict[str, bytes]
          ) -> tuple[http.server.ThreadingHTTPServer, ServedSite]:
    requests: list[str] = []

    class Handler(_Quiet):
        def do_GET(self) -> None:
            requests.append(self.path)
            super().do_GET()

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Handler, directory=str(out)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, ServedSite(out, f"http://127.0.0.1:{server.server_address[1]}/", requests,
                              cli_index)


