"""Shared fixtures for the ingest tests: the fixture content and one ingest run over all
fixture articles (Kiwi loads once per session)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from briefing.ingest.command import run_ingest
from briefing.ingest.known import read_known
from briefing.ingest.nlp import KoreanAnalyser
from briefing.ingest.recognise import Matcher, build_matcher
from briefing.load.yamlstrict import parse_yaml

FIXTURES = Path(__file__).resolve().parent / "fixtures"
CONTENT = FIXTURES / "content"


@dataclass
class IngestRun:
    code: int
    stdout: str
    stderr: str
    out: Path

    def drafts(self) -> dict[str, Path]:
        return {p.name: p for p in sorted(self.out.glob("*.md"))}

    def front(self, name_part: str) -> dict[str, Any]:
        matches = [p for n, p in self.drafts().items() if name_part in n]
        assert len(matches) == 1, (name_part, list(self.drafts()))
        return read_front(matches[0])


def read_front(path: Path) -> dict[str, Any]:
    """Front matter read back with the project's strict reader (dates stay text)."""
    text = path.read_text("utf-8")
    assert text.startswith("---\n") and text.endswith("---\n")
    value = parse_yaml(text[4:-4]).value
    assert isinstance(value, dict)
    return value


def ingest(inputs: list[str], out: Path, content: Path = CONTENT, force: bool = False,
           stdin: io.TextIOBase | None = None) -> IngestRun:
    stdout, stderr = io.StringIO(), io.StringIO()
    code = run_ingest(inputs, content, out, force, stdin or io.StringIO(), stdout, stderr)
    return IngestRun(code, stdout.getvalue(), stderr.getvalue(), out)


@pytest.fixture(scope="session")
def fixture_run(tmp_path_factory: pytest.TempPathFactory) -> IngestRun:
    out = tmp_path_factory.mktemp("drafts")
    names = ["ko_portal.txt", "ko_dateline_cp949.txt", "ko_nodeck.txt", "en_portal.txt",
             "en_wire.txt", "ko_reuse.txt", "page.html"]
    return ingest([str(FIXTURES / n) for n in names], out)


@pytest.fixture(scope="session")
def matcher() -> Matcher:
    known, _ = read_known(CONTENT)
    return build_matcher(known.nodes)


@pytest.fixture(scope="session")
def analyser() -> Iterator[KoreanAnalyser]:
    yield KoreanAnalyser()
