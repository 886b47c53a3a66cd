"""A dateline is never the headline: wire datelines, city lines and bracketed bylines on a
line of their own go with the clutter, and still name the publisher. Fictional articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.ingest.clean import clean_lines
from tests.ingest.conftest import ingest


@pytest.mark.parametrize("line", [
    "SEOUL, Dec. 3 (Yonhap) --", "SEOUL, March 3 (Yonhap)", "BARCELONA —", "Seoul",
    "LAS VEGAS, Jan. 9, 2024 (AP) -", "[서울=뉴시스]", "(서울=뉴스1) 홍길동 기자 =",
    "[한빛일보=홍길동 기자]",
])
def test_a_dateline_alone_is_clutter(line: str) -> None:
    [found] = [x for x in clean_lines(f"{line}\nKT는 새 요금제를 내놓았다.\n") if x.text == line]
    assert found.kind == "byline"


@pytest.mark.parametrize(("line", "kind"), [
    ("메뉴 건너뛰기", "menu"), ("본문 바로가기", "menu"), ("IT 정보통신", "menu"),
    ("BUSINESS", "menu"),
])
def test_skip_links_and_section_labels_are_no_headline(line: str, kind: str) -> None:
    [found] = [x for x in clean_lines(f"{line}\nKT는 새 요금제를 내놓았다.\n") if x.text == line]
    assert found.kind == kind


@pytest.mark.parametrize("line", [
    "KT TO TRAIN AI SPECIALISTS",  # a headline in capitals: no date, agency or dash
    "Seoul bets on AI data centers",
    "[사진=KT] 새 요금제",
])
def test_headlines_that_look_like_datelines_stay(line: str) -> None:
    [found] = [x for x in clean_lines(f"{line}\nKT는 새 요금제를 내놓았다.\n") if x.text == line]
    assert found.kind != "byline"


@pytest.mark.parametrize(("text", "publisher"), [
    ("SEOUL, Dec. 3 (Yonhap) --\nKT Corp. said Tuesday it signed a cloud deal with a "
     "startup.\n\nThe deal runs for five years.\n", "Yonhap News Agency"),
    ("Seoul\n\nKT Corp. said Tuesday it signed a cloud deal with a startup.\n", None),
    ("[서울=뉴시스]\n\nKT가 클라우드 스타트업과 협약을 맺었다고 3일 밝혔다.\n", "뉴시스"),
])
def test_the_headline_is_never_the_dateline(tmp_path: Path, text: str,
                                            publisher: str | None) -> None:
    article = tmp_path / "wire.txt"
    article.write_text(text, "utf-8")
    run = ingest([str(article)], tmp_path / "out")
    assert run.code == 0, run.stderr
    front = run.front("undated")
    assert front["title"].startswith("KT")
    assert front["source"].get("publisher") == publisher
    assert text.split("\n")[0] not in front["review"]["source_text"]


@pytest.mark.parametrize(("line", "kind"), [
    ("![]() |", "image"),
    ("Staff answer questions after the network fault, at the head office, Friday. Yonhap |",
     "caption"),
    ("Hanbit Biz 2021. 11. 1. 15:21", "dateline"),
    ("한빛경제 2024.03.20 05:00", "dateline"),
])
def test_figure_cells_and_outlet_date_lines_are_clutter(line: str, kind: str) -> None:
    [found] = [x for x in clean_lines(f"{line}\nKT는 새 요금제를 내놓았다.\n") if x.text == line]
    assert found.kind == kind


def test_a_date_line_after_the_outlet_name_dates_the_article(tmp_path: Path) -> None:
    article = tmp_path / "credits.txt"
    article.write_text("KT hands out credits after a short outage\n\n"
                       "Hanbit Biz 2021. 11. 1. 15:21\n"
                       "KT Corp. said it will credit two days of fees to every household.\n",
                       "utf-8")
    run = ingest([str(article)], tmp_path / "out")
    front = run.front("2021-11-01")
    assert front["published"] == "2021-11-01"
    assert front["title"] == "KT hands out credits after a short outage"
