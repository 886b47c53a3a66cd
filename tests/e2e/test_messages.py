"""User-facing messages outside content validation, each pinned to its exact text."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefing.cli import main

ROOT = Path(__file__).resolve().parents[2]
SITE_OK = ROOT / "tests" / "fixtures" / "site_ok" / "content"


def test_a_broken_template_is_one_error_naming_its_file_line_and_page(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copytree(SITE_OK, tmp_path / "content")
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    article = tmp_path / "templates" / "article.html"
    lines = article.read_text(encoding="utf-8").splitlines(keepends=True)
    assert "{{ article.title }}" in lines[5]
    lines[5] = lines[5].replace("{{ article.title }}", "{{ article.title | nosuchfilter }}")
    article.write_text("".join(lines), encoding="utf-8")
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.chdir(tmp_path)
    assert main(["build", "--templates", "templates"]) == 1
    assert capsys.readouterr().err == (
        "templates/article.html:6:1: error[template]: No filter named 'nosuchfilter'. "
        "(rendering /articles/2024-08-carriers-ai-roundup/)\n1 error, 0 warnings\n")
    assert not (tmp_path / "site").exists()
