"""A build with nothing changed: skipped in a new process without importing the renderer,
and not skipped when the published folder gained, lost or changed a file."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import clean_env, copy_site_ok

# Run as users run it, then report which heavy modules the process imported.
_PROBE = ("import sys\nfrom briefing.cli import main\ncode = main(sys.argv[1:])\n"
          "print('IMPORTED', *sorted(m for m in ('briefing.build', 'jinja2', 'pydantic', "
          "'briefing.validate.fields') if m in sys.modules))\nsys.exit(code)\n")


def _build(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", _PROBE, "build"], cwd=project,
                          env=clean_env(), capture_output=True, text=True, encoding="utf-8",
                          timeout=120, check=False)


@pytest.fixture(name="built")
def built_project(tmp_path: Path) -> Path:
    project = copy_site_ok(tmp_path)
    first = _build(project)
    assert first.returncode == 0, first.stderr
    assert "IMPORTED briefing.build" in first.stdout
    return project


def test_nothing_changed_is_skipped_without_the_renderer(built: Path) -> None:
    again = _build(built)
    assert again.returncode == 0, again.stderr
    assert re.match(r"built (\d+) files into site: 0 written, \1 unchanged", again.stdout)
    assert "IMPORTED\n" in again.stdout  # not the models, Jinja nor the build


@pytest.mark.parametrize("change", ["added", "removed", "edited"])
def test_a_published_folder_changed_by_hand_is_built_again(built: Path, change: str) -> None:
    site = built / "site"
    page = next(site.glob("articles/*/index.html"))
    before = page.read_bytes()
    if change == "added":
        (page.parent / "stray.html").write_text("<p>by hand</p>", encoding="utf-8")
    elif change == "removed":
        page.unlink()
    else:
        page.write_bytes(before.replace(b"</body>", b"<p>by hand</p></body>"))
    again = _build(built)
    assert again.returncode == 0, again.stderr
    assert "IMPORTED briefing.build" in again.stdout
    assert page.read_bytes() == before
    assert not (page.parent / "stray.html").exists()
