"""The search index as scripts, for a site opened from disk (`build --file-urls`).

A page opened with file:// may not fetch() files beside it, but it may load scripts. So
a --file-urls build also writes every index file `search/<name>.json` as
`search/<name>.js`, which hands the same JSON to `briefingSearchFile(name, data)`;
search.js loads them on demand with <script> tags, shard by shard, exactly the files a
fetch would read. Builds for a web server don't write them (nothing changes there).
"""

from __future__ import annotations

from collections.abc import Mapping

PREFIX = "search/"


def script_files(index: Mapping[str, bytes]) -> dict[str, bytes]:
    """A script for every JSON file of the index, by site path."""
    scripts = {}
    for path, data in index.items():
        if path.startswith(PREFIX) and path.endswith(".json"):
            name = path[len(PREFIX):]
            scripts[path[:-len(".json")] + ".js"] = (
                f'briefingSearchFile("{name}",'.encode() + data.rstrip(b"\n") + b");\n")
    return scripts
