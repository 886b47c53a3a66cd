"""Static assets from templates/static/ with content-hashed names under assets/."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from importlib.resources.abc import Traversable
from pathlib import PurePosixPath


@dataclass(frozen=True, slots=True)
class Assets:
    files: dict[str, bytes]  # site path -> bytes
    names: dict[str, str]  # 'style.css' -> 'assets/style.1a2b3c4d.css'


def collect_assets(static: Traversable | None) -> Assets:
    files: dict[str, bytes] = {}
    names: dict[str, str] = {}
    if static is None or not static.is_dir():
        return Assets(files, names)
    for item in sorted(static.iterdir(), key=lambda i: i.name):
        if not item.is_file() or item.name.startswith((".", "_")):
            continue
        data = item.read_bytes()
        digest = hashlib.sha256(data).hexdigest()[:10]
        name = PurePosixPath(item.name)
        hashed = f"assets/{name.stem}.{digest}{name.suffix}"
        files[hashed] = data
        names[item.name] = hashed
    return Assets(files, names)
