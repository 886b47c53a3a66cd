"""Pydantic's validation errors in the words of the content format: the code, the
message with "did you mean", and the place in the user's data."""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel

from briefing.core.diagnostics import did_you_mean


def _field_names(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """The keys allowed at the place of an unknown key, for 'did you mean'."""
    current: Any = model
    for part in loc[:-1]:
        if isinstance(part, int) or current is None:
            continue
        info = getattr(current, "model_fields", {}).get(part)
        if info is None:
            return []
        annotation = info.annotation
        current = None
        for candidate in (annotation, *getattr(annotation, "__args__", ())):
            for inner in (candidate, *getattr(candidate, "__args__", ())):
                if isinstance(inner, type) and issubclass(inner, BaseModel):
                    current = inner
    return list(getattr(current, "model_fields", {})) if current is not None else []


def describe(err: Any, model: type[BaseModel]) -> tuple[str, str]:
    """A pydantic error as (code, message) in our words."""
    kind = err["type"]
    loc = tuple(err["loc"])
    name = ".".join(str(p) for p in loc) or "value"
    value = err.get("input")
    if kind == "extra_forbidden":
        key = str(loc[-1])
        hint = did_you_mean(key, _field_names(model, loc), cutoff=0.6)
        return "unknown-key", f"unknown key '{key}'{hint}"
    if kind == "literal_error":
        expected = err.get("ctx", {}).get("expected", "")
        hint = did_you_mean(str(value), re.findall(r"'([^']*)'", expected), cutoff=0.6)
        return "bad-enum", f"'{value}' is not a valid {loc[-1]}{hint}; expected one of {expected}"
    if kind == "bool_type":
        return "type", f"'{name}' must be true or false, not '{value}'"
    if kind == "string_pattern_mismatch":
        if name.endswith("country"):
            return "type", f"'{value}' is not a country code; write two capital letters, e.g. KR"
        if name.endswith("color"):
            return "type", f"'{value}' is not a colour; write it as \"#rrggbb\""
        if name.startswith("fx."):
            return "type", (f"'{value}' is not a currency code; write it in capitals, e.g. "
                            "USD, EUR, JPY")
        return "bad-id", (f"'{value}' is not a valid id in '{name}' (lowercase letters, digits "
                          "and single hyphens)")
    if kind in ("string_type", "list_type", "dict_type", "model_type", "model_attributes_type"):
        want = {"string_type": "text", "list_type": "a list", "dict_type": "a mapping"}.get(
            kind, "a mapping")
        shown = "nothing" if value is None else type(value).__name__.replace(
            "str", "text").replace("dict", "a mapping").replace("list", "a list")
        return "type", f"'{name}' must be {want}, not {shown}"
    if kind == "string_too_short":
        return "type", f"'{name}' must not be empty"
    if kind == "none_required":
        if name == "color":
            return "unknown-key", "'color' is only for carriers; remove it from this entity"
        return "unknown-key", f"'{name}' is not allowed here"
    return "type", f"'{name}': {err['msg']}"


def data_path(data: Any, loc: tuple[Any, ...]) -> tuple[str | int, ...]:
    """Pydantic's loc with union branch tags removed: only keys and indexes in the data."""
    path: list[str | int] = []
    current = data
    for n, part in enumerate(loc):
        in_dict = isinstance(current, dict) and part in current
        in_list = isinstance(current, list) and isinstance(part, int) and part < len(current)
        if in_dict or in_list:
            path.append(part)
            current = current[part]
        elif n == len(loc) - 1 and isinstance(current, dict) and isinstance(part, str) \
                and not part[:1].isupper() and "[" not in part and "-" not in part:
            path.append(part)  # a missing key: reported at its parent
    return tuple(path)
