"""End to end: fixture articles in, draft files out (bytes on disk, exit codes, check)."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CONTENT, FIXTURES, IngestRun, ingest, read_front

from briefing.ingest.command import MAX_INPUT_BYTES
from briefing.ingest.newents import propose_entities

PROJECT = Path(__file__).resolve().parents[2]


def events_by_date(front: dict) -> dict[str | None, dict]:  # type: ignore[type-arg]
    return {e.get("date"): e for e in front["events"]}


def test_writes_one_draft_per_input(fixture_run: IngestRun) -> None:
    assert fixture_run.code == 0, fixture_run.stderr
    assert sorted(fixture_run.drafts()) == [
        "2024-01-10-seoul-carriers-race-sign-ai-chip-deals.md",
        "2024-03-14-kt-anthropic-2936cf.md",
        "2024-06-20-kt-anthropic-ai-cf9f41.md",
        "2024-06-20-kt-names-new-ai-chief-it-widens.md",
        "2024-07-05-sk-telecom-opens-ai-data-center-nvidia.md",
        "2025-03-04-lguplus-perplexity-lg-ai-d448f8.md",
        "undated-skt-nvidia-kt-microsoft-8d1aaf.md",
    ]
    assert len(fixture_run.stdout.splitlines()) == 7
    assert "to review:" in fixture_run.stdout


def test_korean_portal_article(fixture_run: IngestRun) -> None:
    front = fixture_run.front("2024-06-20-kt-anthropic")
    assert front["draft"] is True
    assert front["published"] == "2024-06-20"
    assert front["source"] == {"publisher": "전자신문", "title": front["title"],
                               "author": "김하늘", "language": "ko"}
    assert (front["carriers"], front["entities"]) == (["kt"], ["anthropic", "nvidia"])
    events = events_by_date(front)
    assert events["2024-06-12"]["kind"] == "partnership"
    assert events["2024-06-12"]["entities"] == ["anthropic"]
    assert events["2024-06-18"]["kind"] == "product"
    assert "2024-02" in events and "2024-04" in events
    assert events["2023-05"]["amount"] == "100억원씩"
    assert (events["2022"]["until"], events["2022"]["amount"]) == ("2023", "5000억원")
    assert (events["2023"]["kind"], events["2023"]["amount"]) == ("earnings", "1조6497억원")
    assert events["2024-06-01"]["until"] == "2024-06-02"
    review = front["review"]
    # The caption is gone from the text, but the KT executive it names is proposed.
    assert [(n["name"], n["type"]) for n in review["new_entities"]] == [
        ("하나로", "product"), ("누리소프트", "company"), ("김하늘", "person")]
    # The gloss is kept as an alias, as an entity file would have it.
    assert review["new_entities"][1]["aliases"] == ["Nuri Soft"]
    assert any(i["field"] == "amounts" and "2억달러" in i["issue"] for i in review["items"])
    source = review["source_text"]
    assert source.startswith("KT, 앤트로픽과 손잡고 한국어 AI 비서 키운다\n")
    assert "▲ 김하늘 KT 전무가" not in source  # a caption repeats the body
    for clutter in ("작게보기", "공유하기", "기사듣기", "좋아요", "0 / 300", "많이 본 뉴스",
                    "무단전재", "sky@etnews.com", "입력 2024"):
        assert clutter not in source


def test_cp949_article_with_a_bracketed_dateline(fixture_run: IngestRun) -> None:
    front = fixture_run.front("2025-03-04-lguplus")
    assert front["published"] == "2025-03-04"
    assert front["source"]["publisher"] == "한빛경제"
    assert front["source"]["author"] == "박소연"
    events = events_by_date(front)
    assert events["2025-02-27"]["entities"] == ["perplexity"]
    # '오는 9월 … 출시할 예정이다': a plan stated on the publication day, due in September.
    due = {e.get("due"): e for e in front["events"]}
    assert (due["2025-09"]["kind"], due["2025-09"]["date"]) == ("target", "2025-03-04")
    # '2027년까지 … 목표': set on the publication day, due in 2027.
    target = due["2027"]
    assert (target["kind"], target["date"], target["carriers"]) == ("target", "2025-03-04",
                                                                     ["lguplus"])
    assert target["title"] == "LG유플러스, 2027년까지 가입자 500만명 목표"
    assert "댓글" not in front["review"]["source_text"]


def test_undated_article_flags_instead_of_guessing(fixture_run: IngestRun) -> None:
    front = fixture_run.front("undated-")
    assert "published" not in front
    items = front["review"]["items"]
    assert any(i["field"] == "source.title" and "deck" in i["issue"] for i in items)
    assert any(i["field"] == "published" and "11일" in i["issue"] for i in items)
    dated = [e for e in front["events"] if "date" in e]
    assert [(e["date"], e["entities"]) for e in dated] == [("2023", ["upstage"])]
    flagged = [i for i in items
               if i["field"].startswith("events.") and "publication date" in i["issue"]]
    assert len(flagged) >= 2


def test_english_articles(fixture_run: IngestRun) -> None:
    front = fixture_run.front("seoul-carriers")
    assert (front["published"], front["source"]["publisher"]) == ("2024-01-10", "매일경제")
    assert front["carriers"] == ["skt", "kt", "lguplus"]
    assert front["entities"] == ["nvidia"]
    amounts = [e.get("amount") for e in front["events"]]
    assert "22.4 billion won" in amounts and "100 billion won ($75.8 million)" in amounts
    assert "2023-09" in events_by_date(front)
    assert [n["name"] for n in front["review"]["new_entities"]] == ["Lumen Robotics"]
    wire = fixture_run.front("kt-names-new-ai-chief")
    assert (wire["published"], wire["updated"]) == ("2024-06-20", "2024-06-21")
    assert wire["source"]["author"] == "Lee Min-ji"
    assert events_by_date(wire)["2024-06-18"]["kind"] == "appointment"
    assert events_by_date(wire)["2024-03"]["amount"] == "about $200 million"


def test_html_page(fixture_run: IngestRun) -> None:
    front = fixture_run.front("sk-telecom-opens")
    assert front["published"] == "2024-07-05"
    assert front["source"]["url"].startswith("https://www.koreaherald.com/")
    assert front["source"]["publisher"] == "The Korea Herald"
    assert front["carriers"] == ["skt"] and front["entities"] == ["nvidia"]
    assert events_by_date(front)["2024-07-04"]["kind"] == "product"  # 'on Thursday'
    assert "Most Read" not in front["review"]["source_text"]
    assert "Markets slip" not in front["review"]["source_text"]


def test_reuses_an_event_id_from_the_content(fixture_run: IngestRun) -> None:
    front = fixture_run.front("2024-03-14-kt-anthropic")
    assert front["events"][0] == {"id": "kt-anthropic-assistant-pact"}
    assert front["events"][1]["id"] == "kt-upstage-partnership-2024-03-13"


def test_drafts_are_plain_safe_yaml(fixture_run: IngestRun) -> None:
    for path in fixture_run.drafts().values():
        text = path.read_text("utf-8")
        assert "&" not in text.split("source_text")[0].replace("e&", "") or "*" not in text
        assert "!!" not in text
        assert "source_text: |" in text
        front = read_front(path)
        assert isinstance(front["draft"], bool)


def test_never_overwrites_without_force(tmp_path: Path) -> None:
    article = str(FIXTURES / "en_wire.txt")
    assert ingest([article], tmp_path).code == 0
    [draft] = tmp_path.glob("*.md")
    draft.write_text("edited by an analyst", "utf-8")
    again = ingest([article], tmp_path)
    assert again.code == 1
    assert "already exists" in again.stderr and "--force" in again.stderr
    assert draft.read_text("utf-8") == "edited by an analyst"
    assert ingest([article], tmp_path, force=True).code == 0
    assert draft.read_text("utf-8").startswith("---\n")
    assert [p.name for p in tmp_path.iterdir()] == [draft.name]  # no temp files left


def test_reads_standard_input(tmp_path: Path) -> None:
    data = (FIXTURES / "ko_dateline_cp949.txt").read_bytes()
    stdin = io.TextIOWrapper(io.BytesIO(data))
    run = ingest(["-"], tmp_path, stdin=stdin)
    assert run.code == 0, run.stderr
    assert run.stdout.startswith(str(tmp_path / "2025-03-04-"))


def test_exit_codes(tmp_path: Path) -> None:
    assert ingest([], tmp_path).code == 2
    assert ingest(["-", "-"], tmp_path).code == 2
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\x00\x00\x00")
    bad = ingest([str(binary), str(FIXTURES / "en_wire.txt")], tmp_path / "out")
    assert bad.code == 1 and "binary" in bad.stderr
    assert len(list((tmp_path / "out").glob("*.md"))) == 1
    missing = ingest([str(tmp_path / "nope.txt")], tmp_path / "out")
    assert missing.code == 3


def test_a_huge_input_is_refused_without_reading_it_all(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(MAX_INPUT_BYTES + 1)  # sparse: costs no disk
    run = ingest([str(huge), str(FIXTURES / "en_wire.txt")], tmp_path / "out")
    assert run.code == 1
    assert f"{huge}: not ingested: over 20 MB; is this an article?" in run.stderr
    assert len(list((tmp_path / "out").glob("*.md"))) == 1  # the other input is still done


def test_progress_goes_to_stderr_for_big_batches(tmp_path: Path) -> None:
    inputs = []
    for i in range(22):
        path = tmp_path / "raw" / f"a{i}.txt"
        path.parent.mkdir(exist_ok=True)
        path.write_text(f"KT 소식 {i}번\n입력 2024-06-{i + 1:02d} 10:00\nKT는 지난 1일 새 서비스를 "
                        "출시했다.\n", "utf-8")
        inputs.append(str(path))
    run = ingest(inputs, tmp_path / "out")
    assert run.code == 0, run.stderr
    assert len(run.stdout.splitlines()) == 22
    assert "ingest: 22/22" in run.stderr
    # '지난 1일' is the same launch in every later article: its id is shared, not taken again.
    events = [read_front(p)["events"][0] for p in sorted((tmp_path / "out").glob("*.md"))]
    assert {e["id"] for e in events} == {"kt-product-2024-05-01", "kt-product-2024-06-01"}
    # Each draft still tells it whole: drafts of one run are reviewed one by one.
    assert all({"date", "title", "kind"} <= e.keys() for e in events)


def test_drafts_pass_the_projects_check(fixture_run: IngestRun, tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    shutil.copytree(fixture_run.out, content / "articles" / "drafts")
    env = {**os.environ, "PYTHONPATH": str(PROJECT)}
    done = subprocess.run([sys.executable, str(PROJECT / "build.py"), "check", "--content",
                           str(content)], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert " 0 errors" in done.stdout + done.stderr or "0 errors" in done.stdout + done.stderr


def test_new_entities_skip_known_names_places_and_titles(matcher, analyser) -> None:  # type: ignore[no-untyped-def]
    texts = ["SK텔레콤은 지난 3일 한빛로보틱스와 공동 개발 계약을 맺었다.",
             "회사는 서울에서 퍼플렉시티와 협력한다."]
    tokens = analyser.tokenize(texts)
    found = propose_entities(texts, [matcher.find(t) for t in texts], tokens, frozenset())
    assert [(e.name, e.type) for e in found] == [("한빛로보틱스", "company")]


def test_two_inputs_with_one_draft_name_never_collide(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Issue 12: with --force the second input overwrote the first draft, and its events
    # were reduced to ids pointing into the file it had just replaced.
    article = FIXTURES / "en_wire.txt"
    copy = tmp_path / "copy.txt"
    shutil.copy(article, copy)
    monkeypatch.chdir(tmp_path)
    run = ingest([str(article), str(copy)], tmp_path / "out", force=True)
    assert run.code == 0, run.stderr
    first, second = sorted(run.drafts().values(), key=lambda p: len(p.name))
    assert second.name == first.name.removesuffix(".md") + "-2.md"
    full, again = read_front(first), read_front(second)
    # Each draft keeps every event whole, under one shared id.
    assert again["events"] == full["events"]
    assert all({"date", "title", "kind"} <= set(e) for e in again["events"])
    notes = [i["issue"] for i in again["review"]["items"] if i["field"].startswith("events.")]
    # The other draft is named relative to the working directory.
    assert notes and all(f"in out/{first.name} (a draft of this run)" in note for note in notes)
    assert str(tmp_path) not in second.read_text("utf-8")


def test_a_draft_not_written_exits_1(tmp_path: Path) -> None:
    article = str(FIXTURES / "en_wire.txt")
    assert ingest([article], tmp_path).code == 0
    refused = ingest([article, str(FIXTURES / "ko_reuse.txt")], tmp_path)
    assert refused.code == 1
    assert "already exists; not overwritten" in refused.stderr
    assert len(list(tmp_path.glob("*.md"))) == 2  # the other input is still written


def test_usage_and_input_messages_are_exact(tmp_path: Path) -> None:
    out = tmp_path / "out"
    none = ingest([], out)
    assert (none.code, none.stderr) == (
        2, "ingest: give one or more article files, or - for standard input\n")
    twice = ingest(["-", "-"], out)
    assert (twice.code, twice.stderr) == (2, "ingest: '-' (standard input) can be given once\n")
    blocker = tmp_path / "a-file"
    blocker.write_text("x", "utf-8")
    blocked = ingest([str(FIXTURES / "en_wire.txt")], blocker / "drafts")
    assert (blocked.code, blocked.stderr) == (
        3, f"ingest: cannot create {blocker / 'drafts'}: Not a directory\n")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    page = tmp_path / "blank.html"
    page.write_text("<html><head><title>x</title></head><body><script>1</script></body></html>",
                    "utf-8")
    missing = tmp_path / "nope.txt"
    run = ingest([str(empty), str(page), str(missing)], out)
    assert run.code == 3
    assert run.stderr.splitlines() == [
        f"ingest: {empty}: the file is empty",
        f"ingest: {page}: no article text found in this page",
        f"ingest: {missing}: cannot read: No such file or directory",
    ]


def test_a_missing_content_folder_is_a_warning(tmp_path: Path) -> None:
    run = ingest([str(FIXTURES / "en_wire.txt")], tmp_path / "out", content=tmp_path / "none")
    assert run.code == 0
    assert run.stderr.splitlines()[0] == (
        f"ingest: warning: {tmp_path / 'none'}: no content folder; no carriers or entities "
        "to recognise")
