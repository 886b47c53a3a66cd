"""Wire advisories, colon datelines, glued and hidden-mail bylines, edition notices and
stale headline lists (issue 13, round 7). Fictional outlets, people and text throughout."""

from __future__ import annotations

import pytest

from briefing.ingest.byline import find_people_and_publisher, load_publishers, outlet_names
from briefing.ingest.clean import clean_lines, content_lines
from briefing.ingest.meta import find_title

TABLE = load_publishers(None)
OUTLETS = outlet_names(TABLE)
LEDE = "Hanbit Telecom said on Tuesday its quarterly profit rose on data centre demand."
KO_LEDE = "한빛텔레콤이 인공지능 통화 비서에 스팸 차단 기능을 넣었다고 2일 밝혔다."


def _kinds(text: str) -> dict[str, str]:
    return {line.text: line.kind for line in clean_lines(text, OUTLETS) if line.text}


def _people(text: str) -> tuple[str | None, str | None]:
    publisher, author, _ = find_people_and_publisher(clean_lines(text, OUTLETS), TABLE)
    return publisher, author


@pytest.mark.parametrize("line", ["(ATTN: ADDS closing share price at bottom)", "(LEAD)",
                                  "(2nd LD)", "(With inputs from agencies.)"])
def test_a_wire_advisory_alone_on_a_line_goes(line: str) -> None:
    assert _kinds(f"Profit rises\n{line}\n{LEDE}\n")[line] == "marker"


def test_a_bracketed_sentence_is_no_advisory() -> None:
    line = "(The firm said: we will keep the old plans for a year.)"
    assert _kinds(f"Profit rises\n{LEDE}\n{line}\n")[line] == "content"


def test_a_colon_dateline_with_an_agency_goes_and_names_the_agency() -> None:
    text = f"Profit rises\nBusan [South Korea], March 4 (HNA): {LEDE}\n"
    kinds = _kinds(text)
    assert kinds["Busan [South Korea], March 4 (HNA):"] == "byline"
    assert kinds[f"(March 4) {LEDE}"] == "content"  # the day stays with the lede
    assert _people(text)[0] == "HNA"


def test_a_place_in_capitals_before_a_colon_goes_and_the_sentence_stays() -> None:
    kinds = _kinds(f"Profit rises\nBUSAN: {LEDE}\n")
    assert kinds["BUSAN:"] == "byline"
    assert kinds[LEDE] == "content"
    short = "NOTE: Figures are rounded."
    assert _kinds(f"Profit rises\n{LEDE}\n{short}\n")[short] == "content"


def test_a_byline_glued_to_the_lede_with_a_bar_names_outlet_and_reporter() -> None:
    text = f"스팸 막는 통화 비서\n한빛타임스 홍길동 기자 | {KO_LEDE}\n"
    kinds = _kinds(text)
    assert kinds["한빛타임스 홍길동 기자 |"] == "byline"
    assert kinds[KO_LEDE] == "content"
    assert _people(text) == ("한빛타임스", "홍길동")


def test_a_hidden_mail_after_a_byline_is_still_a_byline() -> None:
    text = f"스팸 막는 통화 비서\n{KO_LEDE}\n한빛일렉=홍길동 기자 [email\u00a0protected]\n"
    line = "한빛일렉=홍길동 기자 [email\u00a0protected]"
    assert _kinds(text)[line] == "byline"
    assert _people(text) == ("한빛일렉", "홍길동")


def test_a_bracketed_byline_without_the_name_still_names_the_outlet() -> None:
    text = f"스팸 막는 통화 비서\n[한빛좋은뉴스= 기자] {KO_LEDE}\n"
    assert _people(text) == ("한빛좋은뉴스", None)


def test_the_editor_in_a_widget_line_is_the_author_the_film_editor_is_not() -> None:
    widget = "댓글 0 · 저장 0 · 편집: 홍길동 기자 발행: 2031.04.02 14:35"
    assert _people(f"스팸 막는 통화 비서\n{widget}\n{KO_LEDE}\n")[1] == "홍길동"
    film = f"스팸 막는 통화 비서\n{KO_LEDE}\n영상편집: 김철수 기자\n"
    assert _people(film)[1] is None


def test_a_picture_file_name_glued_to_the_lede_goes() -> None:
    kinds = _kinds(f"스팸 막는 통화 비서\n20310402.1.jpg{KO_LEDE}\n")
    assert kinds["20310402.1.jpg"] == "image"
    assert kinds[KO_LEDE] == "content"


def test_a_blogs_posted_by_line_gives_the_author_over_a_label() -> None:
    text = (f"Carrier fined over leak\nPosted on March 4, 2031 by Jane Roe\nPress Release\n"
            f"March 3, 2031\n{LEDE}\n")
    kinds = _kinds(text)
    assert kinds["Posted on March 4, 2031"] == "dateline"
    assert kinds["by Jane Roe"] == "byline"
    assert _people(text)[1] == "Jane Roe"


def test_a_staff_byline_and_an_edition_notice_name_the_outlet() -> None:
    text = (f"Carrier advances\nBy Hanbit Ventures Staff\nYou're reading Hanbit Ventures Asia, "
            f"an edition of Hanbit Media.\nPixabay\nHanbit Telecom (NYSE: HBT) announced a "
            f"new model.\n{LEDE}\n")
    kinds = _kinds(text)
    assert kinds["Pixabay"] == "credit"
    assert kinds["You're reading Hanbit Ventures Asia, an edition of Hanbit Media."] == "widget"
    assert _people(text) == ("Hanbit Ventures", None)
    notice_only = text.replace("By Hanbit Ventures Staff\n", "")
    assert _people(notice_only)[0] == "Hanbit Ventures Asia"


def test_a_masthead_shaped_like_a_domain_names_the_site() -> None:
    text = f"Hanbitleaks.Net\nMenu\nAbout\nCarrier fined over a leak of customer data\n{LEDE}\n"
    assert _people(text)[0] == "Hanbitleaks.Net"


@pytest.mark.parametrize("line", ["반응형", "첨부파일 : 0a1b2c3d.jpg (22.5K) - 다운로드",
                                  "《통신·반도체 전문미디어 한빛일렉》"])
def test_a_blog_tools_furniture_and_an_outlets_slogan_go(line: str) -> None:
    assert _kinds(f"스팸 막는 통화 비서\n{line}\n{KO_LEDE}\n")[line] == "widget"


STALE = """Harbour city approves new ferry schedule
Local swimmer wins regional title again
Museum opens a wing for modern prints
Storm closes two mountain roads overnight
Hanbit Telecom profit rises on data centre demand
Hanbit Telecom said on Tuesday its quarterly profit rose on data centre demand from cloud firms.
The carrier's data centre revenue grew by a third, it said, and it plans two more sites.
"""


def test_a_stale_list_of_other_headlines_above_the_story_goes() -> None:
    lines = clean_lines(STALE)
    assert find_title(lines)[0] == "Hanbit Telecom profit rises on data centre demand"
    body = [line.text for line in content_lines(lines)]
    assert "Local swimmer wins regional title again" not in body
    assert "Storm closes two mountain roads overnight" not in body


def test_a_kicker_and_deck_above_a_body_are_no_stale_list() -> None:
    text = ("Data centres\nHanbit Telecom profit rises on data centre demand\n"
            "Cloud firms rent more racks as the carrier plans two more sites\n"
            + STALE.split("\n", 5)[5])
    lines = clean_lines(text)
    assert find_title(lines)[0] == "Hanbit Telecom profit rises on data centre demand"
    assert "Cloud firms rent more racks as the carrier plans two more sites" in [
        line.text for line in content_lines(lines)]


def test_a_colon_label_before_a_headline_is_no_dateline() -> None:
    link = "ALSO SEE: Hanbit Bank weighs a digital branch plan for the coast"
    assert _kinds(f"{LEDE}\n{link}\n{LEDE}\n").get("ALSO SEE:") is None


def test_the_outlet_that_tells_the_story_is_no_entity_of_it() -> None:
    from briefing.ingest.outlets import is_own_outlet
    assert is_own_outlet("Hanbit Ventures Asia", "Hanbit Ventures", TABLE)
    assert is_own_outlet("Yonhap", "Yonhap News Agency", TABLE)
    assert not is_own_outlet("Yonhap Infomax", "Yonhap News Agency", TABLE)
    assert not is_own_outlet("Hanbit Telecom", "Hanbit Ventures", TABLE)
    assert not is_own_outlet("KT", None, TABLE)


def test_a_trailing_wire_credit_names_the_agency_when_nothing_stronger_does() -> None:
    text = f"Profit rises\n{LEDE}\nThe carrier plans two more sites next year, it said. —HNA\n"
    assert _kinds(text)["—HNA"] == "byline"
    assert _people(text)[0] == "HNA"


def test_editing_credits_glued_to_the_reporters_are_no_author() -> None:
    text = f"Profit rises\n{LEDE}\n(Reporting by Jane Roe, Min-su KangEditing by John Doe)\n"
    assert _people(text)[1] == "Jane Roe, Min-su Kang"
