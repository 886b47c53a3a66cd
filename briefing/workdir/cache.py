"""A persistent cache of validated files, keyed by content hash, in .briefing/cache/.

A file's validation (YAML, models, its Markdown rendered once) depends only on its bytes,
its path and the tool's own code, so those make the key. The cache is one pickle, written
atomically (workdir.pickled); any problem reading it means an empty cache, never a failed
build.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path
from typing import Any

from briefing.workdir.pickled import load_pickle, save_pickle

CACHE_FILE = "checked.pickle"


@cache
def code_version() -> str:
    """A hash of the tool's own source: a new version never reuses an old cache."""
    digest = hashlib.sha256()
    package = Path(__file__).parents[1]  # the whole briefing package
    for source in sorted(package.rglob("*.py")):
        digest.update(source.relative_to(package).as_posix().encode())
        digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


def file_key(shown_path: str, kind: str, data: bytes) -> str:
    return hashlib.sha256(b"%s\0%s\0" % (shown_path.encode(), kind.encode()) + data).hexdigest()


def load_cache(cache_path: Path) -> dict[str, Any]:
    kept = load_pickle(cache_path / CACHE_FILE)
    if not (isinstance(kept, tuple) and len(kept) == 2):
        return {}
    version, entries = kept
    return entries if version == code_version() and isinstance(entries, dict) else {}


def save_cache(cache_path: Path, entries: dict[str, Any]) -> None:
    save_pickle(cache_path / CACHE_FILE, (code_version(), entries))
