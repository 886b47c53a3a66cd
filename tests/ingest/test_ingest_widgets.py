"""Clutter of outlets nobody tuned on (issue 13, second held-out round): wire datelines
before the lede, outlets' names in brackets, repost and AI-summary notices, video players,
path breadcrumbs, comment and reporter widgets. The lede's day stays with it. Fictional
fixtures in those styles."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from briefing.ingest.clean import clean_lines
from tests.ingest.conftest import ingest


def kinds(text: str) -> list[tuple[str, str]]:
    return [(line.text, line.kind) for line in clean_lines(text) if line.text]


@pytest.mark.parametrize(("line", "head", "rest"), [
    ("SEOUL, Nov. 11 (Hanbit Wire) -- KT Corp. said Thursday it had an outage.",
     "SEOUL, Nov. 11 (Hanbit Wire) --", "(Nov. 11) KT Corp. said Thursday it had an outage."),
    ("SEOUL (Hanbit Wire) - KT Corp. said it had an outage.",
     "SEOUL (Hanbit Wire) -", "KT Corp. said it had an outage."),
    ("Hanbit Tech Wire (Nov 01) -- KT held a briefing on the outage.",
     "Hanbit Tech Wire (Nov 01) --", "(Nov 01) KT held a briefing on the outage."),
    ("Seoul, South Korea - June 7, 2026 - KT and a partner will build a cloud.",
     "Seoul, South Korea - June 7, 2026 -", "(June 7, 2026) KT and a partner will build a cloud."),
    # A release keeps its city and date in the lede; only the wire's name goes.
    ("BUSAN, South Korea, May 3, 2024 /Hanbit Wire/ -- KT said it opened a lab.",
     "BUSAN, South Korea, May 3, 2024 /Hanbit Wire/ --",
     "BUSAN, South Korea, May 3, 2024 KT said it opened a lab."),
    ("【 한빛일보 】 KT는 새 요금제를 16일 내놨다고 밝혔다.", "【 한빛일보 】",
     "KT는 새 요금제를 16일 내놨다고 밝혔다."),
])
def test_a_dateline_or_outlet_before_the_lede_is_split_off(line: str, head: str,
                                                           rest: str) -> None:
    found = kinds(f"{line}\n")
    assert found[0][0] == head and found[0][1] in ("byline", "dateline")
    assert found[1] == (rest, "content")


@pytest.mark.parametrize("line", [
    "페이지 정보",
    "본 콘텐츠는 한빛뉴스 파트너스에서 공유된 콘텐츠입니다.",
    "본 기사는 한빛 금융정보 단말기에서 18시 37분에 서비스된 기사입니다.",
    "Hanbit is using AI to generate takeaways from this article. Mistakes may happen.",
    "Generate Key Takeaways",
    "Your browser doesn't support HTML5 video.",
    "Home / KT and a partner build an AI cloud in Korea",
    "Related Topics",
    "You must be login to post a comment.",
    "홍길동 기자 기자 페이지 구독 기자의 다른기사 보기",
])
def test_widgets_are_clutter(line: str) -> None:
    text = f"KT는 새 요금제를 내놓았다고 16일 밝혔다. 회사는 가입자를 늘릴 계획이다.\n{line}\n"
    assert (line, "content") not in kinds(text)


def drafted(tmp_path: Path, text: str, date: str) -> dict[str, Any]:
    article = tmp_path / "article.txt"
    article.write_text(text, "utf-8")
    return ingest([str(article)], tmp_path / "out").front(date)


def test_a_dated_premium_note_still_dates_the_article(tmp_path: Path) -> None:
    front = drafted(tmp_path, "KT, 새 요금제 출시\n이 기사는 2024년 03월 19일 11시 13분 "
                    "한빛플러스에 표출된 기사입니다\nKT가 새 요금제를 19일 출시했다고 밝혔다. "
                    "회사는 가입자를 늘릴 계획이다.\n", "2024-03-19")
    assert front["published"] == "2024-03-19"


def test_the_wire_in_a_dateline_still_names_the_publisher(tmp_path: Path) -> None:
    front = drafted(tmp_path, "KT opens a lab\n\nSEOUL, South Korea, May 3, 2024 /PR Newswire/ "
                    "-- KT Corp. said it opened an AI lab in Seoul on Friday.\n", "2024-05-03")
    assert front["source"]["publisher"] == "PR Newswire"
    assert front["published"] == "2024-05-03"
    assert "/PR Newswire/" not in front["review"]["source_text"]
