"""`ingest FILE... | -`: raw articles in, one draft per article out, a line per file."""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from multiprocessing import get_all_start_methods, get_context
from pathlib import Path
from typing import TextIO

from briefing.ingest.byline import outlet_names
from briefing.ingest.draft import DraftExists, render_draft, write_draft
from briefing.ingest.eventids import EventIndex
from briefing.ingest.known import Known, KnownEvent, read_known
from briefing.ingest.meta import load_publishers
from briefing.ingest.nlp import KoreanAnalyser
from briefing.ingest.pipeline import Context, Draft, finish_draft
from briefing.ingest.recognise import build_matcher
from briefing.ingest.sources import Given, SourceOptions, SourcesError
from briefing.ingest.worker import Analysed, analyse_input, init_worker, run_in_worker
from briefing.ingest.world import load_world
from briefing.load.files import display_path

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, EXIT_IO = 0, 1, 2, 3
_PROGRESS_MIN = 20
_POOL_MIN = 12  # below this, starting worker processes costs more than it saves


MAX_INPUT_BYTES = 20 * 1024 * 1024  # a news article, even a saved page, is far smaller


class InputTooLarge(OSError):
    """An input over MAX_INPUT_BYTES: refused without reading it all."""


def _read_input(name: str, stdin: TextIO) -> bytes:
    if name == "-":
        buffer = getattr(stdin, "buffer", None)
        data = (buffer.read(MAX_INPUT_BYTES + 1) if buffer is not None
                else stdin.read(MAX_INPUT_BYTES + 1).encode("utf-8"))
    else:
        with Path(name).open("rb") as handle:
            data = handle.read(MAX_INPUT_BYTES + 1)
    if len(data) > MAX_INPUT_BYTES:
        raise InputTooLarge(f"over {MAX_INPUT_BYTES // (1024 * 1024)} MB; is this an article?")
    return data


def _html_name(name: str) -> bool:
    return name.lower().endswith((".html", ".htm", ".xhtml"))


def _analysed(inputs: list[str], stdin: TextIO, context: Context,
              given: dict[str, Given]) -> Iterator[Analysed]:
    """Analyse every input, in input order; in worker processes for big batches."""
    def items() -> Iterator[tuple[str, bytes, bool, Given | None] | Analysed]:
        for name in inputs:
            shown = "<stdin>" if name == "-" else name
            try:
                yield shown, _read_input(name, stdin), _html_name(name), given.get(name)
            except InputTooLarge as exc:
                yield Analysed(shown, EXIT_SOME_FAILED, f"{shown}: not ingested: {exc}")
            except OSError as exc:
                yield Analysed(shown, EXIT_IO, f"{shown}: cannot read: {exc.strerror or exc}")

    workers = min(os.cpu_count() or 1, 4, len(inputs) // _POOL_MIN)
    if workers < 2:
        analyser = KoreanAnalyser()
        for item in items():
            yield item if isinstance(item, Analysed) else analyse_input(
                *item[:3], context, analyser, item[3])
        return
    loaded = list(items())
    jobs = [item for item in loaded if not isinstance(item, Analysed)]
    # Forked workers share this process's Kiwi and context (loading Kiwi costs a second or
    # more of CPU per process); fork only while no other thread runs here, else spawn.
    fork = "fork" in get_all_start_methods() and threading.active_count() == 1
    analyser = KoreanAnalyser()
    if fork and any(not data.isascii() for _, data, _, _ in jobs):
        analyser.load()
    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context(
            "fork" if fork else "spawn"), initializer=init_worker,
            initargs=(context, analyser)) as pool:
        results = pool.map(run_in_worker, jobs, chunksize=4)
        for item in loaded:
            yield item if isinstance(item, Analysed) else next(results)


def _batch_name(name: str, taken: set[str]) -> str:
    """The draft's file name, or '<stem>-2.md', '-3', ... when an earlier input of this
    run already wrote that name: two inputs never share (or overwrite) one file."""
    stem, number, candidate = name.removesuffix(".md"), 2, name
    while candidate in taken:
        candidate, number = f"{stem}-{number}.md", number + 1
    return candidate


def _write(result: Analysed, index: EventIndex, out_dir: Path, force: bool,
           taken: set[str]) -> Analysed:
    """Give event ids, write the file, and record its events for the rest of the batch."""
    assert result.draft is not None
    draft = finish_draft(result.draft, index)
    name = _batch_name(draft.file_name, taken)
    taken.add(name)
    draft = replace(draft, file_name=name)
    path = out_dir / name
    try:
        write_draft(render_draft(draft), path, force)
    except DraftExists:
        return Analysed(result.name, EXIT_SOME_FAILED, f"{result.name}: {path} already exists; "
                        "not overwritten (use --force to replace it)", draft)
    except OSError as exc:
        return Analysed(result.name, EXIT_IO, f"{result.name}: cannot write {path}: "
                        f"{exc.strerror or exc}")
    index.add(tuple(KnownEvent(e.id, e.date.iso() if e.date else None, e.kind,
                               frozenset(e.carriers), frozenset(e.entities),
                               display_path(path), in_run=True)
                    for e in draft.events if not e.existing and not e.same_as))
    return Analysed(result.name, EXIT_OK, summary_line(path, draft), draft)


def summary_line(path: Path, draft: Draft) -> str:
    dated = sum(1 for e in draft.events if e.date is not None)
    found = [draft.language,
             f"published {draft.published.iso()}" if draft.published else "no date",
             f"carriers {', '.join(draft.carriers) or '-'}",
             f"{len(draft.entities)} entities", f"{draft.amounts} amounts",
             f"{len(draft.events)} events ({dated} dated)"]
    review = f"{len(draft.items)} items, {len(draft.new_entities)} new entities"
    return f"{path}: {'; '.join(found)}; to review: {review}"


def _progress(stderr: TextIO, done: int, total: int, tty: bool) -> None:
    if tty:
        width = 30
        filled = width * done // total
        stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        if done == total:
            stderr.write("\n")
        stderr.flush()
    elif done == total or done % max(1, total // 10) == 0:
        stderr.write(f"ingest: {done}/{total}\n")


def run_ingest(inputs: list[str], content_dir: Path, out_dir: Path, force: bool,
               stdin: TextIO, stdout: TextIO, stderr: TextIO,
               options: SourceOptions | None = None) -> int:
    """Ingest every input; 0 ok, 1 some input not ingested, 2 usage, 3 I/O."""
    if not inputs:
        stderr.write("ingest: give one or more article files, or - for standard input\n")
        return EXIT_USAGE
    if inputs.count("-") > 1:
        stderr.write("ingest: '-' (standard input) can be given once\n")
        return EXIT_USAGE
    options = options or SourceOptions()
    try:
        given = options.given(inputs)
    except SourcesError as exc:
        stderr.write(f"ingest: {exc}\n")
        return EXIT_USAGE
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8 text"
        stderr.write(f"ingest: --sources {options.sources}: cannot read: {reason or exc}\n")
        return EXIT_IO
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        stderr.write(f"ingest: cannot create {out_dir}: {exc.strerror or exc}\n")
        return EXIT_IO
    known, warnings = read_known(content_dir) if content_dir.is_dir() else (Known((), ()), [])
    if not content_dir.is_dir():
        warnings.append(f"{content_dir}: no content folder; no carriers or entities to recognise")
    for warning in warnings:
        stderr.write(f"ingest: warning: {warning}\n")
    publishers = load_publishers(content_dir)
    names = frozenset(n.lower() for node in known.nodes for n in node.names)
    labels = {node.id: (*node.labels, node.type) for node in known.nodes}
    carrier_ids = {node.id for node in known.nodes if node.is_carrier}
    carriers_of = {node.id: tuple(a for a in node.affiliations if a in carrier_ids)
                   for node in known.nodes if set(node.affiliations) & carrier_ids}
    world, world_warnings = load_world(content_dir if content_dir.is_dir() else None, names)
    for warning in world_warnings:
        stderr.write(f"ingest: warning: {warning}\n")
    context = Context(build_matcher(known.nodes), publishers, names, labels,
                      outlet_names(publishers), carriers_of, build_matcher(world),
                      {node.id: node for node in world})
    index = EventIndex.of(known.events)
    tty = stderr.isatty()
    show_progress = len(inputs) > _PROGRESS_MIN or tty
    status = EXIT_OK
    taken: set[str] = set()  # file names written (or refused) in this run
    for done, result in enumerate(_analysed(inputs, stdin, context, given), start=1):
        if result.status == EXIT_OK:
            result = _write(result, index, out_dir, force, taken)
        clear = "\r\033[K" if tty and show_progress else ""
        if result.status == EXIT_OK:
            stderr.write(clear)
            stdout.write(result.message + "\n")
            stdout.flush()
        else:
            stderr.write(f"{clear}ingest: {result.message}\n")
            status = max(status, result.status)
        if show_progress:
            _progress(stderr, done, len(inputs), tty)
    return status


def main(argv: list[str] | None = None) -> int:
    """Stand-alone entry for trying ingest before the CLI wires it: FILE... [--out DIR]."""
    import argparse

    parser = argparse.ArgumentParser(prog="ingest")
    parser.add_argument("inputs", nargs="*")
    parser.add_argument("--content", default="content")
    parser.add_argument("--out", default=None)
    parser.add_argument("--force", action="store_true")
    args = parser.parse_args(argv)
    content = Path(args.content)
    out = Path(args.out) if args.out else content / "articles"
    return run_ingest(args.inputs, content, out, args.force, sys.stdin, sys.stdout, sys.stderr)


if __name__ == "__main__":
    raise SystemExit(main())
