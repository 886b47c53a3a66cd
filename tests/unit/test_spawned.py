"""A helper in a fresh interpreter: it gets one call, sends back its result or its error."""

from __future__ import annotations

import operator
import os
import sys

import pytest

from briefing.workers.spawned import Spawned, SpawnError


def test_a_call_runs_in_another_process_and_its_result_comes_back() -> None:
    helper = Spawned()
    helper.send(operator.mul, "가나", 3)
    assert helper.result() == "가나가나가나"
    pid = Spawned()
    pid.send(__import__("os").getpid)
    assert pid.result() != __import__("os").getpid()


def test_an_exception_in_the_helper_is_reported_not_raised_there() -> None:
    helper = Spawned()
    helper.send(operator.truediv, 1, 0)
    with pytest.raises(SpawnError, match="ZeroDivisionError"):
        helper.result()


def test_a_helper_that_cannot_start_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "executable", "/nonexistent/python")
    helper = Spawned()
    with pytest.raises(SpawnError, match="did not start"):
        helper.send(operator.add, 1, 2)


def test_a_closed_helper_is_gone() -> None:
    helper = Spawned()
    helper.close()
    with pytest.raises(SpawnError):
        helper.send(operator.add, 1, 2)


def test_streamed_items_arrive_in_order_as_the_last_argument() -> None:
    helper = Spawned()
    helper.send(operator.add, ["가"], stream=(text for text in ("나", "다")))
    assert helper.result() == ["가", "나", "다"]


def test_a_helper_that_exits_without_a_reply_is_an_error_not_a_hang() -> None:
    helper = Spawned()
    helper.send(os._exit, 3)
    with pytest.raises(SpawnError, match="exited 3 without a result"):
        helper.result()
