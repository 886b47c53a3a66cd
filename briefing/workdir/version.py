"""What keys every kept state: the tool's code version, and a content file's key.

Its own module, importing nothing of the tool, so a build with nothing changed can check
its inputs (workdir.skip) without importing the validation models.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path


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
