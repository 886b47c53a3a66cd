"""The timeline's filters (carrier, kind, entity) show the matching events, keep the view
in the URL, and a shared URL opens with its filters applied."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

from browser_support import ServedSite, requires_browser

pytestmark = requires_browser

SHOWN = """() => [...document.querySelectorAll('#timeline .event')]
    .filter(e => e.offsetParent !== null)
    .map(e => ({kind: e.dataset.kind, carriers: e.dataset.carriers.split(' '),
                entities: e.dataset.entities.split(' ')}))"""
EMPTY_PERIODS_SHOWN = """() => [...document.querySelectorAll('#timeline .period')]
    .filter(s => s.offsetParent !== null && !s.querySelector('.event:not([hidden])')).length"""


def _query(page: Any) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def test_filters_are_shown_only_with_javascript_and_start_with_everything(
        shipped_site: ServedSite, visit: Any) -> None:
    page = visit(shipped_site, "timeline").page
    assert page.locator("#filters").is_visible()
    total = page.locator("#timeline .event").count()
    assert len(page.evaluate(SHOWN)) == total > 10
    assert page.locator("#filters output").inner_text().strip().endswith(str(total))


def test_carrier_filter_shows_that_carriers_events_and_updates_the_url(
        shipped_site: ServedSite, visit: Any) -> None:
    page = visit(shipped_site, "timeline").page
    total = page.locator("#timeline .event").count()
    page.select_option("#filters select[name=carrier]", "kt")
    shown = page.evaluate(SHOWN)
    assert 0 < len(shown) < total
    assert all("kt" in e["carriers"] for e in shown)
    assert len(shown) == page.locator("#timeline .event[data-carriers~=kt]").count()
    assert _query(page) == {"carrier": ["kt"]}
    assert page.evaluate(EMPTY_PERIODS_SHOWN) == 0
    assert page.locator("#filters output").inner_text().strip().startswith(str(len(shown)))


def test_kind_and_entity_filters_combine_and_reset_restores_everything(
        shipped_site: ServedSite, visit: Any) -> None:
    page = visit(shipped_site, "timeline").page
    total = page.locator("#timeline .event").count()
    page.select_option("#filters select[name=kind]", "investment")
    by_kind = page.evaluate(SHOWN)
    assert 0 < len(by_kind) < total and all(e["kind"] == "investment" for e in by_kind)
    assert _query(page) == {"kind": ["investment"]}

    page.select_option("#filters select[name=kind]", "")
    page.select_option("#filters select[name=entity]", "microsoft")
    by_entity = page.evaluate(SHOWN)
    assert 0 < len(by_entity) < total and all("microsoft" in e["entities"] for e in by_entity)
    assert _query(page) == {"entity": ["microsoft"]}

    page.select_option("#filters select[name=carrier]", "kt")
    page.select_option("#filters select[name=kind]", "partnership")
    both = page.evaluate(SHOWN)
    assert both and all(e["kind"] == "partnership" and "kt" in e["carriers"]
                        and "microsoft" in e["entities"] for e in both)
    assert _query(page) == {"carrier": ["kt"], "kind": ["partnership"],
                            "entity": ["microsoft"]}

    page.click("#filters button[type=reset]")
    page.wait_for_function("() => !location.search")
    assert len(page.evaluate(SHOWN)) == total


def test_a_shared_url_opens_with_its_filters_applied(shipped_site: ServedSite,
                                                     visit: Any) -> None:
    page = visit(shipped_site, "timeline/?carrier=kt&kind=investment").page
    assert page.input_value("#filters select[name=carrier]") == "kt"
    assert page.input_value("#filters select[name=kind]") == "investment"
    shown = page.evaluate(SHOWN)
    assert shown and all(e["kind"] == "investment" and "kt" in e["carriers"] for e in shown)
    assert len(shown) == page.locator(
        "#timeline .event[data-kind=investment][data-carriers~=kt]").count()


def test_an_unknown_value_in_the_url_is_ignored(shipped_site: ServedSite, visit: Any) -> None:
    visited = visit(shipped_site, "timeline/?carrier=nope&kind=%22%5D")
    page = visited.page
    assert visited.problems() == []
    assert page.input_value("#filters select[name=carrier]") == ""
    assert len(page.evaluate(SHOWN)) == page.locator("#timeline .event").count()


def test_year_pages_filter_too(shipped_site: ServedSite, visit: Any) -> None:
    page = visit(shipped_site, "timeline/2024/?carrier=lguplus").page
    shown = page.evaluate(SHOWN)
    assert shown and all("lguplus" in e["carriers"] for e in shown)


def test_per_carrier_pages_need_no_script(shipped_site: ServedSite, visit: Any) -> None:
    page = visit(shipped_site, "timeline-carrier").page
    assert page.locator("script[src]").count() == 0
    assert page.locator("#timeline .event").count() == page.locator(
        "#timeline .event[data-carriers~=kt]").count() > 0


def test_a_filter_matching_nothing_says_so(shipped_site: ServedSite, visit: Any) -> None:
    page = visit(shipped_site, "timeline").page
    assert not page.locator("#timeline-empty").is_visible()
    carrier, kind = page.evaluate("""() => {
        const kinds = [...document.querySelectorAll('#filters select[name=kind] option')]
            .map(o => o.value).filter(Boolean);
        const carriers = [...document.querySelectorAll('#filters select[name=carrier] option')]
            .map(o => o.value).filter(Boolean);
        const none = (c, k) => !document.querySelector(
            `#timeline .event[data-kind="${k}"][data-carriers~="${c}"]`);
        for (const c of carriers) for (const k of kinds) if (none(c, k)) return [c, k];
        return [null, null];
    }""")
    assert carrier and kind, "some carrier has no event of some kind"
    page.select_option("#filters select[name=carrier]", carrier)
    page.select_option("#filters select[name=kind]", kind)
    assert page.evaluate(SHOWN) == []
    assert page.locator("#timeline-empty").is_visible()
    page.select_option("#filters select[name=kind]", "")
    assert not page.locator("#timeline-empty").is_visible()
