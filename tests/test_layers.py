"""The layer rule (docs/architecture.md): a module imports only from layers below its own,
or from its own package; siblings in one layer never import each other."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "briefing"

# Bottom to top. Each row is one layer; the names in a row are siblings.
LAYERS: list[tuple[str, ...]] = [
    ("core", "workers"),
    ("load",),
    ("validate",),
    ("link",),
    ("render", "search", "write", "workdir"),
    ("kept",),
    ("build",),
    ("incremental",),
    ("serve", "ingest"),
    ("cli", "__init__"),
    ("__main__",),
]
LEVEL = {name: level for level, row in enumerate(LAYERS) for name in row}


def _unit(module: str) -> str:
    """The layer unit of `briefing.x.y`: its first part below briefing."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _imports(path: Path) -> set[str]:
    """Every briefing module `path` imports, at the top or inside functions."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("briefing."))
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "briefing":
                found.update(f"briefing.{a.name}" for a in node.names)
            elif node.module.startswith("briefing."):
                found.add(node.module)
    return found


def _violations() -> list[str]:
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE.parent).with_suffix("")
        here = _unit(".".join(relative.parts))
        for target in sorted(_imports(path)):
            there = _unit(target)
            if there == here:
                continue
            if LEVEL[there] >= LEVEL[here]:
                wrong.append(f"{relative}.py imports {target} ({here} may not use {there})")
    return wrong


def test_every_package_has_a_layer() -> None:
    units = {_unit(".".join(p.relative_to(PACKAGE.parent).with_suffix("").parts))
             for p in PACKAGE.rglob("*.py")}
    assert units <= LEVEL.keys(), sorted(units - LEVEL.keys())


def test_no_module_imports_upward_or_sideways() -> None:
    assert _violations() == []


def test_the_check_sees_an_upward_import(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("import briefing.serve.http\nfrom briefing import build\n")
    assert _imports(module) == {"briefing.serve.http", "briefing.build"}
