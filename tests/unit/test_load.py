"""Load: files -> raw documents; the only stage that reads content from disk."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from briefing.build import gather
from briefing.core.diagnostics import Diagnostic, Severity
from briefing.load.files import (
    MAX_FILE_BYTES,
    MAX_FRONT_MATTER_BYTES,
    content_files,
    load_file,
    load_site,
    slugify,
    split_front_matter,
)

SITE = "title: 테스트\nbase_url: https://example.org/\n"
ARTICLE = "---\ntitle: 제목\npublished: 2024-03-02\n---\n본문 첫 줄\n"
VALID = ("---\ntitle: 제목\npublished: 2024-03-02\nsource: {title: 원문}\ncarriers: [skt]\n"
         "summary: 요약.\n---\n본문 첫 줄\n")


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # paths are shown relative to the working directory


def _read(content: Path) -> tuple[list[tuple[str, str]], list[Diagnostic]]:
    """What `build` reads of a content folder: the files that loaded, and every problem."""
    gathered = gather(content, {}, 1)
    return ([(c.kind, c.id) for c in gathered.checked if c.result is not None],
            gathered.problems + [p for c in gathered.checked for p in c.problems])


def _split(text: str) -> tuple:
    return split_front_matter(text, "content/articles/x.md", "article", "x", "digest")


def test_splits_front_matter_and_body_with_their_file_lines() -> None:
    doc, problem = _split(ARTICLE)
    assert problem is None and doc is not None
    assert doc.front.value == {"title": "제목", "published": "2024-03-02"}
    assert (doc.front_line, doc.body_line) == (2, 5)
    assert doc.body == "본문 첫 줄\n"
    assert (doc.kind, doc.id, doc.path) == ("article", "x", "content/articles/x.md")


def test_front_matter_may_close_with_three_dots() -> None:
    doc, problem = _split("---\ntitle: a\n...\nbody\n")
    assert problem is None and doc is not None and doc.body == "body\n"


def test_an_entity_may_be_front_matter_only() -> None:
    doc, problem = split_front_matter("---\nname: X\ntype: company\n---\n",
                                      "content/entities/x.md", "entity", "x", "d")
    assert problem is None and doc is not None and doc.body.strip() == ""


def test_an_empty_front_matter_is_an_empty_mapping() -> None:
    doc, problem = _split("---\n---\nbody\n")
    assert problem is None and doc is not None and doc.front.value == {}


@pytest.mark.parametrize(("text", "code"), [
    ("", "empty-file"),
    ("  \n\n", "empty-file"),
    ("title: a\n", "no-front-matter"),
    ("\n---\ntitle: a\n---\n", "no-front-matter"),
    ("---\ntitle: a\n", "unclosed-front-matter"),
    ("---\n- a\n- b\n---\n", "front-matter-type"),
    ("---\njust text\n---\n", "front-matter-type"),
])
def test_refuses_files_without_proper_front_matter(text: str, code: str) -> None:
    doc, problem = _split(text)
    assert doc is None and problem is not None
    assert problem.code == code


def test_yaml_problems_point_at_the_line_in_the_file() -> None:
    _, problem = _split("---\ntitle: a\nsummary: b\ntitle: c\n---\n")
    assert problem is not None
    assert (problem.line, problem.col) == (4, 1)
    assert problem.message == "duplicate key 'title' (first given at line 2)"


def test_front_matter_over_the_limit_is_refused_before_parsing() -> None:
    big = "---\nsummary: " + "가" * (MAX_FRONT_MATTER_BYTES // 3 + 10) + "\n---\n"
    doc, problem = _split(big)
    assert doc is None and problem is not None and problem.code == "too-large"


def test_a_file_over_the_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "content" / "articles" / "big.md"
    path.parent.mkdir(parents=True)
    with path.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    doc, problem = load_file(path, "article")
    assert doc is None and problem is not None
    assert problem.code == "too-large"
    assert problem.path == os.path.join("content", "articles", "big.md")


def test_a_bom_is_stripped_and_line_ends_normalised_before_lines_are_counted(
        tmp_path: Path, write_files) -> None:
    text = "---\r\ntitle: a\r\nsummary: b\r\ntitle: c\r\n---\r\nbody\r\n"
    write_files(tmp_path, {"content/articles/bom.md": b"\xef\xbb\xbf" + text.encode()})
    _, problem = load_file(tmp_path / "content/articles/bom.md", "article")
    assert problem is not None and (problem.line, problem.col) == (4, 1)
    write_files(tmp_path, {"content/articles/ok.md": b"\xef\xbb\xbf" + ARTICLE.replace(
        "\n", "\r\n").encode()})
    doc, problem = load_file(tmp_path / "content/articles/ok.md", "article")
    assert problem is None and doc is not None
    assert doc.body == "본문 첫 줄\n" and doc.body_line == 5


def test_old_mac_line_ends_are_normalised_too(tmp_path: Path, write_files) -> None:
    write_files(tmp_path, {"content/articles/cr.md": ARTICLE.replace("\n", "\r").encode()})
    doc, problem = load_file(tmp_path / "content/articles/cr.md", "article")
    assert problem is None and doc is not None and doc.body_line == 5


def test_a_cp949_file_is_refused_with_the_encoding_named(tmp_path: Path, write_files) -> None:
    write_files(tmp_path, {"content/articles/old.md": ARTICLE.encode("cp949")})
    doc, problem = load_file(tmp_path / "content/articles/old.md", "article")
    assert doc is None and problem is not None
    assert problem.code == "not-utf8"
    assert problem.line == 2  # the first line that is not UTF-8
    assert "iconv" in problem.message


def test_a_binary_file_is_refused(tmp_path: Path, write_files) -> None:
    write_files(tmp_path, {"content/articles/pic.md": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"})
    _, problem = load_file(tmp_path / "content/articles/pic.md", "article")
    assert problem is not None and problem.code == "binary-file"


@pytest.mark.parametrize(("name", "proposal"), [
    ("SKT AI_Deal.md", "skt-ai-deal.md"), ("2024--double.md", "2024-double.md"),
    ("-lead.md", "lead.md"), ("KT_2024.md", "kt-2024.md"),
])
def test_a_file_name_that_is_not_a_slug_is_refused_with_a_proposal(
        tmp_path: Path, write_files, name: str, proposal: str) -> None:
    write_files(tmp_path, {f"content/articles/{name}": ARTICLE})
    _, problem = load_file(tmp_path / "content/articles" / name, "article")
    assert problem is not None and problem.code == "bad-file-name"
    assert f"rename it to '{proposal}'" in problem.message


def test_slugify_makes_slugs() -> None:
    assert slugify("Deutsche Telekom AG") == "deutsche-telekom-ag"
    assert slugify("!!!") == "item"


def test_articles_are_found_in_subfolders_carriers_and_entities_only_at_top(
        tmp_path: Path, write_files) -> None:
    write_files(tmp_path, {
        "content/site.yaml": SITE, "content/carriers/skt.md": "---\nname: SKT\n---\n",
        "content/carriers/old/kt.md": "---\nname: KT\n---\n",
        "content/entities/b.md": "---\nname: B\ntype: company\n---\n",
        "content/articles/z.md": ARTICLE, "content/articles/2024/a.md": ARTICLE,
        "content/articles/2023/05/m.md": ARTICLE, "content/articles/notes.txt": "x",
    })
    found, problems = content_files(Path("content"))
    assert problems == []
    assert [(str(p), kind) for p, kind in found] == [
        (os.path.join("content", "carriers", "skt.md"), "carrier"),
        (os.path.join("content", "entities", "b.md"), "entity"),
        (os.path.join("content", "articles", "2023", "05", "m.md"), "article"),
        (os.path.join("content", "articles", "2024", "a.md"), "article"),
        (os.path.join("content", "articles", "z.md"), "article"),
    ]


def test_a_symlink_out_of_the_content_folder_is_refused(tmp_path: Path, write_files) -> None:
    write_files(tmp_path, {"content/site.yaml": SITE, "outside/secret.md": ARTICLE})
    (tmp_path / "content" / "articles").mkdir()
    (tmp_path / "content/articles/link.md").symlink_to(tmp_path / "outside/secret.md")
    docs, problems = _read(Path("content"))
    assert [p.code for p in problems] == ["symlink-escape"]
    assert [kind for kind, _ in docs] == ["site"]


def test_a_build_reads_site_and_every_file_and_reports_all_problems(
        tmp_path: Path, write_files) -> None:
    write_files(tmp_path, {
        "content/site.yaml": SITE, "content/articles/good.md": VALID,
        "content/articles/empty.md": "", "content/articles/bad.md": "no front matter\n",
    })
    docs, problems = _read(Path("content"))
    assert docs == [("site", "site"), ("article", "good")]
    assert sorted((p.path, p.code) for p in problems if p.severity is Severity.ERROR) == [
        (os.path.join("content", "articles", "bad.md"), "no-front-matter"),
        (os.path.join("content", "articles", "empty.md"), "empty-file"),
    ]


def test_a_missing_site_yaml_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    docs, problems = _read(Path("content"))
    assert docs == []
    assert [(p.path, p.code) for p in problems] == [
        (os.path.join("content", "site.yaml"), "missing-site")]


def test_site_yaml_problems_point_at_the_line_in_the_file(tmp_path: Path, write_files) -> None:
    write_files(tmp_path, {"content/site.yaml": "title: a\nlanguage: ko\ntitle: b\n"})
    _, problems = _read(Path("content"))
    assert [(p.line, p.col, p.message) for p in problems] == [
        (3, 1, "duplicate key 'title' (first given at line 1)")]


def test_site_yaml_front_matter_line_is_the_first_line(tmp_path: Path, write_files) -> None:
    write_files(tmp_path, {"content/site.yaml": SITE})
    doc, problem = load_site(Path("content/site.yaml"))
    assert problem is None and doc is not None and doc.front_line == 1
    assert doc.front.value == {"title": "테스트", "base_url": "https://example.org/"}


def test_the_digest_changes_with_the_bytes(tmp_path: Path, write_files) -> None:
    write_files(tmp_path, {"content/articles/a.md": ARTICLE, "content/articles/b.md": ARTICLE,
                           "content/articles/c.md": ARTICLE + "more\n"})
    digests = [load_file(tmp_path / f"content/articles/{n}.md", "article")[0].digest
               for n in "abc"]
    assert digests[0] == digests[1] != digests[2]
