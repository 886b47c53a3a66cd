"""workdir.plain: typed values to plain data and back, refusing any other shape."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from briefing.build import gather
from briefing.core.diagnostics import Diagnostic, Severity
from briefing.validate.fields import Checked
from briefing.validate.model import Article, Loc
from briefing.workdir.cache import code_version, load_cache, save_cache
from briefing.workdir.packed import pack
from briefing.workdir.plain import Malformed, from_plain, to_plain

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "site_ok" / "content"


def test_every_checked_file_of_a_site_comes_back_equal() -> None:
    checked = gather(FIXTURE, {}, jobs=1).checked
    assert any(isinstance(item.result, Article) for item in checked)
    for item in checked:
        assert from_plain(Checked, to_plain(item)) == item


def test_a_broken_file_with_problems_and_salvage_comes_back_equal() -> None:
    item = Checked("article", "x", "content/articles/x.md", None,
                   (Diagnostic("content/articles/x.md", 3, 1, Severity.ERROR, "yaml", "bad"),),
                   frozenset({"article:x", "event:y"}))
    assert from_plain(Checked, to_plain(item)) == item


@pytest.mark.parametrize(("kind", "data"), [
    (Loc, ["Ref", "a", 1, 2]),  # another class
    (Loc, ["Loc", "a", 1]),  # a field missing
    (Loc, ["Loc", "a", 1, 2, 3]),  # one too many
    (Loc, ["Loc", "a", "1", 2]),  # text where a number belongs
    (Loc, ["Loc", "a", True, 2]),  # a boolean is not a number here
    (Loc, {"path": "a"}),  # not a list at all
    (Decimal, "twelve"),
    (Decimal, 12),
    (Severity, "fatal"),
    (tuple[str, ...], "abc"),
    (dict[str, int], [["a"]]),
    (Checked, ["Checked", "article", "x", "p", ["Loc", "a", 1, 2], [], []]),  # a Loc result
])
def test_a_value_of_the_wrong_shape_is_refused(kind: Any, data: Any) -> None:
    with pytest.raises(Malformed):
        from_plain(kind, data)


def test_a_cache_shard_of_the_wrong_shape_is_ignored_with_one_notice(tmp_path: Path) -> None:
    checked = gather(FIXTURE, {}, jobs=1)
    save_cache(tmp_path, checked.fresh)
    assert load_cache(tmp_path) == checked.fresh
    shard = sorted((tmp_path / "checked").glob("*.state"))[0]
    shard.write_bytes(pack("checked-files", code_version(), [["key", ["Checked", 1]]]))
    notices: list[str] = []
    kept = load_cache(tmp_path, notices.append)
    assert len(notices) == 1 and shard.name in notices[0] and "expected shape" in notices[0]
    assert 0 < len(kept) < len(checked.fresh)  # the other shards are still used
