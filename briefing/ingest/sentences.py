"""Split content lines into sentences (Korean and English news prose)."""

from __future__ import annotations

import re

# A break after Korean sentence endings ('했다.', '것"이라고 말했다.') or an English full stop,
# but not after abbreviations ('Inc.', 'Co.', 'U.S.') or numbers ('2024. 1. 10.').
_BREAK = re.compile(
    r"(?<=다\.)(?=[가-힣A-Z“‘\"'])"  # '…강조했다.국내 …', '…밝혔다.SK텔레콤은': a lost break
    r"|(?<=[가-힣][.!?])[\"'”’」』)]?\s+"
    # After a capital too ('… with OpenAI. SK Telecom …'): initials ('U.S.', 'J.') and
    # abbreviations ('Corp.') are kept whole below.
    r"|(?<=[A-Za-z0-9%)\"'”’][.!?])[\"'”’]?\s+(?=[A-Z“\"‘'(\[가-힣])"
    r"|(?<=[.!?][\"'”’])\s+(?=[A-Z“\"‘'(\[가-힣])"
    # '… on Friday.KT also …', '… OpenAI.SK Telecom …', '…,” she said.The …': a break lost
    # in copying (two letters before the stop, so 'U.S.Army', 'A.X' and 'e.g.' stay whole).
    r"|(?<=[A-Za-z]{2}[.!?])(?=[A-Z“\"‘][A-Za-z])|(?<=[a-z][.!?][”\"])(?=[A-Z“\"‘])")
_ABBREVIATIONS = re.compile(
    r"(?:\b(?:Inc|Co|Corp|Ltd|Mr|Ms|Mrs|Dr|Prof|St|No|vs|etc|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|"
    r"Sept|Oct|Nov|Dec|U\.S|U\.K|e\.g|i\.e|Jr|Sr|Gov|Rep|Sen|Gen|Lt|Col)\.|\b[A-Z]\.)$")


def split_sentences(line: str) -> list[str]:
    """Sentences of one line, in order; a line without a break is one sentence."""
    pieces: list[str] = []
    position = 0
    for match in _BREAK.finditer(line):
        head = line[position:match.start()].rstrip()
        if _ABBREVIATIONS.search(head[-12:]):
            continue
        cut = match.start() + len(match.group(0).rstrip())
        pieces.append(line[position:cut].strip())
        position = match.end()
    tail = line[position:].strip()
    if tail:
        pieces.append(tail)
    return [p for p in pieces if p]
