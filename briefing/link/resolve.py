"""References: check an id against the carriers and entities, suggest near ids, names
and aliases, and record which ids were used. Each part of a link (one briefing's
mentions, one event's merge, one body's links) reports into its own Found and comes back
as a Part: plain data a long-lived build may keep and reuse (briefing.incremental)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from briefing.core.diagnostics import Diagnostic, did_you_mean, error, warning
from briefing.validate.model import Loc, Node, Ref

T = TypeVar("T")


def err(loc: Loc, code: str, message: str) -> Diagnostic:
    return error(loc.path, loc.line, loc.col, code, message)


def warn(loc: Loc, code: str, message: str) -> Diagnostic:
    return warning(loc.path, loc.line, loc.col, code, message)


@dataclass(slots=True)
class Found:
    """What one part of a link found: the ids it used and the problems it reported
    (its own, then the resolver's)."""

    used: set[str] = field(default_factory=set)
    problems: list[Diagnostic] = field(default_factory=list)
    reference_problems: list[Diagnostic] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Part(Generic[T]):
    """A part of a link: its value, the ids it marked used and the problems it found."""

    value: T
    used: frozenset[str]
    problems: tuple[Diagnostic, ...]


def make_part(make: Callable[[Found], T]) -> Part[T]:
    found = Found()
    value = make(found)
    return Part(value, frozenset(found.used),
                (*found.problems, *found.reference_problems))


class Resolver:
    """Checks references and suggests near ids, names and aliases."""

    def __init__(self, nodes: dict[str, Node], broken: frozenset[str] = frozenset()) -> None:
        self.nodes = nodes
        self.broken = broken  # ids of files with errors already reported
        self.aliases: dict[str, str] = {}
        for node in nodes.values():
            for alias in (*node.aliases, *node.name.all()):
                self.aliases.setdefault(alias, node.id)

    def check(self, ref: Ref, want: str, found: Found) -> bool:
        node = self.nodes.get(ref.id)
        what = {"carrier": "carrier", "entity": "entity", "any": "carrier or entity"}[want]
        problems = found.reference_problems
        if node is None:
            if ref.id not in self.broken:
                ids = [n.id for n in self.nodes.values()
                       if want == "any" or n.is_carrier == (want == "carrier")]
                hint = did_you_mean(ref.id, ids, self.aliases)
                problems.append(err(ref.loc, "unknown-ref", f"{what} '{ref.id}' not found{hint}"))
            return False
        found.used.add(ref.id)  # referenced, even if in the wrong list
        if want == "carrier" and not node.is_carrier:
            problems.append(err(ref.loc, "wrong-kind",
                                f"'{ref.id}' is an entity, not a carrier; list it under "
                                "entities"))
            return False
        if want == "entity" and node.is_carrier:
            problems.append(err(ref.loc, "wrong-kind",
                                f"'{ref.id}' is a carrier, not an entity; list it under "
                                "carriers"))
            return False
        return True

    def keep(self, refs: Iterable[Ref], want: str, found: Found) -> tuple[str, ...]:
        return tuple(dict.fromkeys(r.id for r in refs if self.check(r, want, found)))
