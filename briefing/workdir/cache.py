"""A persistent cache of validated files, keyed by content hash, in .briefing/cache/.

A file's validation (YAML, models, its Markdown rendered once) depends only on its bytes,
its path and the tool's own code, so those make the key. The cache is 256 state files
(workdir.packed: plain data, never pickle), written atomically; a missing, foreign or
malformed one means an empty cache, never a failed build.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from briefing.validate.fields import Checked
from briefing.workdir.packed import Notice, load_decoded, quiet, save_packed
from briefing.workdir.plain import decoder, to_plain
from briefing.workdir.version import code_version, file_key

__all__ = ["code_version", "file_key", "load_cache", "save_cache"]

CACHE_DIR = "checked"  # one state file per shard: an edit rewrites one of 256
_KIND = "checked-files"


def _shard(key: str) -> str:
    return key[:2]


def _by_shard(entries: dict[str, Checked]) -> dict[str, dict[str, Checked]]:
    shards: dict[str, dict[str, Checked]] = {}
    for key, item in entries.items():
        shards.setdefault(_shard(key), {})[key] = item
    return shards


def load_cache(cache_path: Path, notice: Notice = quiet) -> dict[str, Checked]:
    """Every checked file kept, by content key. A shard that can't be used is left out
    whole (its files are validated again), with one notice."""
    entries: dict[str, Checked] = {}
    try:
        shards = sorted((cache_path / CACHE_DIR).glob("*.state"))
    except OSError:
        return entries
    read = decoder(dict[str, Checked])
    for path in shards:
        shard = load_decoded(path, _KIND, code_version(), read, notice)
        if shard is None:
            continue
        if all(_shard(key) == path.stem for key in shard):
            entries.update(shard)
        else:
            notice(f"{path}: ignored, holds keys of another shard; building without it")
    return entries


def save_cache(cache_path: Path, entries: dict[str, Checked],
               previous: Collection[str] = ()) -> None:
    """Keep `entries`; only the shards whose keys differ from those of `previous` (the
    keys loaded) are written."""
    new = _by_shard(entries)
    old: dict[str, set[str]] = {}
    for key in previous:
        old.setdefault(_shard(key), set()).add(key)
    folder = cache_path / CACHE_DIR
    for name in sorted(new.keys() | old.keys()):
        if name in new and (name not in old or new[name].keys() != old[name]):
            save_packed(folder / f"{name}.state", _KIND, code_version(), to_plain(new[name]))
        elif name not in new:
            (folder / f"{name}.state").unlink(missing_ok=True)
