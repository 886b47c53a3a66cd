"""What a content file that could not be read would have defined, read leniently.

A file whose front matter does not parse, or does not validate, is reported once with its
own error and dropped. Without this, every link to an event it defines, and every entity
only it mentions, would be reported again elsewhere ("not found", "unused"), and the first
message would not be the one to fix. The ids found here are only used to keep quiet, never
to define anything: a wrong guess costs at most a message that comes back once the file is
fixed.

Forms in Content.broken_ids:
- `<id>` a carrier or entity file (its id is its file name);
- `article:<slug>` an article file;
- `event:<id>` an event id the file's text gives (`id: …` lines);
- `mention:<id>` a slug the file's text holds (a carrier or entity it may reference);
- UNREADABLE: a file whose text could not be had at all, so anything may be in it.
"""

from __future__ import annotations

import re

UNREADABLE = "*"
_EVENT_ID = re.compile(
    r"""^[ \t]*(?:-[ \t]+)?id:[ \t]*["']?([a-z0-9]+(?:-[a-z0-9]+)*)["']?[ \t]*$""", re.MULTILINE)
_SLUG = re.compile(r"(?<![a-z0-9-])[a-z0-9]+(?:-[a-z0-9]+)*(?![a-z0-9-])")


def salvage(kind: str, file_id: str, data: bytes | None) -> frozenset[str]:
    """The broken_ids entries for one broken file (kind and id from its path)."""
    own = "article:" + file_id if kind == "article" else file_id
    if data is None:
        return frozenset({own, UNREADABLE})
    text = data.decode("utf-8", errors="replace")
    found = {own}
    found.update("event:" + match for match in _EVENT_ID.findall(text))
    found.update("mention:" + match for match in _SLUG.findall(text))
    return frozenset(found)


def defines_event(broken: frozenset[str], event_id: str) -> bool:
    return "event:" + event_id in broken or UNREADABLE in broken


def may_mention(broken: frozenset[str], node_id: str) -> bool:
    return "mention:" + node_id in broken or UNREADABLE in broken
