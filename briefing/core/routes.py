"""The URL scheme: where each kind of page lives, and how pages link to each other
(relative links ending in '/', or in 'index.html' for opening from disk).

Pages are rendered with a marker where the path to the site root goes; the marker is
replaced per page by its relative prefix ('./', '../../') or, for 404.html (served at any
depth), by the root path of base_url. So a fragment rendered once serves every page.
"""

from __future__ import annotations

from collections.abc import Callable

ROOT = "\ue010"

UrlFunction = Callable[..., str]


def make_url(file_urls: bool) -> UrlFunction:
    def url(target: str, fragment: str = "") -> str:
        """A link to the site path `target` ('' home, 'x/y/' a page, 'x/feed.xml' a file)."""
        if file_urls and (target == "" or target.endswith("/")):
            target += "index.html"
        return ROOT + target + (f"#{fragment}" if fragment else "")

    return url


def base_path(base_url: str) -> str:
    rest = base_url.split("://", 1)[-1]
    path = rest[rest.find("/"):] if "/" in rest else "/"
    return path if path.endswith("/") else path + "/"


def root_prefix(page: str, base_url: str) -> str:
    """What replaces ROOT on one page."""
    if page == "404.html":
        return base_path(base_url)
    depth = page.count("/")
    return "../" * depth if depth else "./"


def output_file(page: str) -> str:
    """The file a site path is written to."""
    return page + "index.html" if page.endswith("/") or page == "" else page


def node_path(node_id: str, is_carrier: bool) -> str:
    """A carrier's or an entity's page: carriers and entities have folders of their own."""
    return f"{'carriers' if is_carrier else 'entities'}/{node_id}/"


def article_path(slug: str) -> str:
    return f"articles/{slug}/"


def event_path(event_id: str) -> str:
    return f"events/{event_id}/"


def is_confined(site_path: str) -> bool:
    """Whether an output path stays inside the output folder: relative, no empty, '.' or
    '..' part, no backslash. Checked on the text (resolving every path costs a syscall per
    component); output paths come from slugs, so this is a second wall."""
    parts = site_path.split("/")
    return not (site_path.startswith("/") or "\\" in site_path
                or any(p in ("", ".", "..") for p in parts))
