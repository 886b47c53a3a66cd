"""Typed values <-> plain data (what workdir.packed keeps), strict about shapes.

One codec for every state file: frozen dataclasses, tuples, frozensets, dicts, Decimals,
enums and the plain scalars, driven by the type hints of the dataclasses. Decoding checks
every value against the type it must have; any mismatch raises `Malformed`, and the caller
ignores the whole state (a state file is never partly trusted).

A dataclass is kept as a list, its class name first, then its fields in order, so a union
of dataclasses (Site | Node | Article) knows which one it holds.
"""

from __future__ import annotations

import dataclasses
import enum
import types
import typing
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any

Decode = Callable[[Any], Any]


class Malformed(ValueError):
    """A plain value that does not have the shape its type asks for."""


_SCALARS = frozenset({type(None), bool, int, str, bytes, float})


@cache
def _field_names(kind: type) -> tuple[str, ...] | None:
    """A dataclass's field names, in order; None for any other type."""
    if not dataclasses.is_dataclass(kind):
        return None
    return tuple(f.name for f in dataclasses.fields(kind))


def to_plain(value: Any) -> Any:
    """A typed value as plain data (None, bool, int, str, bytes, lists, str-keyed maps)."""
    # The usual values by their exact type first: a build keeps millions of them.
    kind = type(value)
    if kind in _SCALARS:
        return value
    if kind is tuple or kind is list:
        return [to_plain(item) for item in value]
    names = _field_names(kind)  # type: ignore[arg-type]  # a type is hashable
    if names is not None:
        return [kind.__name__, *(to_plain(getattr(value, name)) for name in names)]
    return _other_plain(value)


def _other_plain(value: Any) -> Any:
    if value is None or isinstance(value, (bool, int, str, bytes, float)):
        return value.value if isinstance(value, enum.Enum) else value
    if isinstance(value, enum.Enum):
        return value.value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [type(value).__name__,
                *(to_plain(getattr(value, f.name)) for f in dataclasses.fields(value))]
    if isinstance(value, (tuple, list)):
        return [to_plain(item) for item in value]
    if isinstance(value, frozenset | set):
        return sorted(to_plain(item) for item in value)
    if isinstance(value, dict):
        return [[to_plain(k), to_plain(v)] for k, v in value.items()]
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(f"no plain form for {type(value).__name__}")


def from_plain(kind: Any, data: Any) -> Any:
    """The value of type `kind` that `to_plain` made `data` from; Malformed otherwise."""
    return decoder(kind)(data)


def _scalar(kind: type) -> Decode:
    def decode(data: Any) -> Any:
        if type(data) is not kind:
            raise Malformed(f"expected {kind.__name__}, got {type(data).__name__}")
        return data
    return decode


def _none(data: Any) -> None:
    if data is not None:
        raise Malformed(f"expected None, got {type(data).__name__}")


def _decimal(data: Any) -> Decimal:
    if type(data) is not str:
        raise Malformed("expected a decimal as text")
    try:
        return Decimal(data)
    except InvalidOperation as exc:
        raise Malformed(f"not a decimal: {data[:20]!r}") from exc


def _list(data: Any) -> list[Any]:
    if type(data) is not list:
        raise Malformed(f"expected a list, got {type(data).__name__}")
    return data


_INLINE = (bool, int, str, bytes, float)  # scalars a generated decoder checks inline


def _scalar_of(hint: Any) -> tuple[type, bool] | None:
    """(the scalar type, whether None is allowed) of a field typed `str`, `str | None`..."""
    if hint in _INLINE:
        return hint, False
    if typing.get_origin(hint) in (types.UnionType, typing.Union):
        arms = [arm for arm in typing.get_args(hint) if arm is not type(None)]
        if len(arms) == 1 and arms[0] in _INLINE and len(typing.get_args(hint)) == 2:
            return arms[0], True
    return None


def _dataclass(kind: type) -> Decode:
    """A decoder written for this dataclass: the checks of its scalar fields inline, the
    others' decoders called (made on the first call: a dataclass may hold itself). It
    is generated from the class's own type hints, never from the data it decodes; a
    state file's cache holds half a million of these at 10,000 files."""
    fields = dataclasses.fields(kind)
    hints = typing.get_type_hints(kind)
    name = kind.__name__
    decoders: list[Decode] = []
    lines = ["def decode(data):",
             f"    if type(data) is not list or len(data) != {len(fields) + 1} "
             "or data[0] != NAME:",
             "        raise Malformed(EXPECTED)",
             "    if not decoders:",
             "        decoders.extend(decoder(hints[f.name]) for f in fields)"]
    args = []
    for number, item in enumerate(fields, 1):
        scalar = _scalar_of(hints[item.name])
        if scalar is None:
            args.append(f"decoders[{number - 1}](data[{number}])")
            continue
        lines.append(f"    v{number} = data[{number}]")
        allowed = f"v{number} is not None and " if scalar[1] else ""
        lines.append(f"    if {allowed}type(v{number}) is not {scalar[0].__name__}:")
        lines.append(f"        raise Malformed('{name}.{item.name}: expected "
                     f"{scalar[0].__name__}')")
        args.append(f"v{number}")
    lines.append(f"    return KIND({', '.join(args)})")
    space: dict[str, Any] = {"NAME": name, "EXPECTED": f"expected {name}", "KIND": kind,
                             "Malformed": Malformed, "decoders": decoders, "fields": fields,
                             "hints": hints, "decoder": decoder}
    exec("\n".join(lines), space)  # our own class's source, never data
    made: Decode = space["decode"]
    return made


def _union(arms: tuple[Any, ...]) -> Decode:
    optional = type(None) in arms
    rest = [arm for arm in arms if arm is not type(None)]
    classes = [arm for arm in rest if isinstance(arm, type) and dataclasses.is_dataclass(arm)]
    named = {arm.__name__: decoder(arm) for arm in classes}
    plain = [decoder(arm) for arm in rest if arm not in classes]

    def decode(data: Any) -> Any:
        if data is None and optional:
            return None
        if named and type(data) is list and data and data[0] in named:
            return named[data[0]](data)
        for arm in plain:
            try:
                return arm(data)
            except Malformed:
                continue
        raise Malformed("a value of none of the expected types")
    return decode


def _enum(kind: type[enum.Enum]) -> Decode:
    def decode(data: Any) -> Any:
        try:
            return kind(data)
        except (ValueError, TypeError) as exc:
            raise Malformed(f"not a {kind.__name__}") from exc
    return decode


@cache
def decoder(kind: Any) -> Decode:
    """The strict decoder of one type (made once per type)."""
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if kind is type(None) or kind is None:
        return _none
    if kind in (bool, int, str, bytes, float):
        return _scalar(kind)
    if kind is Decimal:
        return _decimal
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return _enum(kind)
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        return _dataclass(kind)
    if origin in (types.UnionType, typing.Union):
        return _union(args)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis and args[0] in _INLINE:
        scalar = args[0]

        def scalars(data: Any) -> tuple[Any, ...]:
            if type(data) is not list or not all(type(x) is scalar for x in data):
                raise Malformed(f"expected a list of {scalar.__name__}")
            return tuple(data)
        return scalars
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        item = decoder(args[0])
        return lambda data: tuple(item(x) for x in _list(data))
    if origin is tuple:
        items = [decoder(arg) for arg in args]

        def fixed(data: Any) -> tuple[Any, ...]:
            values = _list(data)
            if len(values) != len(items):
                raise Malformed(f"expected {len(items)} items")
            return tuple(d(x) for d, x in zip(items, values, strict=True))
        return fixed
    if origin is frozenset:
        member = decoder(args[0])
        return lambda data: frozenset(member(x) for x in _list(data))
    if origin is dict:
        key, value = decoder(args[0]), decoder(args[1])

        def mapping(data: Any) -> dict[Any, Any]:
            out = {}
            for pair in _list(data):
                if type(pair) is not list or len(pair) != 2:
                    raise Malformed("expected a key and a value")
                out[key(pair[0])] = value(pair[1])
            return out
        return mapping
    raise TypeError(f"no plain decoder for {kind!r}")
