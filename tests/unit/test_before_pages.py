"""What the build process holds when the page workers fork: the link's parts are saved
and dropped before (but `check` saves nothing before it succeeds), and the plan keeps
each part's reads as ids into one table, the same reads a kept plan gives back."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

import briefing.incremental.persisted as persisted
from briefing.build import BuildOptions, build_site, read_content
from briefing.incremental.linkstate import LINK_STATE, link_kept
from briefing.incremental.pagestate import Digests, kept_read
from briefing.incremental.persisted import render_kept
from briefing.incremental.planstate import next_plan, plan_kept
from briefing.link.link import link_site
from briefing.render.folders import packaged_templates

SITE = Path(__file__).resolve().parents[1] / "fixtures" / "site_ok" / "content"


@pytest.mark.parametrize("write", [True, False])
def test_the_link_parts_are_saved_before_the_pages_render_when_building(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, write: bool) -> None:
    content = tmp_path / "content"
    shutil.copytree(SITE, content)
    cache = tmp_path / ".briefing" / "cache"
    seen: list[bool] = []
    render_pages = persisted.render_pages

    def watched(*args: Any, **kwargs: Any) -> Any:
        seen.append((cache / LINK_STATE).is_file())
        return render_pages(*args, **kwargs)

    monkeypatch.setattr(persisted, "render_pages", watched)
    options = BuildOptions(content, packaged_templates(), tmp_path / "site" if write else None,
                           jobs=1, cache_path=cache)
    result = build_site(options, render=render_kept, link=link_kept)
    assert result.ok, result.diagnostics
    # `build` saved them before forking; `check` only once it succeeded, at its end
    assert seen == [write]
    assert (cache / LINK_STATE).is_file()


def test_the_plan_keeps_reads_as_ids_and_a_kept_plan_reads_the_same() -> None:
    content, _ = read_content(SITE)
    assert content is not None
    graph, _ = link_site(content)
    assert graph is not None
    digests = Digests(graph, {})
    cold = plan_kept(graph, "en", digests, None)
    assert cold.made == len(cold.units) > 10
    assert all(type(reads).__name__ == "array" for reads, _ in cold.units.values())
    assert len(set(cold.reads)) == len(cold.reads)  # each read once in the table
    state = next_plan("config", cold, digests)
    warm = plan_kept(graph, "en", digests, state)
    assert warm.made == 0 and warm.units.keys() == cold.units.keys()
    assert sum(len(cold.part_reads(key)) for key in cold.units) > len(cold.reads) > 10
    for key in cold.units:
        assert warm.part_reads(key) == {kept_read(read) for read in cold.part_reads(key)}
    assert warm.part_of == cold.part_of
