"""Which template folder a build uses, and what is wrong with the folders given.

Apart from render.templates (which re-exports these) so the command line can find the
folders, and skip a build with nothing changed, without importing Jinja.
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path


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
