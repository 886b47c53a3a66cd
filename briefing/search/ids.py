"""Stable document ids: a document's id comes from its own site path and date, so adding,
removing or editing another document leaves it alone, and any build of the same content
gives the same ids (whatever the builds before it).

Each type (documents.TYPES) owns the ids ``n << TYPE_BITS ...``. Inside it, a document's
preferred id is ``bucket << slot_bits | slot``: the bucket is its month, newest first
(carriers and entities have one bucket), so ties in a ranking still go to the newest; the
slot is the top `slot_bits` of a hash of its site path. `slot_bits` leaves about 16 slots
per document in the busiest bucket of the type, so two documents rarely want the same id;
when they do, the one with the smaller (type, id) key keeps it and the other takes
the next free id. Delta-encoded postings turn the gaps into a few bits each.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import TypeVar

from briefing.core.dates import PartialDate

TYPE_BITS = 40  # ids of type n: n << TYPE_BITS up to (n + 1) << TYPE_BITS
SPARSITY_BITS = 4  # about 2**4 slots per document in a type's busiest bucket
MIN_SLOT_BITS = 4
_LAST_YEAR = 9999
_UNDATED = (_LAST_YEAR + 1) * 13  # after every dated bucket
K = TypeVar("K", bound=tuple[str, str])  # a document's key, (type, id)


IdKey = tuple[int, int, int]  # (type index in documents.TYPES, bucket, path_hash)


def bucket(date: PartialDate | None) -> int:
    """The month, newest first (a year-precision date after that year's months)."""
    if date is None:
        return _UNDATED
    year = min(max(date.year, 0), _LAST_YEAR)
    return (_LAST_YEAR - year) * 13 + 12 - date.month


def path_hash(path: str) -> int:
    """64 bits of a site path (no seed: ids are the same in every process)."""
    return int.from_bytes(hashlib.blake2b(path.encode("utf-8"), digest_size=8).digest(), "big")


def slot_bits(keys: Iterable[IdKey]) -> dict[int, int]:
    """Per type: bits of the slot, from the count of its busiest bucket."""
    busiest: dict[int, int] = {}
    for (type_index, _), count in Counter((k[0], k[1]) for k in keys).items():
        busiest[type_index] = max(busiest.get(type_index, 0), count)
    return {t: max(MIN_SLOT_BITS, count.bit_length() + SPARSITY_BITS)
            for t, count in busiest.items()}


def assign_ids(keys: Mapping[K, IdKey]) -> dict[K, int]:
    """Every document's id. Two documents that want the same id: the smaller key keeps it."""
    bits = slot_bits(keys.values())
    preferred = sorted(((t << TYPE_BITS) + (b << bits[t]) + (h >> (64 - bits[t])), key)
                       for key, (t, b, h) in keys.items())
    ids: dict[K, int] = {}
    last = -1
    for wanted, key in preferred:
        last = wanted if wanted > last else last + 1
        ids[key] = last
    return ids


def type_ranges(types: Iterable[str]) -> dict[str, list[int]]:
    """The id range of each type, as meta.json lists it."""
    return {name: [n << TYPE_BITS, (n + 1) << TYPE_BITS] for n, name in enumerate(types)}
