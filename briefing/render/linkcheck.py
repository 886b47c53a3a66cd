"""Every internal link, fragment, feed and sitemap URL must resolve to an output.

Pages are scanned where they are rendered (in the workers, at scale) against the names
of the outputs known by then; links to any other name, or to a #fragment of another
page, wait for the end, when every output exists.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from briefing.core.diagnostics import Diagnostic, error

_HTML_REF = re.compile(rb'(?:href|src)="([^"]*)"')
_XML_REF = re.compile(rb'(?:href="([^"]*)"|<loc>([^<]*)</loc>)')
_ID = re.compile(rb'\bid="([^"]+)"')


@dataclass(frozen=True, slots=True, order=True)
class LateRef:
    """A link checked once every output exists: to a name not known when its page was
    scanned, or to a #fragment of another output."""

    target: str
    fragment: str
    page: str
    line: int
    href: str


def page_ids(data: bytes) -> set[str]:
    return {m.decode() for m in _ID.findall(data)}


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


@dataclass
class LinkScanner:
    """Checks the links of one output at a time against the names of all outputs."""

    base_url: str
    known: Collection[str]
    # Resolved hrefs, shared by pages at the same depth (most links climb to the root).
    _resolved: dict[tuple[str | int, str], tuple[str, str] | None] = field(
        default_factory=dict)

    def scan(self, name: str, data: bytes) -> tuple[list[Diagnostic], list[LateRef]]:
        """Broken links of one output, and its links to check at the end."""
        if name.endswith(".html"):
            pattern = _HTML_REF
        elif name.endswith(".xml"):
            pattern = _XML_REF
        else:
            return [], []
        rest = self.base_url.split("://", 1)[-1]
        base_path = rest[rest.find("/"):] if "/" in rest else "/"
        directory = posixpath.dirname(name)
        depth = name.count("/")
        own_ids: set[str] | None = None
        problems: list[Diagnostic] = []
        pending: list[LateRef] = []
        for match in pattern.finditer(data):
            raw = next(g for g in match.groups() if g is not None)
            href = raw.decode("utf-8", "replace").replace("&amp;", "&")
            if not href or href.startswith("mailto:"):
                continue
            if name.endswith(".xml") and not href.startswith(self.base_url):
                continue
            ups = href.count("../", 0, 3 * depth) if href.startswith("../") else -1
            key = (depth, href) if ups == depth or href.startswith(("/", "http")) else (
                directory, href)
            if key not in self._resolved:
                self._resolved[key] = _target(name, href, self.base_url, base_path)
            found = self._resolved[key]
            if found is None:
                continue
            target, fragment = found
            known = target == name or target in self.known
            if not known or (fragment and target.endswith(".html")):
                line = data.count(b"\n", 0, match.start()) + 1
                if target != name:
                    pending.append(LateRef(target, fragment, name, line, href))
                    continue
                own_ids = page_ids(data) if own_ids is None else own_ids
                if fragment not in own_ids:
                    problems.append(_missing_fragment(name, line, href, fragment))
        return problems, pending


def _missing_fragment(name: str, line: int, href: str, fragment: str) -> Diagnostic:
    return error(name, line, 1, "broken-link", f"link '{href}' points to a missing #{fragment}")


def check_late(pending: Iterable[LateRef], names: Collection[str],
               read: Callable[[str], bytes]) -> list[Diagnostic]:
    """The links left for the end, against every output's name; a target whose fragment
    is linked is read once."""
    ids: dict[str, set[str]] = {}
    problems: list[Diagnostic] = []
    for ref in sorted(pending):
        if ref.target not in names:
            problems.append(error(ref.page, ref.line, 1, "broken-link", f"link '{ref.href}' "
                                  "points to a page the site does not have"))
            continue
        if not ref.fragment or not ref.target.endswith(".html"):
            continue
        if ref.target not in ids:
            ids[ref.target] = page_ids(read(ref.target))
        if ref.fragment not in ids[ref.target]:
            problems.append(_missing_fragment(ref.page, ref.line, ref.href, ref.fragment))
    return problems


def check_links(outputs: Mapping[str, bytes], base_url: str,
                names: Collection[str] | None = None, pending: Iterable[LateRef] = (),
                read: Callable[[str], bytes] | None = None) -> list[Diagnostic]:
    """Every link of `outputs`, against `names` (default: the outputs themselves), then
    the links left for the end (`pending`, from the pages scanned before), reading
    fragments from `outputs` or with `read`."""
    known = outputs.keys() if names is None else names
    scanner = LinkScanner(base_url, known)
    problems: list[Diagnostic] = []
    waiting = list(pending)
    for name in sorted(outputs):
        found, late = scanner.scan(name, outputs[name])
        problems += found
        waiting += late

    def read_any(name: str) -> bytes:
        return outputs[name] if name in outputs or read is None else read(name)

    return sorted(problems + check_late(waiting, known, read_any))
