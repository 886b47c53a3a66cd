"""Pages link to the data files before they are made: their names must be exactly the
files render_data writes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from briefing.build import read_content
from briefing.link.graph import Graph
from briefing.link.link import link_site
from briefing.render.data import data_paths, render_data

ROOT = Path(__file__).resolve().parents[2]


def _graph(content: Path) -> Graph:
    loaded, problems = read_content(content, False, 1)
    assert loaded is not None, problems
    return link_site(loaded)[0]


def test_the_data_names_known_in_advance_are_the_files_written(
        tmp_path: Path, generate_corpus: Callable[[Path, int, int], object]) -> None:
    generate_corpus(tmp_path / "content", 80, 3)
    for content in (ROOT / "content", ROOT / "tests/fixtures/site_ok/content",
                    tmp_path / "content"):
        graph = _graph(content)
        assert data_paths(graph) == set(render_data(graph)), content
