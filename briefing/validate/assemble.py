"""Validate across files: checked files -> one Content. Ids are unique; drafts are
dropped unless asked for; files with errors are remembered so references to them are not
reported twice."""

from __future__ import annotations

from briefing.core.diagnostics import Diagnostic, error
from briefing.validate.fields import Checked
from briefing.validate.model import Article, Content, Node, Site


def _duplicates(docs: list[Checked]) -> list[Diagnostic]:
    """Ids are unique: carriers and entities share a namespace; articles have their own."""
    problems: list[Diagnostic] = []
    first: dict[tuple[bool, str], Checked] = {}
    for doc in docs:
        key = (doc.kind == "article", doc.id)
        if key in first:
            other = first[key]
            problems.append(error(doc.path, 1, 1, "duplicate-id",
                                  f"id '{doc.id}' is already used by {other.path}; rename "
                                  "one of the files"))
        else:
            first[key] = doc
    return problems


def assemble_content(checked: list[Checked], include_drafts: bool
                     ) -> tuple[Content | None, list[Diagnostic]]:
    """Typed content from checked files. Drafts are dropped unless include_drafts."""
    problems = _duplicates([c for c in checked if c.kind != "site"])
    duplicate_paths = {p.path for p in problems}
    site: Site | None = None
    nodes: list[Node] = []
    articles: list[Article] = []
    broken: set[str] = set()
    for item in checked:
        if item.path in duplicate_paths:
            continue
        result = item.result
        if isinstance(result, Article) and result.draft and not include_drafts:
            # A draft is not published, so it cannot break the build; `check` and
            # `build --drafts` report its problems.
            continue
        problems.extend(item.problems)
        if isinstance(result, Site):
            site = result
        elif isinstance(result, Node):
            nodes.append(result)
        elif isinstance(result, Article):
            articles.append(result)
        elif result is None and item.kind != "site":
            broken.update(item.salvage or {item.id if item.kind != "article"
                                           else "article:" + item.id})
    if site is None:
        return None, problems
    nodes.sort(key=lambda n: n.id)
    articles.sort(key=lambda a: a.id)
    return Content(site, tuple(nodes), tuple(articles), frozenset(broken)), problems
