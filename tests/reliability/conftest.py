"""Fixtures for the reliability and security tests (helpers live in reliability_helpers)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from reliability_helpers import (
    SOURCE_TEXT_MARKER,
    Run,
    build,
    hostile_project,
    q,
    run_main,
    write_tree,
)


@pytest.fixture(name="run_main")
def run_main_fixture() -> Callable[..., Run]:
    return run_main


@pytest.fixture(scope="session")
def hostile_built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hostile project built with the real CLI, drafts included; returns the project."""
    project = hostile_project(tmp_path_factory.mktemp("hostile"))
    write_tree(project, {"content/articles/hostile-draft.md": f"""---
title: {q('<script>window.__pwned=1</script> draft')}
published: 2024-08-12
source: {{title: {q('<img src=x onerror=window.__pwned=1>')}, language: ko}}
language: ko
carriers: [hostile-carrier]
summary: {q('</script><script>window.__pwned=1</script>')}
draft: true
review:
  items: [{{field: published, issue: {q('<script>window.__pwned=1</script>')},
           evidence: {q(SOURCE_TEXT_MARKER + ' evidence')}}}]
  new_entities: [{{name: {q('<svg onload=window.__pwned=1>')}, type: startup}}]
  source_text: |
    {SOURCE_TEXT_MARKER} <script>window.__pwned=1</script>
---
"""})
    done = build(project, "build", "--drafts", "--out", "site")
    assert done.returncode == 0, done.stderr
    assert "error[" not in done.stderr, done.stderr
    return project


@pytest.fixture(scope="session")
def hostile_site(hostile_built: Path) -> Path:
    return hostile_built / "site"
