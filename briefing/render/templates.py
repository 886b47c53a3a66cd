"""Which templates a build uses, and the Jinja environment that loads them."""

from __future__ import annotations

from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import jinja2

from briefing.render.folders import folder_problem, packaged_templates, template_root

__all__ = ["folder_problem", "make_environment", "packaged_templates", "template_root"]


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
