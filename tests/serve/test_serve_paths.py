"""Which file a request target serves, and that nothing outside the folder ever is."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

import pytest

from briefing.serve.paths import (
    Outcome,
    Resolution,
    content_type,
    host_allowed,
    resolve_request,
)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    served = tmp_path / "project/.briefing/serve"
    for relative in ("index.html", "404.html", "articles/index.html", "articles/a b/index.html",
                     "assets/style.1.css", "feed.xml", "empty/.keep", ".briefing-site"):
        (served / relative).parent.mkdir(parents=True, exist_ok=True)
        (served / relative).write_text(relative, encoding="utf-8")
    (tmp_path / "project/secret.txt").write_text("secret", encoding="utf-8")
    (served / "out.txt").symlink_to(tmp_path / "project/secret.txt")
    (served / "out-dir").symlink_to(tmp_path / "project")
    (served / "in.html").symlink_to(served / "index.html")
    (served / "loop").symlink_to(served / "loop")
    return served.resolve()


def served_file(root: Path, target: str) -> str:
    resolution = resolve_request(root, target)
    assert resolution.outcome is Outcome.FILE, (target, resolution)
    assert resolution.path is not None
    return resolution.path.relative_to(root).as_posix()


@pytest.mark.parametrize(("target", "relative"), [
    ("/", "index.html"),
    ("/?q=1", "index.html"),
    ("/index.html", "index.html"),
    ("/articles/", "articles/index.html"),
    ("/articles/#top", "articles/index.html"),
    ("/articles//", "articles/index.html"),
    ("/articles/a%20b/", "articles/a b/index.html"),
    ("/assets/style.1.css", "assets/style.1.css"),
    ("/in.html", "index.html"),  # a symlink inside the folder is fine
    ("//articles/", "articles/index.html"),  # a path, not a host
])
def test_serves_files_and_folder_indexes(root: Path, target: str, relative: str) -> None:
    assert served_file(root, target) == relative


@pytest.mark.parametrize(("target", "location"), [
    ("/articles", "/articles/"),
    ("/articles?page=2", "/articles/?page=2"),
    ("/articles/a%20b", "/articles/a%20b/"),
])
def test_redirects_folders_to_their_slash(root: Path, target: str, location: str) -> None:
    assert resolve_request(root, target) == Resolution(Outcome.REDIRECT, location=location)


@pytest.mark.parametrize("target", [
    "/nope", "/articles/nope/", "/empty/", "/.briefing-site", "/out.txt", "/out-dir/secret.txt",
    "/out-dir/", "/loop", "/%252e%252e/secret.txt", "/etc/passwd", "//etc/passwd",
])
def test_missing_or_outside_is_not_found(root: Path, target: str) -> None:
    assert resolve_request(root, target).outcome is Outcome.NOT_FOUND


@pytest.mark.parametrize("target", [
    "/../secret.txt", "/../../secret.txt", "/articles/../../../secret.txt", "/./index.html",
    "/%2e%2e/secret.txt", "/%2E%2E/secret.txt", "/.%2e/secret.txt", "/%2e./secret.txt",
    "/%2f..%2fsecret.txt", "/..%2Fsecret.txt", "/%5c..%5csecret.txt", "/..\\secret.txt",
    "/%00", "/index.html%00.css", "/%ff%fe", "../secret.txt", "secret.txt", "*",
    "http://127.0.0.1/../secret.txt", "http://127.0.0.1/index.html",
])
def test_refuses_traversal_and_malformed_targets(root: Path, target: str) -> None:
    assert resolve_request(root, target).outcome is Outcome.BAD


@pytest.mark.parametrize(("name", "kind"), [
    ("index.html", "text/html; charset=utf-8"),
    ("style.1.css", "text/css; charset=utf-8"),
    ("timeline.2.js", "text/javascript; charset=utf-8"),
    ("events-2024.json", "application/json; charset=utf-8"),
    ("events.csv", "text/csv; charset=utf-8"),
    ("feed.xml", "application/atom+xml; charset=utf-8"),
    ("sitemap.xml", "application/xml; charset=utf-8"),
    ("robots.txt", "text/plain; charset=utf-8"),
    ("chart.svg", "image/svg+xml; charset=utf-8"),
    ("logo.png", "image/png"),
    ("font.woff2", "font/woff2"),
    ("unknown.zzz", "application/octet-stream"),
])
def test_content_types_say_utf8_for_text(name: str, kind: str) -> None:
    assert content_type(PurePosixPath(name)) == kind


@pytest.mark.parametrize(("header", "bound", "allowed"), [
    ("127.0.0.1:8000", "127.0.0.1", True),
    ("localhost:8000", "127.0.0.1", True),
    ("LOCALHOST", "127.0.0.1", True),
    ("[::1]:8000", "::1", True),
    (None, "127.0.0.1", True),
    ("attacker.example:8000", "127.0.0.1", False),
    ("attacker.example", "127.0.0.1", False),
    ("127.0.0.1.attacker.example", "127.0.0.1", False),
    ("192.168.1.5:8000", "192.168.1.5", True),
    ("attacker.example", "0.0.0.0", True),  # exposed on purpose with --host 0.0.0.0
])
def test_only_the_servers_own_host_names_are_answered(header: str | None, bound: str,
                                                      allowed: bool) -> None:
    assert host_allowed(header, bound) is allowed
