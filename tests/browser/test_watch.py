"""The relationship graphs, the watchlist feeds and "new since your last visit" in a real
browser: /graph/ at desktop and phone widths and its filters, ego graphs whose nodes are
links, every feed in the OPML parsing cleanly, and the new-event marks kept in
localStorage with a way to clear them."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

import pytest
from browser_support import ServedSite, requires_browser

pytestmark = requires_browser


def test_the_network_fills_the_desktop_width_and_scrolls_in_its_box_on_a_phone(
        shipped_site: ServedSite, visit: Any) -> None:
    page = visit(shipped_site, "graph", width=1280).page
    wide = page.eval_on_selector(".netgraph.network", "e => e.getBoundingClientRect().width")
    assert wide >= 900
    assert page.locator(".netgraph.network .node").count() > 20
    page = visit(shipped_site, "graph", width=360).page
    box = page.eval_on_selector(".netgraph-scroll", """b => ({scroll: b.scrollWidth,
        client: b.clientWidth, overflow: getComputedStyle(b).overflowX})""")
    assert box["scroll"] > box["client"] and box["overflow"] == "auto"
    # text in the drawing keeps a readable size at 360 px (the box scrolls instead)
    size = page.eval_on_selector(".netgraph.network .node text",
                                 "t => t.getBoundingClientRect().height")
    assert size >= 9


def test_network_filters_by_kind_and_period_and_live_in_the_url(
        shipped_site: ServedSite, visit: Any) -> None:
    page = visit(shipped_site, "graph").page
    form = page.locator("#network-filters")
    assert form.is_visible()
    everything = page.locator(".edge-row:not([hidden])").count()
    for box in page.locator("#network-filters input[name=kind]").all():
        if box.get_attribute("value") != "invests-in":
            box.uncheck()
    rows = page.locator(".edge-row:not([hidden])")
    assert 0 < rows.count() < everything
    assert all("invests-in" in (r.get_attribute("data-kinds") or "").split()
               for r in rows.all())
    edges = page.locator(".netgraph .edge:not([hidden])")
    assert all("invests-in" in (e.get_attribute("data-kinds") or "").split()
               for e in edges.all())
    assert "kind=invests-in" in page.url
    assert page.locator(".netgraph .node.faded").count() > 0
    page.select_option("#network-filters select[name=from]", "2024")
    for row in page.locator(".edge-row:not([hidden])").all():
        assert int(row.get_attribute("data-last") or "9999") >= 2024
    assert "from=2024" in page.url
    page.click("#network-filters button[type=reset]")
    page.wait_for_function("n => document.querySelectorAll('.edge-row:not([hidden])').length"
                           " === n", arg=everything)
    # a shared URL opens filtered
    shared = visit(shipped_site, "graph/?kind=member-of").page
    kinds = {k for r in shared.locator(".edge-row:not([hidden])").all()
             for k in (r.get_attribute("data-kinds") or "").split()}
    assert "member-of" in kinds
    assert all("member-of" in (r.get_attribute("data-kinds") or "").split()
               for r in shared.locator(".edge-row:not([hidden])").all())


def test_an_ego_graph_node_is_a_link_to_its_page(shipped_site: ServedSite, visit: Any) -> None:
    page = visit(shipped_site, "carrier").page
    node = page.locator(".netgraph.ego a.node[data-node=lambda]")
    assert node.count() == 1
    node.click()
    page.wait_for_url("**/entities/lambda/")
    assert page.locator(".netgraph.ego a.node[data-node=skt]").count() == 1


def test_the_opml_lists_every_feed_written_and_each_parses(shipped_site: ServedSite) -> None:
    feedparser = pytest.importorskip("feedparser")
    out = shipped_site.out
    written = {p.relative_to(out).as_posix() for p in out.rglob("*.xml")
               if b"http://www.w3.org/2005/Atom" in p.read_bytes()[:200]}
    tree = ET.fromstring((out / "feeds.opml").read_bytes())
    listed = {o.get("xmlUrl", "").removeprefix(shipped_site.url)
              for o in tree.iter("outline") if o.get("xmlUrl")}
    assert listed == written
    assert {"feeds/today.xml", "feeds/carriers/kt/partnership.xml", "feeds/types/startup.xml",
            "feeds/tags/alliance.xml"} <= written
    for path in sorted(written):
        parsed = feedparser.parse((out / path).read_bytes())
        assert not parsed.bozo, (path, parsed.bozo_exception)
    # the /feeds/ page links each of them
    page_links = set((out / "feeds" / "index.html").read_text(encoding="utf-8").split('href="'))
    for path in written:
        assert any(link.startswith("../" + path + '"') for link in page_links), path


def test_new_events_since_the_last_visit_are_marked_and_can_be_forgotten(
        shipped_site: ServedSite, visit: Any) -> None:
    page = visit(shipped_site, "home").page
    assert page.locator("#new-since").is_hidden()  # first visit: nothing to compare
    scope = page.eval_on_selector("#new-since", "b => 'briefing:' + b.dataset.scope + ':'")
    seen = page.evaluate(f"JSON.parse(localStorage.getItem('{scope}seen'))")
    shown = page.locator("ol.events .event").count()
    assert len(seen) == shown > 2
    # a visit an hour ago had seen all but two of these events
    page.evaluate("""([scope, ids]) => {
        localStorage.setItem(scope + 'seen', JSON.stringify(ids));
        localStorage.setItem(scope + 'active', String(Date.now() - 3600 * 1000));
        localStorage.removeItem(scope + 'baseline');
    }""", [scope, seen[2:]])
    page.reload()
    bar = page.locator("#new-since")
    bar.wait_for(state="visible")
    assert page.locator(".event .badge.new").count() == 2
    assert "2" in bar.inner_text()
    # still marked while the visit goes on, on another page too
    page.reload()
    assert page.locator(".event .badge.new").count() == 2
    page.click("#new-since button")
    assert page.locator(".badge.new").count() == 0 and bar.is_hidden()
    assert page.evaluate(f"localStorage.getItem('{scope}seen')") is None
