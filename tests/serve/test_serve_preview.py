"""An edited briefing's own page is served first, before the full rebuild."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from serve_helpers import ARTICLE, CARRIER, SITE_YAML, SiteText, write_files

from briefing.build import BuildOptions
from briefing.render.templates import packaged_templates
from briefing.serve.output import OutputFolder
from briefing.serve.rebuild import BuildReport, Rebuilder
from briefing.serve.state import ServeState


@pytest.fixture
def project(tmp_path: Path) -> Path:
    write_files(tmp_path, {"content/site.yaml": SITE_YAML, "content/carriers/skt.md": CARRIER,
                           SiteText.path: ARTICLE.format(marker="ORIGINAL-MARKER")})
    return tmp_path


def _rebuilder(project: Path) -> tuple[Rebuilder, Path]:
    out = project / ".briefing/serve"
    options = BuildOptions(project / "content", packaged_templates(), None,
                           base_url="http://127.0.0.1:8000/", jobs=1)
    reports: list[BuildReport] = []
    return Rebuilder(options, OutputFolder(out), ServeState("t"), reports.append), out


def test_the_edited_page_is_written_before_the_full_rebuild(project: Path) -> None:
    rebuilder, out = _rebuilder(project)
    assert rebuilder.build().ok
    page = out / "articles/2024-05-hello/index.html"
    event_page = out / "events/hello-event/index.html"
    event_before = event_page.read_bytes()
    edited = project / SiteText.path
    edited.write_text(ARTICLE.format(marker="EDITED-MARKER"), encoding="utf-8")

    rebuilder._preview(edited)  # what build() does first for a one-file change
    assert "EDITED-MARKER" in page.read_text(encoding="utf-8")
    assert event_page.read_bytes() == event_before  # dependants wait for the full rebuild

    assert rebuilder.build(frozenset({str(edited)})).ok
    full = page.read_bytes()
    rebuilder._preview(edited)  # the preview of unchanged content is the built page itself
    assert page.read_bytes() == full


def test_an_invalid_or_unknown_file_gets_no_preview(project: Path) -> None:
    rebuilder, out = _rebuilder(project)
    assert rebuilder.build().ok
    page = out / "articles/2024-05-hello/index.html"
    before = page.read_bytes()
    edited = project / SiteText.path
    edited.write_text(SiteText.broken_article("BROKEN-MARKER"), encoding="utf-8")
    rebuilder._preview(edited)
    new = project / "content/articles/2024-06-new.md"
    new.write_text(ARTICLE.format(marker="NEW-MARKER"), encoding="utf-8")
    rebuilder._preview(new)  # no page yet: the full rebuild makes it
    rebuilder._preview(project / "content/carriers/skt.md")
    assert page.read_bytes() == before
    assert not (out / "articles/2024-06-new").exists()


def test_a_template_edit_is_served_although_compiled_templates_are_kept(
        project: Path) -> None:
    templates = project / "templates"
    shutil.copytree(Path(str(packaged_templates())), templates,
                    ignore=shutil.ignore_patterns("__pycache__", "__init__.py"))
    out = project / ".briefing/serve"
    options = BuildOptions(project / "content", templates, None,
                           base_url="http://127.0.0.1:8000/", jobs=1)
    rebuilder = Rebuilder(options, OutputFolder(out), ServeState("t"), lambda _: None)
    assert rebuilder.build().ok
    edited = project / SiteText.path
    edited.write_text(ARTICLE.format(marker="SECOND-MARKER"), encoding="utf-8")
    assert rebuilder.build(frozenset({str(edited)})).ok  # a content edit: templates kept
    page = out / "articles/2024-05-hello/index.html"
    assert "SECOND-MARKER" in page.read_text(encoding="utf-8")

    base = templates / "base.html"
    base.write_text(base.read_text(encoding="utf-8").replace(
        "</body>", "<p>TEMPLATE-MARKER</p></body>"), encoding="utf-8")
    assert rebuilder.build(frozenset({str(base)})).ok
    assert "TEMPLATE-MARKER" in page.read_text(encoding="utf-8")
    assert "TEMPLATE-MARKER" in (out / "index.html").read_text(encoding="utf-8")
