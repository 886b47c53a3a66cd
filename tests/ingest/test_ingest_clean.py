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


@pytest.mark.parametrize("line", [
    # skip links, menus and breadcrumbs
    "본문 바로가기", "컨텐츠 바로가기", "Go to contents", "Skip to main content",
    "홈 > IT > 통신", "Home › Business › Tech", "산업 IT", "뉴스",
    # share, print, font size and listen buttons
    "주소복사가 완료되었습니다", "글자크기", "공유 | 인쇄 | 글자크기", "Share Print Email",
    "음성재생 설정", "번역beta Translated by kaka i", "광고닫기", "이 기사를 공유합니다",
    # stock tickers and exchange-rate widgets
    "KT 35,150 ▲150 +0.43%", "원/달러 1,320.50 ▼2.30", "KOSPI 2,650.12 +0.51%",
    "View Market Snapshot",
    # broadcast script markers
    "[앵커]", "<기자>", "◀ 리포트 ▶", "[Anchor Lead]", "[Pkg]",
    # Markdown images, captions and photo credits
    "![행사 모습](https://example.invalid/a.jpg)", "(사진=예시텔레콤 제공, 연합뉴스)",
    "[사진=한빛경제]", "사진공동취재단", "▲ 홍길동 대표가 발표하고 있다.",
    "홍길동 대표가 발표하고 있다. 사진 제공=예시텔레콤",
    "예시텔레콤 사옥. 예시텔레콤 제공", "예시텔레콤 CI(예시텔레콤 제공)",
    "행사에 참석한 모습. < 예시텔레콤 >", "(Courtesy of Example Telecom)",
    # subscription and app prompts, related and most-read lists
    "네이버에서 한빛경제를 구독하세요", "뉴스레터 무료 구독", "Sign up for our newsletter",
    "관련기사", "가장 많이 본 기사", "Most Read", "홍길동 기자의 다른 기사 보기",
    # reporter sign-offs, e-mails, dates widgets and tags
    "홍길동 기자입니다.", "홍길동 기자가 현장을 취재했습니다.", "hong@hanbit.kr",
    "3 Min read", "By 3 HOURS AGO", "03.29 (금)", "[MWC24]", "bar_progress",
    # copyright lines in every form
    "Copyright Ⓒ 예시방송. All rights reserved", "<저작권자 ⓒ 한빛경제, 무단 전재 및 재배포 금지>",
    "ⓒ 한빛경제 & hanbit.kr, 무단전재 및 재배포 금지", "© 2024 Example News. All rights reserved.",
    "(끝)",
])
def test_drops_each_kind_of_boilerplate(line: str) -> None:
    text = f"제목 줄\n{line}\nKT는 새 요금제를 내놓았다."
    lines = clean_lines(text)
    assert [ln.text for ln in content_lines(lines)] == ["제목 줄", "KT는 새 요금제를 내놓았다."]


@pytest.mark.parametrize("line", [
    "KT는 공유 오피스 사업을 키우고 구독 서비스를 늘린다고 밝혔다.",
    "회사는 이날 관련 기사를 정정했다고 설명했다.",
    "주가는 전날보다 3% 오른 3만5000원에 마감했다.",
    "LG유플러스 관계자는 \"사진 편집 기능을 넣었다\"고 말했다.",
    "◇한국어 특화 모델, 실용성에 방점",
    "The company said its share of the market rose 2% to 41%.",
    "Print and broadcast advertising fell last year, the carrier said.",
    "SK텔레콤, 글로벌 AI 기업과 협력 확대",
])
def test_keeps_content_that_looks_like_clutter(line: str) -> None:
    kept = [ln.text for ln in content_lines(clean_lines(f"제목 줄\n{line}\n"))]
    assert kept == ["제목 줄", line]


@pytest.mark.parametrize(("line", "head", "rest"), [
    ("[한빛경제=홍길동 기자] KT가 새 요금제를 내놓았다.", "[한빛경제=홍길동 기자]",
     "KT가 새 요금제를 내놓았다."),
    ("(서울=뉴스1) 홍길동 기자 = KT가 새 요금제를 내놓았다.", "(서울=뉴스1) 홍길동 기자 =",
     "KT가 새 요금제를 내놓았다."),
    ("[앵커] 통신 장애가 한 시간 넘게 이어졌습니다.", "[앵커]",
     "통신 장애가 한 시간 넘게 이어졌습니다."),
    ("date 2024-03-19 부제가 이어지는 줄", "date 2024-03-19", "부제가 이어지는 줄"),
])
def test_a_byline_before_the_lede_goes_and_the_lede_stays(line: str, head: str,
                                                          rest: str) -> None:
    lines = clean_lines(f"제목\n{line}\n")
    assert [(ln.text, ln.kind in BOILERPLATE) for ln in lines if ln.number == 2] == [
        (head, True), (rest, False)]


def test_an_inline_stock_ticker_goes_and_its_sentence_stays() -> None:
    [_, line] = content_lines(clean_lines(
        "제목\n예시텔레콤 (35,150원 ▲150 +0.43%)의 주가가 올랐다."))
    assert line.text == "예시텔레콤의 주가가 올랐다."
