"""Diagnostics: what users see when content is wrong.

Every stage returns diagnostics instead of raising; the CLI sorts and prints
them once, then a count line.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TextIO


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True, order=True)
class Diagnostic:
    path: str
    line: int
    col: int
    severity: Severity = field(compare=False)
    code: str = field(compare=False)
    message: str = field(compare=False)

    def format(self) -> str:
        where = f"{self.path}:{self.line}:{self.col}"
        return f"{where}: {self.severity.value}[{self.code}]: {self.message}"

    def github_annotation(self) -> str:
        kind = "error" if self.severity is Severity.ERROR else "warning"
        message = self.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        where = f"file={self.path},line={self.line},col={self.col}"
        return f"::{kind} {where},title={self.code}::{message}"


def error(path: str, line: int, col: int, code: str, message: str) -> Diagnostic:
    return Diagnostic(path, line, col, Severity.ERROR, code, message)


def warning(path: str, line: int, col: int, code: str, message: str) -> Diagnostic:
    return Diagnostic(path, line, col, Severity.WARNING, code, message)


def strict(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """`--strict`: every warning becomes an error."""
    return [
        Diagnostic(d.path, d.line, d.col, Severity.ERROR, d.code, d.message)
        if d.severity is Severity.WARNING
        else d
        for d in diagnostics
    ]


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    return any(d.severity is Severity.ERROR for d in diagnostics)


def count_line(diagnostics: Iterable[Diagnostic]) -> str:
    items = list(diagnostics)
    errors = sum(d.severity is Severity.ERROR for d in items)
    warnings = len(items) - errors

    def plural(n: int, word: str) -> str:
        return f"{n} {word}{'' if n == 1 else 's'}"

    return f"{plural(errors, 'error')}, {plural(warnings, 'warning')}"


def did_you_mean(wanted: str, known: Iterable[str], aliases: dict[str, str] | None = None,
                 cutoff: float | None = None) -> str:
    """A ' (did you mean 'x'?)' suffix, or '' when nothing is close. The one rule for
    ids, aliases, keys and enum values; `cutoff` overrides the one that depends on length
    (keys and enum values are matched more loosely)."""
    known_list = sorted(set(known))
    by_alias = aliases or {}
    lowered = wanted.casefold()
    for alias, target in sorted(by_alias.items()):
        if alias.casefold() == lowered:
            return f" (did you mean '{target}'?)"
    # Short ids differ by a larger share for one typo ('skk' vs 'skt').
    if cutoff is None:
        cutoff = 0.6 if len(wanted) <= 4 else 0.75
    candidates = difflib.get_close_matches(wanted, known_list, n=1, cutoff=cutoff)
    if not candidates:
        alias_hits = difflib.get_close_matches(wanted, sorted(by_alias), n=1, cutoff=0.8)
        candidates = [by_alias[alias_hits[0]]] if alias_hits else []
    return f" (did you mean '{candidates[0]}'?)" if candidates else ""


def print_diagnostics(diagnostics: Sequence[Diagnostic], stream: TextIO) -> None:
    """Sorted lines, GitHub annotations under Actions, then the count line."""
    annotate = os.environ.get("GITHUB_ACTIONS") == "true"
    for diagnostic in sorted(diagnostics):
        print(diagnostic.format(), file=stream)
        if annotate:
            print(diagnostic.github_annotation(), file=stream)
    if diagnostics:
        print(count_line(diagnostics), file=stream)
