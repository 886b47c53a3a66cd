"""The one way `.briefing/` files are kept: one pickle per file, written atomically (a
temporary file renamed over the old one); any problem reading one means "nothing kept",
never a failed build."""

from __future__ import annotations

import os
import pickle
import tempfile
from pathlib import Path
from typing import Any

_UNREADABLE = (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError,
               AttributeError, ImportError, IndexError)


def load_pickle(path: Path) -> Any | None:
    """What `save_pickle` wrote, or None when it is missing or unreadable."""
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except _UNREADABLE:
        return None


def save_pickle(path: Path, value: Any) -> None:
    """Write atomically; a file that can't be written is only a slower next build."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-")
        try:
            with os.fdopen(handle, "wb") as stream:
                pickle.dump(value, stream, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temp, path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except OSError:
        return
