"""`serve`: build into `.briefing/serve/`, serve it, rebuild on change, reload the browser.

The command's front end (it prints, like the CLI); the pieces live in `devserver_*`:
paths (what a URL may serve), output (the served folder, file by file), watch (what
counts as a change, debounce), build (rebuild and report), state, pages (the injected
live-reload script and error overlay) and http (the threaded server).
"""

from __future__ import annotations

import argparse
import secrets
import signal
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.resources.abc import Traversable
from pathlib import Path
from types import FrameType

from briefing.build import BuildOptions
from briefing.core.diagnostics import print_diagnostics
from briefing.render.templates import folder_problem, template_root
from briefing.serve.http import DevServer
from briefing.serve.output import OutputFolder, serve_lock
from briefing.serve.rebuild import BuildReport, Rebuilder, rebuild_loop
from briefing.serve.state import ServeState
from briefing.serve.watch import ChangeFlag, changed_between, snapshot, start_watching
from briefing.workdir.lock import WORK_DIR
from briefing.workdir.packed import OncePerReason
from briefing.write.staging import check_output_folder

SERVE_DIR = "serve"
_WILDCARD_HOSTS = ("", "0.0.0.0", "::")
_REPEAT_WINDOW = 0.5  # seconds: a signal repeated sooner is the same request to stop


def site_url(host: str, port: int) -> str:
    """The address to open; also the preview's base URL, so every link stays local."""
    shown = "localhost" if host in _WILDCARD_HOSTS else host
    if ":" in shown:
        shown = f"[{shown}]"
    return f"http://{shown}:{port}/"


def print_report(report: BuildReport) -> None:
    print_diagnostics(report.diagnostics, sys.stderr)
    if report.failure:
        print(f"briefing: {report.failure}", file=sys.stderr)
    verb = "built" if report.number == 1 else "rebuilt"
    if report.stats is not None:
        stats = report.stats
        kept = "" if report.partial is None else (
            f" ({report.partial[0]} of {report.partial[1]} pages and feeds rendered, the "
            "others kept)")
        print(f"{verb} {report.files} files: {stats.written} written, {stats.unchanged} "
              f"unchanged, {stats.removed} removed, {report.seconds:.2f} s{kept}", flush=True)
    else:
        keeping = ("keeping the last good site" if report.has_site
                   else "serving the errors until they are fixed")
        print(f"build failed ({report.seconds:.2f} s): {keeping}", flush=True)
    sys.stderr.flush()


@contextmanager
def _stop_on_signals(stop: threading.Event) -> Iterator[None]:
    """SIGINT (Ctrl-C) and SIGTERM set `stop`; the previous handlers come back after.

    A second signal while stopping interrupts at once (should shutting down hang), unless
    it comes within half a second of the first: a wrapper such as `timeout` forwards the
    terminal's Ctrl-C, so one key press can arrive twice.
    """
    first: list[float] = []

    def handler(signum: int, frame: FrameType | None) -> None:
        if first:
            if time.monotonic() - first[0] < _REPEAT_WINDOW:
                return
            raise KeyboardInterrupt
        first.append(time.monotonic())
        # Event.set takes the event's lock, which this very thread may hold: the handler
        # runs between any two bytecodes, inside Event.wait or an earlier set. Another
        # thread sets it, so the handler never waits on a lock.
        threading.Thread(target=stop.set, name="briefing-stop", daemon=True).start()

    handled = (signal.SIGINT, signal.SIGTERM)
    previous = {signum: signal.signal(signum, handler) for signum in handled}
    try:
        yield
    finally:
        for number, old in previous.items():
            signal.signal(number, old if old is not None else signal.SIG_DFL)


def _watched(args: argparse.Namespace, templates: Traversable) -> list[Path]:
    folders = [args.content]
    if isinstance(templates, Path) and templates.is_dir():
        folders.append(templates)
    return folders


def run_server(args: argparse.Namespace) -> int:
    cwd = Path.cwd()
    problem = folder_problem(args.content, args.templates)
    if problem:
        print(f"briefing: {problem}", file=sys.stderr)
        return 2
    templates = template_root(args.templates, cwd)
    watched = _watched(args, templates)
    out_path = cwd / WORK_DIR / SERVE_DIR
    check_output_folder(out_path, watched, [cwd])
    with serve_lock(out_path):
        state = ServeState(secrets.token_hex(4))
        try:
            server = DevServer((args.host, args.port), out_path, state)
        except OSError as exc:
            print(f"briefing: cannot listen on {args.host}:{args.port}: "
                  f"{exc.strerror or exc}", file=sys.stderr)
            return 3
        url = site_url(args.host, server.server_address[1])
        options = BuildOptions(
            content_path=args.content, templates=templates, out_path=None, base_url=url,
            language=args.language, drafts=args.drafts, strict=args.strict,
            jobs=1,  # rebuilds run beside the server's threads: no forking
            cache_path=cwd / WORK_DIR / "cache", fresh=args.no_cache,
            notice=OncePerReason(sys.stderr))
        rebuilder = Rebuilder(options, OutputFolder(out_path), state, print_report)
        _serve(server, rebuilder, watched, [cwd / WORK_DIR, cwd / "site"], url)
        rebuilder.keep()  # every thread has stopped: the folder is as the last build left it
    print("stopped", flush=True)
    return 0


def _serve(server: DevServer, rebuilder: Rebuilder, watched: list[Path],
           ignored: list[Path], url: str) -> None:
    """Run until SIGINT or SIGTERM, then stop every thread and close the socket."""
    stop = threading.Event()
    flag = ChangeFlag()
    threads: list[threading.Thread] = []
    observer = None
    with _stop_on_signals(stop):
        try:
            # The first build forks its helpers while this process has no other thread
            # (forking beside threads can deadlock); what changes meanwhile is found by
            # comparing the files before it and once the watcher runs.
            before = snapshot(watched, ignored)
            rebuilder.build(parallel=True)
            try:
                observer = start_watching(watched, ignored, flag)
            except OSError as exc:  # e.g. the system's inotify watch limit
                print(f"briefing: cannot watch {', '.join(map(str, watched))} for changes: "
                      f"{exc.strerror or exc}; serving without rebuilds", file=sys.stderr)
            else:
                missed = changed_between(before, snapshot(watched, ignored))
                if missed:
                    flag.record(*missed)
            threads = [
                threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.2},
                                 name="briefing-http", daemon=True),
                threading.Thread(target=rebuild_loop, args=(flag, rebuilder, stop),
                                 name="briefing-rebuild", daemon=True),
            ]
            for thread in threads:
                thread.start()
            if not stop.is_set():
                print(f"serving {url} (Ctrl-C to stop)", flush=True)
            while not stop.wait(0.5):
                pass
        finally:
            stop.set()
            rebuilder.state.close()
            flag.wake()
            if threads:
                server.shutdown()
            server.server_close()
            if observer is not None:
                observer.stop()
                observer.join(timeout=2)
            for thread in threads:
                thread.join(timeout=5)
