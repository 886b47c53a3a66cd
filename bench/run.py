"""Benchmark the briefing build on generated corpora, against Hugo when it is installed.

    python bench/run.py --sizes 1000 10000 [--repeat 3] [--skip-hugo] [--report FILE]

For each size N it generates a corpus (bench/corpus.py) into a scratch project dir and
times, as subprocesses with that dir as the working directory:

- cold build: `python <project>/build.py build --content C --out O --templates T`, with
  the output and the tool's `.briefing/` cache removed first (median of --repeat runs);
- rebuild with nothing changed; rebuild after a one-article edit (and when that
  article's page, with the edit, appeared on disk); rebuild after a template edit (the
  templates are a scratch copy passed with --templates in every run, so all runs agree);
- `check` alone with a cold cache;
- `serve`: its first build, then after an article's title is edited, when that
  article's page shows the edit on disk, when a page listing the article (its first
  event's) does, and when the whole rebuild is done;
- peak memory: the RSS of the build's whole process tree, summed, sampled every 10 ms
  with psutil (without psutil: the largest single process, from wait4's rusage);
- Hugo's cold build of the same articles (bench/hugo_content.py) and the ratio ours/Hugo;
- ingest throughput, when bench/bench_ingest.py exists (its output is included as is).

Prints a Markdown report and writes it to --report. Exit 0 when every run succeeded,
1 when a measured command failed, 2 on bad arguments.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from corpus import generate_corpus
from hugo_content import prepare_hugo_site

try:
    import psutil
except ImportError:  # the fallback measures the largest process only
    psutil = None

BENCH_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BENCH_DIR.parent
SAMPLE_SECONDS = 0.01
MB = 1024 * 1024


class BenchError(RuntimeError):
    """A measured command failed; the message says which and shows its output."""

    def __init__(self, message: str, summary: str = "") -> None:
        super().__init__(message)
        self.summary = summary or message.splitlines()[0]


@dataclass
class Run:
    seconds: float
    peak_bytes: int
    page_seconds: float | None = None
    last_line: str = ""


@dataclass
class Series:
    """Repeated runs of one measurement."""

    runs: list[Run] = field(default_factory=list)

    def seconds(self) -> str:
        values = [r.seconds for r in self.runs]
        if not values:
            return "n/a"
        if len(values) == 1:
            return f"{values[0]:.2f}"
        return f"{statistics.median(values):.2f} ({min(values):.2f}–{max(values):.2f})"

    def median(self) -> float | None:
        return statistics.median(r.seconds for r in self.runs) if self.runs else None

    def page(self) -> str:
        values = [r.page_seconds for r in self.runs if r.page_seconds is not None]
        return f"{statistics.median(values):.2f}" if values else "n/a"

    def peak_mb(self) -> str:
        return f"{max(r.peak_bytes for r in self.runs) / MB:.0f}" if self.runs else "n/a"


# --------------------------------------------------------------------------- measuring


def tree_rss(root: psutil.Process) -> int:
    total = 0
    try:
        procs = [root, *root.children(recursive=True)]
    except psutil.Error:
        return 0
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
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=err, start_new_session=True)
        root = psutil.Process(proc.pid) if psutil is not None else None
        peak, page_at = 0, None
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            now = time.perf_counter() - start
            if root is not None:
                peak = max(peak, tree_rss(root))
            if watch and page_at is None and page_has(*watch):
                page_at = now
            if now > timeout:
                os.killpg(proc.pid, 9)
            time.sleep(SAMPLE_SECONDS)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if watch and page_at is None and page_has(*watch):
            page_at = seconds
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode(errors="replace")
        stderr = err.read().decode(errors="replace")
    if root is None:
        peak = usage.ru_maxrss * 1024  # KiB on Linux: the largest process, not a sum
    lines = (stdout + stderr).strip().splitlines()
    if proc.returncode != 0:
        tail = "\n".join(lines[-25:])
        summary = f"exit {proc.returncode}: " + " / ".join(lines[-3:])
        raise BenchError(f"`{' '.join(cmd)}` exited {proc.returncode} in {cwd}:\n{tail}", summary)
    return Run(seconds, peak, page_at, lines[-1] if lines else "")


@dataclass
class ServeRun:
    first_build: float  # serve start to the first site served
    page: float  # the edit saved to the edited article's page on disk with the edit
    dependant: float  # ... to a page that lists the article (its event's) with the edit
    rebuilt: float  # ... to the full rebuild done (its "rebuilt" line)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_for(check: Callable[[], bool], deadline: float, what: str, proc: subprocess.Popen
              ) -> float:
    while not check():
        if proc.poll() is not None:
            raise BenchError(f"serve exited {proc.returncode} while waiting for {what}")
        if time.perf_counter() > deadline:
            raise BenchError(f"serve: timed out waiting for {what}")
        time.sleep(SAMPLE_SECONDS)
    return time.perf_counter()


def measure_serve(cmd: list[str], cwd: Path, pages: tuple[Path, Path],
                  edit: Callable[[], str], timeout: float) -> ServeRun:
    """Start `serve`, wait for its first build, save an edit, and time the edited page
    on disk, a page that depends on it, and the end of the full rebuild."""
    own, dependant = pages
    with tempfile.NamedTemporaryFile() as out:
        start = time.perf_counter()
        deadline = start + timeout
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)
        log = Path(out.name)
        try:
            built = _wait_for(lambda: "serving http" in log.read_text(errors="replace"),
                              deadline, "the first build", proc)
            saved_at = time.perf_counter()
            marker = edit()
            shown = _wait_for(lambda: page_has(own, marker), deadline, "the edited page", proc)
            listed = _wait_for(lambda: page_has(dependant, marker), deadline,
                               "a page listing the edited article", proc)
            done = _wait_for(lambda: "\nrebuilt " in log.read_text(errors="replace"), deadline,
                             "the rebuild", proc)
        finally:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGINT)
                try:
                    proc.wait(30)
                except subprocess.TimeoutExpired:
                    os.killpg(proc.pid, signal.SIGKILL)
                    proc.wait()
    return ServeRun(built - start, shown - saved_at, listed - saved_at, done - saved_at)


# --------------------------------------------------------------------------- one size


@dataclass
class SizeResult:
    size: int
    corpus_files: int = 0
    corpus_mb: float = 0.0
    generate_seconds: float = 0.0
    cold: Series = field(default_factory=Series)
    nochange: Series = field(default_factory=Series)
    edit: Series = field(default_factory=Series)
    template: Series = field(default_factory=Series)
    check: Series = field(default_factory=Series)
    hugo: Series = field(default_factory=Series)
    output_files: int = 0
    output_mb: float = 0.0
    hugo_pages: int = 0
    serve: ServeRun | None = None
    notes: list[str] = field(default_factory=list)


def tree_size(path: Path) -> tuple[int, float]:
    files = [p for p in path.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files) / MB


def clear_project(proj: Path, keep: tuple[str, ...]) -> None:
    """Remove the output, its swap siblings and the tool's cache: everything but keep."""
    for child in proj.iterdir():
        if child.name in keep:
            continue
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()


def find_base_template(templates: Path) -> Path | None:
    for name in ("base.html", "baseof.html", "layout.html"):
        found = sorted(templates.rglob(name))
        if found:
            return found[0]
    found = sorted(templates.rglob("*.html"))
    return found[0] if found else None


def pick_article(content: Path) -> tuple[Path, str]:
    """A plain-LF article from the middle of the corpus to edit."""
    paths = sorted((content / "articles").rglob("*.md"))
    for path in paths[len(paths) // 2 :] + paths:
        data = path.read_bytes()
        if b"\r" not in data and not data.startswith(b"\xef\xbb\xbf"):
            return path, path.stem
    raise BenchError("no article to edit")


class SizeBench:
    def __init__(self, args: argparse.Namespace, work: Path, size: int) -> None:
        self.args = args
        self.size = size
        self.proj = work / f"n{size}"
        self.content = self.proj / "content"
        self.templates = self.proj / "templates"
        self.out = self.proj / "site"
        self.result = SizeResult(size)
        self.failed = False

    def command(self, verb: str) -> list[str]:
        cmd = [
            sys.executable,
            str(self.args.project / "build.py"),
            verb,
            "--content",
            str(self.content),
        ]
        if self.templates.is_dir():
            cmd += ["--templates", str(self.templates)]
        if verb == "build":
            cmd += ["--out", str(self.out)]
            if self.args.jobs is not None:
                cmd += ["-j", str(self.args.jobs)]
        return cmd

    def repeat(
        self, series: Series, before: Callable[[int], tuple[Path, str] | None], verb: str = "build"
    ) -> None:
        for i in range(self.args.repeat):
            watch = before(i)
            series.runs.append(measure(self.command(verb), self.proj, self.args.timeout, watch))

    def prepare(self) -> None:
        if self.proj.exists():
            shutil.rmtree(self.proj)
        self.proj.mkdir(parents=True)
        start = time.perf_counter()
        generate_corpus(self.content, self.size, self.args.seed)
        self.result.generate_seconds = time.perf_counter() - start
        self.result.corpus_files, self.result.corpus_mb = tree_size(self.content)
        source = self.args.project / "templates"
        if find_base_template(source) is not None:
            shutil.copytree(source, self.templates)
        else:
            self.result.notes.append("no templates/ in the project: template edit skipped")

    def attempt(self, label: str, step: Callable[[], None]) -> bool:
        """Run one measurement; a failure is noted and the other measurements go on."""
        try:
            step()
        except BenchError as exc:
            print(f"bench: {label}: {exc}", file=sys.stderr)
            self.result.notes.append(f"{label} FAILED: {exc.summary}")
            self.failed = True
            return False
        return True

    def run_ours(self) -> None:
        keep = ("content", "templates", "hugo")
        r = self.result
        if not self.attempt(
            "cold build", lambda: self.repeat(r.cold, lambda _i: clear_project(self.proj, keep))
        ):
            return
        r.output_files, r.output_mb = tree_size(self.out)
        self.attempt("rebuild, nothing changed", lambda: self.repeat(r.nochange, lambda _i: None))
        article, slug = pick_article(self.content)
        page = self.out / "articles" / slug / "index.html"

        def edit(i: int) -> tuple[Path, str]:
            marker = f"benchedit{self.size}x{i}"
            with article.open("a", encoding="utf-8") as fh:
                fh.write(f"\nBench edit {marker}.\n")
            return page, marker

        if self.attempt("one-article edit", lambda: self.repeat(r.edit, edit)) and not any(
            run.page_seconds is not None for run in r.edit.runs
        ):
            r.notes.append(f"the edited page {page.relative_to(self.proj)} never showed the edit")
        base = find_base_template(self.templates) if self.templates.is_dir() else None
        if base is not None:

            def edit_template(i: int) -> None:
                with base.open("a", encoding="utf-8") as fh:
                    fh.write(f"\n<!-- bench template edit {i} -->\n")

            self.attempt("template edit", lambda: self.repeat(r.template, edit_template))

        def cold_cache(_i: int) -> None:
            shutil.rmtree(self.proj / ".briefing", ignore_errors=True)

        self.attempt("check", lambda: self.repeat(r.check, cold_cache, verb="check"))

        def serve_edit() -> str:
            """A new title: shown on the article's page and on every page listing it."""
            marker = f"benchserve{self.size}"
            text = article.read_text(encoding="utf-8")
            article.write_text(re.sub(r"^title: (.*)$", rf"title: \1 {marker}", text,
                                      count=1, flags=re.MULTILINE), encoding="utf-8")
            return marker

        def serve() -> None:
            cmd = [*self.command("serve"), "--port", str(free_port())]
            event = re.search(r"^  - id: (\S+)$", article.read_text(encoding="utf-8"),
                              re.MULTILINE)
            if event is None:
                raise BenchError(f"{article.name} has no event to watch")
            served = self.proj / ".briefing/serve"
            pages = (served / "articles" / slug / "index.html",
                     served / "events" / event.group(1) / "index.html")
            r.serve = measure_serve(cmd, self.proj, pages, serve_edit, self.args.timeout)

        self.attempt("serve edit", serve)

    def convert_for_hugo(self) -> None:
        """Hugo content from the pristine corpus (before the edit runs touch it)."""
        self.result.hugo_pages = prepare_hugo_site(self.content, self.proj / "hugo")

    def run_hugo(self, hugo: str) -> None:
        site = self.proj / "hugo"
        public = site / "public"

        def clean(_i: int) -> None:
            for name in ("public", "resources", ".hugo_build.lock"):
                target = site / name
                if target.is_dir():
                    shutil.rmtree(target)
                elif target.exists():
                    target.unlink()

        def build() -> None:
            for i in range(self.args.repeat):
                clean(i)
                cmd = [hugo, "--source", str(site), "--destination", str(public), "--quiet"]
                self.result.hugo.runs.append(measure(cmd, site, self.args.timeout))

        self.attempt("hugo", build)


# --------------------------------------------------------------------------- report


def snapshot_project(project: Path, dest: Path) -> Path:
    """Copy the tool (build.py, its package, templates) so edits made to the project while
    the benchmark runs change neither the code measured nor its cache key."""
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in ("build.py", "pyproject.toml", "briefing", "templates"):
        source = project / name
        if source.is_dir():
            shutil.copytree(source, dest / name, ignore=ignore)
        elif source.is_file():
            shutil.copy2(source, dest / name)
    return dest


def machine() -> list[str]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem_kb = next(
            int(line.split()[1])
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        )
        ram = f"{mem_kb / 1024 / 1024:.1f} GiB"
    except (OSError, StopIteration):
        ram = "unknown"
    nproc = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return [
        f"- date: {dt.datetime.now().astimezone().isoformat(timespec='seconds')}",
        f"- machine: {nproc} CPUs (nproc), {cpu}, {ram} RAM; load average at the end: {load}",
        f"- Python {platform.python_version()} on {platform.system()} {platform.release()}",
    ]


def tool_version(cmd: list[str]) -> str:
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return "unknown"
    return (done.stdout or done.stderr).strip().splitlines()[0] if done.returncode == 0 else "?"


def report(
    args: argparse.Namespace, results: list[SizeResult], hugo: str | None, ingest: str | None
) -> str:
    memory = (
        "peak memory, cold build (MB, RSS summed over the process tree)"
        if psutil
        else "peak memory, cold build (MB, largest process; psutil missing)"
    )
    rows: list[tuple[str, Callable[[SizeResult], str]]] = [
        ("corpus: files / MB", lambda r: f"{r.corpus_files} / {r.corpus_mb:.1f}"),
        ("corpus generation (s)", lambda r: f"{r.generate_seconds:.2f}"),
        ("cold build (s)", lambda r: r.cold.seconds()),
        ("rebuild, nothing changed (s)", lambda r: r.nochange.seconds()),
        ("rebuild, one article edited (s)", lambda r: r.edit.seconds()),
        ("… edited page on disk after (s)", lambda r: r.edit.page()),
        ("rebuild, template edited (s)", lambda r: r.template.seconds()),
        ("check alone, cold cache (s)", lambda r: r.check.seconds()),
        ("serve: first build (s)", lambda r: f"{r.serve.first_build:.2f}" if r.serve else "n/a"),
        ("serve: edited page on disk after (s)",
         lambda r: f"{r.serve.page:.2f}" if r.serve else "n/a"),
        ("serve: a page listing it updated after (s)",
         lambda r: f"{r.serve.dependant:.2f}" if r.serve else "n/a"),
        ("serve: every page rebuilt after (s)",
         lambda r: f"{r.serve.rebuilt:.2f}" if r.serve else "n/a"),
        (memory, lambda r: r.cold.peak_mb()),
        ("output: files / MB", lambda r: f"{r.output_files} / {r.output_mb:.1f}"),
        ("check's last line", lambda r: r.check.runs[-1].last_line if r.check.runs else "n/a"),
    ]
    if hugo:
        rows += [
            ("Hugo: pages in content/", lambda r: str(r.hugo_pages)),
            ("Hugo cold build (s)", lambda r: r.hugo.seconds()),
            ("Hugo peak memory (MB)", lambda r: r.hugo.peak_mb()),
            ("ours / Hugo, cold build", ratio),
        ]
    lines = ["# Build benchmark", "", *machine()]
    source = args.source_project
    commit = tool_version(["git", "-C", str(source), "describe", "--always", "--dirty"])
    where = "in place" if args.no_snapshot else "a copy taken at the start"
    lines.append(f"- project: {source} (git {commit}; {where})")
    if hugo:
        lines.append(
            f"- Hugo: {tool_version([hugo, 'version'])}; bench/hugo builds the same articles, "
            "a page per event, carrier and entity term pages with their overviews, related "
            "briefings by shared entities, RSS and a sitemap (no timeline, compare or data pages)"
        )
    jobs = "default" if args.jobs is None else str(args.jobs)
    lines += [
        f"- runs: median (min–max) of {args.repeat}; seed {args.seed}; -j {jobs}",
        "- command: `python build.py build --content C --out O --templates T` (cwd: scratch "
        "project dir; cold = no output, no .briefing/)",
        "",
        "| metric | " + " | ".join(f"{r.size:,} articles" for r in results) + " |",
        "| --- | " + " | ".join("---:" for _ in results) + " |",
    ]
    for label, cell in rows:
        lines.append(
            f"| {label} | " + " | ".join(cell(r).replace("|", "/") for r in results) + " |"
        )
    notes = [f"- {r.size}: {n}" for r in results for n in r.notes]
    if notes:
        lines += ["", "Notes:", "", *notes]
    if ingest is not None:
        lines += ["", "## Ingest (bench/bench_ingest.py)", "", ingest.strip()]
    return "\n".join(lines) + "\n"


def ratio(r: SizeResult) -> str:
    ours, theirs = r.cold.median(), r.hugo.median()
    return f"{ours / theirs:.2f}" if ours and theirs else "n/a"


def run_ingest(args: argparse.Namespace) -> str | None:
    script = BENCH_DIR / "bench_ingest.py"
    if args.skip_ingest or not script.is_file():
        return None
    try:
        done = subprocess.run(
            [sys.executable, str(script)],
            cwd=args.source_project,
            capture_output=True,
            text=True,
            timeout=args.timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return f"bench_ingest.py timed out after {args.timeout:.0f} s"
    if done.returncode != 0:
        tail = "\n".join(done.stderr.strip().splitlines()[-10:])
        return f"bench_ingest.py exited {done.returncode}:\n\n```\n{tail}\n```"
    return done.stdout


# --------------------------------------------------------------------------- main


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--skip-hugo", action="store_true")
    parser.add_argument("--skip-ingest", action="store_true")
    parser.add_argument("--report", type=Path, help="also write the Markdown report here")
    parser.add_argument(
        "--project",
        type=Path,
        default=PROJECT_DIR,
        help="project whose build.py is measured (default: this repository)",
    )
    parser.add_argument(
        "--workdir",
        type=Path,
        help="scratch dir to use and keep (default: a temporary dir, removed)",
    )
    parser.add_argument("-j", "--jobs", type=int, help="passed to build as -j")
    parser.add_argument("--timeout", type=float, default=3600.0, help="per command, seconds")
    parser.add_argument(
        "--no-snapshot",
        action="store_true",
        help="run the project in place instead of a copy of build.py, briefing/, templates/",
    )
    args = parser.parse_args(argv)
    if args.repeat < 1 or any(n < 1 for n in args.sizes):
        parser.error("--repeat and --sizes must be positive")
    args.project = args.source_project = args.project.resolve()
    if not (args.project / "build.py").is_file():
        parser.error(f"no build.py in {args.project}")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    hugo = None if args.skip_hugo else shutil.which("hugo")
    work = args.workdir.resolve() if args.workdir else Path(tempfile.mkdtemp(prefix="bench-"))
    results: list[SizeResult] = []
    status = 0
    try:
        if not args.no_snapshot:
            args.project = snapshot_project(args.source_project, work / "tool")
        for size in args.sizes:
            bench = SizeBench(args, work, size)
            print(f"[bench] {size} articles: generating in {bench.proj}", file=sys.stderr)
            bench.prepare()
            if hugo:
                bench.convert_for_hugo()
            results.append(bench.result)
            print(f"[bench] {size}: briefing build", file=sys.stderr)
            bench.run_ours()
            if hugo:
                print(f"[bench] {size}: hugo", file=sys.stderr)
                bench.run_hugo(hugo)
            status = max(status, int(bench.failed))
        ingest = run_ingest(args)
    finally:
        if not args.workdir:
            shutil.rmtree(work, ignore_errors=True)
    text = report(args, results, hugo, ingest)
    print(text)
    if args.report:
        args.report.parent.mkdir(parents=True, exist_ok=True)
        args.report.write_text(text, encoding="utf-8")
    return status


if __name__ == "__main__":
    sys.exit(main())
