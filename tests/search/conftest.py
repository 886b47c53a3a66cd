"""Fixtures for the search tests: a tiny invented site (tests/search/site/content/).

- `search_graph`: the site linked in-process (load -> validate -> link);
- `index_files`: build_search_index(search_graph, 'ko'), a {site path: bytes} mapping;
- `served_search_site`: the site built with the real CLI, served on 127.0.0.1 from a thread;
- `file_urls_site`: the same site built with `--file-urls`, to open from disk.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from search_support import (
    CONTENT,
    SMALL_SHARDS,
    RunCli,
    ServedSite,
    build_test_site,
    replace_index,
    serve,
)

from briefing.build import read_content
from briefing.core.diagnostics import has_errors
from briefing.link.graph import Graph
from briefing.link.link import link_site
from briefing.search import build_search_index


@pytest.fixture(scope="session")
def search_graph() -> Graph:
    content, problems = read_content(CONTENT)
    assert content is not None, problems
    graph, link_problems = link_site(content)
    assert graph is not None and not has_errors(problems + link_problems)
    return graph


@pytest.fixture(scope="session")
def index_files(search_graph: Graph) -> dict[str, bytes]:
    return build_search_index(search_graph, "ko", **SMALL_SHARDS)


@pytest.fixture(scope="session")
def served_search_site(tmp_path_factory: pytest.TempPathFactory, run_cli: RunCli,
                       index_files: dict[str, bytes]) -> Iterator[ServedSite]:
    """The CLI's build, its search/ replaced by `index_files` (the same index in small
    shards); the CLI's own search/ files are kept in `cli_index`."""
    out = build_test_site(tmp_path_factory.mktemp("search-site"), run_cli)
    server, site = serve(out, replace_index(out, index_files))
    yield site
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def file_urls_site(tmp_path_factory: pytest.TempPathFactory, run_cli: RunCli) -> Path:
    return build_test_site(tmp_path_factory.mktemp("search-file-urls"), run_cli,
                           "--file-urls")
