"""Wikilinks in bodies: check each [[kind:target]] against what exists, and collect the
carriers, entities and events a briefing's body links it to."""

from __future__ import annotations

from dataclasses import dataclass

from briefing.core.diagnostics import did_you_mean
from briefing.link.resolve import Found, Resolver, err
from briefing.validate.model import Body, Loc, Ref
from briefing.validate.salvage import defines_event


@dataclass(frozen=True, slots=True)
class Targets:
    """What body links can point at besides carriers and entities."""

    events: frozenset[str]  # every event id occurring, drafts included
    articles: frozenset[str]
    broken: frozenset[str]  # files dropped for errors already reported


def body_links(owner: str | None, body: Body, resolver: Resolver, targets: Targets,
               found: Found) -> frozenset[str]:
    """The nodes and events a body links its briefing (`owner`) to; problems reported as
    found."""
    events, articles, broken = targets.events, targets.articles, targets.broken
    problems = found.problems
    linked: set[str] = set()
    # Rows, not WikiLink objects: a Loc is made only for a link that is reported.
    for kind, target, _label, path, line, col in body.link_rows():
        if kind == "node":
            if target in resolver.nodes:
                found.used.add(target)
                if owner:
                    linked.add(target)
            else:
                resolver.check(Ref(target, Loc(path, line, col)), "any", found)
        elif kind == "article":
            if target not in articles and "article:" + target not in broken:
                hint = did_you_mean(target, articles)
                problems.append(err(Loc(path, line, col), "unknown-ref",
                                     f"article '{target}' not found{hint}"))
        elif kind == "event":
            if target not in events and not defines_event(broken, target):
                hint = did_you_mean(target, events)
                problems.append(err(Loc(path, line, col), "unknown-ref",
                                     f"event '{target}' not found{hint}"))
            elif owner:
                linked.add("event:" + target)
        else:
            problems.append(err(Loc(path, line, col), "unknown-ref",
                                 f"unknown link kind '{kind}:'; use [[id]], "
                                 "[[article:slug]] or [[event:id]]"))
    return frozenset(linked)
