"""The cold build's lazy page plan makes the same pages as the plan made at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.build import read_content
from briefing.link.link import link_site
from briefing.render.pages import plan_pages
from briefing.render.plan import LazyPlan

SITE = Path(__file__).resolve().parents[1] / "fixtures" / "site_ok" / "content"


@pytest.mark.parametrize("language", ["ko", "en"])
def test_the_lazy_plan_makes_every_page_of_the_plan_in_any_order(language: str) -> None:
    content, _ = read_content(SITE)
    assert content is not None
    graph, _ = link_site(content)
    assert graph is not None
    pages = plan_pages(graph, language)
    plan = LazyPlan(graph, language)
    assert len(plan) == len(pages) > 20
    assert list(plan) == pages
    # workers take chunks out of order: each page is made again from its own part
    assert [plan[i] for i in reversed(range(len(plan)))] == pages[::-1]
    assert plan[-1] == pages[-1] and plan[2:5] == pages[2:5]
    assert [stub.path for stub in plan.stubs] == [page.path for page in pages]
    articles = [stub for stub in plan.stubs if stub.template == "article.html"]
    assert articles and all(stub.context["article"] is graph.articles[stub.path.split("/")[1]]
                            for stub in articles)
    with pytest.raises(IndexError):
        plan[len(plan)]
