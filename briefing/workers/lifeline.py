"""A forked worker dies with the process that forked it.

A worker whose parent was killed (the out-of-memory killer, Ctrl-C on a stuck terminal)
must not go on writing into the parent's folders and holding its lock and pipes. Linux
kills it with its parent on request (PR_SET_PDEATHSIG); elsewhere, and in case the parent
was gone before the request took effect, the worker checks between pieces of work.

The request is tied to the *thread* that forked: fork from the main thread (both pools do).
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal

_PR_SET_PDEATHSIG = 1  # linux/prctl.h


def orphaned(parent: int) -> bool:
    """Whether the process that forked this one (pid `parent`) is gone."""
    return os.getppid() != parent


def die_with(parent: int) -> None:
    """Called first thing in a forked worker: be killed when `parent` dies."""
    with contextlib.suppress(OSError, AttributeError):  # not Linux: checked between pieces
        ctypes.CDLL(None).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if orphaned(parent):  # the parent was gone before the request took effect
        os._exit(1)
