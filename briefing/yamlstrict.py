"""Strict, position-keeping YAML reading for front matter.

We compose values from the parser's event stream ourselves so that:
- every key's line and column is kept (diagnostics point at the key);
- dates and numbers stay text (the tool parses them, so 2024-02-30 is a clear error);
- only `true`/`false` are booleans, `null`/`~`/empty is None;
- duplicate keys, anchors and aliases are refused (no alias bombs).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

try:  # the C parser is much faster; the pure one gives the same events
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

Path_ = tuple[str | int, ...]

_NULLS = {"null", "Null", "NULL", "~", ""}


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
    if event.style in ("'", '"', "|", ">"):
        return event.value
    if event.value in ("true", "True", "TRUE"):
        return True
    if event.value in ("false", "False", "FALSE"):
        return False
    if event.value in _NULLS:
        return None
    return event.value


class _Composer:
    def __init__(self, events: list[yaml.Event]) -> None:
        self.events = events
        self.index = 0
        self.positions: dict[Path_, tuple[int, int]] = {}

    def next(self) -> yaml.Event:
        event = self.events[self.index]
        self.index += 1
        return event

    def node(self, path: Path_) -> Any:
        event = self.next()
        mark = event.start_mark
        if isinstance(event, yaml.AliasEvent):
            raise YamlProblem(mark.line, mark.column, "yaml-alias",
                              f"YAML aliases (*{event.anchor}) are not allowed; write the value "
                              "out")
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            raise YamlProblem(mark.line, mark.column, "yaml-alias",
                              f"YAML anchors (&{anchor}) are not allowed; write the value out")
        tag = getattr(event, "tag", None)
        if tag not in (None, "!") and not (isinstance(event, yaml.ScalarEvent) and tag == "!"):
            raise YamlProblem(mark.line, mark.column, "yaml-tag",
                              f"YAML tags ({tag}) are not allowed")
        if isinstance(event, yaml.ScalarEvent):
            return _scalar(event)
        if isinstance(event, yaml.SequenceStartEvent):
            items: list[Any] = []
            while not isinstance(self.events[self.index], yaml.SequenceEndEvent):
                item_mark = self.events[self.index].start_mark
                self.positions[(*path, len(items))] = (item_mark.line, item_mark.column)
                items.append(self.node((*path, len(items))))
            self.next()
            return items
        if isinstance(event, yaml.MappingStartEvent):
            mapping: dict[Any, Any] = {}
            while not isinstance(self.events[self.index], yaml.MappingEndEvent):
                key_event = self.events[self.index]
                key_mark = key_event.start_mark
                if not isinstance(key_event, yaml.ScalarEvent):
                    raise YamlProblem(key_mark.line, key_mark.column, "yaml-key",
                                      "keys must be plain text")
                key = self.node(path)
                key = "" if key is None else str(key)
                if key in mapping:
                    first = self.positions[(*path, key)]
                    raise YamlProblem(key_mark.line, key_mark.column, "duplicate-key",
                                      f"duplicate key '{key}' (first given at line {{related}})",
                                      related_line=first[0])
                self.positions[(*path, key)] = (key_mark.line, key_mark.column)
                mapping[key] = self.node((*path, key))
            self.next()
            return mapping
        raise YamlProblem(mark.line, mark.column, "yaml-syntax", "unexpected YAML structure")


def parse_yaml(text: str) -> YamlDoc:
    """Parse one YAML document strictly. Raises YamlProblem (0-based positions)."""
    try:
        events = list(yaml.parse(text, Loader=_Loader))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line, mark.column) if mark else (0, 0)
        problem = (exc.problem or "invalid YAML").strip()
        if "\t" in text.splitlines()[line] if line < len(text.splitlines()) else False:
            problem += " (tabs are not allowed for indentation; use spaces)"
        raise YamlProblem(line, col, "yaml-syntax", problem) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(0, 0, "yaml-syntax", str(exc).splitlines()[0]) from None
    body = [e for e in events if not isinstance(
        e, yaml.StreamStartEvent | yaml.StreamEndEvent | yaml.DocumentStartEvent
        | yaml.DocumentEndEvent)]
    if sum(isinstance(e, yaml.DocumentStartEvent) for e in events) > 1:
        raise YamlProblem(0, 0, "yaml-syntax", "only one YAML document is allowed")
    if not body:
        return YamlDoc(None)
    composer = _Composer(body)
    value = composer.node(())
    return YamlDoc(value, composer.positions)
