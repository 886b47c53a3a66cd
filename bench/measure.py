"""Timing and memory of the measured commands: one-shot runs and long-running servers.

Peak memory is the RSS of the command's whole process tree, summed, sampled every 10 ms
with psutil (without psutil: the largest single process, from wait4's rusage; a server's
peak is then unknown). That sum counts a page shared by a process and its forked worker
once in each (issue 15's measure). Beside it, every tenth sample, the PSS summed over the
same tree (Linux's /proc/PID/smaps_rollup: a shared page divided among the processes
sharing it), so the two add up to what the machine really holds; 0 where it can't be read.
"""

from __future__ import annotations

import os
import re
import signal
import statistics
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

try:
    import psutil
except ImportError:  # the fallback measures the largest process only
    psutil = None

SAMPLE_SECONDS = 0.01
PSS_EVERY = 10  # samples: reading smaps_rollup walks the page tables, RSS does not
MB = 1024 * 1024


class BenchError(RuntimeError):
    """A measured command failed; the message says which and shows its output."""

    def __init__(self, message: str, summary: str = "") -> None:
        super().__init__(message)
        self.summary = summary or message.splitlines()[0]


@dataclass
class Run:
    seconds: float
    peak_bytes: int  # RSS summed over the process tree
    page_seconds: float | None = None  # when the watched page showed the marker
    last_line: str = ""
    peak_pss_bytes: int = 0  # PSS summed over the process tree (0: not measured)


@dataclass
class Series:
    """Repeated runs of one measurement."""

    runs: list[Run] = field(default_factory=list)

    def median(self) -> float | None:
        return statistics.median(r.seconds for r in self.runs) if self.runs else None

    def seconds(self) -> str:
        values = [r.seconds for r in self.runs]
        if not values:
            return "n/a"
        if len(values) == 1:
            return f"{values[0]:.2f}"
        return f"{statistics.median(values):.2f} ({min(values):.2f}–{max(values):.2f})"

    def page(self) -> str:
        values = [r.page_seconds for r in self.runs if r.page_seconds is not None]
        return f"{statistics.median(values):.2f}" if values else "n/a"

    def peak_mb(self) -> str:
        peaks = [r.peak_bytes for r in self.runs if r.peak_bytes]
        return f"{max(peaks) / MB:,.0f}" if peaks else "n/a"

    def peak_pss_mb(self) -> str:
        peaks = [r.peak_pss_bytes for r in self.runs if r.peak_pss_bytes]
        return f"{max(peaks) / MB:,.0f}" if peaks else "n/a"


def tree_pids(pid: int) -> list[int]:
    """pid and all its descendants (only pid without psutil)."""
    if psutil is None:
        return [pid]
    try:
        root = psutil.Process(pid)
        return [pid, *(child.pid for child in root.children(recursive=True))]
    except psutil.Error:
        return []


def process_pss(pid: int) -> int:
    """One process's proportional set size in bytes: its private pages, plus each shared
    page divided by the number of processes mapping it (0 if gone or not Linux)."""
    try:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text(encoding="ascii")
    except (OSError, UnicodeDecodeError):
        return 0
    for line in text.splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1]) * 1024  # kB
    return 0


def tree_pss(pid: int) -> int:
    """The PSS of pid and all its descendants, summed: what they hold between them."""
    return sum(process_pss(each) for each in tree_pids(pid))


def tree_rss(pid: int) -> int:
    """The RSS of pid and all its descendants, summed (0 when psutil is missing)."""
    if psutil is None:
        return 0
    try:
        root = psutil.Process(pid)
        procs = [root, *root.children(recursive=True)]
    except psutil.Error:
        return 0
    total = 0
    for proc in procs:
        try:
            total += proc.memory_info().rss
        except psutil.Error:
            continue
    return total


def page_has(path: Path, marker: str) -> bool:
    try:
        return marker in path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False


def measure(
    cmd: list[str], cwd: Path, timeout: float, watch: tuple[Path, str] | None = None
) -> Run:
    """Run cmd, sampling the process tree's memory (and a watched page) until it exits."""
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)
        peak, peak_pss, page_at, samples = 0, 0, None, 0
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            now = time.perf_counter() - start
            peak = max(peak, tree_rss(proc.pid))
            if samples % PSS_EVERY == 0:
                peak_pss = max(peak_pss, tree_pss(proc.pid))
            samples += 1
            if watch and page_at is None and page_has(*watch):
                page_at = now
            if now > timeout:
                os.killpg(proc.pid, signal.SIGKILL)
            time.sleep(SAMPLE_SECONDS)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if watch and page_at is None and page_has(*watch):
            page_at = seconds
        out.seek(0)
        lines = out.read().decode(errors="replace").strip().splitlines()
    if psutil is None:
        peak = usage.ru_maxrss * 1024  # KiB on Linux: the largest process, not a sum
    if proc.returncode != 0:
        tail = "\n".join(lines[-25:])
        summary = f"exit {proc.returncode}: " + " / ".join(lines[-3:])
        raise BenchError(f"`{' '.join(cmd)}` exited {proc.returncode} in {cwd}:\n{tail}", summary)
    return Run(seconds, peak, page_at, lines[-1] if lines else "", peak_pss)


class Server:
    """A long-running command (a dev server): its log, its peak memory, waits on its output.

    Use as a context manager; leaving it stops the process group (SIGINT, then SIGKILL).
    """

    def __init__(self, cmd: list[str], cwd: Path, timeout: float) -> None:
        self.cmd, self.cwd, self.timeout = cmd, cwd, timeout
        self.peak = 0
        self.peak_pss = 0
        self._stop = threading.Event()
        self._log: IO[bytes] | None = None
        self._proc: subprocess.Popen[bytes] | None = None
        self._sampler = threading.Thread(target=self._sample, daemon=True)
        self.started = 0.0

    def __enter__(self) -> Server:
        self._log = tempfile.NamedTemporaryFile()  # closed in __exit__
        self.started = time.perf_counter()
        self._proc = subprocess.Popen(self.cmd, cwd=self.cwd, stdout=self._log,
                                      stderr=subprocess.STDOUT, start_new_session=True)
        self._sampler.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        proc = self._proc
        if proc is not None and proc.poll() is None:
            os.killpg(proc.pid, signal.SIGINT)
            try:
                proc.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        self._sampler.join()
        if self._log is not None:
            self._log.close()

    def _sample(self) -> None:
        samples = 0
        while not self._stop.is_set() and self._proc is not None:
            self.peak = max(self.peak, tree_rss(self._proc.pid))
            if samples % PSS_EVERY == 0:
                self.peak_pss = max(self.peak_pss, tree_pss(self._proc.pid))
            samples += 1
            self._stop.wait(SAMPLE_SECONDS)

    def log(self) -> str:
        assert self._log is not None
        return Path(self._log.name).read_text(encoding="utf-8", errors="replace")

    def count(self, pattern: str) -> int:
        """How many lines of the log start with pattern (a regular expression)."""
        return len(re.findall(rf"^{pattern}", self.log(), re.MULTILINE))

    def wait_for(self, check: Callable[[], bool], what: str) -> float:
        """Poll check until it holds; returns the time it did (perf_counter)."""
        proc = self._proc
        assert proc is not None
        deadline = self.started + self.timeout
        while not check():
            if proc.poll() is not None:
                raise BenchError(f"`{' '.join(self.cmd)}` exited {proc.returncode} while "
                                 f"waiting for {what}:\n{self.tail()}",
                                 f"exited {proc.returncode} waiting for {what}")
            if time.perf_counter() > deadline:
                raise BenchError(f"timed out waiting for {what}:\n{self.tail()}",
                                 f"timed out waiting for {what}")
            time.sleep(SAMPLE_SECONDS)
        return time.perf_counter()

    def tail(self, lines: int = 25) -> str:
        return "\n".join(self.log().strip().splitlines()[-lines:])
