"""Helpers for the dev server tests: a tiny site's text and the real `serve` command."""

from __future__ import annotations

import http.client
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
START_SECONDS = 20.0

SITE_YAML = """\
title: Serve test briefing
description: A tiny site for the dev server tests
base_url: https://example.test/sub/
language: en
fx:
  USD: {2024: 1364}
"""

CARRIER = """\
---
name: {ko: SK텔레콤, en: SK Telecom}
---
The first carrier.
"""

ARTICLE = """\
---
title: Hello briefing
published: 2024-05-02
source:
  title: Original headline
language: en
carriers: [skt]
summary: A short summary.
events:
  - id: hello-event
    date: 2024-05-01
    title: Something happened
    kind: product
    carriers: [skt]
---
Body text {marker}.
"""



class SiteText:
    """The test site's article, valid with a marker of choice, or with invalid YAML."""

    path = "content/articles/2024-05-hello.md"
    url = "/articles/2024-05-hello/"

    @staticmethod
    def article(marker: str) -> str:
        return ARTICLE.format(marker=marker)

    @staticmethod
    def broken_article(marker: str) -> str:
        return ARTICLE.format(marker=marker).replace("carriers: [skt]\n", "carriers: [skt\n", 1)


def write_files(root: Path, files: dict[str, str]) -> None:
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")


@dataclass
class Served:
    root: Path
    port: int
    process: subprocess.Popen[bytes]
    stdout_path: Path
    stderr_path: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def get(self, target: str, method: str = "GET", timeout: float = 10.0) -> Response:
        """One request with the target sent exactly as written (no client normalisation)."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            connection.putrequest(method, target, skip_accept_encoding=True)
            connection.endheaders()
            response = connection.getresponse()
            body = response.read()
            headers = {name.lower(): value for name, value in response.getheaders()}
            return Response(response.status, headers, body)
        finally:
            connection.close()

    def write(self, relative: str, text: str) -> None:
        write_files(self.root, {relative: text})

    def stdout(self) -> str:
        return self.stdout_path.read_text(encoding="utf-8", errors="replace")

    def stderr(self) -> str:
        return self.stderr_path.read_text(encoding="utf-8", errors="replace")

    def wait_for(self, target: str, check: Callable[[Response], bool],
                 seconds: float = 5.0) -> Response:
        """Poll `target` until `check` holds; fail with the last response after `seconds`."""
        deadline = time.monotonic() + seconds
        while True:
            response = self.get(target)
            if check(response):
                return response
            if time.monotonic() > deadline:
                raise AssertionError(f"{target} never matched in {seconds} s; last: "
                                     f"{response.status} {response.text[-600:]}\n"
                                     f"stdout: {self.stdout()}\nstderr: {self.stderr()}")
            time.sleep(0.05)


Starter = Callable[..., Served]  # the `serve` fixture: start a server in the project


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


def start_server(root: Path, *extra: str) -> Served:
    """Start `python build.py serve` in `root` on a free loopback port; wait until it answers."""
    for _attempt in range(3):
        port = free_port()
        logs = root.parent / f"serve-{port}"
        stdout_path, stderr_path = logs.with_suffix(".out"), logs.with_suffix(".err")
        with stdout_path.open("wb") as out, stderr_path.open("wb") as err:
            process = subprocess.Popen(
                [sys.executable, str(REPO / "build.py"), "serve", "--host", "127.0.0.1",
                 "--port", str(port), *extra],
                cwd=root, stdout=out, stderr=err, env={**os.environ, "PYTHONUNBUFFERED": "1"})
        served = Served(root, port, process, stdout_path, stderr_path)
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline and process.poll() is None:
            if "serving http" in served.stdout() and _answers(port):
                return served
            time.sleep(0.05)
        stop_server(served)
        if "cannot listen" not in served.stderr():  # a port race: try another port
            raise AssertionError(f"serve did not start: {served.stdout()}{served.stderr()}")
    raise AssertionError("serve could not find a free port")


def stop_server(served: Served) -> None:
    if served.process.poll() is None:
        served.process.send_signal(signal.SIGKILL)
    served.process.wait(timeout=10)
