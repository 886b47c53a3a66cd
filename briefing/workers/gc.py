"""The build's policy for Python's cyclic garbage collector (process-wide: forked
workers inherit it)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def no_cycle_collection() -> Iterator[None]:
    """The build makes millions of objects that live to its end (parsed content, the
    graph); the cyclic collector would rescan them again and again (a third of the read
    time at 10,000 articles) and find next to nothing. Forked workers inherit this."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@contextmanager
def collect_new_objects_only() -> Iterator[None]:
    """Rendering makes short-lived cycles (Jinja contexts), about 9 KB a page: collect
    those, but leave the site's objects out of every collection (gc.freeze), which also
    keeps forked workers from copying their pages."""
    gc.freeze()
    gc.enable()
    try:
        yield
    finally:
        gc.disable()
        gc.unfreeze()
