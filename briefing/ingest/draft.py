"""The one writer of draft files: Draft -> YAML front matter -> a new file, atomically."""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
from pathlib import Path
from typing import Any

import yaml

from briefing.ingest.eventmerge import ProposedEvent
from briefing.ingest.pipeline import Draft


class DraftExists(FileExistsError):
    """The draft's file is already there and --force was not given."""


try:  # libyaml's emitter is several times faster; the pure one writes the same YAML
    from yaml import CSafeDumper as _BaseDumper
except ImportError:  # pragma: no cover
    from yaml import SafeDumper as _BaseDumper  # type: ignore[assignment]


class _Dumper(_BaseDumper):
    """Safe YAML that a strict reader takes back: no aliases, multi-line text as blocks."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _str(dumper: _BaseDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def draft_event(event: ProposedEvent) -> dict[str, Any]:
    if event.existing:
        # The content defines the event; its amount is repeated so that this source's
        # figure is on record too (left out when it differs: review item).
        if event.amount and not event.amount_conflict:
            return {"id": event.id, "amount": event.amount}
        return {"id": event.id}
    data: dict[str, Any] = {"id": event.id}
    if event.date is not None:
        data["date"] = event.date.iso()
    if event.until is not None:
        data["until"] = event.until.iso()
    if event.basis:
        data["basis"] = event.basis
    if event.approximate:
        data["approximate"] = True
    data["title"] = event.title
    data["kind"] = event.kind
    data["carriers"] = list(event.carriers)
    data["entities"] = list(event.entities)
    if event.amount:
        data["amount"] = event.amount
    if event.due is not None:
        data["due"] = event.due.iso()
        if event.due_basis:
            data["due_basis"] = event.due_basis
    return data


def draft_front_matter(draft: Draft) -> dict[str, Any]:
    """The draft as the content format's keys, in the order analysts read them."""
    front: dict[str, Any] = {"title": draft.title}
    if draft.published is not None:
        front["published"] = draft.published.iso()
    if draft.updated is not None:
        front["updated"] = draft.updated.iso()
    source: dict[str, Any] = {}
    if draft.publisher:
        source["publisher"] = draft.publisher
    source["title"] = draft.source_title
    if draft.url:
        source["url"] = draft.url
    if draft.author:
        source["author"] = draft.author
    source["language"] = draft.language
    front["source"] = source
    front["language"] = draft.language
    front["carriers"] = list(draft.carriers)
    front["entities"] = list(draft.entities)
    front["draft"] = True
    front["events"] = [draft_event(event) for event in draft.events]
    review: dict[str, Any] = {
        "items": [{"field": i.field, "issue": i.issue, **({"evidence": i.evidence}
                                                          if i.evidence else {})}
                  for i in draft.items],
        "new_entities": [{"name": e.name, "type": e.type,
                          **({"aliases": list(e.aliases)} if e.aliases else {}),
                          **({"parent": e.parent} if e.parent else {}), "evidence": e.evidence}
                         for e in draft.new_entities],
        "source_text": draft.source_text.rstrip() + "\n",
    }
    front["review"] = review
    return front


_STR, _MAP, _SEQ = "tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"


def _node(dumper: _Dumper, value: Any) -> yaml.Node:
    """The node _Dumper's representer makes (block style, no aliases), built directly: the
    representer's generic dispatch was most of the time the batch's main process spent on
    a draft, beside workers that need the CPU."""
    kind = type(value)
    if kind is str:
        return yaml.ScalarNode(_STR, value, style="|" if "\n" in value else None)
    if kind is dict:
        return yaml.MappingNode(_MAP, [(_node(dumper, k), _node(dumper, v))
                                       for k, v in value.items()], flow_style=False)
    if kind is list:
        return yaml.SequenceNode(_SEQ, [_node(dumper, v) for v in value], flow_style=False)
    return dumper.represent_data(value)


def render_draft(draft: Draft) -> str:
    """The whole file: front matter only (the body is the analyst's to write)."""
    stream = io.StringIO()
    dumper = _Dumper(stream, allow_unicode=True, sort_keys=False, width=4096,
                     default_flow_style=False)
    try:
        dumper.open()
        dumper.serialize(_node(dumper, draft_front_matter(draft)))
        dumper.close()
    finally:
        dumper.dispose()
    return f"---\n{stream.getvalue()}---\n"


def write_draft(text: str, path: Path, force: bool) -> None:
    """Write atomically beside the target; never over an existing file unless force."""
    if not force and path.exists():
        raise DraftExists(str(path))
    handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(text.encode("utf-8"))
        if force:
            os.replace(temp, path)
        else:
            try:
                os.link(temp, path)  # fails if the file appeared meanwhile: no clobbering
            except FileExistsError:
                raise DraftExists(str(path)) from None
            except OSError:  # file systems without hard links
                if path.exists():
                    raise DraftExists(str(path)) from None
                os.replace(temp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
