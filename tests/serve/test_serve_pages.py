"""What the server adds to HTML responses: the reload script and the error overlay."""

from __future__ import annotations

import threading

from briefing.core.diagnostics import error, warning
from briefing.serve.inject import EVENTS_PATH, OVERLAY_ID, error_page, inject
from briefing.serve.rebuild import overlay_lines
from briefing.serve.state import ServeState, Snapshot

GOOD = Snapshot("abc-2", (), has_site=True)
FAILED = Snapshot("abc-3", ("content/a.md:3:1: error[x]: bad <script>alert(1)</script> & co",),
                  has_site=True)


def test_injects_the_reload_script_before_the_end_of_body() -> None:
    page = b"<html><body><p>hi</p></BODY></html>"
    result = inject(page, GOOD).decode()
    assert result.startswith("<html><body><p>hi</p><script>")
    assert result.endswith("</script>\n</BODY></html>")
    assert EVENTS_PATH in result and '"abc-2"' in result
    assert OVERLAY_ID not in result


def test_appends_to_pages_without_a_body_end() -> None:
    assert inject(b"<p>fragment", GOOD).startswith(b"<p>fragment<script>")


def test_overlay_lists_the_errors_escaped() -> None:
    result = inject(b"<body></body>", FAILED).decode()
    assert OVERLAY_ID in result
    assert "content/a.md:3:1: error[x]: bad &lt;script&gt;alert(1)&lt;/script&gt; &amp; co" \
        in result
    assert "<script>alert(1)" not in result
    assert "last good build" in result


def test_error_page_for_a_first_build_that_failed() -> None:
    page = error_page(Snapshot("abc-1", ("content/a.md:1:1: error[x]: no",), has_site=False))
    text = page.decode()
    assert text.startswith("<!DOCTYPE html>") and "content/a.md:1:1: error[x]: no" in text
    assert "last good build" not in text and EVENTS_PATH in text


def test_overlay_lines_are_the_errors_then_the_count() -> None:
    diagnostics = (warning("b.md", 2, 1, "w", "meh"), error("a.md", 9, 4, "e", "broken"))
    assert overlay_lines(diagnostics, "") == ("a.md:9:4: error[e]: broken", "1 error, 1 warning")
    assert overlay_lines((), "internal error: boom") == ("internal error: boom",)


def test_state_wakes_event_streams_on_a_build_and_on_close() -> None:
    state = ServeState("s")
    seen = state.snapshot().token
    assert state.wait_for_build(seen, 0.01) is None
    state.publish((), has_site=True)
    after = state.wait_for_build(seen, 1)
    assert after is not None and after.token != seen and after.has_site
    failed = state.publish(("x",), has_site=False)
    assert failed.has_site and failed.errors == ("x",)  # the last good site is still there
    results: list[object] = []
    waiter = threading.Thread(target=lambda: results.append(state.wait_for_build(failed.token,
                                                                                 30)))
    waiter.start()
    state.close()
    waiter.join(timeout=5)
    assert results == [None] and not waiter.is_alive()
