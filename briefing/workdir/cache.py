"""A persistent cache of validated files, keyed by content hash, in .briefing/cache/.

A file's validation (YAML, models, its Markdown rendered once) depends only on its bytes,
its path and the tool's own code, so those make the key. The cache is one pickle, written
atomically; any problem reading it means an empty cache, never a failed build.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

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
    try:
        with (cache_path / CACHE_FILE).open("rb") as handle:
            version, entries = pickle.load(handle)
    except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError, AttributeError,
            ImportError, IndexError):
        return {}
    return entries if version == code_version() and isinstance(entries, dict) else {}


def save_cache(cache_path: Path, entries: dict[str, Any]) -> None:
    """Write atomically; a cache that can't be written is only a slower next build."""
    try:
        cache_path.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=cache_path, prefix=".checked-")
        with os.fdopen(handle, "wb") as stream:
            pickle.dump((code_version(), entries), stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp, cache_path / CACHE_FILE)
    except OSError:
        return
