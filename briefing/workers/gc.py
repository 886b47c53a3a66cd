"""The build's policy for Python's cyclic garbage collector (process-wide: forked
workers inherit it)."""

from __future__ import annotations

import ctypes
import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import cast


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


def _libc_trim() -> Callable[[int], int] | None:
    try:
        return cast(Callable[[int], int], ctypes.CDLL(None).malloc_trim)
    except (OSError, AttributeError):  # not glibc: nothing to hand back this way
        return None


def release_free_memory() -> None:
    """Hand the C heap's free pages back to the system (glibc's malloc_trim). Freed large
    objects (the readers' pickled results, a phase's bytes) stay resident otherwise, and
    a process forked next would count them again in its own RSS."""
    trim = _libc_trim()
    if trim is not None:
        trim(0)
