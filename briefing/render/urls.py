"""Page URLs: relative links ending in '/', or in 'index.html' for opening from disk."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class UrlMaker:
    """Links from one page. `page` is its site path: '' (home), 'carriers/skt/', '404.html'."""

    page: str
    base_url: str
    file_urls: bool = False
    root_relative: bool = False  # 404.html is served at any depth

    def _directory(self) -> str:
        return self.page if self.page.endswith("/") or not self.page else posixpath.dirname(
            self.page) + "/"

    def url(self, target: str, fragment: str = "") -> str:
        """A link to the site path `target` (a page 'x/y/' or a file 'x/feed.xml')."""
        if self.file_urls and (target.endswith("/") or target == ""):
            target = target + "index.html"
        suffix = f"#{fragment}" if fragment else ""
        if self.root_relative:
            return self.base_path() + target + suffix
        here = self._directory()
        relative = posixpath.relpath("/" + target, "/" + here)
        if relative == ".":
            relative = "./"
        elif target.endswith("/") or target == "":
            relative += "/"
        return relative + suffix

    def base_path(self) -> str:
        rest = self.base_url.split("://", 1)[-1]
        path = rest[rest.find("/"):] if "/" in rest else "/"
        return path if path.endswith("/") else path + "/"

    def absolute(self, target: str) -> str:
        return self.base_url + target


def output_file(page: str) -> str:
    """The file a site path is written to."""
    return page + "index.html" if page.endswith("/") or page == "" else page
