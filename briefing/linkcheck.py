"""Every internal link, fragment, feed and sitemap URL must resolve to an output."""

from __future__ import annotations

import posixpath
import re
from urllib.parse import unquote, urlsplit

from briefing.diagnostics import Diagnostic, error

_HTML_REF = re.compile(rb'(?:href|src)="([^"]*)"')
_XML_REF = re.compile(rb'(?:href="([^"]*)"|<loc>([^<]*)</loc>)')
_ID = re.compile(rb'\bid="([^"]+)"')


def _target(page: str, href: str, base_url: str, base_path: str) -> tuple[str, str] | None:
    """The output file and fragment an href points to; None for external links."""
    if href.startswith(base_url):
        href = "/" + href[len(base_url):]
        root = True
    else:
        root = href.startswith("/")
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None if parts.scheme in ("http", "https", "mailto") else ("<scheme>", "")
    path = unquote(parts.path)
    if root:
        resolved = path[len(base_path):] if path.startswith(base_path) else path.lstrip("/")
    else:
        directory = posixpath.dirname(page)
        resolved = posixpath.normpath(posixpath.join(directory, path)) if path else page
        if resolved == ".":
            resolved = ""
        if path.endswith("/") and resolved:
            resolved += "/"
    if resolved.endswith("/") or resolved == "":
        resolved += "index.html"
    return resolved, unquote(parts.fragment)


def check_links(outputs: dict[str, bytes], base_url: str) -> list[Diagnostic]:
    rest = base_url.split("://", 1)[-1]
    base_path = rest[rest.find("/"):] if "/" in rest else "/"
    ids: dict[str, set[str]] = {}
    problems: list[Diagnostic] = []
    resolved: dict[tuple[str, str], tuple[str, str] | None] = {}

    def anchors(name: str) -> set[str]:
        if name not in ids:
            ids[name] = {m.decode() for m in _ID.findall(outputs.get(name, b""))}
        return ids[name]

    for name in sorted(outputs):
        if name.endswith(".html"):
            pattern = _HTML_REF
        elif name.endswith(".xml"):
            pattern = _XML_REF
        else:
            continue
        data = outputs[name]
        directory = posixpath.dirname(name)
        depth = name.count("/")
        for match in pattern.finditer(data):
            raw = next(g for g in match.groups() if g is not None)
            href = raw.decode("utf-8", "replace").replace("&amp;", "&")
            if not href or href.startswith(("mailto:",)):
                continue
            if name.endswith(".xml") and not href.startswith(base_url):
                continue
            # Most links climb to the site root first ('../../x/'): resolve those once per
            # target, whatever page they are on.
            ups = href.count("../", 0, 3 * depth) if href.startswith("../") else -1
            key = (depth, href) if ups == depth or href.startswith(("/", "http")) else (
                directory, href)
            if key not in resolved:
                resolved[key] = _target(name, href, base_url, base_path)
            found = resolved[key]
            if found is None:
                continue
            target, fragment = found
            if target not in outputs:
                line = data.count(b"\n", 0, match.start()) + 1
                problems.append(error(name, line, 1, "broken-link",
                                      f"link '{href}' points to a page the site does not have"))
            elif fragment and target.endswith(".html") and fragment not in anchors(target):
                line = data.count(b"\n", 0, match.start()) + 1
                problems.append(error(name, line, 1, "broken-link",
                                      f"link '{href}' points to a missing #{fragment}"))
    return problems
