"""The briefings' bodies out of the rendering processes' memory, in an unlinked file.

A body's compressed source, HTML and wikilinks are about 4 KB a briefing: at 100,000
briefings 390 MB in the build process, counted again in its forked page worker (a fork
counts every page of its parent). A page needs only its own body, once; the search index
reads each source once. So before the workers fork, each briefing's body is written to a
temporary file and replaced, in place, by a `StoredBody` that reads it back with `pread`
(position-free, so the build process and its forked workers share the descriptor). What
the file holds is in the page cache, which no process's RSS counts.
"""

from __future__ import annotations

import os
import tempfile
import weakref
from collections.abc import Iterable
from pathlib import Path
from typing import Any, BinaryIO

from briefing.validate.model import Article, Body

_SIZE_BITS = 32  # each of a body's three parts is below 4 GiB
_MASK = (1 << _SIZE_BITS) - 1


class BodyFile:
    """An unlinked temporary file of bodies' bytes, appended to, then read anywhere."""

    def __init__(self, folder: Path | None = None) -> None:
        """In `folder` if it is there (.briefing/: on disk, beside the build's other
        files; never made here: `check` leaves its folder as it is), else in the
        system's temporary folder. The file has no name: nothing is left behind."""
        try:
            self._file: BinaryIO = tempfile.TemporaryFile(  # noqa: SIM115 - lives with its bodies
                dir=folder if folder is not None and folder.is_dir() else None)
        except OSError:
            self._file = tempfile.TemporaryFile()  # noqa: SIM115
        self._end = 0
        weakref.finalize(self, self._file.close)  # closed once no body reads it

    def add(self, data: bytes) -> int:
        """Append `data`; its offset."""
        at = self._end
        self._file.write(data)
        self._end += len(data)
        return at

    def flush(self) -> None:
        self._file.flush()

    def read(self, at: int, size: int) -> bytes:
        return os.pread(self._file.fileno(), size, at) if size else b""


class StoredBody(Body):
    """A Body whose three parts are in a BodyFile. It reads, compares, prints and keeps
    (workdir.plain) as the Body it was made from: its class is named Body for that."""

    __slots__ = ("_at", "_home", "_sizes")
    _home: BodyFile
    _at: int
    _sizes: int  # the text's, the HTML's and the links' sizes, _SIZE_BITS each

    def _part(self, n: int) -> bytes:
        sizes = self._sizes
        offset = self._at + sum((sizes >> (_SIZE_BITS * i)) & _MASK for i in range(n))
        return self._home.read(offset, (sizes >> (_SIZE_BITS * n)) & _MASK)

    @property  # read-only, as the frozen Body's fields are
    def packed_text(self) -> bytes:
        return self._part(0)

    @property
    def packed_html(self) -> bytes:
        return self._part(1)

    @property
    def packed_links(self) -> bytes:
        return self._part(2)

    def _fields(self) -> tuple[bytes, int, bytes, bytes]:
        return (self.packed_text, self.line, self.packed_html, self.packed_links)

    def __eq__(self, other: object) -> bool:  # a Body of the same bytes is equal
        if not isinstance(other, Body):
            return NotImplemented
        return self._fields() == (other.packed_text, other.line, other.packed_html,
                                  other.packed_links)

    def __hash__(self) -> int:
        return hash(self._fields())

    def __reduce__(self) -> tuple[Any, ...]:  # a copy sent elsewhere carries its bytes
        return (Body, self._fields())


StoredBody.__name__ = StoredBody.__qualname__ = Body.__name__


def store_body(body: Body, home: BodyFile) -> StoredBody:
    """`body`'s parts appended to `home`, and the body that reads them from there."""
    parts = (body.packed_text, body.packed_html, body.packed_links)
    stored = object.__new__(StoredBody)
    at = home.add(b"".join(parts))
    sizes = sum(len(part) << (_SIZE_BITS * i) for i, part in enumerate(parts))
    for name, value in (("line", body.line), ("_home", home), ("_at", at), ("_sizes", sizes)):
        object.__setattr__(stored, name, value)
    return stored


def bodies_to_file(articles: Iterable[Article], folder: Path | None = None) -> bool:
    """Move each article's body into a new BodyFile in `folder` (None: the system's
    temporary folder), in place: the articles are shared by the graph, the files read and
    the link's parts, and each must stop holding the bytes for the memory to be freed.
    Every body is written before any is replaced: if the file can't be written (a full
    disk), the bodies stay where they were and False is returned."""
    try:
        home = BodyFile(folder)
        moved = [(article, store_body(article.body, home)) for article in articles
                 if type(article.body) is Body]
        home.flush()
    except OSError:
        return False
    for article, stored in moved:
        object.__setattr__(article, "body", stored)
    return True
