"""Content is never lost: a closing wire credit and an English sub-head (issue 13, held-out set)."""

from __future__ import annotations

from briefing.ingest.clean import clean_lines, content_lines

ARTICLE = """Carrier opens a seaside data hub
By Park Ji-won
BUSAN -- A mobile carrier said on Friday it had opened a data hub on the coast, the first of three.
Heavy spending ahead
The carrier will spend most of the money on servers and cooling over four years, it said.
Two rivals are weighing similar sites in the south, people familiar with it said. (Yonhap)
Most read
"""


def test_a_last_paragraph_ending_in_a_wire_credit_keeps_its_text() -> None:
    lines = clean_lines(ARTICLE)
    body = [line.text for line in content_lines(lines)]
    assert body[-1] == ("Two rivals are weighing similar sites in the south, "
                        "people familiar with it said.")
    assert [(line.text, line.kind) for line in lines if line.number == 6] == [
        (body[-1], "content"), ("(Yonhap)", "credit")]


def test_an_english_sub_head_between_paragraphs_is_content() -> None:
    body = [line.text for line in content_lines(clean_lines(ARTICLE))]
    assert "Heavy spending ahead" in body


def test_an_all_caps_byline_is_still_a_byline() -> None:
    kinds = {line.text: line.kind for line in clean_lines("Title here\nBY PARK JI-WON\nBody.\n")}
    assert kinds["BY PARK JI-WON"] == "byline"


def test_a_caption_with_a_wire_credit_before_the_body_stays_a_caption() -> None:
    text = ("Carrier opens hub\nWorkers check servers at the new hub on Friday. (Yonhap)\n"
            "A carrier said on Friday it had opened a data hub on the coast, the first of three.\n"
            "Most read\n")
    kinds = {line.text: line.kind for line in clean_lines(text)}
    assert kinds["Workers check servers at the new hub on Friday. (Yonhap)"] == "caption"
