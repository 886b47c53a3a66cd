"""Publication date, author and publisher from every common date line and byline.

Fictional outlets and people only; the layouts are those of Korean and English news sites.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.ingest.byline import load_publishers, outlet_names
from briefing.ingest.clean import clean_lines
from briefing.ingest.meta import find_dates_in_header, find_people_and_publisher

TABLE = load_publishers(None)
OUTLETS = outlet_names(TABLE)
BODY = "KT가 새 요금제를 내놓았다고 밝혔다."


def dates(text: str) -> tuple[str | None, str | None]:
    published, updated, _ = find_dates_in_header(clean_lines(text, OUTLETS))
    return (published.iso() if published else None, updated.iso() if updated else None)


def people(text: str) -> tuple[str | None, str | None]:
    publisher, author, _ = find_people_and_publisher(clean_lines(text, OUTLETS), TABLE)
    return publisher, author


@pytest.mark.parametrize(("line", "published"), [
    ("입력 2024.03.19 15:36", "2024-03-19"),
    ("입력 : 2024-03-19 오후 3:36:45", "2024-03-19"),
    ("기사입력 2024-03-19 15:36:45", "2024-03-19"),
    ("등록 2024.03.19 15:36:45", "2024-03-19"),
    ("승인 2024.03.19 15:36", "2024-03-19"),
    ("발행일 2024.03.19", "2024-03-19"),
    ("작성 2024.03.19 09:41 조회수", "2024-03-19"),
    ("기사승인 2024-03-19 18:34:31", "2024-03-19"),
    ("입력2024.03.19 10:24", "2024-03-19"),
    ("2024.03.19(화) 오전 9:00", "2024-03-19"),
    ("2024년 3월 19일 (화요일)", "2024-03-19"),
    ("Posted March. 19, 2024 07:22,", "2024-03-19"),
    ("Published : Mar. 19, 2024 - 15:36", "2024-03-19"),
    ("Tuesday, March 19, 2024", "2024-03-19"),
    ("19 March 2024", "2024-03-19"),
    ("2024-03-19 B2면", "2024-03-19"),
    ("이 기사는 2024년 03월 19일 11시 13분 유료서비스 예시플러스에 표출된 기사입니다.",
     "2024-03-19"),
])
def test_reads_every_common_date_line(line: str, published: str) -> None:
    assert dates(f"제목 줄\n{line}\n{BODY}")[0] == published


def test_a_date_beside_the_reporters_name() -> None:
    assert dates(f"제목\n한빛경제 홍길동 기자 2024.03.20 05:00\n{BODY}")[0] == "2024-03-20"
    assert dates(f"제목\n홍길동 기자I 2024.03.20 22:39:58\n{BODY}")[0] == "2024-03-20"
    assert dates(f"제목\n홍길동 기자 hong@hanbit.kr2024-03-20 10:41:25\n{BODY}")[0] == \
        "2024-03-20"


def test_the_first_publication_beats_the_update() -> None:
    assert dates(f"제목\n수정 2024.03.21 10:00\n입력 2024.03.19 09:00\n{BODY}") == \
        ("2024-03-19", "2024-03-21")
    assert dates(f"제목\n2024-03-19 15:36:45 2024-03-20 17:40:53\n{BODY}") == \
        ("2024-03-19", "2024-03-20")
    assert dates("Title\nUpdated: March 21, 2024\nPosted: March 19, 2024\nBody.") == \
        ("2024-03-19", "2024-03-21")


def test_a_bare_leading_date_line_and_one_at_the_end() -> None:
    assert dates(f"date 2024-03-19 부제가 이어지는 줄\n제목\n{BODY}")[0] == "2024-03-19"
    assert dates(f"제목\n{BODY}\n2024.03.19 15:36")[0] == "2024-03-19"


def test_a_date_inside_a_sentence_is_no_publication_date() -> None:
    assert dates("제목\nKT는 2024.03.19 15:36에 새 요금제를 발표했다.")[0] is None


@pytest.mark.parametrize(("text", "publisher", "author"), [
    (f"제목\n[한빛경제=홍길동 기자] {BODY}", "한빛경제", "홍길동"),
    (f"제목\n[한빛경제(바르셀로나)=홍길동 기자] {BODY}", "한빛경제", "홍길동"),
    (f"제목\n(서울=뉴스1) 홍길동 김철수 기자 = {BODY}", "뉴스1", "홍길동, 김철수"),
    (f"제목\n[서울=뉴스핌] 홍길동 기자 = {BODY}", "뉴스핌", "홍길동"),
    (f"제목\n【서울=뉴시스】홍길동 기자 = {BODY}", "뉴시스", "홍길동"),
    (f"제목\n[중부매일 홍길동 기자] {BODY}", "중부매일", "홍길동"),
    (f"제목\nㅣ데일리포스트=홍길동 기자ㅣ{BODY}", "데일리포스트", "홍길동"),
    (f"제목\n홍길동·김철수 기자\n{BODY}\n저작권자 © 한빛경제 무단전재 및 재배포 금지",
     "한빛경제", "홍길동, 김철수"),
    (f"제목\n{BODY}\n홍길동 기자 hong@etnews.com", "전자신문", "홍길동"),
    (f"제목\n홍길동 매경닷컴 기자(hong@mk.co.kr) 2024. 1. 29. 19:48\n{BODY}", "매일경제",
     "홍길동"),
    (f"SBS Biz\n제목\nSBS Biz 홍길동\n입력2024.01.21 10:24\n{BODY}", "SBS Biz", "홍길동"),
    (f"제목\n{BODY}\nCopyright Ⓒ SBS. All rights reserved", "SBS", None),
    (f"제목\n{BODY}\nⓒ종합 경제정보 미디어 한빛일보 - 상업적 무단전재 & 재배포 금지",
     "한빛일보", None),
    (f"제목\n{BODY}\n[ⓒ데이터저널리즘의 중심 데이터뉴스 - 무단전재 & 재배포 금지]",
     "데이터뉴스", None),
    (f"제목\n[사진=녹색경제신문]\n{BODY}", "녹색경제신문", None),
    ("SEOUL, March 19 (Yonhap) -- KT Corp. said Tuesday it opened a lab.\nMore text.",
     "Yonhap News Agency", None),
    ("Title\n- KIM MIN-JI\nKT said it opened a lab.", None, "Kim Min-ji"),
    ("Title\nJohn Carter, Contributing Editor, Special to Light Reading\nKT opened a lab.",
     "Light Reading", "John Carter"),
    ("Title\nBy Lee Min-ji and Park Ji-won\nKT opened a lab.\n"
     "Copyright © The Korea Herald. All rights reserved.",
     "The Korea Herald", "Lee Min-ji, Park Ji-won"),
])
def test_finds_publisher_and_author_in_every_byline(text: str, publisher: str | None,
                                                    author: str | None) -> None:
    assert people(text) == (publisher, author)


def test_the_photographer_is_not_the_author() -> None:
    text = f"제목\n▲ 새 요금제를 소개하고 있다. 사진=김사진 기자\n{BODY}\n홍길동 기자"
    assert people(text)[1] == "홍길동"
    assert people(f"제목\n{BODY}\n사진=김사진 기자")[1] is None


def test_the_publisher_table_has_80_outlets_and_the_content_extends_it(tmp_path: Path) -> None:
    names = {p.name for p in TABLE}
    assert len(names) >= 80
    assert {"연합뉴스", "뉴스1", "조선일보", "KBS", "The Korea Herald", "Reuters"} <= names
    (tmp_path / "publishers.yaml").write_text(
        "- {name: 예시일보, domains: [example-news.kr], aliases: [Example Daily]}\n"
        "- {name: SBS, domains: [sbs.example], aliases: []}\n", "utf-8")
    table = load_publishers(tmp_path)
    assert len(table) == len(TABLE) + 1  # SBS is replaced, not added twice
    found, _, _ = find_people_and_publisher(
        clean_lines(f"제목\n{BODY}\n홍길동 기자 hong@example-news.kr"), table)
    assert found == "예시일보"
    assert find_people_and_publisher(
        clean_lines(f"제목\n{BODY}\n홍길동 기자 hong@sbs.example"), table)[0] == "SBS"
