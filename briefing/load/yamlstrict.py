"""Strict, position-keeping YAML reading for front matter.

We compose values from the parser's event stream ourselves so that:
- every key's line and column is kept (diagnostics point at the key);
- dates and numbers stay text (the tool parses them, so 2024-02-30 is a clear error);
- only `true`/`false` are booleans, `null`/`~`/empty is None;
- duplicate keys, anchors and aliases are refused (no alias bombs).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

try:  # the C parser is much faster; the pure one gives the same events
    from yaml import CSafeLoader as FAST_LOADER
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as FAST_LOADER  # type: ignore[assignment]

# yaml.parse takes any loader class; both of these yield the same events.
Loader = type[yaml.SafeLoader] | type[FAST_LOADER]

Path_ = tuple[str | int, ...]

_NULLS = {"null", "Null", "NULL", "~", ""}
MAX_DEPTH = 50
# The YAML reader refuses these written raw, but a double-quoted escape ("\u0001", "\0")
# still makes them; they would break the XML feeds, so they are refused here too.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")


@dataclass(frozen=True, slots=True)
class YamlProblem(Exception):
    """A problem at a 0-based line/column of the YAML text."""

    line: int
    col: int
    code: str
    message: str
    related_line: int | None = None  # 0-based; "{related}" in message is filled by the loader


@dataclass(slots=True)
class YamlDoc:
    """Parsed YAML with the position of every key and list item."""

    value: Any
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def position(self, path: Path_) -> tuple[int, int]:
        """0-based position of the deepest known prefix of path."""
        for end in range(len(path), -1, -1):
            found = self.positions.get(tuple(path[:end]))
            if found is not None:
                return found
        return (0, 0)


def _scalar(event: yaml.ScalarEvent) -> Any:
    control = _CONTROL.search(event.value)
    if control is not None:
        mark: Any = event.start_mark
        raise YamlProblem(mark.line, mark.column, "control-character",
                          f"control character U+{ord(control.group()):04X} is not allowed in "
                          "text (a double-quoted escape such as \\0 or \\u0001 makes one); "
                          "remove it")
    if event.style in ("'", '"', "|", ">"):
        return event.value
    if event.value in ("true", "True", "TRUE"):
        return True
    if event.value in ("false", "False", "FALSE"):
        return False
    if event.value in _NULLS:
        return None
    return event.value


# The events a document's body is made of, besides these frames.
_FRAMES = (yaml.StreamStartEvent, yaml.StreamEndEvent, yaml.DocumentStartEvent,
           yaml.DocumentEndEvent)
_OPENS = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
_CLOSES = (yaml.SequenceEndEvent, yaml.MappingEndEvent)


class _Composer:
    """Values and key positions from the body's events. Dispatches on each event's exact
    class (the parsers make no subclasses): front matter is read for every file, and the
    composer is most of its cost."""

    def __init__(self, events: list[yaml.Event]) -> None:
        self.events = events
        self.index = 0
        self.positions: dict[Path_, tuple[int, int]] = {}

    def next(self) -> yaml.Event:
        event = self.events[self.index]
        self.index += 1
        return event

    def node(self, path: Path_) -> Any:
        event: Any = self.events[self.index]
        self.index += 1
        kind = type(event)
        mark: Any = event.start_mark
        if len(path) > MAX_DEPTH:  # composing recurses: refuse before Python's stack runs out
            raise _too_deep(mark)
        if kind is yaml.AliasEvent:
            raise YamlProblem(mark.line, mark.column, "yaml-alias",
                              f"YAML aliases (*{event.anchor}) are not allowed; write the value "
                              "out")
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            raise YamlProblem(mark.line, mark.column, "yaml-alias",
                              f"YAML anchors (&{anchor}) are not allowed; write the value out")
        tag = getattr(event, "tag", None)
        if tag is not None and tag != "!":
            raise YamlProblem(mark.line, mark.column, "yaml-tag",
                              f"YAML tags ({tag}) are not allowed")
        if kind is yaml.ScalarEvent:
            return _scalar(event)
        events, positions = self.events, self.positions
        if kind is yaml.SequenceStartEvent:
            items: list[Any] = []
            while type(events[self.index]) is not yaml.SequenceEndEvent:
                item_mark: Any = events[self.index].start_mark
                item_path = (*path, len(items))
                positions[item_path] = (item_mark.line, item_mark.column)
                items.append(self.node(item_path))
            self.index += 1
            return items
        if kind is yaml.MappingStartEvent:
            mapping: dict[Any, Any] = {}
            while type(key_event := events[self.index]) is not yaml.MappingEndEvent:
                key_mark: Any = key_event.start_mark
                if type(key_event) is not yaml.ScalarEvent:
                    raise YamlProblem(key_mark.line, key_mark.column, "yaml-key",
                                      "keys must be plain text")
                key = self.node(path)
                key = "" if key is None else str(key)
                if key in mapping:
                    first = positions[(*path, key)]
                    raise YamlProblem(key_mark.line, key_mark.column, "duplicate-key",
                                      f"duplicate key '{key}' (first given at line {{related}})",
                                      related_line=first[0])
                key_path = (*path, key)
                positions[key_path] = (key_mark.line, key_mark.column)
                mapping[key] = self.node(key_path)
            self.index += 1
            return mapping
        raise YamlProblem(mark.line, mark.column, "yaml-syntax", "unexpected YAML structure")


def _too_deep(mark: Any) -> YamlProblem:
    line, col = (mark.line, mark.column) if mark is not None else (0, 0)
    return YamlProblem(line, col, "yaml-depth",
                       f"YAML is nested more than {MAX_DEPTH} levels deep; front matter needs "
                       "only a few")


def _events(text: str, loader: Loader) -> list[yaml.Event]:
    """The parser's events, read one by one so deep nesting is refused early: the parser
    slows down with the square of the depth (120,000 brackets would take minutes). The
    loop is yaml.parse's own, without its generator."""
    events: list[yaml.Event] = []
    append = events.append
    depth = 0
    parser = loader(text)
    try:
        while parser.check_event():
            event: Any = parser.get_event()
            kind = type(event)
            if kind in _OPENS:
                depth += 1
                if depth > MAX_DEPTH:
                    raise _too_deep(event.start_mark)
            elif kind in _CLOSES:
                depth -= 1
            append(event)
    finally:
        parser.dispose()
    return events


def _depth_problem(text: str) -> YamlProblem | None:
    """Our depth error, if the text nests too deeply before its first syntax error.

    Newer libyaml stops at its own nesting limit while its scanner looks ahead, before
    our count reaches MAX_DEPTH, and says so in its own words. The pure-Python parser looks
    ahead at most a line (1,024 characters), so it reaches our limit first whatever the
    libyaml version.
    """
    try:
        _events(text, yaml.SafeLoader)
    except YamlProblem as problem:
        return problem if problem.code == "yaml-depth" else None
    except yaml.YAMLError:
        return None
    return None


def parse_yaml(text: str, loader: Loader = FAST_LOADER) -> YamlDoc:
    """Parse one YAML document strictly. Raises YamlProblem (0-based positions)."""
    try:
        events = _events(text, loader)
    except yaml.MarkedYAMLError as exc:
        if (too_deep := _depth_problem(text)) is not None:
            raise too_deep from None
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line, mark.column) if mark else (0, 0)
        problem = (exc.problem or "invalid YAML").strip()
        if "\t" in text.splitlines()[line] if line < len(text.splitlines()) else False:
            problem += " (tabs are not allowed for indentation; use spaces)"
        raise YamlProblem(line, col, "yaml-syntax", problem) from None
    except yaml.YAMLError as exc:
        if (too_deep := _depth_problem(text)) is not None:
            raise too_deep from None
        raise YamlProblem(0, 0, "yaml-syntax", str(exc).splitlines()[0]) from None
    body = [e for e in events if type(e) not in _FRAMES]
    if sum(type(e) is yaml.DocumentStartEvent for e in events) > 1:
        raise YamlProblem(0, 0, "yaml-syntax", "only one YAML document is allowed")
    if not body:
        return YamlDoc(None)
    composer = _Composer(body)
    value = composer.node(())
    return YamlDoc(value, composer.positions)
