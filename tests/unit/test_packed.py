"""State files in .briefing/: plain data behind a checked header, never pickle."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from briefing.workdir.packed import MAGIC, load_decoded, load_packed, pack, save_packed


def test_a_saved_value_reads_back_with_the_same_kind_and_version(tmp_path: Path) -> None:
    value = {"files": {"a.md": [1, "x", b"\x00\xff", None, True, 2.5]}, 7: ["int key"]}
    save_packed(tmp_path / "state", "checked", "v1", value)
    assert load_packed(tmp_path / "state", "checked", "v1") == value


@pytest.mark.parametrize(("kind", "version"), [("pages", "v1"), ("checked", "v2")])
def test_another_kind_or_version_is_ignored_with_one_notice(
        tmp_path: Path, kind: str, version: str) -> None:
    save_packed(tmp_path / "state", "checked", "v1", [1, 2, 3])
    notices: list[str] = []
    assert load_packed(tmp_path / "state", kind, version, notices.append) is None
    assert len(notices) == 1
    assert "another version" in notices[0] and str(tmp_path / "state") in notices[0]


def test_a_missing_file_is_silent(tmp_path: Path) -> None:
    notices: list[str] = []
    assert load_packed(tmp_path / "none", "checked", "v1", notices.append) is None
    assert notices == []


class _Boom:
    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (print, ("executed",))


def test_a_pickle_is_never_unpickled(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                     ) -> None:
    (tmp_path / "state").write_bytes(pickle.dumps(_Boom()))
    notices: list[str] = []
    assert load_packed(tmp_path / "state", "checked", "v1", notices.append) is None
    assert "executed" not in capsys.readouterr().out
    assert notices and "not a briefing state file" in notices[0]


@pytest.mark.parametrize("cut", [len(MAGIC) + 3, -1, -5])
def test_a_truncated_or_corrupted_file_is_ignored(tmp_path: Path, cut: int) -> None:
    data = pack("checked", "v1", {"key": list(range(100)), "text": "가" * 50})
    (tmp_path / "state").write_bytes(data[:cut])
    notices: list[str] = []
    assert load_packed(tmp_path / "state", "checked", "v1", notices.append) is None
    assert len(notices) == 1


def test_a_value_that_is_not_plain_data_is_refused_and_nothing_is_left(tmp_path: Path
                                                                        ) -> None:
    with pytest.raises(TypeError, match="can't keep"):
        save_packed(tmp_path / "state", "checked", "v1", {"x": object()})
    assert list(tmp_path.iterdir()) == []
    save_packed(tmp_path / "state", "checked", "v1", {"x": 1})
    with pytest.raises(TypeError, match="can't keep"):  # found part way through the write
        save_packed(tmp_path / "state", "checked", "v1", {"a": [1, 2], "x": [3, object()]})
    assert [p.name for p in tmp_path.iterdir()] == ["state"]
    assert load_packed(tmp_path / "state", "checked", "v1") == {"x": 1}


def test_a_state_is_written_in_pieces_with_the_bytes_of_one_encoding(tmp_path: Path) -> None:
    value = {"docs": {"a": [1, (2, "가")], "b": {"c": b"\x00"}}, "terms": ["x", ["y", {}]],
             "n": 2**40, "empty": {}}
    save_packed(tmp_path / "state", "search", "v1", value)
    assert (tmp_path / "state").read_bytes() == pack("search", "v1", value)


def test_a_value_of_another_shape_is_ignored_with_one_notice(tmp_path: Path) -> None:
    # Right kind and version, wrong shape (a state written by a bug, or edited by hand):
    # every state reader goes through load_decoded, so none of them trusts it.
    save_packed(tmp_path / "state", "pages", "v1", {"reads": "not a list"})

    def decode(value: dict[str, list[int]]) -> list[int]:
        return [int(x) for x in value["reads"]]

    notices: list[str] = []
    assert load_decoded(tmp_path / "state", "pages", "v1", decode, notices.append) is None
    assert notices == [f"{tmp_path / 'state'}: ignored, not in the expected shape; "
                       "building without it"]
    save_packed(tmp_path / "state", "pages", "v1", {"reads": [3, 4]})
    assert load_decoded(tmp_path / "state", "pages", "v1", decode, notices.append) == [3, 4]
    assert len(notices) == 1
