"""Well-known organisations and products (known_world.yaml, extendable from the site's
content/known_world.yaml): proposed for review.new_entities, typed, when an article names
one the content does not know yet. The content always wins: an entry sharing any name
with a content entity is left out."""

from __future__ import annotations

import re
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

import yaml

from briefing.ingest.known import KnownNode
from briefing.ingest.proposal import NewEntity, known_at
from briefing.ingest.recognise import Matcher, Mention

TYPES = frozenset(["company", "startup", "product", "model", "organization", "government",
                   "alliance", "conference"])
_HANGUL = re.compile(r"[가-힣]")
_ENDS_IN_VERSION = re.compile(r"\d\s?$")
_VERSION = re.compile(r"(?:\([^()]{1,30}\))?[\s-]?[A-Za-z]?\d")


def _entries(text: str, source: str) -> tuple[list[KnownNode], list[str]]:
    """Nodes of one file, and a warning (file:line, what to do) for each bad entry."""
    try:
        root = yaml.compose(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        return [], [f"{source}{line}: not valid YAML; fix it or remove the file"]
    if root is None:
        return [], []
    if not isinstance(root, yaml.SequenceNode):
        return [], [f"{source}:{root.start_mark.line + 1}: expected a list of "
                     "[type, Korean name, English name, other names...] entries"]
    nodes, warnings = [], []
    for item in root.value:
        line = item.start_mark.line + 1
        values = [v.value for v in item.value] if isinstance(item, yaml.SequenceNode) else []
        if len(values) < 3 or not all(isinstance(v, str) for v in values) \
                or values[0] not in TYPES or not (values[1] or values[2]):
            warnings.append(f"{source}:{line}: expected [type, Korean name, English name, "
                            f"other names...] with type one of {', '.join(sorted(TYPES))}; "
                            "entry skipped")
            continue
        kind, ko, en, *others = (v.strip() for v in values)
        names = tuple(n for n in (ko, en, *others) if n)
        nodes.append(KnownNode(f"world:{(en or ko).lower()}", False, names, kind, (ko, en)))
    return nodes, warnings


def load_world(content_dir: Path | None, known_names: frozenset[str]
               ) -> tuple[tuple[KnownNode, ...], list[str]]:
    """The packaged list with the site's entries over it (same English or Korean name:
    the site's), without what the content already has."""
    text = resources.files("briefing.ingest").joinpath("known_world.yaml").read_text("utf-8")
    nodes, warnings = _entries(text, "known_world.yaml")
    site = content_dir / "known_world.yaml" if content_dir else None
    if site is not None and site.is_file():
        extra, extra_warnings = _entries(site.read_text("utf-8"), str(site))
        warnings += extra_warnings
        replaced = {n.lower() for node in extra for n in node.labels if n}
        nodes = [n for n in nodes if not {x.lower() for x in n.labels if x} & replaced] + extra
    return tuple(n for n in nodes if not {x.lower() for x in n.names} & known_names), warnings


def world_proposals(texts: Sequence[str], mentions: Sequence[Sequence[Mention]],
                    matcher: Matcher, nodes: dict[str, KnownNode],
                    proposed: Sequence[NewEntity]) -> list[NewEntity]:
    """One proposal per well-known name the texts use, named in the text's script."""
    taken = {n.lower() for e in proposed for n in (e.name, *e.aliases)}
    found: dict[str, NewEntity] = {}
    versioned: set[str] = set()
    for text, known in zip(texts, mentions, strict=True):
        for hit in matcher.find(text):
            node = nodes.get(hit.id)
            if node is None or hit.id in found or known_at(known, hit.start, hit.end) \
                    or (hit.text[0].islower() and hit.text not in node.names):
                continue  # 'arm', 'cursor' in running English are words, not names
            glossing = text[hit.start - 1:hit.start] == "("
            if _VERSION.match(text, hit.end) or (glossing and (
                    _VERSION.match(text, hit.end + 1) or _ENDS_IN_VERSION.search(
                        text, 0, hit.start - 1))):
                # 'A.X 4.0', '딥시크(DeepSeek) V3.1', 'A.X K1(에이닷엑스 케이원)': the model rules'
                versioned.add(hit.id)
            if hit.id in versioned or any(n.lower() in taken for n in node.names):
                continue
            ko, en = node.labels
            name = (ko or en) if _HANGUL.search(text) else (en or ko)
            if name.lower() not in text.lower():  # named by an alias: keep the text's name
                name = next((n for n in node.names if n.lower() == hit.text.lower()), name)
            aliases = tuple(n for n in node.names if n != name)
            found[hit.id] = NewEntity(name, node.type, text, aliases)
    return list(found.values())
