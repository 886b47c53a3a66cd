"""Boilerplate removal: every kind of clutter dropped, every content line kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.ingest.clean import BOILERPLATE, clean_lines, content_lines
from briefing.ingest.decode import decode_bytes

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def kinds(text: str) -> dict[str, str]:
    return {line.text: line.kind for line in clean_lines(text) if line.text}


@pytest.mark.parametrize(("line", "kind"), [
    ("작게보기", "widget"), ("기본크기", "widget"), ("크게보기", "widget"),
    ("글자 크기 조절: 슬라이더를 움직이면 본문 크기가 바뀝니다.", "widget"),
    ("이 글자크기로 변경됩니다.", "widget"),
    ("공유하기", "share"), ("기사듣기", "share"), ("Share", "share"), ("Print", "share"),
    ("좋아요0", "reaction"), ("화나요 3", "reaction"), ("추가취재 원해요0", "reaction"),
    ("이 기사에 대해 어떻게 생각하시나요?", "reaction"),
    ("댓글 (0)", "comment"), ("0 / 300", "comment"),
    ("띄어 쓰기를 포함하여 250자 이내로 써주세요.", "comment"),
    ("주요뉴스", "related"), ("많이 본 뉴스", "related"), ("Related articles", "related"),
    ("저작권자 © 전자신문 무단전재 및 재배포 금지", "copyright"),
    ("Copyright © The Korea Herald. All rights reserved.", "copyright"),
    ("김하늘 기자 sky@etnews.com", "byline"), ("By Lee Min-ji", "byline"),
    ("입력 2024-06-20 09:39", "dateline"), ("2024. 1. 10. 14:39", "dateline"),
    ("승인 : 2025. 03. 04. 09:40", "dateline"), ("Published: June 20, 2024", "dateline"),
    ("KT는 지난 12일 앤트로픽과 협약을 체결했다.", "content"),
])
def test_classifies_each_kind_of_line(line: str, kind: str) -> None:
    assert kinds(f"제목 줄\n{line}\n")[line] == kind


def test_font_sample_text_is_dropped_after_a_font_widget() -> None:
    text = "제목\n글자크기 설정\n(예시) 이 문장은 글자 크기를 보여 주는 견본입니다.\n본문 문장이다."
    assert kinds(text)["(예시) 이 문장은 글자 크기를 보여 주는 견본입니다."] == "widget"
    assert kinds(text)["본문 문장이다."] == "content"


def test_a_caption_shown_twice_is_kept_once() -> None:
    caption = "▲ 김하늘 KT 전무가 새 비서를 소개하고 있다. ⓒKT"
    lines = clean_lines(f"제목\n  • {caption}\n    {caption}\n본문이다.")
    assert [line.kind for line in lines if line.text == caption] == ["caption", "duplicate"]


def test_short_link_lists_after_a_comment_box_are_dropped() -> None:
    found = kinds("제목\n본문이다.\n댓글\ne스튜디오\n오늘의 날씨 맑음\n")
    assert found["e스튜디오"] == "related"
    assert found["오늘의 날씨 맑음"] == "related"


def test_portal_fixture_keeps_every_content_line_and_drops_the_rest() -> None:
    text = decode_bytes((FIXTURES / "ko_portal.txt").read_bytes()).text
    lines = clean_lines(text)
    kept = [line.text for line in content_lines(lines)]
    assert kept[0] == "KT, 앤트로픽과 손잡고 한국어 AI 비서 키운다"
    assert any(t.startswith("KT는 지난 12일 미국 AI 스타트업") for t in kept)
    assert kept[-1].startswith("업계 관계자는")
    assert not [t for t in kept if t.startswith("▲")]  # captions repeat the body
    dropped = {line.text for line in lines if line.kind in BOILERPLATE and line.text}
    assert {"작게보기", "공유하기", "기사듣기", "좋아요0", "댓글", "0 / 300", "많이 본 뉴스",
            "입력 2024-06-20 07:05", "김하늘 기자 sky@etnews.com"} <= dropped
    assert not any("무단전재" in t or "좋아요" in t for t in kept)
