"""Saved HTML pages in the layouts of common Korean news CMSs (an `articleView` page
with an info list and copyright box; a portal page with the date line inside the body):
the same metadata rules as copied text, through trafilatura. Fictional outlets."""

from __future__ import annotations

import shutil

import pytest
from conftest import CONTENT, FIXTURES, IngestRun, ingest


@pytest.fixture(scope="module")
def cms_run(tmp_path_factory: pytest.TempPathFactory) -> IngestRun:
    root = tmp_path_factory.mktemp("cms")
    content = root / "content"
    shutil.copytree(CONTENT, content)
    # The outlets are fictional: the content's publishers.yaml names them.
    (content / "publishers.yaml").write_text(
        "- {name: 한빛경제, domains: [hanbit-economy.example], aliases: []}\n"
        "- {name: 한빛일보, domains: [hanbit-ilbo.example], aliases: []}\n", "utf-8")
    pages = [str(FIXTURES / "cms_articleview.html"), str(FIXTURES / "cms_portal.html")]
    return ingest(pages, root / "out", content=content)


def test_an_articleview_page(cms_run: IngestRun) -> None:
    assert cms_run.code == 0, cms_run.stderr
    front = cms_run.front("2024-03-19-kt")
    assert (front["published"], front["updated"]) == ("2024-03-19", "2024-03-20")
    assert front["source"]["publisher"] == "한빛경제"
    assert front["source"]["author"] == "박소연"
    assert front["source"]["url"].endswith("articleView.html?idxno=1001")
    titles = {e["title"]: e for e in front["events"]}
    assert titles["KT, 한빛로보틱스와 협력"]["date"] == "2024-03-18"
    assert titles["KT, 2027년까지 1000억원 목표"]["due"] == "2027"
    assert titles["KT, 2025년 6월까지 출시 목표"]["due"] == "2025-06"
    source = front["review"]["source_text"]
    assert source.startswith("KT가 물류 로봇 스타트업 한빛로보틱스에 300억원을 투자한다.")
    for clutter in ("[한빛경제=", "사진=KT", "soyeon@", "저작권자", "관련기사", "많이 본 뉴스",
                    "본문 바로가기", "글자크기"):
        assert clutter not in source


def test_a_portal_page_with_the_date_line_in_the_body(cms_run: IngestRun) -> None:
    front = cms_run.front("2025-02-11-lguplus")
    assert (front["published"], front["updated"]) == ("2025-02-11", "2025-02-12")
    assert (front["source"]["publisher"], front["source"]["author"]) == ("한빛일보", "김철수")
    assert front["entities"] == ["orbit-telco-forum"]
    [joined] = [e for e in front["events"] if e["kind"] == "alliance"]
    assert (joined["date"], joined["carriers"]) == ("2025-02-10", ["lguplus"])
    source = front["review"]["source_text"]
    assert "LG유플러스가 아시아 통신사 연합체 오르빗 텔코 포럼에 가입했다." in source
    for clutter in ("입력 2025", "(서울=한빛일보)", "▲ 10,250", "10,250", "김사진", "cheolsu@",
                    "Copyright", "링크복사", "구독하세요"):
        assert clutter not in source
