"""Quoted speech in a sentence: what someone said is no fact of the article, and no date of
one. A quote the sentence split cut in two counts too.

Pure functions over one sentence.
"""

from __future__ import annotations

import re

QUOTED_SPEECH = re.compile(r"[“\"][^”\"]{15,}[”\"]")


# A quoted name is no speech, however long: “Alliance SK ICT”, "Hanbit AI Open Lab 2.0".
_NAME = re.compile(r"[“\"]\s*(?:[A-Z0-9][\w.&+/-]*\s*){1,6}[”\"]")


# A release quoted whole: '전남도는 16일 “… 협약을 맺었다”고 밝혔다' tells a done fact in the
# party's own words, which is the fact, not a view (views are present or future: '…할 것').
_DONE_QUOTE = re.compile(r"(?:었|았|했|됐|였|쳤|졌)다\.?\s*[”\"]$")
_RELEASED = re.compile(r"\s*고\s*(?:\S+\s+){0,2}?(?:밝혔|전했|발표했|알렸)")


def quoted_spans(sentence: str) -> list[tuple[int, int]]:
    """Spans of quoted speech: what someone said is no dated fact of the article."""
    return [(m.start(), m.end()) for m in QUOTED_SPEECH.finditer(sentence)
            if not _NAME.fullmatch(m.group(0)) and not (
                _DONE_QUOTE.search(m.group(0)) and _RELEASED.match(sentence, m.end()))]


# A quote the sentence splitter cut: one opened and not closed in this sentence, or closed
# here and opened in the sentence before ('… 원년으로 삼겠다”며 …').
_OPEN_TAIL = re.compile(r"[“\"][^”\"]{15,}$")
_CLOSED_HEAD = re.compile(r"^[^“\"]{15,}?[”\"]")


def speech_spans(sentence: str) -> list[tuple[int, int]]:
    """Quoted speech, a quote cut by the sentence split included."""
    spans = quoted_spans(sentence)
    rest = QUOTED_SPEECH.sub(lambda m: "\0" * len(m.group(0)), sentence)  # names too
    if "“" in rest or "”" in rest:
        opened = _OPEN_TAIL.search(rest)
        if opened and "”" not in opened.group(0):
            spans.append((opened.start(), len(sentence)))
        closed = _CLOSED_HEAD.match(rest)
        if closed and "“" not in closed.group(0) and "\0" not in closed.group(0):
            spans.append((0, closed.end()))
    return sorted(spans)


def unquoted(sentence: str) -> str:
    """The sentence with its quoted speech blanked (same length, so spans still fit)."""
    for start, end in speech_spans(sentence):
        sentence = sentence[:start] + " " * (end - start) + sentence[end:]
    return sentence
