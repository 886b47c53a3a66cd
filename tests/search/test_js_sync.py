"""search.js restates the tokeniser's constants: they must equal the Python ones."""

from __future__ import annotations

import json
import re
from pathlib import Path

from briefing.search.postings import DIGITS
from briefing.search.query import ALIAS_SPAN, NAME_TERM
from briefing.search.tokens import CJK, PARTICLES, PREFIX_MAX, PREFIX_MIN

SEARCH_JS = Path(__file__).resolve().parents[2] / "templates" / "static" / "search.js"


def js_value(name: str) -> str:
    match = re.search(rf"var {name} = (.+?);\n", SEARCH_JS.read_text(encoding="utf-8"), re.S)
    assert match, f"search.js has no var {name}"
    return match.group(1)


def test_search_js_shares_the_tokeniser_constants() -> None:
    assert json.loads(js_value("PARTICLES")) == list(PARTICLES)
    assert int(js_value("PREFIX_MIN")) == PREFIX_MIN
    assert int(js_value("PREFIX_MAX")) == PREFIX_MAX
    assert int(js_value("ALIAS_SPAN")) == ALIAS_SPAN
    assert json.loads(js_value("NAME_TERM")) == NAME_TERM
    assert json.loads(js_value("DIGITS")) == DIGITS
    assert json.loads(js_value("CJK")).encode().decode("unicode_escape") == CJK


def test_search_js_uses_no_inner_html_and_no_other_hosts() -> None:
    source = SEARCH_JS.read_text(encoding="utf-8")
    assert "innerHTML" not in source and "insertAdjacentHTML" not in source
    assert not re.search(r"https?://", source)
