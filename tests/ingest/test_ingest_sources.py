"""The analyst's evidence through the CLI: `--url`, `--published`, `--sources FILE` and the
text's own source line, weighed against the text and a saved page's markup (evidence.py).
Fictional outlets (the fixture content's publishers.yaml names them) and texts."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import CONTENT, FIXTURES, read_front

from briefing.cli import main
from briefing.ingest.byline import load_publishers, publisher_by_domain
from briefing.ingest.evidence import url_date
from briefing.ingest.sources import source_line

SOURCES = FIXTURES / "sources"
ECONOMY = "https://www.hanbit-economy.example/news/articleView.html?idxno=2002"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A content folder whose publisher table knows the two fictional outlets, and the
    fixture texts copied beside it (sources files name them relative to themselves)."""
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    (content / "publishers.yaml").write_text(
        "- {name: 한빛경제, domains: [hanbit-economy.example], aliases: []}\n"
        "- {name: 한빛일보, domains: [hanbit-ilbo.example], aliases: []}\n", "utf-8")
    shutil.copytree(SOURCES, tmp_path / "in")
    return tmp_path


def run(site: Path, capsys: pytest.CaptureFixture[str], *args: str
        ) -> tuple[int, str, str, list[Path]]:
    code = main(["ingest", *args, "--content", str(site / "content"),
                 "--out", str(site / "out")])
    captured = capsys.readouterr()
    return code, captured.out, captured.err, sorted((site / "out").glob("*.md"))


def one(drafts: list[Path]) -> dict[str, Any]:
    assert len(drafts) == 1, drafts
    return read_front(drafts[0])


def issues(front: dict[str, Any], field: str) -> list[str]:
    return [i["issue"] for i in front["review"]["items"] if i["field"] == field]


def test_url_and_date_for_a_text_that_states_neither(
        site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err, drafts = run(site, capsys, str(site / "in/bare.txt"), "--url", ECONOMY,
                                 "--published", "2024-03-19")
    assert (code, err) == (0, "")
    assert [p.name for p in drafts] == ["2024-03-19-kt-395403.md"]
    text = drafts[0].read_text("utf-8")
    assert text.startswith(
        "---\ntitle: KT, 한빛로보틱스와 물류 로봇 협력\npublished: '2024-03-19'\nsource:\n"
        "  publisher: 한빛경제\n  title: KT, 한빛로보틱스와 물류 로봇 협력\n"
        f"  url: {ECONOMY}\n  language: ko\n")
    front = one(drafts)
    # The option's date anchors '19일' as a date line would: no guess, no flag.
    [announced] = [e for e in front["events"] if e.get("basis") == "the day it was announced"]
    assert announced["date"] == "2024-03-19" and "approximate" not in announced
    assert issues(front, "published") == [] and issues(front, "source.publisher") == []
    assert "published 2024-03-19" in out


def test_the_option_wins_over_a_date_line_and_says_so(
        site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _, drafts = run(site, capsys, str(site / "in/dated.txt"), "--published",
                             "2025-02-13")
    front = one(drafts)
    assert code == 0 and front["published"] == "2025-02-13"
    assert "updated" not in front  # 2025-02-12 is before the date given
    assert issues(front, "published") == [
        "the text's date line says 2025-02-11, --published gives 2025-02-13: 2025-02-13 "
        "kept (check which is right)"]


def test_the_text_refines_a_month_and_its_first_publication_beats_an_update_given(
        site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, _, _, drafts = run(site, capsys, str(site / "in/dated.txt"), "--published", "2025-02")
    front = one(drafts)
    assert (front["published"], front["updated"]) == ("2025-02-11", "2025-02-12")
    assert issues(front, "published") == []
    for path in drafts:
        path.unlink()
    _, _, _, drafts = run(site, capsys, str(site / "in/dated.txt"), "--published", "2025-02-12")
    front = one(drafts)
    assert (front["published"], front["updated"]) == ("2025-02-11", "2025-02-12")
    assert issues(front, "published") == [
        "--published gives 2025-02-12, the text's update date; the first publication, "
        "2025-02-11, is kept"]


def test_a_byline_beats_the_urls_site_which_beats_nothing(
        site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, _, _, drafts = run(site, capsys, str(site / "in/dated.txt"), "--url", ECONOMY)
    front = one(drafts)
    assert (front["source"]["publisher"], front["source"]["url"]) == ("한빛일보", ECONOMY)
    assert issues(front, "source.publisher") == [
        "the text names 한빛일보; the URL's site is 한빛경제 (a repost or a wire story?): "
        "한빛일보 kept"]


def test_an_unknown_domain_is_named_for_the_table(
        site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, _, _, drafts = run(site, capsys, str(site / "in/bare.txt"), "--url",
                          "https://blog.unknown-outlet.example/p/1")
    front = one(drafts)
    assert "publisher" not in front["source"]
    assert front["source"]["url"] == "https://blog.unknown-outlet.example/p/1"
    assert issues(front, "source.publisher") == [
        "the URL's domain blog.unknown-outlet.example is not in the publisher table (add it "
        "to content/publishers.yaml)", "no publisher found in the text"]


def test_the_texts_own_source_line(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, _, _, drafts = run(site, capsys, str(site / "in/linked.txt"))
    front = one(drafts)
    assert front["source"]["url"].endswith("idxno=3003")
    assert front["source"]["publisher"] == "한빛경제"
    assert "https://" not in front["review"]["source_text"]
    for path in drafts:
        path.unlink()
    _, _, _, drafts = run(site, capsys, str(site / "in/labelled.txt"))
    front = one(drafts)
    assert front["source"]["url"] == "https://news.hanbit-ilbo.example/article/20240605000321"
    assert front["source"]["publisher"] == "한빛일보"
    assert "출처" not in front["review"]["source_text"]
    # The date in the address is a clue for the analyst, never the publication date.
    assert "published" not in front
    assert "the URL holds the date 2024-06-05: a clue to the publication date, not the date " \
           "(give --published to use it)" in issues(front, "published")
    # An option beats the text's own line.
    for path in drafts:
        path.unlink()
    _, _, _, drafts = run(site, capsys, str(site / "in/labelled.txt"), "--url", ECONOMY)
    assert one(drafts)["source"]["url"] == ECONOMY


def test_links_in_menus_and_related_lists_are_not_the_source(
        site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, _, _, drafts = run(site, capsys, str(site / "in/menu.txt"))
    front = one(drafts)
    assert "url" not in front["source"] and "publisher" not in front["source"]


def test_source_line_shapes() -> None:
    assert source_line("<https://a.example/1>\nTitle\nBody.\n") == (
        "https://a.example/1", "Title\nBody.\n")
    assert source_line("Title\nURL: https://a.example/2\nBody.\n") == (
        "https://a.example/2", "Title\nBody.\n")
    assert source_line("Title\nBody with https://a.example/3 inside.\n")[0] is None
    assert source_line("\n".join(["Title", "a", "b", "c", "d", "Source: https://x.example/"]))[
        0] is None  # below the first lines: a footer, not the story's address


def test_a_sources_file_for_a_batch(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (site / "in/sources.csv").write_text(
        "path,url,published\n"
        f"bare.txt,{ECONOMY},2024-03-19T10:05:00+09:00\n"
        "dated.txt,,2025-02-11\n", "utf-8")
    code, out, err, drafts = run(site, capsys, str(site / "in/bare.txt"),
                                 str(site / "in/dated.txt"), str(site / "in/menu.txt"),
                                 "--sources", str(site / "in/sources.csv"))
    assert (code, err) == (0, "")
    fronts = {p.name[:10]: read_front(p) for p in drafts}
    assert fronts["2024-03-19"]["source"]["url"] == ECONOMY
    assert fronts["2025-02-11"]["source"]["publisher"] == "한빛일보"
    assert fronts["undated-sk"]["source"].get("url") is None  # no row: no evidence
    assert len(out.splitlines()) == 3


def test_a_yaml_sources_file(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (site / "in/sources.yaml").write_text(
        f"- path: bare.txt\n  url: {ECONOMY}\n  published: 2024-03-19\n", "utf-8")
    code, _, _, drafts = run(site, capsys, str(site / "in/bare.txt"),
                             "--sources", str(site / "in/sources.yaml"))
    front = one(drafts)
    assert code == 0 and (front["published"], front["source"]["url"]) == ("2024-03-19",
                                                                           ECONOMY)


@pytest.mark.parametrize(("name", "text", "message"), [
    ("s.csv", "path,url,published\nbare.txt,,2024-02-30\n",
     "s.csv:2: published: '2024-02-30' does not exist: 2024-02 has 29 days"),
    ("s.csv", "path,url,published\nbare.txt,,\nnothere.txt,,2024-01-01\n",
     "s.csv:3: 'nothere.txt' is not one of the files given to ingest"),
    ("s.csv", "path,url,published\nbare.txt,,\n\n./bare.txt,,\n",
     "s.csv:4: './bare.txt' is listed twice (first on line 2)"),
    ("s.csv", "file,link\nbare.txt,https://a.example/\n",
     "s.csv:1: the first line must name the columns path, url and published"),
    ("s.csv", "path,url\nbare.txt,javascript:alert(1)\n",
     "s.csv:2: url: 'javascript:alert(1)' is not an http(s) URL"),
    ("s.yaml", "- path: bare.txt\n  published: 2024-1-5\n",
     "s.yaml:2: published: '2024-1-5' is not a date"),
    ("s.yaml", "- path: bare.txt\n- path: bare.txt\n  date: 2024-01-05\n",
     "s.yaml:3: unknown key 'date'"),
])
def test_bad_rows_name_file_and_line(site: Path, capsys: pytest.CaptureFixture[str],
                                     name: str, text: str, message: str) -> None:
    path = site / "in" / name
    path.write_text(text, "utf-8")
    code, out, err, drafts = run(site, capsys, str(site / "in/bare.txt"), "--sources", str(path))
    assert (code, out, drafts) == (2, "", [])
    assert err.startswith(f"ingest: {path.parent}/{message}"), err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_options_for_one_file_only(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err, drafts = run(site, capsys, str(site / "in/bare.txt"),
                               str(site / "in/dated.txt"), "--url", ECONOMY)
    assert (code, drafts) == (2, [])
    assert err == ("ingest: --url describes one article but 2 files were given; for a batch, "
                   "list each file's url and date in a sources file (--sources FILE)\n")
    code, _, err, _ = run(site, capsys, str(site / "in/bare.txt"), "--published", "19 March")
    assert (code, err) == (2, "ingest: --published: '19 March' is not a date; write "
                              "YYYY-MM-DD, YYYY-MM or YYYY\n")
    code, _, err, _ = run(site, capsys, str(site / "in/bare.txt"), "--url", "www.example.com")
    assert (code, err) == (2, "ingest: --url: 'www.example.com' is not an http(s) URL\n")
    (site / "s.csv").write_text("path\nin/bare.txt\n", "utf-8")
    code, _, err, _ = run(site, capsys, str(site / "in/bare.txt"), "--sources",
                          str(site / "s.csv"), "--published", "2024")
    assert (code, err) == (2, "ingest: --sources lists each file's url and date; give it "
                              "without --url and --published\n")
    code, _, err, _ = run(site, capsys, str(site / "in/bare.txt"), "--sources",
                          str(site / "missing.csv"))
    assert code == 3 and err.startswith(f"ingest: --sources {site / 'missing.csv'}: cannot read")


# --- saved pages: their markup feeds the same rules ---------------------------------------

def test_an_articleview_page_with_its_metadata_in_the_head(
        site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """og:url -> the publisher table (the domain beats og:site_name's spelling),
    article:published_time -> published, a bare Korean name in meta author -> author."""
    code, _, _, drafts = run(site, capsys, str(site / "in/articleview.html"))
    front = one(drafts)
    assert code == 0 and front["published"] == "2024-05-08"
    assert front["source"] == {"publisher": "한빛경제",
                               "title": "KT, 한빛로보틱스와 물류 로봇 협력",
                               "url": ECONOMY, "author": "박소연", "language": "ko"}


def test_a_json_ld_page_of_an_outlet_not_in_the_table(
        site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """JSON-LD datePublished, author and publisher, the canonical link."""
    _, _, _, drafts = run(site, capsys, str(site / "in/jsonld.html"))
    front = one(drafts)
    assert front["published"] == "2025-02-11"
    assert front["source"]["publisher"] == "한빛데일리"
    assert front["source"]["author"] == "김철수"
    assert front["source"]["url"] == "https://news.daily-hanbit.example/article/20250211000123"


def test_a_page_date_yields_to_the_option_and_a_wire_byline_to_nothing(
        site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, _, _, drafts = run(site, capsys, str(site / "in/wire_on_portal.html"),
                          "--published", "2024-06-04")
    front = one(drafts)
    assert front["published"] == "2024-06-04"
    assert issues(front, "published") == [
        "the text's date line says 2024-06-05, --published gives 2024-06-04: 2024-06-04 kept "
        "(check which is right)"]
    # The wire named in the byline is the publisher; the page's own site is flagged.
    assert (front["source"]["publisher"], front["source"]["author"]) == ("한빛일보", "이영희")
    assert issues(front, "source.publisher")[0].startswith("the text names 한빛일보; the URL's "
                                                           "site is 한빛경제")


@pytest.mark.parametrize(("url", "date"), [
    ("https://a.example/news/2024/03/19/kt-robots", "2024-03-19"),
    ("https://a.example/view/AKR20240319000100017", "2024-03-19"),
    ("https://a.example/view.html?ar_id=NISX20240130_0002609998", "2024-01-30"),
    ("https://a.example/article/all/20211027/3010012/1", "2021-10-27"),
    ("https://a.example/news/2025-03-05/business/2255395", "2025-03-05"),
    ("https://a.example/article/20000286355", None),  # an id: no 86th day
    ("https://a.example/View.aspx?No=2088893", None),
    ("https://a.example/2025/04/sk.html", None),  # a month is no day
])
def test_dates_in_addresses(url: str, date: str | None) -> None:
    found = url_date(url)
    assert (found.iso() if found else None) == date


def test_an_editions_domain_beats_its_groups() -> None:
    table = load_publishers(None)
    assert publisher_by_domain("en.yna.co.kr", table) == "Yonhap News Agency"
    assert publisher_by_domain("www.yna.co.kr", table) == "연합뉴스"
    assert publisher_by_domain("koreajoongangdaily.joins.com", table) == "Korea JoongAng Daily"
    assert publisher_by_domain("news.joins.com", table) == "중앙일보"
    assert publisher_by_domain("it.chosun.com", table) == "IT조선"
    assert publisher_by_domain("example.com", table) is None
