"""Strict YAML: dates and numbers stay text, no aliases, no duplicates, positions kept."""

from __future__ import annotations

import pytest
import yaml

from briefing.load.yamlstrict import MAX_DEPTH, YamlProblem, parse_yaml


def test_dates_and_numbers_stay_text() -> None:
    doc = parse_yaml("published: 2024-02-30\nyear: 2024\nrate: 1364.5\nfx: {2024: 1364}\n")
    assert doc.value == {"published": "2024-02-30", "year": "2024", "rate": "1364.5",
                         "fx": {"2024": "1364"}}


@pytest.mark.parametrize("text", ["no", "No", "off", "on", "yes", "y", "n", "NO"])
def test_yaml_11_booleans_are_text(text: str) -> None:
    assert parse_yaml(f"draft: {text}\n").value == {"draft": text}


@pytest.mark.parametrize(("text", "value"), [("true", True), ("false", False),
                                             ("True", True), ("FALSE", False)])
def test_only_true_and_false_are_booleans(text: str, value: bool) -> None:
    assert parse_yaml(f"draft: {text}\n").value == {"draft": value}


def test_quoted_true_stays_text() -> None:
    assert parse_yaml('a: "true"\nb: \'false\'\n').value == {"a": "true", "b": "false"}


@pytest.mark.parametrize("text", ["", "~", "null", "Null", "NULL"])
def test_nulls_are_none(text: str) -> None:
    assert parse_yaml(f"until: {text}\n").value == {"until": None}


def test_block_scalars_keep_their_text() -> None:
    doc = parse_yaml("source_text: |\n  첫 줄\n  둘째 줄\n")
    assert doc.value == {"source_text": "첫 줄\n둘째 줄\n"}


def test_empty_text_is_none() -> None:
    assert parse_yaml("").value is None
    assert parse_yaml("# only a comment\n").value is None


def test_keeps_the_position_of_every_key_and_list_item() -> None:
    doc = parse_yaml("title: x\nevents:\n  - id: a\n    date: 2024\n  - id: b\n")
    assert doc.positions[("title",)] == (0, 0)
    assert doc.positions[("events",)] == (1, 0)
    assert doc.positions[("events", 0)] == (2, 4)
    assert doc.positions[("events", 0, "date")] == (3, 4)
    assert doc.positions[("events", 1, "id")] == (4, 4)


def test_position_falls_back_to_the_deepest_known_prefix() -> None:
    doc = parse_yaml("events:\n  - id: a\n")
    assert doc.position(("events", 0, "missing", 3)) == (1, 4)
    assert doc.position(("nothing",)) == (0, 0)


def test_flow_list_items_have_their_own_columns() -> None:
    doc = parse_yaml("entities: [nvidia, singtell]\n")
    assert doc.positions[("entities", 1)] == (0, 19)


def test_refuses_a_duplicate_key_naming_the_first() -> None:
    with pytest.raises(YamlProblem) as caught:
        parse_yaml("title: a\nsummary: b\ntitle: c\n")
    problem = caught.value
    assert (problem.line, problem.col, problem.code) == (2, 0, "duplicate-key")
    assert problem.related_line == 0
    assert problem.message == "duplicate key 'title' (first given at line {related})"


def test_refuses_a_duplicate_key_in_a_nested_mapping() -> None:
    with pytest.raises(YamlProblem) as caught:
        parse_yaml("events:\n  - id: a\n    id: b\n")
    assert (caught.value.line, caught.value.code) == (2, "duplicate-key")


def test_the_same_key_in_two_list_items_is_fine() -> None:
    assert parse_yaml("e:\n  - id: a\n  - id: b\n").value == {"e": [{"id": "a"}, {"id": "b"}]}


def test_refuses_anchors() -> None:
    with pytest.raises(YamlProblem) as caught:
        parse_yaml("a: &x [1]\n")
    assert caught.value.code == "yaml-alias"
    assert "&x" in caught.value.message


def test_refuses_aliases_so_there_are_no_alias_bombs() -> None:
    with pytest.raises(YamlProblem) as caught:
        parse_yaml("a: *x\n")
    assert (caught.value.line, caught.value.col, caught.value.code) == (0, 3, "yaml-alias")
    assert "*x" in caught.value.message


def test_refuses_tags() -> None:
    with pytest.raises(YamlProblem) as caught:
        parse_yaml("a: !!python/object:os.system x\n")
    assert (caught.value.line, caught.value.col, caught.value.code, caught.value.message) == (
        0, 3, "yaml-tag", "YAML tags (tag:yaml.org,2002:python/object:os.system) are not allowed")


def test_refuses_more_than_one_document() -> None:
    with pytest.raises(YamlProblem) as caught:
        parse_yaml("a: 1\n---\nb: 2\n")
    assert caught.value.code == "yaml-syntax"


def test_a_syntax_error_has_its_position() -> None:
    with pytest.raises(YamlProblem) as caught:
        parse_yaml("title: x\nsummary: [a, b\nnext: c\n")
    assert caught.value.code == "yaml-syntax"
    assert caught.value.line >= 1


def test_a_tab_indentation_error_says_to_use_spaces() -> None:
    with pytest.raises(YamlProblem) as caught:
        parse_yaml("source:\n\tpublisher: x\n")
    assert (caught.value.line, caught.value.col) == (1, 0)
    assert "tabs are not allowed for indentation; use spaces" in caught.value.message


def test_complex_keys_are_refused() -> None:
    with pytest.raises(YamlProblem) as caught:
        parse_yaml("? [a, b]\n: c\n")
    assert (caught.value.line, caught.value.col, caught.value.code, caught.value.message) == (
        0, 2, "yaml-key", "keys must be plain text")


def test_control_characters_made_by_escapes_are_refused() -> None:
    with pytest.raises(YamlProblem) as caught:
        parse_yaml('title: "a\\u0001b"\n')
    assert (caught.value.line, caught.value.code) == (0, "control-character")
    assert "U+0001" in caught.value.message


LOADERS = [yaml.SafeLoader] + ([yaml.CSafeLoader] if hasattr(yaml, "CSafeLoader") else [])
DEEP = [
    # Below libyaml's own limit (1,000 in newer versions) and above it, where its scanner
    # stops before our count reaches MAX_DEPTH; flow and block nesting.
    "a: " + "[" * 60 + "]" * 60 + "\n",
    "a: " + "[" * 5000 + "]" * 5000 + "\n",
    "a: " + "{b: " * 1200 + "1" + "}" * 1200 + "\n",
    "a:\n" + "".join("  " * depth + f"k{depth}:\n" for depth in range(1, 80)) + "  " * 80 + "x\n",
    "- " * 3000 + "x\n",
]


@pytest.mark.parametrize("loader", LOADERS, ids=lambda loader: loader.__name__)
@pytest.mark.parametrize("text", DEEP, ids=["flow-60", "flow-5000", "mapping-1200", "block-80",
                                            "dashes-3000"])
def test_deep_nesting_is_refused_with_one_message_by_every_loader(
        loader: type[yaml.SafeLoader], text: str) -> None:
    with pytest.raises(YamlProblem) as caught:
        parse_yaml(text, loader)
    assert caught.value.code == "yaml-depth"
    assert caught.value.message == (f"YAML is nested more than {MAX_DEPTH} levels deep; front "
                                    "matter needs only a few")


@pytest.mark.parametrize("loader", LOADERS, ids=lambda loader: loader.__name__)
def test_nesting_at_the_limit_is_read(loader: type[yaml.SafeLoader]) -> None:
    doc = parse_yaml("[" * MAX_DEPTH + "]" * MAX_DEPTH + "\n", loader)
    depth, value = 0, doc.value
    while value:
        depth, value = depth + 1, value[0]
    assert depth == MAX_DEPTH - 1


@pytest.mark.parametrize("loader", LOADERS, ids=lambda loader: loader.__name__)
def test_a_syntax_error_is_not_taken_for_deep_nesting(loader: type[yaml.SafeLoader]) -> None:
    with pytest.raises(YamlProblem) as caught:
        parse_yaml("a: [1, 2\nb: 3\n", loader)
    assert caught.value.code == "yaml-syntax"
