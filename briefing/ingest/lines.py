"""One classified line of a raw article, shared by the cleaning and layout passes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Kind = Literal[
    "content", "caption", "widget", "share", "reaction", "comment", "related", "copyright",
    "byline", "dateline", "duplicate", "empty", "marker", "menu", "prompt", "credit", "ticker",
    "image", "masthead",
]
# Captions and credits go too: they repeat the body or name a photographer.
BOILERPLATE: frozenset[str] = frozenset(
    {"widget", "share", "reaction", "comment", "related", "copyright", "byline", "dateline",
     "duplicate", "empty", "marker", "menu", "prompt", "credit", "ticker", "image", "caption",
     "masthead"})
SENTENCE_END = re.compile(r"(?:[다요죠]\.?|[음함임됨]\.|[.!?…]|[\"'”’」』]\s*)$")


@dataclass(frozen=True, slots=True)
class Line:
    number: int  # 1-based line number in the decoded input
    text: str  # stripped, bullets removed
    kind: Kind


def is_sentence(text: str) -> bool:
    return bool(SENTENCE_END.search(text))
