"""Dev server: map a request target to a file inside the served folder, or refuse it.

Pure apart from looking at the served folder (stat and resolve); no request state.
"""

from __future__ import annotations

import mimetypes
import re
from dataclasses import dataclass
from enum import Enum
from pathlib import Path, PurePosixPath
from urllib.parse import quote, unquote

HIDDEN_NAMES = frozenset({".briefing-site"})  # the tool's marker file is not part of the site

_ENCODED_SEPARATOR = re.compile(r"%(2f|5c|00)", re.IGNORECASE)

_TYPES = {
    ".html": "text/html",
    ".css": "text/css",
    ".js": "text/javascript",
    ".json": "application/json",
    ".xml": "application/xml",
    ".csv": "text/csv",
    ".txt": "text/plain",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".ico": "image/x-icon",
    ".woff2": "font/woff2",
    ".woff": "font/woff",
}
_TEXT_TYPES = frozenset({"application/json", "application/xml", "application/atom+xml",
                         "image/svg+xml", "application/javascript"})


class Outcome(Enum):
    FILE = "file"  # serve `path`
    REDIRECT = "redirect"  # a folder without its trailing slash: go to `location`
    NOT_FOUND = "not-found"
    BAD = "bad"  # malformed or an attempt to leave the folder: 400


@dataclass(frozen=True, slots=True)
class Resolution:
    outcome: Outcome
    path: Path | None = None
    location: str = ""


def _split_target(target: str) -> tuple[str, str]:
    """The raw path and query of an origin-form target (`//x` is a path here, no host)."""
    without_fragment = target.partition("#")[0]
    path, _, query = without_fragment.partition("?")
    return path, query


def _segments(target: str) -> list[str] | None:
    """The decoded path segments of a request target, or None when it is not acceptable."""
    if not target.startswith("/") or "\\" in target:
        return None  # absolute-form, authority-form, `*` and backslashes are refused
    raw_path = _split_target(target)[0]
    if _ENCODED_SEPARATOR.search(raw_path):
        return None  # %2f, %5c and %00 never name a file of the site
    try:
        decoded = unquote(raw_path, errors="strict")
    except UnicodeDecodeError:
        return None
    if "\\" in decoded or "\x00" in decoded:
        return None
    segments = [segment for segment in decoded.split("/") if segment]
    if any(segment in (".", "..") for segment in segments):
        return None
    return segments


def _inside(root: Path, candidate: Path) -> Path | None:
    """The real path of `candidate` when it exists inside `root`; symlinks are followed."""
    try:
        resolved = candidate.resolve(strict=True)
    except (OSError, RuntimeError):  # missing, or a symlink loop
        return None
    return resolved if resolved.is_relative_to(root) else None


def resolve_request(root: Path, target: str) -> Resolution:
    """Find the file for a request target (`/articles/x/?q`) inside `root` (resolved)."""
    segments = _segments(target)
    if segments is None:
        return Resolution(Outcome.BAD)
    if segments and segments[0] in HIDDEN_NAMES:
        return Resolution(Outcome.NOT_FOUND)
    found = _inside(root, root.joinpath(*segments))
    if found is not None and found.is_dir():
        raw_path, raw_query = _split_target(target)
        if segments and not raw_path.endswith("/"):
            location = "/" + "/".join(quote(s) for s in segments) + "/"
            query = f"?{raw_query}" if raw_query else ""
            return Resolution(Outcome.REDIRECT, location=location + query)
        found = _inside(root, found / "index.html")
    if found is None or not found.is_file():
        return Resolution(Outcome.NOT_FOUND)
    return Resolution(Outcome.FILE, found)


def content_type(path: PurePosixPath | Path) -> str:
    """The Content-Type header for a file of the site; text types say utf-8."""
    suffix = path.suffix.lower()
    if path.name == "feed.xml":
        kind = "application/atom+xml"
    else:
        kind = _TYPES.get(suffix) or mimetypes.guess_type(path.name)[0] or \
            "application/octet-stream"
    if kind.startswith("text/") or kind in _TEXT_TYPES:
        return f"{kind}; charset=utf-8"
    return kind


_LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})


def host_allowed(header: str | None, bound_host: str) -> bool:
    """Refuse Host names other than the server's own (DNS rebinding): a page on another
    site that points its name at 127.0.0.1 must not read the preview."""
    if bound_host in ("0.0.0.0", "::", ""):
        return True  # exposed on purpose with --host; any name may reach it
    if not header:
        return True  # HTTP/1.0 clients may leave it out
    name = header.strip().lower()
    if name.startswith("["):
        name = name[1:name.find("]")] if "]" in name else name
    elif name.count(":") == 1:
        name = name.rsplit(":", 1)[0]
    return name in _LOOPBACK_NAMES or name == bound_host.lower()
