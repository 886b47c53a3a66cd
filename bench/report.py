"""The benchmark's Markdown report: the header (machine, date, commit, both tools'
versions), issue 15's targets at each size, met or not met, and every measurement.
Pure functions of the results, so they are tested without running anything."""

from __future__ import annotations

import datetime as dt
import os
import platform
from dataclasses import dataclass, field
from pathlib import Path

from measure import Series

HUGO_CONFIGS = ("lean", "same", "related")
HUGO_COMMANDS = ("- Hugo's CLI: `hugo --source SITE --destination public --quiet` (it "
                 "re-renders everything whatever changed); its server: `hugo server "
                 "--disableFastRender --disableLiveReload`, writing to disk; "
                 "configurations in bench/hugo/")
CONFIG_LABEL = {"lean": "Hugo lean", "same": "Hugo same pages", "related": "Hugo with related"}


@dataclass
class Pages:
    html: int = 0
    feeds: int = 0

    def cell(self) -> str:
        return f"{self.html:,} / {self.feeds:,}" if self.html else "n/a"


def count_pages(out: Path) -> Pages:
    """HTML pages and feeds (.xml files but the sitemap) under an output folder."""
    html = sum(1 for _ in out.rglob("*.html"))
    feeds = sum(1 for p in out.rglob("*.xml") if not p.name.startswith("sitemap"))
    return Pages(html, feeds)


@dataclass
class SizeResult:
    size: int
    corpus_files: int = 0
    corpus_mb: float = 0.0
    ours: dict[str, Series] = field(default_factory=dict)
    ours_pages: Pages = field(default_factory=Pages)
    hugo: dict[str, dict[str, Series]] = field(default_factory=dict)  # config -> metrics
    hugo_pages: dict[str, Pages] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Target:
    label: str
    metric: str  # ours, divided by Hugo's cold build of the same pages
    limit: float
    wording: str


TARGETS = (
    Target("cold build", "build.cold", 1.0, "<= 1.0x Hugo"),
    Target("no-change rebuild", "build.nochange", 0.05, "<= 0.05x Hugo's cold"),
    Target("`build` after a one-line body edit", "build.body", 0.1, "<= 0.1x Hugo's cold"),
    Target("`build` after a title edit", "build.title", 0.1, "<= 0.1x Hugo's cold"),
)

# (label, metric, column): seconds unless the metric ends in ":page" (the edited page
# on disk during that build), ":peak" (MiB: RSS summed over the process tree, issue 15's
# measure) or ":pss" (MiB: PSS summed, shared pages divided among their processes).
ROWS = (
    ("`build` cold (s)", "build.cold"),
    ("`build`, nothing changed (s)", "build.nochange"),
    ("`build` after a body edit (s)", "build.body"),
    ("… the edited page on disk after (s)", "build.body:page"),
    ("`build` after a title edit (s)", "build.title"),
    ("`build` after a template edit (s)", "build.template"),
    ("peak memory, cold `build` (MiB)", "build.cold:peak"),
    ("… PSS summed, shared pages counted once (MiB)", "build.cold:pss"),
    ("server: first build (s)", "serve.first"),
    ("server: restart, nothing changed (s)", "serve.restart"),
    ("server, body edit: the page on disk (s)", "serve.body.page"),
    ("server, body edit: rebuild done (s)", "serve.body.done"),
    ("server, title edit: the page on disk (s)", "serve.title.page"),
    ("server, title edit: a page listing it (s)", "serve.title.listing"),
    ("server, title edit: rebuild done (s)", "serve.title.done"),
    ("server, template edit: a page on disk (s)", "serve.template.page"),
    ("server, template edit: rebuild done (s)", "serve.template.done"),
    ("peak memory, server session (MiB)", "serve.first:peak"),
    ("… PSS summed, shared pages counted once (MiB)", "serve.first:pss"),
)


def cell(metrics: dict[str, Series], key: str) -> str:
    metric, _, part = key.partition(":")
    series = metrics.get(metric)
    if series is None or not series.runs:
        return "–"
    if part == "page":
        return series.page()
    if part == "peak":
        return series.peak_mb()
    if part == "pss":
        return series.peak_pss_mb()
    return series.seconds()


def ratio_text(value: float) -> str:
    return f"{value:.2f}x" if value >= 0.01 else f"{value:.3f}x"


def targets_table(result: SizeResult) -> list[str]:
    """Issue 15's table at one size: ours against Hugo's cold build of the same pages."""
    hugo_cold = result.hugo.get("same", {}).get("build.cold", Series()).median()
    lines = [
        f"| {result.size:,} articles | ours (s) | Hugo same pages, cold (s) | ratio | target "
        "| |",
        "| --- | ---: | ---: | ---: | --- | --- |",
    ]
    for target in TARGETS:
        ours = result.ours.get(target.metric, Series()).median()
        if ours is None or not hugo_cold:
            ratio, verdict = "–", "not measured"
        else:
            value = ours / hugo_cold
            ratio = ratio_text(value)
            verdict = "met" if value <= target.limit else "not met"
        ours_text = f"{ours:.2f}" if ours is not None else "–"
        theirs = f"{hugo_cold:.2f}" if hugo_cold else "–"
        lines.append(f"| {target.label} | {ours_text} | {theirs} | {ratio} | "
                     f"{target.wording} | {verdict} |")
    return lines


def results_table(result: SizeResult) -> list[str]:
    configs = [c for c in HUGO_CONFIGS if c in result.hugo]
    columns: list[tuple[str, dict[str, Series], Pages]] = [
        ("briefing", result.ours, result.ours_pages),
        *((CONFIG_LABEL[c], result.hugo[c], result.hugo_pages.get(c, Pages())) for c in configs),
    ]
    lines = [
        f"| {result.size:,} articles | " + " | ".join(name for name, _, _ in columns) + " |",
        "| --- |" + " ---: |" * len(columns),
        "| HTML pages / feeds | " + " | ".join(p.cell() for _, _, p in columns) + " |",
    ]
    for label, key in ROWS:
        cells = [cell(metrics, key) for _, metrics, _ in columns]
        if any(c != "–" for c in cells):
            lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return lines


@dataclass(frozen=True)
class Header:
    commit: str
    hugo: str  # Hugo's version line, "" when Hugo was not measured
    repeat: int
    seed: int
    jobs: int | None


def machine() -> str:
    cpu = platform.machine()
    ram = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                ram = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    cores = len(os.sched_getaffinity(0))
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return f"{cores} cores ({cpu}), {ram} RAM; load average at the end {load}"


def report(header: Header, results: list[SizeResult], machine_line: str,
           date: dt.datetime, extra: str | None = None) -> str:
    lines = [
        "# Build benchmark: briefing against Hugo",
        "",
        f"- date: {date.isoformat(timespec='seconds')}",
        f"- machine: {machine_line}",
        f"- briefing: git {header.commit}, Python {platform.python_version()}"
        + (f", -j {header.jobs}" if header.jobs is not None else ""),
        f"- Hugo: {header.hugo}" if header.hugo else "- Hugo: not measured",
        *([HUGO_COMMANDS] if header.hugo else []),
        f"- each time is the median of {header.repeat} round(s) (min–max when more than "
        f"one); corpus seed {header.seed}",
    ]
    for result in results:
        lines += ["", f"## {result.size:,} articles", "",
                  f"Corpus: {result.corpus_files:,} files, {result.corpus_mb:.1f} MB.", ""]
        if result.hugo:
            lines += [*targets_table(result), ""]
        lines += results_table(result)
        if result.notes:
            lines += ["", "Notes:", "", *(f"- {note}" for note in result.notes)]
    if extra:
        lines += ["", extra.strip()]
    return "\n".join(lines) + "\n"
