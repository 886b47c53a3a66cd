"""What a broken file would have defined is read leniently, only to keep quiet about it."""

from __future__ import annotations

from briefing.validate.salvage import UNREADABLE, defines_event, may_mention, salvage

BROKEN = b"""---
title: x
entities: [singtel, nota-labs
events:
  - id: skt-ai-deal
    kind: partnership
  - id: "kt-quoted-id"
---
[[event:not-an-id-line]]
"""


def test_event_ids_come_from_id_lines_only() -> None:
    found = salvage("article", "a", BROKEN)
    assert {f for f in found if f.startswith("event:")} == {"event:skt-ai-deal",
                                                             "event:kt-quoted-id"}
    assert "article:a" in found
    assert defines_event(found, "skt-ai-deal")
    assert not defines_event(found, "not-an-id-line")


def test_slugs_in_the_text_count_as_mentions() -> None:
    found = salvage("article", "a", BROKEN)
    assert may_mention(found, "nota-labs") and may_mention(found, "singtel")
    assert not may_mention(found, "microsoft")


def test_a_node_file_is_named_by_its_id() -> None:
    assert "singtel" in salvage("entity", "singtel", b"---\nname: [\n---\n")


def test_a_file_with_no_text_may_define_anything() -> None:
    found = salvage("article", "big", None)
    assert found == {"article:big", UNREADABLE}
    assert defines_event(found, "any-event") and may_mention(found, "any-entity")


def test_undecodable_bytes_still_give_their_ascii_ids() -> None:
    found = salvage("article", "a", "  - id: kt-deal\n제목: \ub9c8".encode("cp949"))
    assert defines_event(found, "kt-deal")
