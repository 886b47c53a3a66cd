"""The index after an edit (search.update): byte for byte the index of a cold build of the
edited content, after adds, removals and edits, with stable document ids."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from search_support import CONTENT, SMALL_SHARDS

from briefing.build import read_content
from briefing.incremental.tracking import changed_reads
from briefing.link.graph import Graph
from briefing.link.link import link_site
from briefing.search import build_search_index, update
from briefing.search.documents import doc_keys, doc_path
from briefing.search.index import doc_ids, index_site
from briefing.search.shards import refresh
from briefing.search.state import PARTS, SearchState, from_plain, join_plain, split_plain
from briefing.search.update import update_index
from briefing.workdir.packed import pack, unpack

WORDS = ("가속기", "데이터센터", "클라우드", "요금제", "위성", "로밍", "network", "quantum",
         "edge", "투자", "협력", "시범", "서비스", "계약")


def briefing_text(n: int, title: str, body: str, month: int, event: bool) -> str:
    events = (f"events:\n  - id: test-event-{n}\n    date: 2023-{month:02d}-11\n"
              f"    title: 시험 사건 {n}\n    kind: partnership\n    carriers: [kt]\n"
              if event else "")
    return (f"---\ntitle: {title}\npublished: 2023-{month:02d}-{n % 27 + 1:02d}\nsource:\n"
            f"  publisher: 시험일보\n  title: 시험 기사 {n}\n  language: ko\nlanguage: ko\n"
            f"carriers: [kt]\nentities: [nvidia]\nsummary: 시험 요약 {n}.\n{events}---\n"
            f"{body}\n")


def graph_of(content: Path) -> Graph:
    linked, problems = read_content(content)
    assert linked is not None, problems
    graph, _ = link_site(linked)
    assert graph is not None
    return graph


@pytest.fixture
def content(tmp_path: Path) -> Path:
    shutil.copytree(CONTENT, tmp_path / "content")
    return tmp_path / "content"


def ids_by_path(graph: Graph) -> dict[str, int]:
    return {doc_path(graph, key): doc_id
            for key, doc_id in doc_ids(graph, doc_keys(graph), {})[0].items()}


def test_adding_a_briefing_leaves_the_other_ids_alone(content: Path) -> None:
    before = ids_by_path(graph_of(content))
    (content / "articles" / "2024-04-new.md").write_text(
        briefing_text(1, "새 브리핑", "KT가 [[nvidia]]와 협력한다.", 4, True), encoding="utf-8")
    after = ids_by_path(graph_of(content))
    assert set(after) - set(before) == {"articles/2024-04-new/", "events/test-event-1/"}
    assert {path: after[path] for path in before} == before


def test_an_edit_re_indexes_only_what_changed_and_equals_a_cold_build(
        content: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(update, "WHOLE_INDEX_SHARE", 0)
    old = graph_of(content)
    state = index_site(old, "ko", **SMALL_SHARDS)
    before = dict(state.caches.files)
    article = content / "articles" / "2024-05-kt-cloud-korean.md"
    article.write_text(article.read_text(encoding="utf-8").replace(
        "\n---\n", "\n---\n양자 암호 시범도 시작했다.\n", 1), encoding="utf-8")
    new = graph_of(content)
    state = update_index(new, "ko", state, changed_reads(old, new), **SMALL_SHARDS)
    assert state.caches.files == build_search_index(new, "ko", **SMALL_SHARDS)
    rewritten = {p for p, data in state.caches.files.items() if before.get(p) != data}
    # the new words' shards, that document's record shard and meta.json
    assert "search/meta.json" in rewritten
    assert len(rewritten) < len(before) // 2
    assert {p for p in rewritten if p.startswith("search/d/")} == {
        f"search/d/{doc_id % json.loads(state.caches.files['search/meta.json'])['docShards']}"
        ".json" for path, doc_id in ids_by_path(new).items()
        if path == "articles/2024-05-kt-cloud-korean/"}


OPS = st.lists(st.tuples(st.sampled_from(["add", "remove", "title", "body", "node"]),
                         st.integers(0, 5), st.sampled_from(WORDS), st.integers(1, 12),
                         st.booleans()), min_size=1, max_size=6)


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=OPS, known=st.booleans())
def test_any_sequence_of_edits_gives_the_cold_index(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        ops: list[tuple[str, int, str, int, bool]], known: bool) -> None:
    monkeypatch.setattr(update, "WHOLE_INDEX_SHARE", 0)  # never the whole index again
    content = tmp_path / f"c{len(list(tmp_path.iterdir()))}"
    shutil.copytree(CONTENT, content)
    graph = graph_of(content)
    state: SearchState | None = update_index(graph, "ko", None, **SMALL_SHARDS)
    for op, n, word, month, event in ops:
        path = content / "articles" / f"2023-test-{n}.md"
        if op == "add" or (op in ("title", "body") and not path.exists()):
            path.write_text(briefing_text(n, f"{word} 소식 {n}", f"{word} 본문 [[kt]].",
                                          month, event), encoding="utf-8")
        elif op == "remove":
            path.unlink(missing_ok=True)
        elif op == "title":
            text = path.read_text(encoding="utf-8")
            path.write_text(text.replace("title: ", f"title: {word} ", 1), encoding="utf-8")
        elif op == "body":
            path.write_text(path.read_text(encoding="utf-8") + f"{word} 추가.\n",
                            encoding="utf-8")
        else:  # an entity's text: events and briefings naming it keep their text
            node = content / "entities" / "nvidia.md"
            node.write_text(node.read_text(encoding="utf-8") + f"\n{word}.\n", encoding="utf-8")
        new = graph_of(content)
        changed = changed_reads(graph, new) if known else None
        if state is not None and op == "add":  # across processes: through the packed file
            state = from_plain(unpack(pack("s", "1", state.to_plain()), "s", "1")[0])
        state = update_index(new, "ko", state, changed, **SMALL_SHARDS)
        assert state.caches.files == build_search_index(new, "ko", **SMALL_SHARDS), ops
        graph = new


def test_a_state_of_another_shape_is_not_used() -> None:
    assert from_plain({"postings": {}, "groups": []}) is None
    assert from_plain([1, 2, 3]) is None
    assert from_plain({"language": "ko", "groups": [], "shard_bytes": [1, 2], "term_chars": 0,
                       "record_bytes": 0, "postings": {"a": "B"},
                       "docs": [["article", "x", "not an id", b"", [], [], "[]"]]}) is None


@pytest.mark.parametrize("terms", [[[1]], [["1", "a"]], ["ab"], [[1, "a", 2]], [[True, "a"]],
                                   [[1, 2]], 5])
def test_a_document_whose_terms_are_not_weight_and_text_is_not_used(terms: object) -> None:
    row = ["article", "x", 7, b"d", [["briefings", "x"]], terms, "[]"]
    assert from_plain({"language": "ko", "groups": [], "shard_bytes": [1, 2],
                       "term_chars": 0, "record_bytes": 0, "postings": {},
                       "read_digests": [], "docs": [row]}) is None
    row[5] = [[1, "a b"]]
    state = from_plain({"language": "ko", "groups": [], "shard_bytes": [1, 2],
                        "term_chars": 0, "record_bytes": 0, "postings": {},
                        "read_digests": [], "docs": [row]})
    assert state is not None and state.docs["article", "x"].terms == ((1, "a b"),)


def test_the_saved_state_reads_back_as_it_was(content: Path) -> None:
    state = build_search_index_state(graph_of(content))
    plain = state.to_plain()
    again = from_plain(unpack(pack("s", "1", plain), "s", "1")[0])
    assert again is not None and again.docs == state.docs and again.postings == state.postings
    assert again.read_digests == state.read_digests


def build_search_index_state(graph: Graph) -> SearchState:
    return index_site(graph, "ko", **SMALL_SHARDS)


def _through_files(head: dict[str, object], parts: dict[int, object]) -> tuple[object, dict]:
    """The head and parts as another process reads them back from their files."""
    back = {n: unpack(pack("p", "1", part), "p", "1")[0] for n, part in parts.items()}
    return unpack(pack("s", "1", head), "s", "1")[0], back


def test_the_state_kept_in_parts_reads_back_and_an_edit_rewrites_only_its_parts(
        content: Path) -> None:
    graph = graph_of(content)
    state = build_search_index_state(graph)
    head, parts = split_plain(state)
    assert set(parts) == set(range(PARTS))  # a new state: every part is written
    kept = dict(parts)
    loaded_head, loaded = _through_files(head, kept)
    again = join_plain(loaded_head, loaded)
    assert again is not None and again.docs == state.docs and again.postings == state.postings
    assert again.read_digests == state.read_digests
    assert again.caches.id_keys == state.caches.id_keys  # ids not made again from the graph
    assert split_plain(again)[1] == {}  # loaded and unchanged: no part to write

    article = next((content / "articles").rglob("*.md"))
    article.write_text(article.read_text(encoding="utf-8") + "위성 로밍 추가.\n",
                       encoding="utf-8")
    new = graph_of(content)
    updated = update_index(new, "ko", again, changed_reads(graph, new), **SMALL_SHARDS)
    head, parts = split_plain(updated)
    assert 0 < len(parts) < PARTS // 2, sorted(parts)
    kept.update(parts)
    final = join_plain(*_through_files(head, kept))
    assert final is not None
    assert refresh(final) == build_search_index(new, "ko", **SMALL_SHARDS)


def test_parts_of_another_save_are_not_taken_for_the_state(content: Path) -> None:
    state = build_search_index_state(graph_of(content))
    head, parts = split_plain(state)
    older = dict(parts)
    state.caches.dirty = None  # as if everything changed: every part saved again
    newer_head, newer = split_plain(state)
    assert join_plain(newer_head, newer) is not None
    assert join_plain(head, newer) is None  # a head whose parts' save failed
    assert join_plain(newer_head, {**newer, 3: older[3]}) is None  # a part's save failed
    assert join_plain(newer_head, {n: p for n, p in newer.items() if n != 5}) is None
    assert join_plain({**newer_head, "generations": "x"}, newer) is None
