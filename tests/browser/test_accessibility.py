"""axe-core finds no serious or critical accessibility violation on any kind of page, in
light and in dark mode."""

from __future__ import annotations

from typing import Any

import pytest
from browser_support import PAGE_KINDS, ServedSite, requires_browser

pytestmark = requires_browser
sync_axe = pytest.importorskip("axe_playwright_python.sync_playwright",
                               reason="axe-playwright-python is not installed")

BLOCKING = ("serious", "critical")


@pytest.fixture(scope="module")
def axe() -> Any:
    return sync_axe.Axe()


def _describe(violation: dict[str, Any]) -> str:
    targets = [", ".join(node["target"]) for node in violation["nodes"][:4]]
    return (f"{violation['impact']} {violation['id']}: {violation['help']} "
            f"({len(violation['nodes'])}x: {'; '.join(targets)})")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("kind", list(PAGE_KINDS))
def test_no_serious_or_critical_axe_violation(shipped_site: ServedSite, visit: Any, axe: Any,
                                              kind: str, scheme: str) -> None:
    page = visit(shipped_site, kind, color_scheme=scheme).page
    page.emulate_media(color_scheme=scheme)
    assert page.evaluate(f"matchMedia('(prefers-color-scheme: {scheme})').matches")
    results = axe.run(page)
    violations = [v for v in results.response["violations"] if v["impact"] in BLOCKING]
    assert [_describe(v) for v in violations] == []


def test_timeline_with_filters_applied_has_no_serious_violation(
        shipped_site: ServedSite, visit: Any, axe: Any) -> None:
    page = visit(shipped_site, "timeline/?carrier=lguplus").page
    results = axe.run(page)
    violations = [v for v in results.response["violations"] if v["impact"] in BLOCKING]
    assert [_describe(v) for v in violations] == []
