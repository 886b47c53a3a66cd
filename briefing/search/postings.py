"""Posting lists as text, and changing one without rebuilding the rest.

A posting is ``doc << 5 | weight``; a list, ascending by document, is written as per
posting ((doc - previous doc - 1) << 5 | weight), the first as (doc << 5 | weight): each
value a little-endian base-32 varint, one DIGITS character per 5 bits, +32 on every
character but the last. search.js and query.decode read it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from itertools import accumulate, chain, repeat

DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
# one posting: characters with the +32 bit (DIGITS[32:]), then one without
_POSTING = re.compile("[g-z0-9_-]*[A-Za-f]")
_VALUE = {char: n for n, char in enumerate(DIGITS)}


class Codes(dict[int, str]):
    """value -> its characters (memoised: postings repeat a few values)."""

    def __missing__(self, value: int) -> str:
        chars = []
        rest = value
        while rest >= 32:
            chars.append(DIGITS[32 | rest & 31])
            rest >>= 5
        chars.append(DIGITS[rest])
        code = self[value] = "".join(chars)
        return code


class Values(dict[str, int]):
    """characters -> the value they stand for (memoised, as Codes)."""

    def __missing__(self, code: str) -> int:
        value = 0
        for shift, char in enumerate(code):
            value |= (_VALUE[char] & 31) << (5 * shift)
        self[code] = value
        return value


def encode(entries: Sequence[int], codes: Codes) -> str:
    """A posting list as text. A posting of the next document costs one character."""
    previous = chain((0,), map(int.__add__, map(int.__and__, entries, repeat(~31)), repeat(32)))
    return "".join(map(codes.__getitem__, map(int.__sub__, entries, previous)))


def decode_entries(text: str, values: Values) -> list[int]:
    """The postings of a text, ``doc << 5 | weight`` (the loops run in C: a regular
    expression cuts the postings, maps turn them into numbers)."""
    numbers = list(map(values.__getitem__, _POSTING.findall(text)))
    gaps = map(int.__add__, map(int.__rshift__, numbers, repeat(5)), repeat(1))
    docs = accumulate(gaps, initial=-1)
    next(docs)
    return list(map(int.__or__, map(int.__lshift__, docs, repeat(5)),
                    map(int.__and__, numbers, repeat(31))))


def changed_list(text: str, removed: Iterable[int], added: Mapping[int, int],
                 codes: Codes, values: Values) -> str:
    """A posting text without the documents `removed`, with `added` (document -> weight)."""
    entries = decode_entries(text, values)
    gone = set(removed)
    if gone:
        entries = [entry for entry in entries if entry >> 5 not in gone]
    if added:
        entries.extend(doc << 5 | weight for doc, weight in added.items())
        entries.sort()
    return encode(entries, codes)
