"""Correctness of every shortcut a rebuild takes (the file cache, hard links to unchanged
outputs, the whole-build skip; serve's memory of the last build, which re-renders only the
pages that read something that changed): after any sequence of edits, a warm build is
byte-identical to a cold build of the same content."""

from __future__ import annotations

import random
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from briefing.build import BuildOptions, build_site
from briefing.incremental.memory import BuildMemory
from briefing.incremental.rebuild import rebuild
from briefing.render.templates import packaged_templates
from briefing.workdir.skip import load_state, output_stamp
from briefing.write.staging import WriteStats

ARTICLES = 60


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _edit(rng: random.Random, content: Path, step: int) -> str:
    """One random edit of the kinds analysts make; returns what it did."""
    articles = sorted((content / "articles").rglob("*.md"))
    entities = sorted((content / "entities").glob("*.md"))
    target = rng.choice(articles)
    text = target.read_text(encoding="utf-8")
    kind = rng.choice(["body", "title", "summary", "delete", "copy", "entity", "touch",
                       "published", "event", "shift", "due", "resolve"])
    with_targets = [a for a in articles if "\n    due: " in a.read_text(encoding="utf-8")]
    if kind in ("due", "resolve") and with_targets:  # edits of a briefing with a target
        target = rng.choice(with_targets)
        text = target.read_text(encoding="utf-8")
    targets = re.findall(r"^  - id: (\S+)\n(?:    .*\n)*?    due: ", text, flags=re.MULTILINE)
    if kind == "due" and "    due: " in text:  # a target falls due a year later
        target.write_text(re.sub(r"^(    due: )([0-9]{4})", lambda m: m[1] + str(
            int(m[2]) + 1), text, count=1, flags=re.MULTILINE), encoding="utf-8")
        return f"{kind} {target.name}"
    if kind == "resolve" and targets:  # a later event in the same briefing settles it
        published = re.search(r"^published: (\S+)$", text, flags=re.MULTILINE)
        day = published[1] if published else "2030"
        settle = (f"events:\n  - id: settles-{step}\n    date: {day}"
                  f"\n    title: Result {step}\n    kind: earnings\n"
                  f"    resolves: {{target: {targets[0]}, outcome: met}}\n")
        target.write_text(text.replace("events:\n", settle, 1), encoding="utf-8")
        return f"{kind} {target.name}"
    if kind == "body":
        entity = rng.choice(entities).stem
        target.write_text(text + f"\nEdit {step} mentions [[{entity}]].\n", encoding="utf-8")
    elif kind == "title":
        target.write_text(re.sub(r"^title: .*$", f"title: Edited title {step}", text, count=1,
                                 flags=re.MULTILINE), encoding="utf-8")
    elif kind == "summary":
        target.write_text(re.sub(r"^summary: .*$", f"summary: Edited summary {step}.", text,
                                 count=1, flags=re.MULTILINE), encoding="utf-8")
    elif kind == "delete" and len(articles) > 10:
        target.unlink()
    elif kind == "copy":  # a second briefing reporting the same events (they merge)
        copy = target.with_name(f"{target.stem}-copy{step}.md")
        copy.write_text(re.sub(r"^title: .*$", f"title: Second report {step}", text, count=1,
                               flags=re.MULTILINE), encoding="utf-8")
    elif kind == "entity":
        entity = rng.choice(entities)
        entity.write_text(entity.read_text(encoding="utf-8") + f"\nNote {step}.\n",
                          encoding="utf-8")
    elif kind == "published":  # reorders every list by date
        target.write_text(re.sub(r"^published: .*$", f"published: 2014-0{step % 9 + 1}-1{step}",
                                 text, count=1, flags=re.MULTILINE), encoding="utf-8")
    elif kind == "event":  # the first event's title, which may be defined here
        target.write_text(re.sub(r"^(    title: ).*$", rf"\g<1>Edited event {step}", text,
                                 count=1, flags=re.MULTILINE), encoding="utf-8")
    elif kind == "shift":  # every body line (and each link's position) moves down
        target.write_text(text.replace("\n---\n", "\n---\n\n", 1), encoding="utf-8")
    else:  # same bytes, new timestamp
        target.write_text(text, encoding="utf-8")
    return f"{kind} {target.name}"


@pytest.mark.parametrize(("seed", "articles"), [
    (1, ARTICLES), (2, ARTICLES), (3, ARTICLES), (4, ARTICLES),
    (5, 330),  # enough for a carrier's article list to run over several pages
])
def test_warm_builds_equal_cold_builds_over_random_edits(
        tmp_path: Path, seed: int, articles: int,
        generate_corpus: Callable[[Path, int, int], object]) -> None:
    content = tmp_path / "content"
    generate_corpus(content, articles, 0)
    templates = packaged_templates()
    cache = tmp_path / ".briefing/cache"
    warm_out = tmp_path / "site"
    memory = BuildMemory()
    rendered_pages: list[tuple[int, int]] = []  # (rendered, planned) pages and feeds per build
    rng = random.Random(seed)
    done: list[str] = []
    for step in range(7):
        if step:
            done.append(_edit(rng, content, step))
        warm = build_site(BuildOptions(content, templates, warm_out, jobs=1, cache_path=cache))
        cold_out = tmp_path / f"cold{step}"
        cold = build_site(BuildOptions(content, templates, cold_out, jobs=1))
        assert [d.format() for d in warm.diagnostics] == [d.format() for d in cold.diagnostics]
        assert warm.ok == cold.ok, done
        if not cold.ok:
            continue
        cold_tree = _tree(cold_out)
        assert _tree(warm_out) == cold_tree, done
        before = dict(memory.reads)
        early: dict[str, bytes] = {}  # what serve shows before the search index is made
        served = rebuild(BuildOptions(content, templates, None, jobs=1), memory, early.update)
        assert served.outputs == {k: v for k, v in cold_tree.items()
                                  if k != ".briefing-site"}, done
        assert early and all(cold_tree[path] == data for path, data in early.items()), done
        assert "search/meta.json" not in early and "search/index.html" in early
        rendered_pages.append((sum(memory.reads[p] is not before.get(p) for p in memory.reads),
                               len(memory.reads)))  # pages and feeds
        shutil.rmtree(cold_out)
    # the first build renders every page; after an edit, most pages are kept as they were
    assert rendered_pages[0][0] == rendered_pages[0][1]
    assert any(rendered < planned // 2 for rendered, planned in rendered_pages[1:]), \
        rendered_pages


def test_a_title_edit_renders_only_the_pages_and_feeds_that_show_it(
        tmp_path: Path, generate_corpus: Callable[[Path, int, int], object]) -> None:
    content = tmp_path / "content"
    generate_corpus(content, ARTICLES, 0)
    options = BuildOptions(content, packaged_templates(), None, jobs=1)
    memory = BuildMemory()
    first = rebuild(options, memory)
    before = dict(memory.reads)
    target = sorted((content / "articles").rglob("*.md"))[5]
    target.write_text(re.sub(r"^title: .*$", "title: A new title", target.read_text(
        encoding="utf-8"), count=1, flags=re.MULTILINE), encoding="utf-8")
    early: dict[str, bytes] = {}
    second = rebuild(options, memory, early.update)
    rendered = {path for path in memory.reads if memory.reads[path] is not before.get(path)}
    feeds = {path for path in first.outputs if path.endswith("feed.xml")}
    changed = {path for path in first.outputs if first.outputs[path] != second.outputs[path]}
    # every page and feed that shows the title was rendered, and shown early
    assert {p for p in changed if p in feeds} <= rendered
    assert {p.removesuffix("index.html") for p in changed if p.endswith("index.html")} <= rendered
    assert all(early[path] == second.outputs[path] for path in changed
               if not path.startswith(("search/", "data/")) and path != "sitemap.xml")
    # and little else
    assert len(rendered & feeds) < len(feeds) // 2
    assert len(rendered) < len(memory.reads) // 4


def test_the_stamp_a_build_saves_is_its_published_folder_so_the_next_build_skips(
        tmp_path: Path, generate_corpus: Callable[[Path, int, int], object]) -> None:
    content, out, cache = tmp_path / "content", tmp_path / "site", tmp_path / ".briefing/cache"
    generate_corpus(content, 20, 0)
    options = BuildOptions(content, packaged_templates(), out, jobs=2, cache_path=cache)
    first = build_site(options)
    state = load_state(cache, out)
    assert first.stats is not None and state is not None
    assert state[1] == output_stamp(out)  # what the build knew equals a walk of the folder
    skipped = build_site(options)
    assert skipped.graph is None and skipped.stats == WriteStats(0, first.files)
    page = out / "index.html"
    page.write_bytes(page.read_bytes() + b"<!-- edited by hand -->")
    rebuilt = build_site(options)  # the output changed: built again, the page restored
    assert rebuilt.graph is not None and rebuilt.stats == WriteStats(1, first.files - 1)
    assert b"edited by hand" not in page.read_bytes()
