"""The targets page's filters (carrier, status, due year) work like the timeline's and live
in the URL; a week page prints as a clean report of one or two pages."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qs, urlsplit

from browser_support import ServedSite, displays, requires_browser

pytestmark = requires_browser

SHOWN = """() => [...document.querySelectorAll('#timeline .target')]
    .filter(e => e.offsetParent !== null)
    .map(e => ({status: e.dataset.status, carriers: e.dataset.carriers.split(' '),
                due: e.dataset.due}))"""


def test_target_filters_combine_and_keep_the_view_in_the_url(shipped_site: ServedSite,
                                                             visit: Any) -> None:
    page = visit(shipped_site, "targets").page
    assert page.locator("#filters").is_visible()
    total = page.locator("#timeline .target").count()
    assert len(page.evaluate(SHOWN)) == total >= 7
    page.select_option("#filters select[name=carrier]", "kt")
    by_carrier = page.evaluate(SHOWN)
    assert 0 < len(by_carrier) < total and all("kt" in t["carriers"] for t in by_carrier)
    page.select_option("#filters select[name=due]", "2025")
    both = page.evaluate(SHOWN)
    assert both and all(t["due"] == "2025" and "kt" in t["carriers"] for t in both)
    assert parse_qs(urlsplit(page.url).query) == {"carrier": ["kt"], "due": ["2025"]}
    hidden_sections = page.evaluate("""() => [...document.querySelectorAll('#timeline .period')]
        .filter(s => s.offsetParent !== null && !s.querySelector('.target:not([hidden])'))
        .length""")
    assert hidden_sections == 0


def test_a_shared_targets_url_opens_filtered(shipped_site: ServedSite, visit: Any) -> None:
    page = visit(shipped_site, "targets/?status=due").page
    shown = page.evaluate(SHOWN)
    assert shown and all(t["status"] == "due" for t in shown)
    assert page.locator("#filters select[name=status]").input_value() == "due"


def test_a_week_page_prints_as_a_one_or_two_page_report(shipped_site: ServedSite,
                                                        visit: Any) -> None:
    page = visit(shipped_site, "week").page
    page.emulate_media(media="print")
    try:
        hidden = displays(page, [".site-header nav", ".week-nav", ".site-footer",
                                 ".screen-only"])
        assert hidden == ["none"] * 4
    finally:
        page.emulate_media(media="screen")
    pdf = page.pdf(format="A4")
    pages = [int(n) for n in re.findall(rb"/Count (\d+)", pdf)]
    assert pages and 1 <= max(pages) <= 2
