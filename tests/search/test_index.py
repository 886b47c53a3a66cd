"""The index files: layout, determinism, the posting encoding and the plain text."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from search_support import SMALL_SHARDS, ServedSite

from briefing.link.graph import Graph
from briefing.search import build_search_index, index
from briefing.search.documents import collect_docs, doc_keys, make_docs
from briefing.search.ids import TYPE_BITS
from briefing.search.index import TERM_SHARD_BYTES, _index_docs, _merge, doc_ids, name_groups
from briefing.search.plaintext import display_text, index_text, resolve_links, shorten
from briefing.search.postings import Codes, Values, decode_entries, encode
from briefing.search.query import decode, name_alternatives
from briefing.search.shards import shard_count

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def test_the_index_lives_under_search_with_meta_terms_and_documents(
        index_files: dict[str, bytes]) -> None:
    assert all(path.startswith("search/") for path in index_files)
    meta = json.loads(index_files["search/meta.json"])
    assert meta["format"] == 2
    assert meta["language"] == "ko"
    assert meta["termShards"] == sum(p.startswith("search/t/") for p in index_files)
    assert meta["docShards"] == sum(p.startswith("search/d/") for p in index_files)
    assert meta["types"] == {kind: [n << TYPE_BITS, (n + 1) << TYPE_BITS] for n, kind in
                             enumerate(("carrier", "entity", "article", "event"))}
    assert meta["termShards"] >= 8 and meta["docShards"] >= 4  # small shards in the tests
    assert meta["docs"] == 14
    assert ["SK텔레콤", "SK Telecom", "SKT", "에스케이텔레콤"] in meta["groups"]
    records = {int(doc): record for n in range(meta["docShards"])
               for doc, record in json.loads(index_files[f"search/d/{n}.json"]).items()}
    assert all(doc % meta["docShards"] == n for n in range(meta["docShards"])
               for doc in map(int, json.loads(index_files[f"search/d/{n}.json"])))
    assert len(records) == meta["docs"]
    by_id = [records[doc][3] for doc in sorted(records)]
    assert sorted(by_id[:3]) == ["carriers/kt/", "carriers/lguplus/", "carriers/skt/"]
    articles = [path for path in by_id if path.startswith("articles/")]
    assert articles[0] == "articles/2024-08-carriers-ai-roundup/"  # newest first


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
    assert english["search/meta.json"] != index_files["search/meta.json"]  # names
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
    assert shard_count(0, TERM_SHARD_BYTES) == 1
    assert shard_count(TERM_SHARD_BYTES, TERM_SHARD_BYTES) == 1
    assert shard_count(TERM_SHARD_BYTES + 1, TERM_SHARD_BYTES) == 2
    assert shard_count(1000 * TERM_SHARD_BYTES, TERM_SHARD_BYTES) == 1024


@given(st.lists(st.tuples(st.integers(0, 1 << 42), st.integers(0, 31)), max_size=300))
def test_postings_round_trip_through_the_text_encoding(pairs: list[tuple[int, int]]) -> None:
    postings = dict(sorted(dict(pairs).items()))
    entries = [doc << 5 | weight for doc, weight in postings.items()]
    text = encode(entries, Codes())
    assert decode(text) == postings
    assert decode_entries(text, Values()) == entries


def test_a_posting_for_the_next_document_costs_one_character() -> None:
    assert encode([0 << 5 | 1, 1 << 5 | 1, 2 << 5 | 9], Codes()) == "BBJ"


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


def test_the_version_is_a_hash_of_every_other_file(index_files: dict[str, bytes]) -> None:
    meta = json.loads(index_files["search/meta.json"])
    digest = hashlib.sha256()
    for path in sorted(index_files):
        if path != "search/meta.json":
            digest.update(path.encode() + b"\0" + hashlib.sha256(index_files[path]).digest())
    assert meta["version"] == digest.hexdigest()[:16]


def test_the_cli_writes_the_index_with_the_default_shard_sizes(
        search_graph: Graph, served_search_site: ServedSite) -> None:
    assert served_search_site.cli_index == build_search_index(search_graph, "ko")


def test_indexing_in_parts_gives_the_same_index(search_graph: Graph) -> None:
    ids = doc_ids(search_graph, doc_keys(search_graph), {})[0]
    keys = sorted(ids, key=ids.__getitem__)
    numbers = [ids[key] for key in keys]
    names = [name_alternatives(group) for group in name_groups(search_graph, "ko")]
    docs = make_docs(search_graph, "ko", keys)
    whole = _index_docs("ko", names, numbers, docs)
    parts = [_index_docs("ko", names, numbers[:4], docs[:4]),
             _index_docs("ko", names, numbers[4:9], docs[4:9]),
             _index_docs("ko", names, numbers[9:], docs[9:])]
    assert _merge(parts) == _merge([whole])
    def comparable(docs: list[Any]) -> list[Any]:  # a weight's terms in any order
        return [(i, digest, {w: set(t.split()) for w, t in terms}, record)
                for i, digest, terms, record in docs]

    assert comparable([d for part in parts for d in part.docs]) == comparable(whole.docs)


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


def test_a_helper_lost_while_its_documents_are_sent_leaves_the_same_state(
        search_graph: Graph, monkeypatch: pytest.MonkeyPatch) -> None:
    """Documents go to a helper as they are made, with what each read: a helper lost part
    way must not leave this process with some documents' reads and not the others'."""
    serial = index.index_site(search_graph, "ko", term_shard_bytes=300)

    def cut_short(self: index.Spawned, func: object, *args: object,
                  stream: Any = None) -> None:
        next(stream)  # one document made (its reads taken), then the pipe breaks
        self.close()
        raise index.SpawnError("cannot send to the helper: broken pipe")

    monkeypatch.setattr(index, "PARALLEL_DOCS", 1)
    monkeypatch.setattr(index.Spawned, "send", cut_short)
    parallel = index.index_site(search_graph, "ko", jobs=2, term_shard_bytes=300)
    assert parallel.caches.files == serial.caches.files
    assert {key: entry.reads for key, entry in parallel.docs.items()} == \
        {key: entry.reads for key, entry in serial.docs.items()}
