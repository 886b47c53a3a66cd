"""Keyboard use: the skip link comes first and moves focus to the main content; Tab reaches
every link, select, button and scrollable table box, and focus is always visible."""

from __future__ import annotations

from typing import Any

import pytest
from browser_support import PAGE_KINDS, ServedSite, requires_browser

pytestmark = requires_browser

# Marks every element that should be a Tab stop and logs each focus with its focus style.
INSTRUMENT = """() => {
  const selector = 'a[href], button, select, input, textarea, summary, [tabindex]';
  const stops = [...document.querySelectorAll(selector)].filter(e =>
      e.tabIndex >= 0 && !e.disabled && e.checkVisibility({visibilityProperty: true}));
  stops.forEach((e, i) => { e.dataset.stop = String(i); });
  window.__focusLog = [];
  document.addEventListener('focusin', event => {
    const e = event.target, s = getComputedStyle(e), r = e.getBoundingClientRect();
    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
    const ring = s.boxShadow !== 'none';
    window.__focusLog.push({stop: e.dataset.stop ?? null, tag: e.tagName,
      text: (e.textContent || '').trim().slice(0, 40), visible: outline || ring,
      onScreen: r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0});
  });
  return stops.length;
}"""


def test_tab_reaches_the_skip_link_first_and_it_moves_focus_to_main(
        shipped_site: ServedSite, visit: Any) -> None:
    page = visit(shipped_site, "carrier").page
    page.keyboard.press("Tab")
    first = page.evaluate("""() => {
        const e = document.activeElement, r = e.getBoundingClientRect();
        return {cls: e.className, href: e.getAttribute('href'), top: r.top, left: r.left,
                width: r.width, outline: getComputedStyle(e).outlineStyle}; }""")
    assert first["cls"] == "skip" and first["href"] == "#main"
    assert first["left"] >= 0 and first["top"] >= 0 and first["width"] > 0, "shown on focus"
    assert first["outline"] != "none"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.keyboard.press("Tab")
    assert page.evaluate("document.getElementById('main').contains(document.activeElement)")


@pytest.mark.parametrize("kind", list(PAGE_KINDS))
def test_tab_reaches_every_interactive_element_with_a_visible_focus_style(
        shipped_site: ServedSite, visit: Any, kind: str) -> None:
    page = visit(shipped_site, kind).page
    stops = page.evaluate(INSTRUMENT)
    assert stops > 5
    for _ in range(stops + 3):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement === document.body"):
            break
    log = page.evaluate("window.__focusLog")
    reached = {entry["stop"] for entry in log}
    missed = page.evaluate("""reached => [...document.querySelectorAll('[data-stop]')]
        .filter(e => !reached.includes(e.dataset.stop))
        .map(e => e.tagName + ' ' + (e.getAttribute('href') || e.className))""",
                           sorted(s for s in reached if s is not None))
    assert missed == [], "not reachable with Tab"
    assert [e for e in log if e["stop"] is None] == [], "focus on an unexpected element"
    assert [e for e in log if not e["visible"]] == [], "no visible focus style"
    assert [e for e in log if not e["onScreen"]] == [], "focused but off screen"
