"""The persistent cache of validated files: reused when bytes match, never when not."""

from __future__ import annotations

from pathlib import Path

from briefing import build as build_module
from briefing.build import BuildOptions, build
from briefing.render.templates import packaged_templates
from briefing.workdir.cache import load_cache

SITE = "title: Cache test\nbase_url: https://example.org/\nfx: {USD: {2024: 1364}}\n"
CARRIER = "---\nname: {ko: 케이티, en: KT}\n---\nKT overview.\n"
ARTICLE = """---
title: A briefing about a cache
published: 2024-05-02
source: {publisher: Example Daily, title: Original headline}
carriers: [kt]
summary: Short.
events:
  - id: cache-event
    date: 2024-05-01
    title: {title}
    kind: product
    carriers: [kt]
---
Body.
"""


def _content(tmp_path: Path, title: str) -> Path:
    content = tmp_path / "content"
    (content / "carriers").mkdir(parents=True, exist_ok=True)
    (content / "articles").mkdir(exist_ok=True)
    (content / "site.yaml").write_text(SITE, encoding="utf-8")
    (content / "carriers" / "kt.md").write_text(CARRIER, encoding="utf-8")
    (content / "articles" / "a.md").write_text(ARTICLE.replace("{title}", title),
                                                encoding="utf-8")
    return content


def test_second_build_reuses_cached_files_and_an_edit_is_seen(tmp_path: Path,
                                                               monkeypatch) -> None:
    cache = tmp_path / "cache"
    content = _content(tmp_path, "First title")
    options = BuildOptions(content, packaged_templates(), tmp_path / "site", jobs=1,
                           cache_path=cache)
    first = build(options)
    assert first.ok and not first.diagnostics
    assert len(load_cache(cache)) == 2

    calls: list[str] = []
    original = build_module.check_document
    monkeypatch.setattr(build_module, "check_document",
                        lambda doc, md: calls.append(doc.id) or original(doc, md))
    again = build(options)
    assert calls == ["site"]  # site.yaml is always read; both files came from the cache
    assert again.stats is not None and again.stats.written == 0

    _content(tmp_path, "Second title")
    edited = build(options)
    assert calls == ["site", "site", "a"]
    page = (tmp_path / "site" / "events" / "cache-event" / "index.html").read_text("utf-8")
    assert edited.ok and "Second title" in page


def test_a_failed_build_still_caches_the_files_it_checked(tmp_path: Path) -> None:
    from briefing.build import BuildOptions, build_site
    from briefing.render.templates import packaged_templates

    content = _content(tmp_path, "First title")
    (content / "articles" / "broken.md").write_text("---\ntitle: [unclosed\n---\nx\n",
                                                     encoding="utf-8")
    cache = tmp_path / ".briefing" / "cache"
    result = build_site(BuildOptions(content, packaged_templates(), tmp_path / "site",
                                     jobs=1, cache_path=cache))
    assert not result.ok and not (tmp_path / "site").exists()
    assert len(load_cache(cache)) == 3  # site.yaml aside: kt, a and the broken file


def test_a_long_lived_memory_cache_rereads_only_changed_files(tmp_path: Path,
                                                              monkeypatch) -> None:
    from briefing.build import BuildOptions
    from briefing.incremental.memory import BuildMemory
    from briefing.incremental.rebuild import rebuild
    from briefing.render.templates import packaged_templates

    content = _content(tmp_path, "First title")
    options = BuildOptions(content, packaged_templates(), None, jobs=1)
    memory = BuildMemory()
    first = rebuild(options, memory)
    assert first.ok and len(memory.read.checked) == 2

    calls: list[str] = []
    original = build_module.check_document
    monkeypatch.setattr(build_module, "check_document",
                        lambda doc, md: calls.append(doc.id) or original(doc, md))
    _content(tmp_path, "Second title")
    second = rebuild(options, memory)
    assert calls == ["site", "a"]  # the carrier came from memory
    assert "Second title" in second.outputs["events/cache-event/index.html"].decode()
    assert len(memory.read.checked) == 2  # the old version of a.md is gone
