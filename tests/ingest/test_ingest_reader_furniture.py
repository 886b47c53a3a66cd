"""Clutter and bylines of aggregators, investing sites and outlets nobody tuned on (issue 13,
round 6): assistant adverts, link cards, trailing wire credits, bylines with a title, a
ticker or glued to the lede, a name beside the date line, update labels, logos, issuers.
Fictional outlets, people and text throughout."""

from __future__ import annotations

from pathlib import Path

from conftest import FIXTURES, ingest

from briefing.ingest.byline import find_people_and_publisher, load_publishers
from briefing.ingest.clean import clean_lines, content_lines
from briefing.ingest.meta import find_dates_in_header, find_title

TABLE = load_publishers(None)


def _kinds(text: str) -> dict[str, str]:
    return {line.text: line.kind for line in clean_lines(text, frozenset()) if line.text}


def _people(text: str) -> tuple[str | None, str | None]:
    publisher, author, _ = find_people_and_publisher(clean_lines(text), TABLE)
    return publisher, author


ADVERT = """Hanbit Mobile held its second-quarter call. Read on for what management said.
Meet Robin – Your Personal Market Companion
- Start a conversation with TipRanks’ data-driven research assistant
- Ask Robin about shares, your watchlist, or the sector and get answers in seconds
Hanbit Mobile said revenue rose on data centre demand and fewer subscribers left in June.
Revenue Back to Growth
Revenue reached KRW 3.1 trillion in the quarter, up 2% from a year earlier, the company said.
"""


def test_a_run_of_reader_addressed_adverts_goes_and_names_the_site() -> None:
    kinds = _kinds(ADVERT)
    assert kinds["Meet Robin – Your Personal Market Companion"] == "prompt"
    assert kinds["Ask Robin about shares, your watchlist, or the sector and get answers in "
                 "seconds"] == "prompt"
    assert kinds["Revenue Back to Growth"] == "content"  # a sub-head, not an advert
    assert _people(ADVERT)[0] == "TipRanks"


def test_one_imperative_sub_head_alone_is_content() -> None:
    text = ("Hanbit Mobile outlines its AI plan for the year ahead at a briefing in Seoul.\n"
            "Meet the new network chief\nThe company named a new head of its network unit on "
            "Monday, it said in a statement.\n")
    assert _kinds(text)["Meet the new network chief"] == "content"


def test_a_sentence_about_others_signing_up_is_news() -> None:
    text = ("Carrier replaces chips\nThe carrier began replacing chips for its users on Monday "
            "after the leak, it said.\nThe carrier apologised and asked users to sign up for an "
            "identity protection service.\nSign up for our newsletter.\n")
    kinds = _kinds(text)
    assert kinds["The carrier apologised and asked users to sign up for an identity protection "
                 "service."] == "content"
    assert kinds["Sign up for our newsletter."] == "prompt"


# The lede is cut off mid-sentence, as stored copies often are.
LEDE = ("Hanbit Mobile on Monday announced a plan to build up to 5 gigawatts of AI data centre "
        "capacity, its chief executive said. The first site opens in Ulsan next year. The company "
        "said it would work with local governments on power and sites, and expand the cluster in "
        "stages to attract global customers that")
CARD = """Hanbit Mobile plans a 5GW AI data centre network by 2032
""" + LEDE + """
Why this story travels
Signal strength
Confidence label and source context included.
Entity focus
Ready to post
Optimized for X, LinkedIn, and chat previews.
Hanbit Mobile plans a 5GW AI data centre network by 2032 Why it matters: capacity shapes \
costs. Source: The Korea Times https://bytes.example/hanbit-mobile-5gw...
Permalink: https://bytes.example/hanbit-mobile-5gw
"""


def test_a_share_card_widget_after_a_cut_off_lede_goes() -> None:
    lines = clean_lines(CARD)
    kept = [line.text for line in content_lines(lines)]
    assert kept[0] == "Hanbit Mobile plans a 5GW AI data centre network by 2032"
    assert kept[1].startswith("Hanbit Mobile on Monday announced")
    assert len(kept) == 2
    # The card's 'Source:' names the story's outlet.
    assert find_people_and_publisher(lines, TABLE)[0] == "The Korea Times"


def test_a_trailing_wire_credit_leaves_its_paragraph_and_names_the_wire() -> None:
    text = ("Chip swaps begin\nThe carrier began replacing chips for its users on Monday after a "
            "leak of customer data, the company said.\nThe country has long been a target of "
            "hacking attacks, officials said. — AFP\n")
    kinds = _kinds(text)
    assert kinds["The country has long been a target of hacking attacks, officials said."] == \
        "content"
    assert kinds["— AFP"] == "byline"
    assert _people(text)[0] == "AFP"


def test_a_headline_printed_twice_on_one_line_is_read_once() -> None:
    text = ("Chip swaps begin after leakChip swaps begin after leak\n\nThe carrier began "
            "replacing chips for its users on Monday after a leak, the company said.\n")
    assert find_title(clean_lines(text))[0] == "Chip swaps begin after leak"


def test_bylines_with_a_title_and_firm_a_ticker_or_glued_to_the_lede() -> None:
    titled = ("Table of Contents\nBy Jane Roe, Founder & CEO, Hanbit Networks\nThe core point: a "
              "small stake changed how the market sees a carrier, and its shares rose.\nJane "
              "roe\nThe carrier bought its stake three years ago, the filing shows, and kept it.\n")
    kinds = _kinds(titled)
    assert kinds["Table of Contents"] == "menu"
    assert kinds["By Jane Roe, Founder & CEO, Hanbit Networks"] == "byline"
    assert kinds["Jane roe"] == "byline"  # the writer's card repeats the byline
    assert _people(titled)[1] == "Jane Roe"
    ticker = ("Analyst Ratings March 3, 2026\nCarrier Shares Jump\nBy Lena Park HBM\n"
              "Carrier shares climbed sharply after investors revalued its AI stake, the exchange "
              "data show.\n")
    assert _people(ticker)[1] == "Lena Park"
    glued = ("Min-su Kang, Ji-won Seo Hanbit Economic News MAJOR Korean carrier Hanbit Mobile "
             "will extend its partnership with two Asian operators for three more years.\n")
    kinds = _kinds(glued)
    assert kinds["Min-su Kang, Ji-won Seo Hanbit Economic News"] == "byline"
    assert kinds["MAJOR Korean carrier Hanbit Mobile will extend its partnership with two Asian "
                 "operators for three more years."] == "content"
    assert _people(glued) == ("Hanbit Economic News", "Min-su Kang, Ji-won Seo")


def test_a_name_alone_beside_the_date_line_is_the_author() -> None:
    text = ("Carrier lays out its AI plan\nAt the fair, the operator talked us through its plan "
            "for personal AI agents.\nJohn Roe\n\nMarch 4, 2026\nIf there was one theme at the "
            "show, it was AI, and most firms had it high on their list.\n")
    assert _kinds(text)["John Roe"] == "byline"
    assert _people(text)[1] == "John Roe"


def test_a_korean_name_before_its_date_and_a_mail_beside_the_date() -> None:
    named = "홍길동⁄ 2025.10.31 19:40:27\n\n한빛텔레콤이 AI 조직을 새로 꾸렸다고 31일 밝혔다.\n"
    assert _people(named)[1] == "홍길동"
    mailed = ("홍길동 기자\nhong@hanbit.example | 2025-03-03 12:03:48\n"
              "한빛텔레콤이 AI 인프라를 짓는다고 밝혔다.\n")
    lines = clean_lines(mailed)
    assert lines[1].kind == "dateline"
    assert str(find_dates_in_header(lines)[0]) == "2025-03-03"


def test_an_update_label_above_its_date_is_no_publication_date() -> None:
    text = ("How a carrier builds its own AI.\nUpdated\nDecember 30, 2025 1:38 PM\n\nThe carrier "
            "has unveiled a large model with half a trillion parameters, it said on Tuesday.\n")
    lines = clean_lines(text)
    published, updated, _ = find_dates_in_header(lines)
    assert published is None and updated is None
    assert {line.text: line.kind for line in lines}["Updated"] == "dateline"
    labelled = "Published\nMarch 5, 2026\n\nThe carrier said on Thursday it would cut prices.\n"
    assert str(find_dates_in_header(clean_lines(labelled))[0]) == "2026-03-05"


def test_publishers_from_a_review_credit_a_logo_and_a_release_issuer() -> None:
    reviewed = ("Carrier Q3 Call: Five Things\nGenerated by AI AgentCall NotesReviewed byAInvest "
                "News Editorial Team\nThursday, Oct 30, 2025 2:07 am ET2min read\nBot RobotBot "
                "Summary\nThe carrier reported lower revenue after a breach, and cut its dividend "
                "for the quarter.\n")
    kinds = _kinds(reviewed)
    assert kinds["Bot RobotBot Summary"] == "menu"
    assert _people(reviewed)[0] == "AInvest"
    logo = ("한빛에이전시 Hanbit 로고\n홈으로\nKT 위기의 연속\n2025-10-17 00:00\n"
            "안녕하세요. 디지털에이전시 한빛입니다. 오늘은 통신 보안 이야기를 해 보겠습니다.\n")
    assert _people(logo)[0] == "한빛에이전시"
    release = ("Skip to the content\nHanbit Telecom Announces 2Q 2026 Results\nHanbit Telecom "
               "(NYSE:HBT, “HBT”) today announced its results for the second quarter of 2026 on "
               "a consolidated basis.\n")
    assert _people(release)[0] == "Hanbit Telecom"


def test_the_outlets_name_alone_that_its_byline_names_is_a_masthead() -> None:
    text = ("한빛포스트\n\n2024.07.27(토)\n[한빛포스트 홍길동 기자] 한빛텔레콤이 "
            "미국 GPU 클라우드 회사에 투자했다고 21일 밝혔다.\n회사는 투자 규모를 밝히지 않았다.\n")
    lines = clean_lines(text)
    assert {line.text: line.kind for line in lines}["한빛포스트"] == "masthead"
    assert find_title(lines)[0] != "한빛포스트"
    assert _people(text) == ("한빛포스트", "홍길동")


def test_an_uncredited_scene_caption_before_the_lede_goes() -> None:
    scene = "한빛도지사가 16일 도청에서 기업들과 업무협약을 체결하고 있다."
    lede = "한빛도는 16일 기업들과 함께 AI 데이터센터 구축을 위한 업무협약을 맺었다고 밝혔다."
    text = ("한빛도, AI 데이터센터 짓는다\n\n홍길동 기자 hong@hanbit.example\n"
            f"2026년 01월 16일(금) 17:02\n{scene}\n{lede}\n")
    kinds = _kinds(text)
    assert (kinds[scene], kinds[lede]) == ("caption", "content")


def test_a_lede_glued_to_its_byline_that_describes_a_scene_stays() -> None:
    text = ("한빛텔레콤, 통신망 복구\n[한빛경제=홍길동 기자] 오전부터 한빛텔레콤의 "
            "통신망이 마비돼 이용자들이 불편을 겪고 있다.\n"
            "회사 관계자는 원인을 파악하고 있다고 말했다.\n")
    kinds = _kinds(text)
    assert kinds["오전부터 한빛텔레콤의 통신망이 마비돼 이용자들이 불편을 겪고 있다."] == "content"


def test_a_saved_page_keeps_the_same_rules(tmp_path: Path) -> None:
    """Saved HTML goes through trafilatura, then the same clutter and byline rules."""
    run = ingest([str(FIXTURES / "en_markets_page.html")], tmp_path / "out")
    assert run.code == 0, run.stderr
    front = run.front("2026-03-03")
    assert front["published"] == "2026-03-03"
    assert (front["source"]["publisher"], front["source"]["author"]) == ("AFP", "Lena Park")
    source = front["review"]["source_text"]
    assert "several times its cost if the developer lists its shares next year." in source
    for clutter in ("Meet Robin", "Start a conversation", "Ask Robin", "— AFP", "HBM"):
        assert clutter not in source
