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
_WORD = re.compile(rb"\w")
# What an href's target depends on besides itself (see _place): the page's depth, its
# folder, or ("#", the page) for its own #fragments and ?queries.
Place = int | str | tuple[str, str]
_UNSEEN = ("", "")  # a marker: never a resolved href's (target, fragment) pair
# Resolved hrefs a scanner keeps: the shared ones (header, chips) come back at once after
# a reset, while a page's own links would grow the caches by a million at 100,000 articles.
CACHE_LIMIT = 50_000


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
    # Resolved hrefs, shared by pages at the same depth (most links climb to the root) or
    # in the same folder (see _place).
    _resolved: dict[tuple[Place, str], tuple[str, str] | None] = field(
        default_factory=dict)
    # Raw hrefs that need nothing more (external, or to a known output without a
    # #fragment), by what their target depends on (see _place). Most of a page's links are
    # these (header, footer, chips): a page takes its places' sets off its hrefs at once.
    _fine: dict[Place, set[bytes]] = field(default_factory=dict)
    _fine_count: int = 0
    _page: tuple[str, int, str] = ("", 0, "")  # the last page checked: name, depth, folder

    def scan(self, name: str, data: bytes) -> tuple[list[Diagnostic], list[LateRef]]:
        """Broken links of one output, and its links to check at the end."""
        if len(self._resolved) > CACHE_LIMIT or self._fine_count > CACHE_LIMIT:
            self._resolved.clear()  # most entries are one page's own links: start again
            self._fine.clear()
            self._fine_count = 0
        if name.endswith(".html"):
            # Only the hrefs not known to be fine are looked at one by one, each where it
            # occurs (a page repeats most of its links: the header, chips, rows). A raw
            # href is in the set of one place only, and a page's hrefs have this page's
            # places: the sets of its three are taken off (most hrefs climb to the root).
            depth, directory = name.count("/"), posixpath.dirname(name)
            todo = set(_HTML_REF.findall(data))
            for place in (depth, directory, ("#", name)):
                fine = self._fine.get(place)
                if fine:
                    todo -= fine
            todo = {raw for raw in todo if not _own_id(raw, data)}
            # An href's verdict does not depend on where it occurs: most resolve to a
            # known output (the page's own links), and only the others are looked for.
            todo = {raw for raw in todo if self._check(name, raw) is not None}
            found = sorted((start, raw) for raw in todo for start in _occurrences(data, raw))
        elif name.endswith(".xml"):
            found = [(match.start(), next(g for g in match.groups() if g is not None))
                     for match in _XML_REF.finditer(data)]
        else:
            return [], []
        own_ids: set[str] | None = None
        problems: list[Diagnostic] = []
        pending: list[LateRef] = []
        line, counted = 1, 0  # `found` is in order: lines are counted on from the last
        for start, raw in found:
            checked = self._check(name, raw)
            if checked is None:
                continue
            target, fragment, href = checked
            line += data.count(b"\n", counted, start)
            counted = start
            if target != name:
                pending.append(LateRef(target, fragment, name, line, href))
                continue
            own_ids = page_ids(data) if own_ids is None else own_ids
            if fragment not in own_ids:
                problems.append(_missing_fragment(name, line, href, fragment))
        return problems, pending

    def _check(self, name: str, raw: bytes) -> tuple[str, str, str] | None:
        """None when the href needs nothing more; else its target, fragment and text."""
        href = raw.decode("utf-8", "replace").replace("&amp;", "&")
        if not href or href.startswith("mailto:"):
            return None
        html = name.endswith(".html")
        if not html and not href.startswith(self.base_url):
            return None
        page = self._page
        if page[0] != name:  # the page's depth and folder, once per page
            page = self._page = (name, name.count("/"), posixpath.dirname(name))
        depth = page[1]
        place = _place(raw, name, depth, page[2])
        key = (place, href)
        found = self._resolved.get(key, _UNSEEN)
        if found is _UNSEEN:
            found = _to_root(raw, depth) if place == depth else None
            if found is None or href.startswith(self.base_url):
                rest = self.base_url.split("://", 1)[-1]
                base_path = rest[rest.find("/"):] if "/" in rest else "/"
                found = _target(name, href, self.base_url, base_path)
            self._resolved[key] = found
        if found is None:
            if html:
                self._add_fine(place, raw)
            return None
        target, fragment = found
        in_site = target in self.known
        to_fragment = bool(fragment) and target.endswith(".html")
        if html and in_site and not to_fragment:
            self._add_fine(place, raw)
        if (target == name or in_site) and not to_fragment:
            return None
        return target, fragment, href


    def _add_fine(self, place: Place, raw: bytes) -> None:
        fine = self._fine.get(place)
        if fine is None:
            fine = self._fine[place] = set()
        if raw not in fine:
            fine.add(raw)
            self._fine_count += 1


def _place(raw: bytes, name: str, depth: int, directory: str) -> Place:
    """What an href's target depends on besides itself: only the page's depth when it is
    absolute or climbs to the root; the page itself for a bare #fragment or ?query; else
    the page's folder (`depth` and `directory` are the page's)."""
    if raw.startswith((b"/", b"http")) or (
            raw.startswith(b"../") and raw.count(b"../", 0, 3 * depth) == depth):
        return depth
    if raw.startswith((b"#", b"?")):
        return ("#", name)
    return directory


# Characters after which an href climbing to the root needs _target's full parse.
_NOT_PLAIN = re.compile(rb"[%#?:&\\\t\r\n ]|//|(?:^|/)\.\.?(?:/|$)")


def _to_root(raw: bytes, depth: int) -> tuple[str, str] | None:
    """_target's answer for the usual href, `depth` times "../" then a plain path (no
    query, fragment, escape, scheme or dot segment), from its text alone; else None."""
    if not depth:
        return None
    rest = raw[3 * depth:]
    if _NOT_PLAIN.search(rest) is not None or raw[:3 * depth] != b"../" * depth:
        return None
    path = rest.decode("utf-8", "replace")
    return (path + "index.html" if not path or path.endswith("/") else path), ""


def _occurrences(data: bytes, raw: bytes) -> list[int]:
    """Where `href="raw"` and `src="raw"` start in data (as _HTML_REF finds them)."""
    starts = []
    for attribute in (b'href="', b'src="'):
        needle = attribute + raw + b'"'
        at = data.find(needle)
        while at != -1:
            starts.append(at)
            at = data.find(needle, at + len(needle))
    return starts


def _own_id(raw: bytes, data: bytes) -> bool:
    """Whether `raw` is a plain #fragment of this page that it has (the skip link, the
    table of contents): found without collecting every id of the page."""
    if not raw.startswith(b"#") or len(raw) == 1 or b"%" in raw or b"&" in raw:
        return False
    needle = b'id="' + raw[1:] + b'"'
    at = data.find(needle)
    while at != -1:
        if at == 0 or not _WORD.match(data, at - 1):  # _ID's \b
            return True
        at = data.find(needle, at + 1)
    return False


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
