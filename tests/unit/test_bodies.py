"""Bodies moved out of the rendering processes' memory (validate/bodies.py) read, compare,
print and keep as the bodies they were made from, in the build process and in a forked
one; event mentions keep each field's file:line after their positions were packed."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from briefing.build import read_content
from briefing.validate.bodies import BodyFile, StoredBody, bodies_to_file, store_body
from briefing.validate.model import LOC_KEYS, Body, Loc, WikiLink
from briefing.workdir.plain import from_plain, to_plain

TEXT = "# 요금제 개편\n\n새 요금제는 [[skt|SK텔레콤]]이 먼저 냈다.\n"
HTML = "<h1>요금제 개편</h1>\n<p>새 요금제는 \x00link:0\x00이 먼저 냈다.</p>\n"
LINKS = (WikiLink("node", "skt", "SK텔레콤", Loc("articles/2025/plan.md", 12, 9)),)


def _body() -> Body:
    return Body.of(TEXT, 9, HTML, LINKS)


def test_a_stored_body_reads_what_the_body_held(tmp_path: Path) -> None:
    home = BodyFile(tmp_path)
    stored = [store_body(_body(), home), store_body(Body.of("", 3), home)]
    home.flush()
    first, empty = stored
    assert (first.text, first.html, first.line, first.links) == (TEXT, HTML, 9, LINKS)
    assert (empty.text, empty.html, empty.link_rows()) == ("", "", [])
    assert list(tmp_path.iterdir()) == []  # the file has no name


def test_a_stored_body_compares_prints_and_keeps_as_its_body(tmp_path: Path) -> None:
    body = _body()
    home = BodyFile(tmp_path)
    stored = store_body(body, home)
    home.flush()
    assert stored == body and body == stored and hash(stored) == hash(body)
    assert stored != Body.of(TEXT + "x", 9, HTML, LINKS)
    assert repr(stored) == repr(body)  # page-state digests are made from reprs
    assert to_plain(stored) == to_plain(body)  # what .briefing/cache keeps
    assert type(from_plain(Body, to_plain(stored))) is Body
    copied = pickle.loads(pickle.dumps(stored))  # a copy sent elsewhere carries its bytes
    assert type(copied) is Body and copied == body


def test_a_forked_process_reads_the_stored_bodies(tmp_path: Path) -> None:
    home = BodyFile(tmp_path)
    stored = store_body(_body(), home)
    home.flush()
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        os.write(write, stored.html.encode())
        os._exit(0)
    os.close(write)
    _, status = os.waitpid(pid, 0)
    with os.fdopen(read, "rb") as pipe:
        assert pipe.read().decode() == HTML
    assert os.waitstatus_to_exitcode(status) == 0


def _project(root: Path) -> Path:
    content = root / "content"
    (content / "articles").mkdir(parents=True)
    (content / "site.yaml").write_text(
        "title: 브리핑\ndescription: 통신 3사\nbase_url: https://example.org/\n"
        "language: ko\ntimezone: Asia/Seoul\n", encoding="utf-8")
    (content / "carriers").mkdir()
    (content / "carriers" / "skt.md").write_text(
        "---\nid: skt\nname:\n  ko: SK텔레콤\n  en: SK Telecom\ncolor: '#e4002b'\n---\n",
        encoding="utf-8")
    (content / "articles" / "plan.md").write_text(
        "---\ntitle: 요금제 개편\npublished: 2025-03-02\nsource:\n  title: 사내 메모\n"
        "carriers: [skt]\nsummary: 새 요금제.\nevents:\n  - id: skt-plan-2025\n"
        "    date: 2025-03-01\n    kind: product\n    title: 새 요금제\n"
        "    carriers: [skt]\n---\n" + TEXT, encoding="utf-8")
    return content


def test_bodies_to_file_moves_each_article_body_in_place(tmp_path: Path) -> None:
    content, problems = read_content(_project(tmp_path))
    assert content is not None, problems
    article = content.articles[0]
    before = article.body
    assert bodies_to_file(content.articles, tmp_path)
    assert type(article.body) is StoredBody and article.body == before
    assert article.body.text == TEXT
    again = article.body
    assert bodies_to_file(content.articles, tmp_path)  # a stored body is left where it is
    assert article.body is again


def test_bodies_stay_in_memory_when_the_file_cannot_be_written(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    content, problems = read_content(_project(tmp_path))
    assert content is not None, problems
    article = content.articles[0]
    before = article.body

    def full(self: BodyFile, data: bytes) -> int:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(BodyFile, "add", full)
    assert not bodies_to_file(content.articles, tmp_path)
    assert article.body is before and article.body.text == TEXT


def test_an_event_mention_keeps_each_field_position(tmp_path: Path) -> None:
    content, problems = read_content(_project(tmp_path))
    assert content is not None, problems
    mention = content.articles[0].occurrences[0]
    locs = mention.locs
    assert sorted(locs) == sorted(LOC_KEYS)
    path = mention.loc.path
    assert path.endswith("articles/plan.md")
    # the front matter's lines: "    date:" is line 10, "    kind:" 11, "    title:" 12
    assert (locs["date"].path, locs["date"].line) == (path, 10)
    assert (locs["kind"].line, locs["title"].line) == (11, 12)
    assert mention.loc.line == 9
