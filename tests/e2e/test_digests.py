"""End to end: the commitments tracker, the weekly digests, the spreadsheet exports and the
JSON Schemas of /data/, on site_ok built by the real CLI."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path

import feedparser
import jsonschema

from briefing.core.fmt import format_krw
from tests.conftest import copy_site_ok, run_cli

BASE = "https://example.org/briefing/"
WEEKS = ["2023-W47", "2024-W11", "2024-W21", "2024-W23", "2024-W32"]


def _csv(site: Path, name: str) -> list[dict[str, str]]:
    data = (site / "data" / name).read_bytes()
    assert data.startswith("\ufeff".encode())  # a BOM: spreadsheets read UTF-8
    text = data.decode("utf-8")[1:]
    assert "\r\n" in text and "\n\n" not in text
    rows = list(csv.reader(io.StringIO(text, newline="")))
    header, body = rows[0], rows[1:]
    assert len(set(header)) == len(header) and all(len(r) == len(header) for r in body)
    return [dict(zip(header, row, strict=True)) for row in body]


# --- /targets/ ------------------------------------------------------------------------------

def test_the_targets_page_lists_each_target_by_carrier_and_due_year(site_page) -> None:
    page = site_page("targets/")
    assert page.texts_of("#timeline h2") == ["SK텔레콤 · 2026년 기한"]
    item = page.select_one("li.target")
    assert item.attrs["data-status"] == "open" and item.attrs["data-due"] == "2026"
    assert item.select_one(".badge.status").text == "진행 중"
    assert item.select_one("a.event-title").attrs["href"] == "../events/skt-ai-revenue-target/"
    assert "2024년 8월 9일" in page.select_one("#as-of").text  # the as-of date, from content
    assert [o.attrs["value"] for o in page.select("select[name=status] option")] == [
        "", "open"]
    feeds = [link.attrs["href"] for link in page.select("link[rel=alternate]")]
    assert "../targets/feed.xml" in feeds


def test_status_badges_show_on_event_carrier_and_entity_pages(site_page) -> None:
    event = site_page("events/skt-ai-revenue-target/")
    assert "진행 중" in event.select_one("dl.facts").text
    assert "2026" in event.select_one("dl.facts").text
    carrier = site_page("carriers/skt/")
    assert carrier.texts_of("#h-commitments") == ["목표·약속 1"]
    assert carrier.select_one("li.target .badge.status").text == "진행 중"
    timeline = site_page("timeline/")
    assert [b.text for b in timeline.select(".badge.status")] == ["진행 중"]


def test_targets_json_and_csv_hold_each_target_with_its_status(site_ok: Path) -> None:
    data = json.loads((site_ok / "data/targets.json").read_text(encoding="utf-8"))
    assert data["as_of"] == "2024-08-09"
    [target] = data["targets"]
    assert (target["id"], target["due"], target["status"], target["settled_by"]) == (
        "skt-ai-revenue-target", "2026", "open", None)
    [row] = _csv(site_ok, "targets.csv")
    assert (row["id"], row["announced"], row["due"], row["status"], row["qualifier"],
            row["value"], row["krw"]) == ("skt-ai-revenue-target", "2024-08-07", "2026",
                                          "open", "per-year", "1000000000000",
                                          "1000000000000")


def test_a_settled_target_shows_its_outcome_everywhere(tmp_path: Path, parse_html) -> None:
    project = copy_site_ok(tmp_path)
    (project / "content/articles/2026-11-skt-results.md").write_text(
        "---\ntitle: SKT의 AI 매출 목표 결산\npublished: 2026-11-03\n"
        "source: {publisher: 가상신문, title: \"SKT, AI 매출 목표 달성\"}\ncarriers: [skt]\n"
        "summary: 가상의 결산 기사를 정리한 요약.\nevents:\n"
        "  - id: skt-ai-revenue-met\n    date: 2026-11-02\n    title: SKT, AI 매출 목표 달성\n"
        "    kind: earnings\n    carriers: [skt]\n"
        "    resolves: {target: skt-ai-revenue-target, outcome: met}\n---\n본문.\n",
        encoding="utf-8")
    done = run_cli(["build", "--strict", "--out", "site"], project)
    assert done.returncode == 0, done.stderr
    site = project / "site"
    targets = parse_html((site / "targets/index.html").read_text(encoding="utf-8"))
    assert targets.select_one("li.target .badge.status").text == "달성"
    assert "SKT, AI 매출 목표 달성" in targets.select_one("li.target").text
    settler = parse_html((site / "events/skt-ai-revenue-met/index.html").read_text())
    assert "결과를 낸 목표" in settler.select_one("dl.facts").text
    data = json.loads((site / "data/targets.json").read_text(encoding="utf-8"))
    assert data["targets"][0]["settled_by"] == {
        "event": "skt-ai-revenue-met", "outcome": "met", "date": "2026-11-02"}
    parsed = feedparser.parse((site / "targets/feed.xml").read_bytes())
    assert not parsed.bozo
    assert [e.id for e in parsed.entries] == [
        "tag:example.org,2024:target:skt-ai-revenue-target:met",
        "tag:example.org,2024:target:skt-ai-revenue-target:due"]
    assert parsed.entries[0].updated == "2026-11-02T00:00:00Z"


# --- /weeks/ --------------------------------------------------------------------------------

def test_there_is_a_page_per_week_with_a_briefing(site_ok: Path, site_page) -> None:
    assert sorted(p.name for p in (site_ok / "weeks").iterdir() if p.is_dir()) == WEEKS
    index = site_page("weeks/")
    assert [a.attrs["href"] for a in index.select("ul.weeks a")] == [
        f"../weeks/{w}/" for w in reversed(WEEKS)]


def test_a_week_page_groups_new_and_known_events_by_carrier(site_page) -> None:
    page = site_page("weeks/2024-W32/")
    assert page.select_one("h1").text.startswith("2024년 32주차 (2024년 8월 5일 – 2024년 8월 11일")
    assert [a.attrs["href"] for a in page.select(".week-articles > li > a")] == [
        "../../articles/2024-08-carriers-ai-roundup/"]
    assert page.texts_of(".week-group h3") == ["KT", "LG유플러스", "SK텔레콤"]
    assert page.select_one("a[rel=prev]").attrs["href"] == "../../weeks/2024-W23/"
    assert not page.select("a[rel=next]")
    print_css = page.select_one("link[rel=stylesheet][media=print]")
    assert print_css.attrs["href"].startswith("../../assets/print.")


def test_a_month_only_briefing_is_placed_in_its_first_week_and_the_page_says_so(
        site_page) -> None:
    page = site_page("weeks/2024-W23/")
    assert page.select_one("#placed-note").text.startswith("발행일이 월이나 연도까지만")
    assert page.texts_of(".badge.placed") == ["이 주에 배치"]


def test_the_weeks_feed_has_one_entry_per_week(site_ok: Path) -> None:
    parsed = feedparser.parse((site_ok / "weeks/feed.xml").read_bytes())
    assert not parsed.bozo
    assert [e.link for e in parsed.entries] == [f"{BASE}weeks/{w}/" for w in reversed(WEEKS)]
    assert parsed.entries[0].updated == "2024-08-20T00:00:00Z"  # the briefing's `updated`


# --- exports and schemas --------------------------------------------------------------------

def test_every_csv_round_trips_through_the_csv_module(site_ok: Path) -> None:
    for name in ("events.csv", "deals.csv", "entities.csv", "targets.csv"):
        rows = _csv(site_ok, name)
        assert rows, name
        for row in rows:
            for key in ("date", "announced", "due", "first", "last"):
                value = row.get(key, "")
                assert not value or len(value) in (4, 7, 10), (name, key, value)
    events = _csv(site_ok, "events.csv")
    assert {r["qualifier"] for r in events} >= {"", "per-year"}


def test_the_deal_totals_can_be_re_added_from_deals_csv(site_ok: Path, site_page) -> None:
    rows = _csv(site_ok, "deals.csv")
    for carrier in ("kt", "lguplus", "skt"):
        total = sum((Decimal(r["krw"]) for r in rows
                     if r["carrier"] == carrier and r["counted"] == "true"), Decimal(0))
        shown = site_page(f"carriers/{carrier}/").select("dl.figures dd")[3].text
        assert shown == (format_krw(total, "ko") if total else "—"), carrier


def test_every_json_file_under_data_validates_against_its_schema(site_ok: Path) -> None:
    data = site_ok / "data"
    index = json.loads((data / "index.json").read_text(encoding="utf-8"))
    assert index["schema"] == {name: f"schema/{name}.json" for name in (
        "index", "events", "articles", "carriers", "entities", "targets")}
    schemas = {}
    for name, file in index["schema"].items():
        schema = json.loads((data / file).read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
        schemas[name] = jsonschema.Draft202012Validator(schema)
    files = sorted(data.glob("*.json"))
    assert len(files) == 8
    for file in files:
        validator = schemas[file.stem.split("-", 1)[0]]
        errors = list(validator.iter_errors(json.loads(file.read_text(encoding="utf-8"))))
        assert errors == [], (file.name, errors[:1])


def test_the_schemas_reject_data_that_breaks_them(site_ok: Path) -> None:
    schema = json.loads((site_ok / "data/schema/targets.json").read_text(encoding="utf-8"))
    data = json.loads((site_ok / "data/targets.json").read_text(encoding="utf-8"))
    data["targets"][0]["status"] = "late"
    assert not jsonschema.Draft202012Validator(schema).is_valid(data)
