"""Bounded inputs: alias bombs, huge files, huge front matter and deep nesting are refused
quickly with a clear message (or built), in bounded memory; never a traceback."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from reliability_helpers import PROJECT_ROOT, Run, build, clean_env, hostile_project, write_tree

FRONT = "---\ntitle: t\npublished: 2024-01-01\nsource: {title: s}\nsummary: s\n"


def _project(tmp_path: Path) -> Path:
    return hostile_project(tmp_path, payload="plain", body="Fine.\n")


def billion_laughs(levels: int = 9) -> str:
    lines = ['lol0: &lol0 "lol"']
    lines += [f"lol{n}: &lol{n} [{', '.join([f'*lol{n - 1}'] * 10)}]" for n in range(1, levels + 1)]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("where", ["content/articles/bomb.md", "content/site.yaml"])
def test_yaml_alias_bombs_are_refused_quickly(
        where: str, tmp_path: Path, run_main: Callable[..., Run]) -> None:
    project = _project(tmp_path)
    bomb = billion_laughs()
    write_tree(project, {where: f"---\n{bomb}---\n" if where.endswith(".md") else bomb})
    started = time.perf_counter()
    done = run_main(project, "check")
    assert time.perf_counter() - started < 5
    assert done.code == 1
    [line] = done.lines("yaml-alias")
    first_line = 2 if where.endswith(".md") else 1
    assert line == (f"{where}:{first_line}:7: error[yaml-alias]: YAML anchors (&lol0) are not "
                    "allowed; write the value out")


MEASURE = """
import json, os, sys, threading, time
sys.path.insert(0, sys.argv[1])
import psutil
import briefing.build, briefing.cli, briefing.render.engine  # imported before measuring
import jinja2, markdown_it, pydantic, yaml
os.chdir(sys.argv[2])
process = psutil.Process()
before = process.memory_info().rss
peak = [before]
done = threading.Event()
def sample():  # ru_maxrss would include the parent's size inherited at fork
    while not done.is_set():
        peak[0] = max(peak[0], process.memory_info().rss)
        time.sleep(0.002)
sampler = threading.Thread(target=sample)
sampler.start()
started = time.perf_counter()
code = briefing.cli.main(sys.argv[3:])
seconds = time.perf_counter() - started
done.set()
sampler.join()
peak[0] = max(peak[0], process.memory_info().rss)
print(json.dumps({"code": code, "seconds": seconds, "growth": peak[0] - before}))
"""


@pytest.mark.parametrize("command", ["check", "build"])
@pytest.mark.parametrize("where", ["content/articles/huge.md", "content/site.yaml"])
def test_a_50_mb_file_is_refused_in_bounded_memory_and_time(where: str, command: str,
                                                           tmp_path: Path) -> None:
    pytest.importorskip("psutil", reason="psutil measures the memory of the check")
    project = _project(tmp_path)
    huge = project / where
    with huge.open("wb") as handle:
        handle.write(FRONT.encode() + b"---\n" if where.endswith(".md") else b"title: x\n")
        line = b"x" * 1023 + b"\n"
        for _ in range(50 * 1024):
            handle.write(line)
    done = subprocess.run([sys.executable, "-c", MEASURE, str(PROJECT_ROOT), str(project),
                           command],
                          capture_output=True, text=True, env=clean_env(), timeout=120,
                          check=False)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["code"] == 1
    assert re.search(f"^{where}:1:1: error\\[too-large\\]: file is 50(\\.0)? MB; the limit is 5 "
                     "MB per content file$", done.stderr, re.M), done.stderr
    assert result["growth"] < 40 * 1024 * 1024, result  # never the whole file; well under 100 MB
    assert result["seconds"] < 3, result


def test_front_matter_over_256_kb_is_refused(tmp_path: Path,
                                             run_main: Callable[..., Run]) -> None:
    project = _project(tmp_path)
    write_tree(project, {"content/articles/long-front.md":
                         FRONT + "note: " + "가" * 100_000 + "\n---\nbody\n"})
    started = time.perf_counter()
    done = run_main(project, "check")
    assert time.perf_counter() - started < 5
    assert done.lines("too-large") == [
        "content/articles/long-front.md:2:1: error[too-large]: front matter is over 256 KB; "
        "move long text into the body"]


DEEP_YAML = {
    "flow-lists": "a: " + "[" * 10_000 + "]" * 10_000 + "\n",
    "flow-maps": "a: " + "{b: " * 10_000 + "1" + "}" * 10_000 + "\n",
    "unclosed": "a: " + "[" * 100_000 + "\n",
    "block-maps": "".join("  " * i + f"k{i}:\n" for i in range(300)) + "  " * 300 + "v\n",
    "block-lists": "a:\n" + "".join("  " * i + "-\n" for i in range(300)) + "  " * 300 + "x\n",
}


@pytest.mark.parametrize("case", sorted(DEEP_YAML))
def test_deeply_nested_yaml_is_a_diagnostic(case: str, tmp_path: Path,
                                            run_main: Callable[..., Run]) -> None:
    project = _project(tmp_path)
    write_tree(project, {"content/entities/deep.md": f"---\n{DEEP_YAML[case]}---\n"})
    started = time.perf_counter()
    done = run_main(project, "check")
    assert time.perf_counter() - started < 5
    assert done.code == 1
    problems = [line for line in done.stderr.splitlines() if "deep.md" in line]
    assert len(problems) == 1, done.stderr
    assert "error[yaml-depth]: YAML is nested more than 50 levels deep" in problems[0] or \
        "error[yaml-syntax]" in problems[0]


DEEP_MARKDOWN = {
    "lists": "- " * 10_000 + "x\n",
    "indented-lists": "".join("  " * i + "- x\n" for i in range(1000)),
    "quotes": "> " * 10_000 + "x\n",
    "brackets": "[" * 10_000 + "hostile-carrier" + "]" * 10_000 + "\n",
    "link-brackets": "[" * 10_000 + "x" + "](https://example.com/)" * 10_000 + "\n",
    "parens": "[a](https://example.com/" + "(" * 10_000 + ")" * 10_000 + ")\n",
    "emphasis": "*" * 10_000 + "x" + "*" * 10_000 + "\n",
    "mixed-emphasis": "*a **b _c " * 5_000 + "\n",
    "wikilinks": "[[" * 10_000 + "hostile-carrier" + "]]" * 10_000 + "\n",
    "angles": "<" * 10_000 + "\n",
    "backticks": "`" * 10_000 + "x\n",
    "entities": "&#x61;&amp;" * 10_000 + "\n",
    "headings": "#" * 10_000 + " x\n",
    "one-long-line": "word " * 400_000 + "\n",
    "dash-line": "-" * 20_000 + "x\n",  # a table-rule regex once took minutes on this
    "open-links": "[a](" * 10_000 + "\n",
    "tick-runs": "".join("`" * n + "a" for n in range(1, 300)) + "\n",
    # Deep enough to overflow the Rust parser's stack (a crash, not an error) if it got them.
    "very-deep-quotes": ">" * 200_000 + "x\n",
    "very-deep-lists": "- " * 150_000 + "x\n",
    "very-deep-ordered": "1. " * 100_000 + "x\n",
    "very-deep-mixed": "> - " * 60_000 + "x\n",
}


def test_deeply_nested_markdown_builds_or_is_a_diagnostic(tmp_path: Path) -> None:
    project = _project(tmp_path)
    write_tree(project, {f"content/entities/deep-{name}.md":
                         f"---\nname: {name}\ntype: company\n---\n{text}"
                         for name, text in DEEP_MARKDOWN.items()})
    started = time.perf_counter()
    done = build(project, "build", "--out", "site")
    seconds = time.perf_counter() - started
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr, done.stderr
    assert done.returncode in (0, 1), done.stderr
    assert done.returncode == 0, done.stderr  # none of these is wrong, only unusual
    assert seconds < 30
    pages = project / "site/entities"
    assert all((pages / f"deep-{name}/index.html").is_file() for name in DEEP_MARKDOWN)
