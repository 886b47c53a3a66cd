"""Screenshots for review, written to test-artifacts/screenshots/ (gitignored): home, a
carrier, the timeline, compare, a briefing, the targets and a week, at desktop and phone
widths; and the README's screenshots (readme-home.png, the top of the home page at 1280 px;
readme-targets.png and readme-week.png, copied to docs/ likewise)."""

from __future__ import annotations

from typing import Any

import pytest
from browser_support import ARTIFACTS, ServedSite, requires_browser

pytestmark = requires_browser

SHOTS = ["home", "carrier", "timeline", "compare", "article", "targets", "week", "graph",
         "feeds", "entity"]
WIDTHS = {"desktop": 1280, "mobile": 360}


@pytest.mark.parametrize("device", list(WIDTHS))
@pytest.mark.parametrize("kind", SHOTS)
def test_screenshot_for_review(shipped_site: ServedSite, visit: Any, kind: str,
                               device: str) -> None:
    folder = ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{kind}-{device}.png"
    visited = visit(shipped_site, kind, width=WIDTHS[device])
    visited.page.screenshot(path=str(target), full_page=True, animations="disabled")
    assert target.stat().st_size > 10_000
    assert visited.problems() == []


def test_readme_screenshot(shipped_site: ServedSite, visit: Any) -> None:
    """The top of the home page at desktop width: copy it to docs/screenshot.png."""
    target = ARTIFACTS / "screenshots" / "readme-home.png"
    target.parent.mkdir(parents=True, exist_ok=True)
    page = visit(shipped_site, "home", width=1280, height=860).page
    page.screenshot(path=str(target), animations="disabled")
    assert 10_000 < target.stat().st_size < 300_000


@pytest.mark.parametrize("kind", ["targets", "week"])
def test_readme_screenshots_of_the_tracker_and_a_week(shipped_site: ServedSite, visit: Any,
                                                      kind: str) -> None:
    """The top of /targets/ and of a week page: copy them to docs/screenshot-<kind>.png."""
    target = ARTIFACTS / "screenshots" / f"readme-{kind}.png"
    target.parent.mkdir(parents=True, exist_ok=True)
    page = visit(shipped_site, kind, width=1280, height=860).page
    page.screenshot(path=str(target), animations="disabled")
    assert 10_000 < target.stat().st_size < 400_000
