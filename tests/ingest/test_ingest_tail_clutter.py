"""Clutter glued to content or hiding in lists after the body (issue 13, held-out set)."""

from __future__ import annotations

from briefing.ingest.byline import find_people_and_publisher, load_publishers
from briefing.ingest.clean import clean_lines, content_lines

ARTICLE = """통신사 새 요금제 내놔
매장에 걸린 새 요금제 안내 화면. 연합뉴스12일 통신업계에 따르면 한 통신사가 새 요금제를 내놨다.
회사는 이 요금제를 다음 달부터 판다고 밝혔다. [한도윤 한빛경제 기자]
—APP
(Yonhap)
/연합뉴스
많이 본 뉴스
3못 말리는 요금 경쟁이 다시 시작됐다
1KT, 새 요금제로 가입자 모으기 나서
"""


def _kinds() -> list[tuple[str, str]]:
    return [(line.text, line.kind) for line in clean_lines(ARTICLE) if line.text]


def test_a_credit_glued_to_the_lede_is_split_off() -> None:
    assert ("매장에 걸린 새 요금제 안내 화면. 연합뉴스", "caption") in _kinds()
    assert ("12일 통신업계에 따르면 한 통신사가 새 요금제를 내놨다.", "content") in _kinds()


def test_a_closing_bracketed_byline_leaves_the_sentence_and_names_the_author() -> None:
    lines = clean_lines(ARTICLE)
    assert ("회사는 이 요금제를 다음 달부터 판다고 밝혔다.", "content") in _kinds()
    assert ("[한도윤 한빛경제 기자]", "byline") in _kinds()
    _, author, _ = find_people_and_publisher(lines, load_publishers(None))
    assert author == "한도윤"


def test_trailing_wire_credit_lines_are_credits() -> None:
    found = dict(_kinds())
    assert [found["—APP"], found["(Yonhap)"], found["/연합뉴스"]] == ["credit"] * 3


def test_ranked_titles_with_glued_numbers_after_a_list_header_are_dropped() -> None:
    found = dict(_kinds())
    assert found["3못 말리는 요금 경쟁이 다시 시작됐다"] == "related"
    assert found["1KT, 새 요금제로 가입자 모으기 나서"] == "related"
    assert [line.text for line in content_lines(clean_lines(ARTICLE))] == [
        "통신사 새 요금제 내놔", "12일 통신업계에 따르면 한 통신사가 새 요금제를 내놨다.",
        "회사는 이 요금제를 다음 달부터 판다고 밝혔다."]


def test_a_numbered_sentence_in_the_body_stays_content() -> None:
    text = "제목\n회사가 새 요금제를 내놨다고 밝혔다고 업계가 전했다.\n5G 가입자는 늘었다.\n"
    found = {line.text: line.kind for line in clean_lines(text)}
    assert found["5G 가입자는 늘었다."] == "content"


def test_a_credit_ending_in_a_digit_glued_to_the_day_is_split_off() -> None:
    text = "제목\n행사장 모습. 뉴스125일 KT가 요금제를 내놨다.\n"
    found = [(line.text, line.kind) for line in clean_lines(text)]
    assert ("행사장 모습. 뉴스1", "caption") in found
    assert ("25일 KT가 요금제를 내놨다.", "content") in found
