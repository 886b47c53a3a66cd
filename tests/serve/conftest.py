"""Fixtures for the dev server: a tiny project on disk and the real `serve` command."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from serve_helpers import (
    CARRIER,
    SITE_YAML,
    Served,
    SiteText,
    Starter,
    start_server,
    stop_server,
    write_files,
)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A small valid project: site.yaml, one carrier, one article."""
    root = tmp_path / "project"
    write_files(root, {
        "content/site.yaml": SITE_YAML,
        "content/carriers/skt.md": CARRIER,
        SiteText.path: SiteText.article("ORIGINAL-MARKER"),
    })
    return root


@pytest.fixture
def serve(project: Path) -> Iterator[Starter]:
    """Starts servers in the project; every one is killed at the end, whatever happened."""
    started: list[Served] = []

    def start(*extra: str) -> Served:
        served = start_server(project, *extra)
        started.append(served)
        return served

    try:
        yield start
    finally:
        for served in started:
            stop_server(served)


@pytest.fixture
def served(serve: Starter) -> Served:
    return serve()
