"""Lists under emoji or label headings are content, not a widget area (issue 13, round 7).

Summary pages and blogs set a story out as labelled lists of short items. A run of short
lines with no paragraph after it looks like a related list or a comment box; it is the
article when a told Korean sentence follows it or a colon introduces it. Fictional text."""

from __future__ import annotations

from pathlib import Path

from conftest import FIXTURES, ingest

from briefing.ingest.clean import clean_lines, content_lines

KO_SUMMARY = """[보안] 한빛텔레콤, 스팸 차단 강화 (2031-04-02)
📅 기사 입력
2031년 4월 2일 09시 10분
🧩 사건 개요
한빛텔레콤이 인공지능 기반의 스팸 차단 서비스를 확대한다고 2일 밝혔다. 정부도 대책을 내놓았다.
💸 성과
한빛텔레콤: ‘스팸가드 3.0’ 출시, 문자 분석 적용
→ 1분기 300만 건 분석, 약 12억 원 피해 예방
📌 본인 명의 도용
📌 가짜 배송 문자 증가
🚨 주의사항
스팸 문자는 택배 사칭과 결제 유도 등 여러 수법이 섞여 점점 더 교묘해지고 있다.
"""

EN_LIST = """Carrier lays out its data centre plans
Hanbit Telecom set out on Monday how it would sell computing to companies across the region.
The chief executive named three lines of business for the new centres:
Rented accelerators
Modular halls
Custom builds
“Modular halls can go up within a season, in units the size of boxes,” he said, and added
"""

WIDGETS = """Carrier opens a seaside data hub
Hanbit Telecom said on Friday it had opened a data hub on the coast, the first of three.
Signal quality
observed
Entity anchor
Export ready
Short cards for chat previews.
"""


def test_items_under_emoji_headings_before_a_told_sentence_are_kept() -> None:
    body = [line.text for line in content_lines(clean_lines(KO_SUMMARY))]
    for item in ("→ 1분기 300만 건 분석, 약 12억 원 피해 예방", "본인 명의 도용",
                 "가짜 배송 문자 증가",
                 "스팸 문자는 택배 사칭과 결제 유도 등 여러 수법이 섞여 점점 더 교묘해지고 있다."):
        assert any(item in text for text in body), item


def test_items_a_colon_introduces_are_kept_with_the_quote_after_them() -> None:
    lines = clean_lines(EN_LIST)
    body = [line.text for line in content_lines(lines)]
    assert body[3:6] == ["Rented accelerators", "Modular halls", "Custom builds"]
    assert body[-1].startswith("“Modular halls can go up")


def test_short_labels_after_the_body_with_no_sentence_after_them_still_go() -> None:
    kinds = {line.text: line.kind for line in clean_lines(WIDGETS)}
    assert kinds["Signal quality"] == "related"
    assert kinds["Export ready"] == "related"
    assert kinds["Short cards for chat previews."] == "related"


def test_a_saved_page_keeps_its_list_and_reads_the_glued_byline(tmp_path: Path) -> None:
    """Saved HTML goes through trafilatura, then the same list and byline rules."""
    run = ingest([str(FIXTURES / "ko_summary_page.html")], tmp_path / "out")
    assert run.code == 0, run.stderr
    front = run.front("undated")
    assert (front["source"]["publisher"], front["source"]["author"]) == ("한빛타임스", "홍길동")
    source = front["review"]["source_text"]
    for item in ("1분기 300만 건 분석", "약 12억 원 피해 예방", "가짜 배송 문자 감소",
                 "점점 더 교묘해지고 있다."):
        assert item in source
    assert "홍길동 기자 |" not in source
