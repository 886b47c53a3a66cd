"""Score `ingest` on the development set of real articles (issue 13's table).

    python bench/ingest_eval.py --texts DIR [--annotations FILE] [--content DIR]
                                [--with-sources] [--verbose] [--json]

DIR holds the texts as `<id>.txt` (fetched as bench/ingest_eval/README.md says; never
committed). The `ingest` of the interpreter running this script is measured: one batch
`python -m briefing ingest FILE... --content C --out TMP` over every annotated text found,
run from a scratch folder so that the installed `briefing` is the one imported.
`--with-sources` also passes each article's annotated `source.url` (the URL only, never an
annotated answer) through a sources file (`--sources`), as an analyst would.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import importlib.util
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ingest_annotations import Annotated, AnnotationError, load_annotations
from ingest_report import render_json, render_table, render_verbose, summarise
from ingest_score import ArticleScore, Drafted, DraftEvent, compact, score_article

ROOT = Path(__file__).resolve().parent.parent
_FRONT = re.compile(r"\A---\n(.*?)\n---\n?(.*)\Z", re.S)
_QUOTED = re.compile(r"'([^']+)'")


def _front_matter(path: Path) -> tuple[dict[str, Any], str]:
    match = _FRONT.match(path.read_text(encoding="utf-8"))
    if not match:
        return {}, ""
    data = yaml.safe_load(match.group(1))
    return (data if isinstance(data, dict) else {}), match.group(2)


def known_names(content: Path) -> dict[str, tuple[str, ...]]:
    """Every carrier's and entity's names and aliases, by id (from the content format,
    not from ingest's own reader: the scorer must not lean on the code it measures)."""
    names: dict[str, tuple[str, ...]] = {}
    for path in sorted([*content.glob("carriers/*.md"), *content.glob("entities/*.md")]):
        front, _ = _front_matter(path)
        name = front.get("name")
        found = list(name.values()) if isinstance(name, dict) else [name]
        found += list(front.get("aliases") or [])
        names[path.stem] = tuple(str(n) for n in found if n)
    return names


def known_events(content: Path) -> dict[str, DraftEvent]:
    """Events already in content/articles, for drafts that reuse their ids."""
    events: dict[str, DraftEvent] = {}
    for path in sorted(content.glob("articles/**/*.md")):
        front, _ = _front_matter(path)
        for item in front.get("events") or []:
            if isinstance(item, dict) and "id" in item and item.get("date"):
                events.setdefault(str(item["id"]), _event(item, None))
    return events


def _event(item: dict[str, Any], title: str | None) -> DraftEvent:
    date = item.get("date")
    return DraftEvent(str(date) if date is not None else None, item.get("kind"),
                      tuple(item.get("carriers") or ()), tuple(item.get("entities") or ()),
                      str(item["amount"]) if item.get("amount") else None, title)


def parse_draft(path: Path, existing: dict[str, DraftEvent]) -> Drafted:
    """A draft file as the scorer sees it (see briefing/ingest/draft.py for the format)."""
    front, body = _front_matter(path)
    source = front.get("source") or {}
    review = front.get("review") or {}
    events: list[DraftEvent] = []
    for item in front.get("events") or []:
        if set(item) <= {"id", "amount"}:  # an event already in the content: its id (and
            # this source's amount) only; the rest is read from the content
            known = existing.get(str(item["id"])) or DraftEvent(None, None, (), (), None, None)
            events.append(replace(known, amount=str(item["amount"])) if item.get("amount")
                          else known)
        else:
            events.append(_event(item, str(item.get("title") or "")))
    amounts = [e.amount for e in events if e.amount]
    for item in review.get("items") or []:
        if item.get("field") == "amounts":
            quoted = _QUOTED.search(str(item.get("issue", "")))
            if quoted:
                amounts.append(quoted.group(1))
    published = front.get("published")
    return Drafted(
        published=str(published) if published is not None else None,
        publisher=source.get("publisher"), author=source.get("author"),
        carriers=frozenset(front.get("carriers") or ()),
        entities=frozenset(front.get("entities") or ()),
        new_entities=tuple((str(e.get("name")), str(e.get("type")))
                           for e in review.get("new_entities") or []),
        events=tuple(events), amounts=tuple(amounts),
        kept_text=str(review.get("source_text") or "") + "\n" + body,
        title=str(source.get("title") or front.get("title") or ""))


def _ingest(files: list[Path], content: Path, out: Path, cwd: Path, sources: Path | None = None
            ) -> tuple[dict[Path, Path], list[Path], float, str]:
    """One `ingest` batch: (draft of each input, inputs whose draft name was taken, seconds,
    other errors). Drafts are printed one line each, in input order; failures go to stderr
    as 'ingest: NAME: ...'."""
    command = [sys.executable, "-m", "briefing", "ingest", *map(str, files),
               "--content", str(content), "--out", str(out)]
    if sources is not None:
        command += ["--sources", str(_sources_for(files, sources, out))]
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    failed: dict[Path, str] = {}
    for line in done.stderr.splitlines():
        for file in files:
            if line.startswith(f"ingest: {file}: "):
                failed[file] = line
    taken = [f for f, line in failed.items() if "already exists" in line]
    errors = "\n".join(line for f, line in failed.items() if f not in taken)
    written = [Path(line.split(": ", 1)[0]) for line in done.stdout.splitlines()
               if ": " in line and line.split(": ", 1)[0].endswith(".md")]
    ok = [f for f in files if f not in failed]
    if len(written) != len(ok) or not all(p.is_file() for p in written):
        # Output lines not as expected (a changed summary format?): fall back on the text
        # each draft kept, so that a cosmetic change does not fail every article.
        return match_by_content(sorted(out.glob("*.md")), ok), taken, seconds, errors.strip()
    return dict(zip(ok, written, strict=True)), taken, seconds, errors.strip()


def match_by_content(drafts: list[Path], files: list[Path]) -> dict[Path, Path]:
    """Input -> draft by the source text each draft kept (most kept lines found in it)."""
    texts = {f: compact(f.read_text(encoding="utf-8", errors="replace")) for f in files}
    scored = []
    for draft in drafts:
        front, _ = _front_matter(draft)
        kept = str((front.get("review") or {}).get("source_text") or "")
        lines = [compact(line) for line in kept.splitlines() if len(compact(line)) >= 8]
        for number, file in enumerate(files):
            hits = sum(line in texts[file] for line in lines)
            if hits:
                scored.append((-hits, number, file, draft))
    result: dict[Path, Path] = {}
    used: set[Path] = set()
    for _, _, file, draft in sorted(scored, key=lambda x: (x[0], x[1])):
        if file not in result and draft not in used:
            result[file] = draft
            used.add(draft)
    return result


def _sources_for(files: list[Path], sources: Path, out: Path) -> Path:
    """The rows of a sources file (`path,url`) for just these files, beside `out`."""
    with sources.open(encoding="utf-8", newline="") as handle:
        rows = {row["path"]: row for row in csv.DictReader(handle)}
    part = out.with_name(f"{out.name}-sources.csv")
    with part.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["path", "url"])
        writer.writeheader()
        writer.writerows(rows[str(f)] for f in files if str(f) in rows)
    return part


def write_sources(articles: list[Annotated], files: list[Path], path: Path) -> Path:
    """A sources file with each article's annotated URL and nothing else."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["path", "url"])
        writer.writeheader()
        writer.writerows({"path": str(f), "url": a.url}
                         for a, f in zip(articles, files, strict=True) if a.url)
    return path


def run_batch(files: list[Path], content: Path, scratch: Path, sources: Path | None = None
              ) -> tuple[dict[Path, Path], float, str]:
    """Drafts for all files; the first batch is timed. Two articles may give one draft name:
    those are run again, each round into a new folder, so every article gets its draft."""
    drafts, pending, seconds, errors = _ingest(files, content, scratch / "out0", scratch,
                                               sources)
    round_no = 1
    while pending:
        more, pending, _, problem = _ingest(pending, content, scratch / f"out{round_no}",
                                            scratch, sources)
        drafts.update(more)
        errors = "\n".join(x for x in (errors, problem) if x)
        round_no += 1
    return drafts, seconds, errors


def measured_code() -> str:
    """Which `briefing` is measured, with its git commit when it is a checkout."""
    spec = importlib.util.find_spec("briefing")
    if spec is None or spec.origin is None:
        return "briefing not importable"
    repo = Path(spec.origin).resolve().parent.parent
    sha = subprocess.run(["git", "-C", str(repo), "describe", "--always", "--dirty"],
                         capture_output=True, text=True, check=False).stdout.strip()
    return f"{repo} (git {sha or 'unknown'})"


def _texts(articles: list[Annotated], folder: Path) -> tuple[list[Annotated], list[str]]:
    usable, notes = [], []
    for article in articles:
        path = folder / f"{article.id}.txt"
        if not path.is_file():
            notes.append(f"{article.id}: no {path.name} in {folder}; not scored")
            continue
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if digest != article.sha256:
            notes.append(f"{article.id}: {path.name} has sha256 {digest[:12]}…, the annotation "
                         f"{article.sha256[:12]}…; fetch it again (README); not scored")
            continue
        text = compact(path.read_text(encoding="utf-8"))
        missing = [f for f in (*(b.fragment for b in article.gold.boilerplate),
                               *article.gold.skip) if compact(f) not in text]
        if missing:
            notes.append(f"{article.id}: annotated fragments not in the text: {missing}")
        usable.append(article)
    return usable, notes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--texts", type=Path, required=True, metavar="DIR")
    parser.add_argument("--annotations", type=Path, metavar="FILE",
                        default=ROOT / "bench" / "ingest_eval" / "annotations.yaml")
    parser.add_argument("--content", type=Path, default=ROOT / "content", metavar="DIR",
                        help="the content the annotations' ids refer to (default: this repo's)")
    parser.add_argument("--with-sources", action="store_true",
                        help="pass each article's annotated URL (only) through --sources")
    parser.add_argument("--verbose", action="store_true", help="per-article detail")
    parser.add_argument("--json", action="store_true", help="the results as JSON")
    args = parser.parse_args(argv)
    try:
        articles = load_annotations(args.annotations)
    except AnnotationError as exc:
        print(f"ingest_eval: {exc}", file=sys.stderr)
        return 2
    if not args.texts.is_dir():
        print(f"ingest_eval: {args.texts}: no such folder of texts", file=sys.stderr)
        return 2
    usable, notes = _texts(articles, args.texts)
    if not usable:
        print(f"ingest_eval: none of the {len(articles)} annotated texts is in {args.texts} "
              "(see bench/ingest_eval/README.md to fetch them)", file=sys.stderr)
        return 2
    content = args.content.resolve()
    with tempfile.TemporaryDirectory(prefix="ingest-eval-") as scratch:
        files = [(args.texts / f"{a.id}.txt").resolve() for a in usable]
        sources = (write_sources(usable, files, Path(scratch) / "sources.csv")
                   if args.with_sources else None)
        drafts, seconds, errors = run_batch(files, content, Path(scratch), sources)
        if errors:
            notes.append(f"ingest reported:\n{errors}")
        names, existing = known_names(content), known_events(content)
        scores: list[ArticleScore] = []
        for article, file in zip(usable, files, strict=True):
            draft = parse_draft(drafts[file], existing) if file in drafts else None
            text = file.read_text(encoding="utf-8")
            scores.append(score_article(article.gold, draft, text, article.title, names))
    summary = summarise(scores, len(usable) / seconds if seconds else 0.0)
    header = {"date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
              "code": measured_code(), "articles": len(usable),
              "outlets": len({a.outlet for a in usable}), "notes": notes,
              "set": args.annotations.name + (" with sources (URLs)" if args.with_sources
                                              else "")}
    if args.json:
        print(render_json(header, summary, scores))
        return 0
    print(render_table(header, summary))
    if args.verbose:
        print(render_verbose(scores))
    for note in notes:
        print(f"note: {note}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
