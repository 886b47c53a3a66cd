"""Names in a list with known ones: '카카오벤처스, 한빛벤처투자, 블루포인트파트너스 등',
'KT, 한빛중공업지주, 한양대학교에 의해', 'with Krafton, Selectstar, and KAIST'. When at
least a third of a list's members are names already found, the others are names too.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from typing import Any

from briefing.ingest.latin import is_common, plausible
from briefing.ingest.proposal import GEO, STOP, NewEntity, guess_type
from briefing.ingest.recognise import Mention

_GLOSS = r"(?:\s?\([^()]{1,30}\))?"
_KO_ITEM = rf"[가-힣A-Za-z0-9][가-힣A-Za-z0-9&+.\-]{{1,19}}{_GLOSS}"
# Three or more one-word members joined by commas, the last with '등' or a particle.
_KO_LIST = re.compile(rf"(?<![^\s(\[“‘'\"])(?P<run>{_KO_ITEM}(?:\s?[,·]\s?{_KO_ITEM}){{2,}})"
                      r"(?=\s?등|[은는이가을를의와과에도]|\s|[.)]|$)")
_EN_SPLIT = re.compile(r",\s*(?:and\s+|or\s+)?|\s+and\s+")
# A member: one capitalised name among lower-case words ('AI chip maker Orbit', 'KAIST
# will join').
_EN_NAME_RUN = re.compile(r"(?<![\w&.'-])[A-Z0-9][\w&.'-]*(?:\s+(?:of\s+)?[A-Z][\w&.'-]*){0,4}")
_PARTICLES = ("에서", "으로", "에게", "와", "과", "은", "는", "이", "가", "을", "를", "의", "에",
              "도", "로")


# Particles that follow a final consonant, and those that follow a vowel: '디스플레이' ends
# in no particle ('레' has no final consonant, so '이' would be '가').
_AFTER_CONSONANT, _AFTER_VOWEL = frozenset("이은을과"), frozenset("가는를와")


def fits(stem: str, particle: str) -> bool:
    """Can `particle` follow `stem` ('LG디스플레' + '이' cannot: the '이' is the name's)?"""
    last = stem[-1:]
    if len(particle) != 1 or not "가" <= last <= "힣":
        return True
    final = (ord(last) - 0xAC00) % 28 != 0
    return not ((particle in _AFTER_CONSONANT and not final)
                or (particle in _AFTER_VOWEL and final))


def _known(name: str, start: int, mentions: Sequence[Mention], found: Collection[str]) -> bool:
    end = start + len(name)
    return name.lower() in found or any(m.start < end and start < m.end for m in mentions)


def _bare(item: str, last: bool) -> str:
    item = re.sub(r"\s?\([^()]*\)", "", item.strip())
    if last:
        for particle in _PARTICLES:  # only the last member carries the particle
            if item.endswith(particle) and len(item) - len(particle) >= 2 and \
                    re.search(r"[가-힣]$", item[:-len(particle)]) and \
                    fits(item[:-len(particle)], particle):
                return item[:-len(particle)]
    return item


def korean_members(sentence: str, mentions: Sequence[Mention], found: Collection[str],
                   tokens: Sequence[Any] | None) -> list[tuple[str, int]]:
    """(name, start) of the members not yet found, in lists mostly of found names."""
    result: list[tuple[str, int]] = []
    for match in _KO_LIST.finditer(sentence):
        items, position = [], match.start("run")
        raw = re.split(r"(\s?[,·]\s?)", match.group("run"))
        for index in range(0, len(raw), 2):
            items.append((_bare(raw[index], index == len(raw) - 1), position))
            position += len(raw[index]) + (len(raw[index + 1]) if index + 1 < len(raw) else 0)
        known = [_known(name, start, mentions, found) for name, start in items]
        if sum(known) * 3 < len(items):
            continue
        for (name, start), seen in zip(items, known, strict=True):
            if seen or len(name) < 2 or _common_noun(tokens, start, name) or \
                    re.search(r"[은는을를에와과로]$", name):
                continue  # '협의체로': the list's head noun, not a member
            result.append((name, start))
    return result


def _common_noun(tokens: Sequence[Any] | None, start: int, name: str) -> bool:
    """Kiwi reads the member as one common noun ('통신', '금융'): a field, not a name."""
    inside = [t for t in tokens or () if start <= t.start < start + len(name)]
    return len(inside) == 1 and inside[0].tag == "NNG"


def english_members(sentence: str, mentions: Sequence[Mention], found: Collection[str]
                    ) -> list[tuple[str, int]]:
    """(name, start) of list members not yet found, in runs of three or more members."""
    result: list[tuple[str, int]] = []
    run: list[tuple[str, int]] = []
    position = 0
    pieces = _EN_SPLIT.split(sentence)
    for piece in [*pieces, ""]:
        names = [n.rstrip(".") for n in _EN_NAME_RUN.findall(piece)]
        names = [n for n in names if not is_common(n)]  # 'AI chip maker …', 'The …'

        if len(names) == 1 and len(piece.split()) <= 10:
            run.append((names[0], sentence.find(names[0], position)))
        else:
            if len(run) >= 3:
                known = [_known(n, s, mentions, found) for n, s in run]
                if sum(known) * 3 >= len(run):
                    result += [(n, s) for (n, s), k in zip(run, known, strict=True)
                               if not k and plausible(n) and len(n.split()) <= 2]
            run = []
        position = max(position, sentence.find(piece, position) + len(piece)) if piece else position
    return result


def listed(sentences: Sequence[str], mentions: Sequence[Sequence[Mention]],
            tokens: Sequence[Sequence[Any] | None], found: Sequence[NewEntity],
            known: frozenset[str]) -> list[NewEntity]:
    """Members of lists mostly made of names already found or known (lists.py)."""
    names = {e.name.lower() for e in found} | known
    result = []
    for sentence, named, words in zip(sentences, mentions, tokens, strict=True):
        korean = re.search(r"[가-힣]", sentence) is not None
        members = korean_members(sentence, named, names, words) if korean else \
            english_members(sentence, named, names)
        result += [NewEntity(name, guess_type(name, sentence), sentence)
                   for name, _ in members if name not in GEO and name not in STOP]
    return result
