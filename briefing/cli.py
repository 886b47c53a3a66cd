"""Command line: build (default), check, serve, ingest. Prints; the library logs."""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from collections.abc import Sequence
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.core.diagnostics import Diagnostic, print_diagnostics
from briefing.render.folders import folder_problem, template_root
from briefing.workdir.lock import WORK_DIR, BusyError, build_lock
from briefing.workdir.packed import OncePerReason
from briefing.workdir.skip import InputCheck, check_inputs, options_text
from briefing.workers.parallel import WorkerDied
from briefing.workers.progress import TerminalProgress
from briefing.write.staging import OutputError, check_output_folder

# Imported only when a build runs (--help, ingest and a build with nothing changed start
# faster without the models, Jinja and the renderer): see _build.
if TYPE_CHECKING:
    from briefing.build import BuildResult

COMMANDS = ("build", "check", "serve", "ingest")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing", description="Build a static briefing site from content/.")
    parser.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")
    sub = parser.add_subparsers(dest="command")

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--content", type=Path, default=Path("content"), metavar="DIR")
        p.add_argument("--templates", type=Path, default=None, metavar="DIR")
        p.add_argument("--strict", action="store_true", help="treat warnings as errors")
        p.add_argument("--language", choices=("ko", "en"), default=None)
        p.add_argument("--debug", action="store_true", default=argparse.SUPPRESS)
        p.add_argument("--no-cache", action="store_true",
                       help=f"ignore what earlier builds kept in {WORK_DIR}/ (it is "
                            "written afresh)")

    build = sub.add_parser("build", help="build the site (default)")
    common(build)
    build.add_argument("--out", type=Path, default=Path("site"), metavar="DIR")
    build.add_argument("--base-url", default=None, metavar="URL")
    build.add_argument("--drafts", action="store_true", help="include drafts")
    build.add_argument("--file-urls", action="store_true", help="links for opening from disk")
    build.add_argument("-j", "--jobs", type=int, default=0, metavar="N",
                       help="worker processes (0: one per core)")
    check = sub.add_parser("check", help="validate, link, render and link-check; write nothing")
    common(check)
    serve = sub.add_parser("serve", help="rebuild on change and reload the browser")
    common(serve)
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--drafts", action="store_true")
    ingest = sub.add_parser("ingest", help="turn raw articles into draft content files")
    ingest.add_argument("files", nargs="+", metavar="FILE", help="article files, or - for stdin")
    ingest.add_argument("--content", type=Path, default=Path("content"), metavar="DIR")
    ingest.add_argument("--out", type=Path, default=None, metavar="DIR")
    ingest.add_argument("--force", action="store_true", help="overwrite existing drafts")
    ingest.add_argument("--url", default=None, metavar="URL", help="the article's URL (one FILE)")
    ingest.add_argument("--published", default=None, metavar="DATE",
                        help="its publication date, YYYY[-MM[-DD]] (one FILE)")
    ingest.add_argument("--sources", type=Path, default=None, metavar="FILE",
                        help="CSV or YAML: path, url, published for each FILE")
    ingest.add_argument("--debug", action="store_true", default=argparse.SUPPRESS)
    return parser


def _build(args: argparse.Namespace, check_only: bool) -> int:
    started = time.perf_counter()
    cwd = Path.cwd()
    problem = folder_problem(args.content, args.templates)
    if problem:
        print(f"briefing: {problem}", file=sys.stderr)
        return 2
    base_url = getattr(args, "base_url", None)
    if base_url is not None:
        from briefing.validate.fields import base_url_problem

        if base_url_problem(base_url):
            print(f"briefing: --base-url: {base_url_problem(base_url)}", file=sys.stderr)
            return 2
    out = None if check_only else args.out
    templates = template_root(args.templates, cwd)
    notice = OncePerReason(sys.stderr)
    if out is None:
        return _report(_full_build(args, templates, None, notice, None), None)
    sources = [args.content]
    if args.templates is not None:
        sources.append(args.templates)
    if (cwd / "templates").is_dir():
        sources.append(cwd / "templates")
    check_output_folder(out, sources, [cwd])
    with build_lock(cwd / WORK_DIR, out):
        drafts, file_urls = args.drafts, getattr(args, "file_urls", False)
        inputs = check_inputs(
            args.content, templates,
            options_text(args.content, base_url, args.language, drafts, args.strict, file_urls),
            cwd / WORK_DIR / "cache", out, args.no_cache, notice)
        if inputs.unchanged is not None:  # nothing to do: say what the last build said
            last = inputs.unchanged
            return _said(list(last[3]), True, out, 0, last[2], time.perf_counter() - started,
                         "")
        return _report(_full_build(args, templates, out, notice, inputs), out)


def _full_build(args: argparse.Namespace, templates: Traversable, out: Path | None,
                notice: OncePerReason, inputs: InputCheck | None) -> BuildResult:
    from briefing.build import BuildOptions, build_site
    from briefing.incremental.linkstate import link_kept
    from briefing.incremental.persisted import render_kept

    check_only = out is None
    progress = TerminalProgress(sys.stderr)
    options = BuildOptions(
        content_path=args.content, templates=templates, out_path=out,
        base_url=getattr(args, "base_url", None), language=args.language,
        drafts=True if check_only else args.drafts, strict=args.strict,
        file_urls=getattr(args, "file_urls", False), jobs=getattr(args, "jobs", 0),
        cache_path=Path.cwd() / WORK_DIR / "cache", fresh=args.no_cache, notice=notice)
    try:
        return build_site(options, progress, render_kept, inputs, link_kept)
    finally:
        progress.finish()


def _report(result: BuildResult, out: Path | None) -> int:
    written = result.stats.written if result.stats is not None else 0
    unchanged = result.stats.unchanged if result.stats is not None else -1
    return _said(result.diagnostics, result.ok, out, written, unchanged, result.seconds,
                 _partial(result), result.files)


def _said(diagnostics: list[Diagnostic], ok: bool, out: Path | None, written: int,
          unchanged: int, seconds: float, partial: str, files: int = 0) -> int:
    """Print the build's problems and its one line (unchanged < 0: nothing was written)."""
    print_diagnostics(diagnostics, sys.stderr)
    if not ok:
        return 1
    if out is not None and unchanged >= 0:
        print(f"built {written + unchanged} files into {out}: {written} written, "
              f"{unchanged} unchanged, {seconds:.2f} s{partial}")
    else:
        print(f"checked: {files} files would be written, {seconds:.2f} s{partial}")
    return 0


def _partial(result: BuildResult) -> str:
    if result.partial is None:
        return ""
    rendered, planned = result.partial
    return f" ({rendered} of {planned} pages and feeds rendered, the others kept)"


def _ingest(args: argparse.Namespace) -> int:
    from briefing.ingest.command import run_ingest
    from briefing.ingest.sources import SourceOptions

    out = args.out if args.out is not None else args.content / "articles"
    return run_ingest(args.files, args.content, out, args.force, sys.stdin, sys.stdout,
                      sys.stderr, SourceOptions(args.url, args.published, args.sources))


def _serve(args: argparse.Namespace) -> int:
    from briefing.serve.command import run_server

    return run_server(args)


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    first = next((a for a in arguments if not a.startswith("-")), None)
    if first not in COMMANDS and not any(a in ("-h", "--help") for a in arguments[:1]):
        arguments.insert(0, "build")  # build is the default command
    parser = _parser()
    try:
        args = parser.parse_args(arguments)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    try:
        if args.command == "ingest":
            return _ingest(args)
        if args.command == "serve":
            return _serve(args)
        return _build(args, check_only=args.command == "check")
    except (OutputError, BusyError, WorkerDied) as exc:
        print(f"briefing: {exc}", file=sys.stderr)
        return 3
    except KeyboardInterrupt:
        print("briefing: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # an internal error: one line unless --debug
        if getattr(args, "debug", False):
            traceback.print_exc()
        else:
            print(f"briefing: internal error: {type(exc).__name__}: {exc} (run with --debug "
                  "for details)", file=sys.stderr)
        return 3
