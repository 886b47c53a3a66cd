"""A saved page of a regional CMS nobody tuned on goes through the same clutter and credit
rules as copied text (buttons in new spellings, an overseas desk's place, the outlet before
its date line, a summary label, a regional desk's sign-off). Fictional outlet and people."""

from __future__ import annotations

import shutil

import pytest
from conftest import CONTENT, FIXTURES, IngestRun, ingest


@pytest.fixture(scope="module")
def regional_run(tmp_path_factory: pytest.TempPathFactory) -> IngestRun:
    root = tmp_path_factory.mktemp("regional")
    content = root / "content"
    shutil.copytree(CONTENT, content)
    (content / "publishers.yaml").write_text(
        "- {name: 한빛데일리, domains: [hanbit-daily.example], aliases: []}\n", "utf-8")
    return ingest([str(FIXTURES / "cms_regional.html")], root / "out", content=content)


def test_a_regional_cms_page(regional_run: IngestRun) -> None:
    assert regional_run.code == 0, regional_run.stderr
    front = regional_run.front("2026-01-16")
    assert front["published"] == "2026-01-16"
    # The desk's place ('바르셀로나') is not the outlet; the name before the date line is.
    assert (front["source"]["publisher"], front["source"]["author"]) == ("한빛데일리", "홍길동")
    source = front["review"]["source_text"]
    assert "KT가 한빛도와 AI 데이터센터를 짓는 협약을 맺었다고 16일 밝혔다." in source
    assert "도는 이번 협약으로 지역에 AI 일자리 500개가 생길 것으로 내다봤다." in source
    for clutter in ("메인화면으로", "공유하기", "글씨 크게", "글씨 작게", "3줄 요약", "바르셀로나",
                    "취재본부"):
        assert clutter not in source
