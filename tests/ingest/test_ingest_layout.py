"""Clutter and headline by where a line sits, on page shapes of outlets nobody tuned on:
aggregators with AI-summary notices, press-release reposts, small sites' mastheads, empty
table cells, widget areas after the body. Fictional outlets and text throughout."""

from __future__ import annotations

import pytest

from briefing.ingest.byline import load_publishers, outlet_names
from briefing.ingest.clean import clean_lines, content_lines
from briefing.ingest.meta import find_people_and_publisher, find_title

TABLE = load_publishers(None)
OUTLETS = outlet_names(TABLE)
LEDE = ("Hanbit Telecom said on Tuesday it would spend 2 trillion won on AI data centres "
        "over the next five years, its largest investment plan so far.")
SECOND = ("The carrier plans to open the first site in the southern port city next year and "
          "to rent its graphics processors to start-ups and universities.")


def kinds(text: str) -> dict[str, str]:
    return {line.text: line.kind for line in clean_lines(text, OUTLETS)}


def kept(text: str) -> list[str]:
    return [line.text for line in content_lines(clean_lines(text, OUTLETS))]


def title(text: str) -> str:
    return find_title(clean_lines(text, OUTLETS))[0]


AGGREGATOR = f"""The Morning Ledger
Select Language
search
BREAKING NEWS
Hanbit Telecom Bets on AI Data Centres
AI

Hanbit Telecom Bets on AI Data Centres

Editorial
schedule 4 min
    300 x 250 Sidebar Slot

    {LEDE}

    {SECOND}
"""


def test_masthead_menus_and_banners_above_the_headline_go() -> None:
    found = kinds(AGGREGATOR)
    assert title(AGGREGATOR) == "Hanbit Telecom Bets on AI Data Centres"
    for clutter in ("Select Language", "search", "BREAKING NEWS", "AI", "Editorial",
                    "schedule 4 min", "300 x 250 Sidebar Slot"):
        assert found[clutter] != "content", clutter
    assert kept(AGGREGATOR) == ["Hanbit Telecom Bets on AI Data Centres", LEDE, SECOND]


def test_an_unknown_outlet_in_the_masthead_is_the_last_resort_publisher() -> None:
    publisher, _, _ = find_people_and_publisher(clean_lines(AGGREGATOR, OUTLETS), TABLE)
    assert publisher == "The Morning Ledger"


def test_a_breadcrumb_is_no_headline_but_names_the_source() -> None:
    text = f"Economy >> The Chosun Ilbo Global\n\nHanbit to spend big on AI\n\n{LEDE}\n{SECOND}"
    lines = clean_lines(text, OUTLETS)
    assert find_title(lines)[0] == "Hanbit to spend big on AI"
    assert find_people_and_publisher(lines, TABLE)[0] == "조선일보"


def test_a_kicker_above_an_english_headline_gives_way_to_it() -> None:
    text = ("Building the AI Economy\n\nHanbit Telecom to Build Data Centre Hub in the South\n\n"
            f"{LEDE}\n{SECOND}")
    assert title(text) == "Hanbit Telecom to Build Data Centre Hub in the South"


def test_an_empty_table_cell_and_a_counter_are_neither_headline_nor_content() -> None:
    text = f"|\n11\n{LEDE}\n{SECOND}"
    assert kept(text) == [LEDE, SECOND]
    assert title(text).startswith("Hanbit Telecom said on Tuesday")


def test_the_cut_off_last_line_is_never_the_headline() -> None:
    text = f"{LEDE}\n{SECOND}\nIn 2005, Hanbit Telecom opened a branch in the"
    assert not title(text).startswith("In 2005")


def test_a_catchy_korean_headline_beats_the_deck_that_shares_more_words() -> None:
    text = ("한빛텔레콤 'AI 동맹' 연 1천억 베팅\n"
            "지난해 AI 스타트업 지분 투자 세 배로 늘려\n"
            "한빛텔레콤이 지난해 AI 스타트업 다섯 곳에 지분 투자를 했다고 20일 밝혔다. "
            "투자 규모는 전년의 세 배다.\n")
    assert title(text) == "한빛텔레콤 'AI 동맹' 연 1천억 베팅"


WIDGETS = f"""Hanbit Telecom Bets on AI Data Centres

{LEDE}

{SECOND} (Hanbit Wire)
Hashtags

Try Our AI Features
Explore what the assistant can do for you:
Comments
No comments yet...
Related Articles

Korea Times
an hour ago
Central bank vows steady rates amid market jitters
The central bank said on Monday it would keep rates steady as markets wobbled over the
"""


def test_a_widget_area_after_the_body_goes_with_its_related_stories() -> None:
    assert kept(WIDGETS) == ["Hanbit Telecom Bets on AI Data Centres", LEDE, SECOND]


def test_a_related_story_credit_never_names_the_publisher() -> None:
    publisher, _, _ = find_people_and_publisher(clean_lines(WIDGETS, OUTLETS), TABLE)
    assert publisher != "The Korea Times"


def test_ai_summary_and_newsletter_notices_after_the_body_go() -> None:
    text = (f"{LEDE}\n{SECOND}\nEditorial notes\nTransparency note\n"
            "AI assisted drafting. Human edited and reviewed.\nRisk assessment\nHigh\n"
            "Get the weekly briefing\nNo spam. Unsubscribe anytime.\n"
            "Read on Mastodon — example.social →\n"
            "AI-generated summary · from 1 sources. How we write summaries →\n")
    assert kept(text) == [LEDE, SECOND]


def test_sub_heads_followed_by_prose_stay() -> None:
    text = (f"Hanbit Telecom Bets on AI Data Centres\n{LEDE}\nKey Details\nWhat Happened\n"
            f"{SECOND} It will also hire two hundred engineers for the project.\n")
    assert "Key Details" in kept(text) and "What Happened" in kept(text)


def test_a_summary_bullet_list_at_the_top_is_content() -> None:
    text = ("Hanbit Telecom outlines AI overhaul\n"
            f"{LEDE}\n"
            "- AI will run the network core and the customer desks.\n"
            "- Data centre capacity grows to a gigawatt.\n"
            "- Its own language model gets larger.\n"
            "Why it matters: the carrier wants to cut costs and sell AI services.\n")
    assert kept(text)[2:5] == ["AI will run the network core and the customer desks.",
                               "Data centre capacity grows to a gigawatt.",
                               "Its own language model gets larger."]


def test_a_caption_printed_twice_goes_and_a_lede_printed_as_deck_stays_once() -> None:
    caption = "한빛텔레콤 모델이 새 AI 비서를 소개하고 있다."
    lede = "한빛텔레콤이 AI 사업부를 전사 조직으로 올린다고 21일 밝혔다."
    text = (f"한빛텔레콤, AI 사업부 격상\n{lede}\n{lede}\n{caption}\n{caption}\n"
            f"[한빛경제 홍길동 기자] {lede}\n회사는 올해 안에 AI 인력을 두 배로 늘릴 계획이다.\n")
    body = kept(text)
    assert caption not in body
    assert body.count(lede) == 1


@pytest.mark.parametrize("line", [
    "Play Video", "동영상 재생", "Your browser does not support the video tag.", "02:31 / 04:10",
    "조회수 1.2만회 · 3일 전", "12K views", "구독자 35만명",  # video pages
    "작성자 한빛맨 | 조회 1234 | 추천 5", "이전글", "다음글",  # message boards
    "#AI #한빛텔레콤 #데이터센터", "Tags: AI, data centres, Hanbit",  # tag lines
    "AI-generated summary · from 3 sources", "이 기사는 AI가 요약했습니다.",  # AI notices
    "원문보기", "Source: Hanbit Wire",  # repost footers
    "[이미지]", "Photo",  # empty image cells
])
def test_page_furniture_of_portals_video_sites_and_boards_goes(line: str) -> None:
    assert kept(f"Hanbit Telecom Bets on AI Data Centres\n{LEDE}\n{line}\n{SECOND}") == [
        "Hanbit Telecom Bets on AI Data Centres", LEDE, SECOND]


def test_an_also_read_link_goes_and_prose_about_ai_summaries_stays() -> None:
    about = "한빛텔레콤은 통화 내용을 AI가 요약해 주는 기능을 다음 달 내놓는다고 밝혔다."
    text = (f"Hanbit Telecom Bets on AI Data Centres\n{LEDE}\n"
            "Also read: Hanbit rival opens its own AI lab\n"
            f"{SECOND}\n{about}")
    assert kept(text) == ["Hanbit Telecom Bets on AI Data Centres", LEDE, SECOND, about]
