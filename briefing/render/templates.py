"""Which templates a build uses, and the Jinja environment that loads them."""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import jinja2


def packaged_templates() -> Traversable:
    return files("briefing._templates")


def template_root(explicit: Path | None, cwd: Path) -> Traversable:
    """Lookup order: --templates, then ./templates, then the packaged default."""
    if explicit is not None:
        return explicit
    local = cwd / "templates"
    if (local / "base.html").is_file():
        return local
    return packaged_templates()


def folder_problem(content: Path, templates: Path | None) -> str | None:
    """What is wrong with the --content and --templates folders, if anything."""
    if not content.is_dir():
        return f"content folder '{content}' not found"
    if templates is not None and not (templates / "base.html").is_file():
        return f"templates folder '{templates}' has no base.html"
    return None


class _TraversableLoader(jinja2.BaseLoader):
    """Loads templates from a folder or from the installed package alike."""

    def __init__(self, root: Traversable) -> None:
        self.root = root

    def get_source(self, environment: jinja2.Environment, template: str
                   ) -> tuple[str, str | None, Any]:
        item = self.root
        for part in template.split("/"):
            item = item / part
        if not item.is_file():
            raise jinja2.TemplateNotFound(template)
        filename = str(item) if isinstance(item, Path) else template
        return item.read_text(encoding="utf-8"), filename, lambda: True


def make_environment(root: Traversable) -> jinja2.Environment:
    env = jinja2.Environment(loader=_TraversableLoader(root), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True,
                             lstrip_blocks=True, keep_trailing_newline=True)
    return env
