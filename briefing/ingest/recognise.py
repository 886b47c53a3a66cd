"""Known carriers and entities in text: names and aliases, Korean particles attached.

Rules that keep false hits out:
- an alias that starts with a Latin letter or digit must not follow one (`KT` in `SKT`,
  `MS` in `SMS`); one that starts with Hangul must start a word;
- an alias that ends in Latin or punctuation must not be followed by a Latin letter or
  digit (`KT` in `KTX`, `A.` in `A.X 4.0`);
- anything followed by Hangul must be followed by particles only (`엔비디아로부터`, `MS와`,
  `SK텔레콤은`) and then the end of the word: `메타` in `메타버스` and `KT` in
  `KT나스미디어` are no hits;
- where Latin meets Hangul a name may be written with or without a space (`LG 유플러스`).
Overlapping names: the longest wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.ingest.known import KnownNode
from briefing.ingest.people import spelling_variants

# Particles (josa) and a few bound nouns that attach to names, longest first.
JOSA: tuple[str, ...] = tuple(sorted({
    "으로부터", "로부터", "에서부터", "에게서", "에서는", "에서도", "에서의", "에서",
    "에게는", "에게", "에는", "에도", "에의", "와의", "과의", "와는", "과는", "와도",
    "과도", "으로서", "으로써", "으로는", "으로도", "으로의", "으로", "로서", "로써",
    "로는", "로도", "로의", "로", "이라는", "라는", "이라고", "라고", "이라며", "라며",
    "이다", "였다", "이었다", "이며", "이고", "이자", "까지", "부터", "보다", "처럼",
    "만큼", "마저", "조차", "께서", "한테", "이나", "나", "이랑", "랑", "와", "과", "은",
    "는", "이", "가", "을", "를", "의", "에", "도", "만", "뿐", "측", "사", "社", "등",
    "대비", "하고", "서",
}, key=len, reverse=True))
_TAIL = re.compile(rf"(?:{'|'.join(JOSA)})*(?![가-힣])")
_HANGUL = re.compile(r"[가-힣]")
_YEAR_TAIL = re.compile(r"(?:\s?(?:19|20)\d{2}|\d{2})(?![\dA-Za-z])")
_LATIN_OR_DIGIT = re.compile(r"[A-Za-z0-9]")


@dataclass(frozen=True, slots=True)
class Mention:
    id: str
    is_carrier: bool
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class _Alias:
    text: str  # as searched: lowercased when case-insensitive
    id: str
    is_carrier: bool
    case_sensitive: bool
    latin_start: bool
    latin_end: bool
    year_suffix: bool = False  # a conference: 'MWC26', 'MWC 2026' name the same one


@dataclass(frozen=True, slots=True)
class Matcher:
    aliases: tuple[_Alias, ...]

    def find(self, text: str) -> list[Mention]:
        return find_mentions(self, text)


def _case_sensitive(alias: str) -> bool:
    # Short all-caps acronyms (KT, MS, SKT, GTAA) must be written so; names may vary in case.
    letters = re.sub(r"[^A-Za-z]", "", alias)
    return not letters or (letters.isupper() and len(letters) <= 5) or bool(_HANGUL.search(alias))


_SCRIPT_GAP = re.compile(r"(?<=[A-Za-z0-9+])\s?(?=[가-힣])|(?<=[가-힣])\s?(?=[A-Za-z0-9])")


def _spacings(name: str) -> tuple[str, ...]:
    """A name as written, and with or without a space where Latin meets Hangul: outlets
    write 'LG유플러스' and 'LG 유플러스', 'SK 텔레콤' and 'SK텔레콤' for the same company."""
    return tuple(dict.fromkeys((name, _SCRIPT_GAP.sub(" ", name), _SCRIPT_GAP.sub("", name))))


def build_matcher(nodes: tuple[KnownNode, ...]) -> Matcher:
    """Index every name and alias; a name shared by a carrier and an entity goes to the carrier."""
    owners: dict[str, KnownNode] = {}
    for node in sorted(nodes, key=lambda n: (not n.is_carrier, n.id)):
        for name in node.names:
            key = re.sub(r"\s+", " ", name.strip())
            if len(key) >= 2 or _HANGUL.search(key):
                for variant in _spacings(key):
                    owners.setdefault(variant, node)
    # A known person spelled another way ('Yoo Young-sang' for 'Ryu Young-sang'): after
    # every real name, so a variant never takes a name from another node.
    for node in nodes:
        if node.type == "person":
            for name in node.names:
                for variant in spelling_variants(name)[1:]:
                    owners.setdefault(variant, node)
    aliases = []
    for key, node in owners.items():
        sensitive = _case_sensitive(key)
        aliases.append(_Alias(
            text=key if sensitive else key.lower(), id=node.id, is_carrier=node.is_carrier,
            case_sensitive=sensitive, latin_start=bool(_LATIN_OR_DIGIT.match(key[0])),
            latin_end=bool(_LATIN_OR_DIGIT.match(key[-1])),
            year_suffix=node.type == "conference" and bool(_LATIN_OR_DIGIT.match(key[-1]))))
    aliases.sort(key=lambda a: (-len(a.text), a.text))
    return Matcher(tuple(aliases))


def _boundary_ok(alias: _Alias, text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else ""
    if before:
        if alias.latin_start and (_LATIN_OR_DIGIT.match(before) or before == "&"):
            return False
        if not alias.latin_start and (_HANGUL.match(before) or _LATIN_OR_DIGIT.match(before)):
            return False
    year = _YEAR_TAIL.match(text, end) if alias.year_suffix else None
    if year:
        end = year.end()
    after = text[end] if end < len(text) else ""
    if not after:
        return True
    if _LATIN_OR_DIGIT.match(after) and (alias.latin_end or not alias.text[-1].isalnum()):
        return False  # 'KT' in 'KTX'; 'A.' in the model name 'A.X 4.0'
    if alias.latin_end and after == "-" and _LATIN_OR_DIGIT.match(text[end + 1:end + 2]):
        return False  # 'ixi' is not 'ixi-O'

    if _HANGUL.match(after) or not alias.latin_end:
        return bool(_TAIL.match(text, end))
    return True


def find_mentions(matcher: Matcher, text: str) -> list[Mention]:
    """Every known name in text, longest first where names overlap."""
    lowered = text.lower()
    folded = lowered if len(lowered) == len(text) else None
    hits: list[tuple[int, int, _Alias]] = []
    for alias in matcher.aliases:
        haystack = text if alias.case_sensitive or folded is None else folded
        position = haystack.find(alias.text)
        while position >= 0:
            end = position + len(alias.text)
            if _boundary_ok(alias, text, position, end):
                hits.append((position, end, alias))
            position = haystack.find(alias.text, position + 1)
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    mentions: list[Mention] = []
    last_end = -1
    for start, end, alias in hits:
        if start >= last_end:
            mentions.append(Mention(alias.id, alias.is_carrier, start, end, text[start:end]))
            last_end = end
    return mentions
