"""Title or deck, publisher, author and publication date from the text alone."""

from __future__ import annotations

import pytest

from briefing.ingest.clean import clean_lines
from briefing.ingest.meta import (
    detect_language,
    find_dates_in_header,
    find_people_and_publisher,
    find_title,
    load_publishers,
)

PUBLISHERS = load_publishers(None)


@pytest.mark.parametrize(("line", "published"), [
    ("입력 2024-06-20 09:39", "2024-06-20"),
    ("2024. 1. 10. 14:39", "2024-01-10"),
    ("승인 : 2025. 03. 04. 09:40", "2025-03-04"),
    ("Published: June 20, 2024", "2024-06-20"),
    ("기사입력 2024.03.14 11:02", "2024-03-14"),
    ("입력 2024.06.20 09:39 | 수정 2024.06.21 10:00", "2024-06-20"),
])
def test_reads_publication_dates(line: str, published: str) -> None:
    date, _, evidence = find_dates_in_header(clean_lines(f"제목\n{line}\n본문이다."))
    assert date is not None and date.iso() == published
    assert evidence == line


def test_reads_the_updated_date_apart() -> None:
    lines = clean_lines("Title\nPublished: June 20, 2024\nUpdated: June 21, 2024\nBody.")
    published, updated, _ = find_dates_in_header(lines)
    assert (published.iso() if published else None, updated.iso() if updated else None) == \
        ("2024-06-20", "2024-06-21")


def test_a_text_without_a_date_line_has_no_date() -> None:
    assert find_dates_in_header(clean_lines("제목\n11일 업계에 따르면 협력이 늘었다."))[0] is None


@pytest.mark.parametrize(("text", "publisher", "author"), [
    ("제목\n[한빛경제=박소연 기자] LG유플러스가 나선다.", "한빛경제", "박소연"),
    ("제목\n(서울=연합뉴스) 홍길동 기자 = KT가 나선다.", "연합뉴스", "홍길동"),
    ("제목\n본문이다.\n김하늘 기자 sky@etnews.com", "전자신문", "김하늘"),
    ("제목\n본문이다.\n저작권자 © 전자신문 무단전재 및 재배포 금지", "전자신문", None),
    ("Title\nBody.\nCopyright © 매일경제 & mk.co.kr. 무단전재 및 재배포 금지", "매일경제", None),
    ("Title\nBy Lee Min-ji\nBody.\nCopyright © The Korea Herald. All rights reserved.",
     "The Korea Herald", "Lee Min-ji"),
])
def test_finds_publisher_and_author(text: str, publisher: str, author: str | None) -> None:
    found, writer, _ = find_people_and_publisher(clean_lines(text), PUBLISHERS)
    assert (found, writer) == (publisher, author)


def test_an_unknown_mail_domain_is_a_review_item() -> None:
    found, _, items = find_people_and_publisher(
        clean_lines("제목\n본문이다.\n홍길동 기자 hong@example-news.kr"), PUBLISHERS)
    assert found is None
    assert "example-news.kr" in items[0].issue


def test_the_content_publishers_yaml_extends_the_table(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "publishers.yaml").write_text(
        "- {name: 예시일보, domains: [example-news.kr], aliases: []}\n", "utf-8")
    table = load_publishers(tmp_path)
    found, _, _ = find_people_and_publisher(
        clean_lines("제목\n본문이다.\n홍길동 기자 hong@example-news.kr"), table)
    assert found == "예시일보"


def test_the_first_short_line_is_the_headline() -> None:
    lines = clean_lines("KT, 새 비서 공개\n입력 2024-06-20\n본문이다.")
    title, deck, line, items = find_title(lines)
    assert (title, deck, line, items) == ("KT, 새 비서 공개", False, 1, [])


def test_glued_sub_heads_become_a_flagged_deck() -> None:
    glued = "SKT, 엔비디아와 협력KT, MS와 투자LGU+, 앤트로픽과 개발"
    title, deck, _, items = find_title(clean_lines(f"{glued}\n본문이다."))
    assert deck and title == "SKT, 엔비디아와 협력 / KT, MS와 투자 / LGU+, 앤트로픽과 개발"
    assert items[0].field == "source.title" and "deck" in items[0].issue


def test_without_a_headline_the_cross_heads_make_the_deck() -> None:
    text = ("KT가 새 전략을 내놨다. 같은 날 장애가 났다.\n매출 목표 키우는 KT\n본문이다.\n"
            "장애로 곤욕 치른 KT\n끝이다.")
    title, deck, _, _ = find_title(clean_lines(text))
    assert deck and title == "매출 목표 키우는 KT / 장애로 곤욕 치른 KT"


def test_detects_language() -> None:
    assert detect_language("KT는 AI 비서를 공개했다") == "ko"
    assert detect_language("KT Corp. unveiled an AI assistant") == "en"
