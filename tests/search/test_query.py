"""The reference query (briefing/search/query.py) over the test site's index.

search.js mirrors it; tests/search/test_search_browser.py checks the two agree.
"""

from __future__ import annotations

import pytest

from briefing.search import search
from briefing.search.query import decode, parse_query


def paths(index: dict[str, bytes], query: str, carrier: str = "", kind: str = "") -> list[str]:
    return [hit.path for hit in search(index, query, carrier, kind, limit=100).hits]


SKT_GPU = "articles/2024-03-skt-gpu-supply/"
KT_KO = "articles/2024-05-kt-cloud-korean/"
KT_EN = "articles/2024-06-kt-cloud-english/"
LGU_AIM = "articles/2024-07-lguplus-aimwell/"
ROUNDUP = "articles/2024-08-carriers-ai-roundup/"


def test_a_query_matches_inside_a_korean_word(index_files: dict[str, bytes]) -> None:
    found = paths(index_files, "텔레콤")
    assert found[0] == "carriers/skt/"
    assert SKT_GPU in found


def test_a_query_matches_a_word_with_a_particle_attached(index_files: dict[str, bytes]
                                                          ) -> None:
    # the briefing says 엔비디아로부터; the entity page comes first (its name)
    found = paths(index_files, "엔비디아")
    assert found[0] == "entities/nvidia/"
    assert SKT_GPU in found


def test_a_particle_on_the_query_is_ignored(index_files: dict[str, bytes]) -> None:
    assert paths(index_files, "SK텔레콤은") == paths(index_files, "SK텔레콤")
    assert paths(index_files, "SK텔레콤은")[0] == "carriers/skt/"
    assert "entities/microsoft/" in paths(index_files, "MS와")


def test_two_syllable_queries_work(index_files: dict[str, bytes]) -> None:
    assert SKT_GPU in paths(index_files, "증설")
    assert KT_KO in paths(index_files, "연장")


def test_an_alias_finds_every_name_of_its_entity(index_files: dict[str, bytes]) -> None:
    found = paths(index_files, "MS")
    assert found[0] == "entities/microsoft/"
    assert KT_KO in found  # says only 마이크로소프트
    assert KT_EN in found  # says only Microsoft
    assert ROUNDUP in found  # says MS


def test_a_carrier_alias_finds_its_korean_name(index_files: dict[str, bytes]) -> None:
    found = paths(index_files, "SKT")
    assert found[0] == "carriers/skt/"
    assert SKT_GPU in found  # never says SKT


def test_a_name_finds_the_aliases_and_other_names(index_files: dict[str, bytes]) -> None:
    assert paths(index_files, "마이크로소프트") == paths(index_files, "Microsoft")
    assert paths(index_files, "LG U+") == paths(index_files, "LG유플러스")


def test_latin_text_is_case_insensitive_and_prefixes_match(index_files: dict[str, bytes]
                                                            ) -> None:
    assert paths(index_files, "microsoft") == paths(index_files, "MICROSOFT")
    assert KT_EN in paths(index_files, "publ")  # public-sector
    assert "entities/microsoft/" in paths(index_files, "micro")


def test_short_latin_words_match_whole_words_only(index_files: dict[str, bytes]) -> None:
    found = paths(index_files, "AI")
    assert ROUNDUP in found
    assert LGU_AIM not in found  # says "aim" and "Aimwell", never AI


def test_every_query_word_must_match(index_files: dict[str, bytes]) -> None:
    assert paths(index_files, "KT 클라우드")
    assert KT_KO in paths(index_files, "KT 클라우드")
    assert SKT_GPU not in paths(index_files, "KT 클라우드")
    assert paths(index_files, "엔비디아 클라우드 계약 연장 없음") == []


def test_wikilinks_count_as_their_labels_and_names(index_files: dict[str, bytes]) -> None:
    # the roundup links [[aimwell]] and [[event:...]] without labels; [[microsoft|MS]]
    assert ROUNDUP in paths(index_files, "에임웰")
    assert KT_EN in paths(index_files, "contract extension")
    assert paths(index_files, "not-a-link") == [SKT_GPU]  # code keeps its text
    assert paths(index_files, "example") == []  # link targets are not text


def test_a_single_syllable_finds_titles_and_words_on_their_own(index_files: dict[str, bytes]
                                                               ) -> None:
    assert "carriers/kt/" in paths(index_files, "케")  # 케이티, a name
    assert paths(index_files, "칩") == [SKT_GPU]  # in its title; the roundup's 칩을 is no match
    assert paths(index_files, "망") == []


def test_filters_by_carrier_and_kind(index_files: dict[str, bytes]) -> None:
    assert set(paths(index_files, "클라우드", carrier="kt")) == {
        "carriers/kt/", KT_KO, "events/kt-cloud-extension/", "entities/microsoft/"}
    assert paths(index_files, "클라우드", kind="article") == [KT_KO]
    assert paths(index_files, "엔비디아", kind="event:partnership") == ["events/skt-gpu-supply/"]
    assert paths(index_files, "엔비디아", kind="event:investment") == []
    assert paths(index_files, "Aimwell", kind="entity") == ["entities/aimwell/"]
    assert paths(index_files, "Aimwell", carrier="skt") == [ROUNDUP]  # names all three


def test_titles_and_names_rank_first(index_files: dict[str, bytes]) -> None:
    results = search(index_files, "클라우드", limit=3)
    scores = [hit.score for hit in results.hits]
    assert scores == sorted(scores, reverse=True)
    assert [hit.path for hit in results.hits[:2]] == [KT_KO, "events/kt-cloud-extension/"]


def test_results_carry_what_the_page_shows(index_files: dict[str, bytes]) -> None:
    hit = next(h for h in search(index_files, "증설", limit=10).hits if h.path == SKT_GPU)
    kind, sub, title, path, iso, shown, carriers, snippet = hit.record
    assert (kind, sub, path, iso, shown, carriers) == (
        "article", "", SKT_GPU, "2024-03-04", "2024년 3월 4일", ["skt"])
    assert title == "SK텔레콤, 칩 공급선 넓혀 데이터센터 증설"
    assert snippet.startswith("SK텔레콤이 엔비디아로부터 가속기를")
    assert "event:" not in snippet and "`" not in snippet  # links resolved, code unquoted
    assert "[[not-a-link]]" in snippet


def test_a_query_reads_only_the_shards_it_needs(index_files: dict[str, bytes]) -> None:
    results = search(index_files, "엔비디아", limit=1)
    assert results.files[0] == "search/meta.json"
    assert len(results.files) <= 1 + 3 + 1  # meta, three bigrams' shards, one document shard
    assert search(index_files, "   ").hits == []
    assert search(index_files, "!!").files == ["search/meta.json"]


@pytest.mark.parametrize("query", ["MS", "SK텔레콤은", "LG U+", "KT 클라우드"])
def test_parsed_queries_group_alternatives_in_units(index_files: dict[str, bytes],
                                                   query: str) -> None:
    from briefing.search.query import alias_map

    groups = __import__("json").loads(index_files["search/meta.json"])["groups"]
    parsed = parse_query(query, alias_map(groups), groups)
    assert all(unit and all(a.required for a in unit) for unit in parsed.units)
    assert parsed.needles == tuple(sorted(set(parsed.needles), key=lambda n: (-len(n), n)))


def test_decode_reads_one_character_per_next_document() -> None:
    assert decode("") == {}
    assert decode("BBB") == {0: 1, 1: 1, 2: 1}
    assert decode("LhB") == {0: 11, 2: 1}  # 'h' = 33: 1 plus a continuation, then B: (1<<5|1)
