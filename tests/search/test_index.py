"""The index files: layout, determinism, the posting encoding and the plain text."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from search_support import SMALL_SHARDS, ServedSite

from briefing.link.graph import Graph
from briefing.search import build_search_index, index
from briefing.search.documents import collect_docs, doc_keys, make_docs
from briefing.search.index import (
    TERM_SHARD_BYTES,
    _Codes,
    _encode,
    _index_docs,
    _merge,
    _name_groups,
    _shard_count,
)
from briefing.search.plaintext import display_text, index_text, resolve_links, shorten
from briefing.search.query import decode, name_alternatives

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def test_the_index_lives_under_search_with_meta_terms_and_documents(
        index_files: dict[str, bytes]) -> None:
    assert all(path.startswith("search/") for path in index_files)
    meta = json.loads(index_files["search/meta.json"])
    assert meta["format"] == 1
    assert meta["language"] == "ko"
    assert meta["termShards"] == sum(p.startswith("search/t/") for p in index_files)
    assert meta["docShards"] == sum(p.startswith("search/d/") for p in index_files)
    assert meta["types"] == {"carrier": [0, 3], "entity": [3, 6], "article": [6, 11],
                             "event": [11, 14]}
    assert meta["termShards"] >= 8 and meta["docShards"] >= 4  # small shards in the tests
    assert meta["docs"] == 14
    assert ["SK텔레콤", "SK Telecom", "SKT", "에스케이텔레콤"] in meta["groups"]
    records = [r for n in range(meta["docShards"])
               for r in json.loads(index_files[f"search/d/{n}.json"])]
    assert len(records) == meta["docs"]
    assert [r[3] for r in records[:3]] == ["carriers/kt/", "carriers/lguplus/", "carriers/skt/"]
    assert records[6][3] == "articles/2024-08-carriers-ai-roundup/"  # newest first


def test_json_is_compact_and_sorted(index_files: dict[str, bytes]) -> None:
    for path, data in index_files.items():
        text = data.decode("utf-8")
        value = json.loads(text)
        assert text.rstrip("\n") == json.dumps(value, ensure_ascii=False, sort_keys=True,
                                               separators=(",", ":")), path


def test_the_index_is_a_pure_function_of_the_graph(search_graph: Graph,
                                                    index_files: dict[str, bytes]) -> None:
    assert build_search_index(search_graph, "ko", **SMALL_SHARDS) == index_files
    english = build_search_index(search_graph, "en")
    assert english["search/d/0.json"] != index_files["search/d/0.json"]  # dates, names
    assert json.loads(english["search/meta.json"])["groups"][2][0] == "SK Telecom"


def test_the_index_does_not_depend_on_the_hash_seed() -> None:
    script = ("import hashlib,sys;from tests.search.search_support import CONTENT;"
              "from briefing.build import read_content;"
              "from briefing.link.link import link_site;"
              "from briefing.search import build_search_index;"
              "g,_=link_site(read_content(CONTENT)[0]);"
              "f=build_search_index(g,'ko');h=hashlib.sha256();"
              "[h.update(k.encode()+f[k]) for k in sorted(f)];print(h.hexdigest())")
    digests = {subprocess.run([sys.executable, "-c", script], cwd=PROJECT_ROOT,
                              env={"PYTHONHASHSEED": seed, "PATH": "/usr/bin:/bin"},
                              capture_output=True, text=True, check=True).stdout
               for seed in ("1", "2", "3")}
    assert len(digests) == 1


def test_term_shards_scale_with_the_index() -> None:
    assert _shard_count(0) == 1
    assert _shard_count(TERM_SHARD_BYTES) == 1
    assert _shard_count(TERM_SHARD_BYTES + 1) == 2
    assert _shard_count(1000 * TERM_SHARD_BYTES) == 1024


@given(st.lists(st.tuples(st.integers(0, 40_000), st.integers(0, 31)), max_size=300))
def test_postings_round_trip_through_the_text_encoding(pairs: list[tuple[int, int]]) -> None:
    postings = dict(sorted(dict(pairs).items()))
    entries = [doc << 5 | weight for doc, weight in postings.items()]
    assert decode(_encode(entries, _Codes())) == postings


def test_a_posting_for_the_next_document_costs_one_character() -> None:
    assert _encode([0 << 5 | 1, 1 << 5 | 1, 2 << 5 | 9], _Codes()) == "BBJ"


def names(kind: str, target: str) -> str:
    return {"skt": "SK텔레콤", "x": "Event X"}.get(target, target)


def test_plain_text_keeps_labels_and_names_and_drops_syntax() -> None:
    body = ("## 배경\n\n[[skt]]와 [[microsoft|MS]]는 **협력**한다. [공시](https://x.example/a)\n\n"
            "- 항목 [[event:x]]\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n\n`[[code]]` 그대로")
    assert display_text(resolve_links(body, names)) == (
        "배경 SK텔레콤와 MS는 협력한다. 공시 항목 Event X a b 1 2 [[code]] 그대로")
    words = index_text(body.replace("`[[code]]` ", ""), names)
    assert "SK텔레콤" in words and "MS" in words and "Event X" in words
    assert "https" not in words and "microsoft" not in words


def test_snippets_are_cut_at_a_space() -> None:
    text = "가나다 " * 100
    cut = shorten(text, 50)
    assert cut.endswith("…") and len(cut) <= 51 and not cut[:-1].endswith(" ")


def test_documents_cover_every_page_kind(search_graph: Graph) -> None:
    docs = collect_docs(search_graph, "ko")
    assert [d.type for d in docs].count("event") == len(search_graph.events)
    event = next(d for d in docs if d.path == "events/kt-cloud-extension/")
    assert "마이크로소프트" in event.text and "Microsoft" in event.text and "2억달러" in event.text
    assert event.carriers == ("kt",) and event.sub == "partnership"
    entity = next(d for d in docs if d.path == "entities/aimwell/")
    assert entity.carriers == ("lguplus",)


def test_digest_of_the_test_index_is_stable(index_files: dict[str, bytes]) -> None:
    meta = json.loads(index_files["search/meta.json"])
    digest = hashlib.sha256()
    for path in sorted(index_files):
        if path != "search/meta.json":
            digest.update(path.encode() + b"\0" + index_files[path] + b"\0")
    assert meta["version"] == digest.hexdigest()[:16]


def test_the_cli_writes_the_index_with_the_default_shard_sizes(
        search_graph: Graph, served_search_site: ServedSite) -> None:
    assert served_search_site.cli_index == build_search_index(search_graph, "ko")


def test_indexing_in_parts_gives_the_same_index(search_graph: Graph) -> None:
    keys = doc_keys(search_graph)
    names = [name_alternatives(group) for group in _name_groups(search_graph, "ko")]
    docs = make_docs(search_graph, "ko", keys)
    whole = _index_docs("ko", names, 0, docs)
    parts = [_index_docs("ko", names, 0, docs[:4]), _index_docs("ko", names, 4, docs[4:9]),
             _index_docs("ko", names, 9, docs[9:])]
    assert _merge(parts) == _merge([whole])
    assert [r for part in parts for r in part.records] == whole.records


@pytest.mark.parametrize("jobs", [2, 3])
def test_the_index_is_the_same_with_helper_processes(
        search_graph: Graph, monkeypatch: pytest.MonkeyPatch, jobs: int) -> None:
    serial = build_search_index(search_graph, "ko", term_shard_bytes=300)
    answered: list[object] = []
    real_result = index.Spawned.result

    def result(self: index.Spawned) -> object:
        answered.append(value := real_result(self))
        return value

    monkeypatch.setattr(index, "PARALLEL_DOCS", 1)
    monkeypatch.setattr(index.Spawned, "result", result)
    assert build_search_index(search_graph, "ko", jobs=jobs, term_shard_bytes=300) == serial
    assert len(answered) == jobs - 1  # the helpers did their part


def test_without_helpers_the_build_indexes_everything_itself(
        search_graph: Graph, monkeypatch: pytest.MonkeyPatch) -> None:
    serial = build_search_index(search_graph, "ko", term_shard_bytes=300)
    monkeypatch.setattr(index, "PARALLEL_DOCS", 1)
    monkeypatch.setattr(sys, "executable", "/nonexistent/python")  # no helper can start
    assert build_search_index(search_graph, "ko", jobs=2, term_shard_bytes=300) == serial
