"""End to end: site_ok built once with the real CLI, then checked page by page.

Golden snippets are cut out of pages by selector (not whole-page diffs); properties
(links, metadata, hosts, determinism) are checked on every page.
"""

from __future__ import annotations

import csv
import io
import json
import os
import posixpath
import re
import shutil
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import feedparser
import pytest

from briefing.cli import main

SITE_OK = Path(__file__).resolve().parents[1] / "fixtures" / "site_ok"
BASE = "https://example.org/briefing/"
CARRIERS = ["kt", "lguplus", "skt"]
ENTITIES = ["cloudlane", "cloudlane-forge", "digital-ministry", "hana-kim", "mirae-labs",
            "nordtel", "orbit-alliance", "seoul-ai-expo"]
ARTICLES = ["2023-11-skt-orbit-alliance", "2024-03-kt-cloudlane-gpu",
            "2024-05-lguplus-seoul-ai-expo", "2024-06-orbit-alliance-expands",
            "2024-08-carriers-ai-roundup"]
EVENTS = ["ai-service-guideline", "cloudlane-forge-korea-launch",
          "kt-cloudlane-data-centre-stake", "kt-cloudlane-gpu-deal", "kt-hana-kim-cto",
          "lguplus-mirae-labs-investment", "lguplus-seoul-ai-expo-2024",
          "orbit-alliance-eu-office", "orbit-alliance-launch", "skt-ai-revenue-target",
          "skt-mirae-labs-stake"]


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _resolve(page: str, href: str) -> str:
    """The site path an href on `page` points to ('carriers/skt/')."""
    target = posixpath.normpath(posixpath.join("/" + page, href))
    return target.lstrip("/") + ("/" if href.endswith("/") and target != "/" else "")


def _pages(site: Path) -> list[str]:
    """Site paths of every HTML page ('' for home, 'carriers/skt/', '404.html')."""
    paths = []
    for file in sorted(site.rglob("*.html")):
        relative = file.relative_to(site).as_posix()
        paths.append(relative[: -len("index.html")] if relative.endswith("index.html")
                     else relative)
    return paths


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A scratch project holding a copy of site_ok's content."""
    shutil.copytree(SITE_OK / "content", tmp_path / "content")
    return tmp_path


@dataclass(frozen=True)
class Done:
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    """cli(args, cwd): the command in this process (faster than a subprocess)."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)

    def run(args: list[str], cwd: Path) -> Done:
        monkeypatch.chdir(cwd)
        code = main(args)
        out, err = capsys.readouterr()
        return Done(code, out, err)

    return run


# --- the build itself ----------------------------------------------------------------------------

def test_site_ok_builds_with_strict_and_no_diagnostics(site_ok_build) -> None:
    assert site_ok_build.stderr == ""
    assert re.fullmatch(r"built \d+ files into site: \d+ written, 0 unchanged, [\d.]+ s\n",
                        site_ok_build.stdout)


def test_every_page_kind_exists(site_ok: Path) -> None:
    expected = ["index.html", "404.html", "carriers/index.html", "entities/index.html",
                "articles/index.html", "timeline/index.html", "timeline/2023/index.html",
                "timeline/2024/index.html", "compare/index.html", "feed.xml", "sitemap.xml",
                "robots.txt", "data/index.json", "data/events-2023.json",
                "data/events-2024.json", "data/articles-2023.json", "data/articles-2024.json",
                "data/carriers.json", "data/entities.json", "data/events.csv"]
    expected += [f"carriers/{c}/index.html" for c in CARRIERS]
    expected += [f"carriers/{c}/feed.xml" for c in CARRIERS]
    expected += [f"timeline/{c}/index.html" for c in CARRIERS]
    expected += [f"entities/{e}/index.html" for e in ENTITIES]
    expected += [f"entities/{e}/feed.xml" for e in ENTITIES]
    expected += [f"articles/{a}/index.html" for a in ARTICLES]
    expected += [f"events/{e}/index.html" for e in EVENTS]
    missing = [path for path in expected if not (site_ok / path).is_file()]
    assert missing == []


def test_the_article_in_a_subfolder_is_published_at_its_slug(site_ok: Path) -> None:
    assert (site_ok / "articles/2024-03-kt-cloudlane-gpu/index.html").is_file()
    assert not (site_ok / "articles/2024").exists()


def test_assets_have_content_hashed_names_and_pages_use_them(site_ok: Path,
                                                             site_page) -> None:
    assets = sorted(p.name for p in (site_ok / "assets").iterdir())
    assert len(assets) >= 2
    assert all(re.fullmatch(r"[a-z]+\.[0-9a-f]{10}\.(css|js)", name) for name in assets)
    sheets = [e.attrs["href"] for e in site_page("").select("link[rel=stylesheet]")]
    assert sheets[0].startswith("./assets/style.") and sheets[0].endswith(".css")
    assert all((site_ok / sheet).is_file() for sheet in sheets)
    scripts = [e.attrs["src"] for e in site_page("timeline/").select("script[src]")]
    assert scripts and all((site_ok / "timeline" / s).resolve().is_file() for s in scripts)


# --- golden snippets -----------------------------------------------------------------------------

def test_an_article_shows_its_source_line(site_page) -> None:
    line = site_page("articles/2024-03-kt-cloudlane-gpu/").select_one("p.source-line")
    assert line.text == ("출처: Fictional Tech Daily, KT signs GPU cloud pact with US firm "
                         "Cloudlane · Jane Doe · 2024년 3월 15일")
    source = line.select_one("a")
    assert source.attrs == {"href": "https://tech.example.com/2024/03/kt-cloudlane",
                            "rel": "noopener nofollow"}


def test_an_english_briefing_sets_lang_on_its_content(site_page) -> None:
    page = site_page("articles/2024-03-kt-cloudlane-gpu/")
    assert page.select_one("html").attrs["lang"] == "ko"
    assert page.select_one("main").attrs["lang"] == "en"
    assert "lang" not in site_page("articles/2023-11-skt-orbit-alliance/").select_one(
        "main").attrs


def test_a_month_precision_date_shows_its_badge_and_basis(site_page) -> None:
    facts = site_page("events/skt-mirae-labs-stake/").select_one("dl.facts")
    assert facts.select("dd")[0].outer == (
        '<dd><time datetime="2023-12" class="date prec-month" title="근거: 기사는 투자 시점을 '
        '&#39;다음 달&#39;이라고만 쓴다.">2023년 12월</time> <span class="badge prec">월만</span>'
        '</dd>')
    assert facts.texts_of("dd")[1] == "기사는 투자 시점을 '다음 달'이라고만 쓴다."


def test_an_approximate_year_only_date_shows_both_badges(site_page) -> None:
    date = site_page("events/cloudlane-forge-korea-launch/").select("dl.facts dd")[0]
    assert date.select_one("time").attrs["datetime"] == "2024"
    assert date.texts_of("span.badge") == ["연도만", "추정"]
    assert date.select_one("span.approx").attrs["title"] == ('The article says only "later '
                                                             'this year".')


def test_a_published_date_can_be_approximate_with_a_basis(site_page) -> None:
    page = site_page("articles/2024-06-orbit-alliance-expands/")
    assert page.select_one("p.basis").text == ('근거: The page shows only "June 2024" under '
                                               'the headline.')
    assert page.select_one("p.source-line").texts_of("span.badge") == ["월만", "추정"]


def test_a_date_range_shows_until(site_page) -> None:
    date = site_page("events/lguplus-seoul-ai-expo-2024/").select("dl.facts dd")[0]
    assert date.text == "2024년 5월 21일 – 2024년 5월 23일"


def test_a_foreign_amount_shows_its_krw_equivalent(site_page) -> None:
    page = site_page("events/kt-cloudlane-gpu-deal/")
    facts = dict(zip(page.texts_of("dl.facts dt"), page.texts_of("dl.facts dd"), strict=True))
    assert facts["금액"] == "$75.8 million"
    assert facts["원화 환산"] == "1,023억원"
    listed = site_page("articles/2024-03-kt-cloudlane-gpu/").select(
        "li.event[data-kind=partnership] span.amount")
    assert [a.outer for a in listed] == [
        '<span class="amount">$75.8 million <span class="krw">(≈ 1,023억원)</span></span>']


def test_a_qualified_amount_shows_its_qualifier_once_as_written(site_page) -> None:
    page = site_page("events/lguplus-mirae-labs-investment/")
    amount = page.select("dl.facts dd")[3]
    assert amount.outer == "<dd>2000만달러 이상</dd>"
    assert page.select("dl.facts dd")[4].text == "270억원"


def test_the_shared_event_lists_both_sources_with_their_notes(site_page) -> None:
    here = "events/orbit-alliance-launch/"
    sources = site_page(here).select("ul.sources > li")
    assert [_resolve(here, s.select_one("a").attrs["href"]) for s in sources] == [
        "articles/2023-11-skt-orbit-alliance/", "articles/2024-06-orbit-alliance-expands/"]
    assert [s.select_one("p.note").text for s in sources] == [
        "메모: 기사는 출범일을 20일로 적는다.",
        "메모: This article dates the launch to November 2023 without a day."]


def test_the_shared_event_takes_the_defining_fields(site_page) -> None:
    page = site_page("events/orbit-alliance-launch/")
    assert page.select_one("h1").text == "SKT·노르텔, 오르빗 텔코 AI 연합 출범"
    assert page.select_one("dl.facts time").attrs["datetime"] == "2023-11-20"
    assert page.texts_of("dl.facts dd a.chip") == ["SK텔레콤", "오르빗 텔코 AI 연합", "Nordtel"]


def test_an_entity_page_lists_its_backlinks_newest_first(site_page) -> None:
    backlinks = site_page("entities/mirae-labs/").select(
        "section[aria-labelledby=h-backlinks] li.article-item > a")
    assert [_resolve("entities/mirae-labs/", a.attrs["href"]) for a in backlinks] == [
        "articles/2024-05-lguplus-seoul-ai-expo/", "articles/2023-11-skt-orbit-alliance/"]


def test_an_entity_page_shows_each_carrier_it_deals_with(site_page) -> None:
    cards = site_page("entities/mirae-labs/").select(
        "section[aria-labelledby=h-deals-with] li.card")
    assert [c.text for c in cards] == [
        "LG유플러스 투자 대상 이벤트 수 1 · 투자 1 2024년 5월 22일 LG유플러스, 미래랩스에 투자 · "
        "2000만달러 이상",
        "SK텔레콤 투자 대상 이벤트 수 1 · 투자 1 2023년 12월 월만 SKT, 미래랩스 지분 투자 · "
        "약 300억원"]


def test_entity_relations_show_members_parents_and_people(site_page) -> None:
    def relations(entity: str) -> dict[str, str]:
        page = site_page(f"entities/{entity}/")
        return dict(zip(page.texts_of("dl.relations-list dt"),
                        page.texts_of("dl.relations-list dd"), strict=True))

    assert relations("orbit-alliance") == {"회원사": "SK텔레콤 Nordtel"}
    assert relations("nordtel") == {"소속 얼라이언스": "오르빗 텔코 AI 연합"}
    assert relations("cloudlane-forge") == {"모회사": "클라우드레인"}
    assert relations("cloudlane") == {"자회사·제품": "Cloudlane Forge"}
    assert relations("hana-kim") == {"소속": "KT CTO (2024년 7월부터)"}


def test_an_article_lists_related_briefings(site_page) -> None:
    here = "articles/2023-11-skt-orbit-alliance/"
    related = site_page(here).select("section[aria-labelledby=h-related] li.article-item > a")
    targets = [_resolve(here, a.attrs["href"]) for a in related]
    assert targets[0] == "articles/2024-06-orbit-alliance-expands/"  # the alliance and Nordtel
    assert here not in targets


def test_the_compare_page_has_the_partners_matrix(site_page) -> None:
    page = site_page("compare/")
    assert page.texts_of("table.matrix thead th") == ["대상", "KT", "LG유플러스", "SK텔레콤"]
    rows = {row.select_one("th").text: row.texts_of("td")
            for row in page.select("table.matrix tbody tr")}
    assert rows["미래랩스"] == ["·", "1 투자", "1 투자"]
    assert rows["디지털부"] == ["1 규제", "1 규제", "1 규제"]
    assert rows["클라우드레인"] == ["2 투자파트너십", "·", "·"]


def test_the_compare_page_shows_deal_totals_and_charts_with_data_tables(site_page) -> None:
    page = site_page("compare/")
    totals = {card.select_one("h3").text: card.select_one("p.big").text
              for card in page.select("section[aria-labelledby=h-totals] li.card")}
    assert totals == {"KT": "1,247억원", "LG유플러스": "—", "SK텔레콤": "888억원"}
    assert len(page.select("svg")) == 2
    assert len(page.select("details table")) == 2


def test_a_carrier_page_shows_its_key_figures_and_deals(site_page) -> None:
    page = site_page("carriers/skt/")
    figures = dict(zip(page.texts_of("dl.figures dt"), page.texts_of("dl.figures dd"),
                       strict=True))
    assert figures == {"이벤트 수": "5", "파트너": "3", "투자 대상": "1",
                       "공개된 거래 총액": "888억원", "첫 이벤트": "2023년 11월 20일",
                       "최근 이벤트": "2024년 8월 7일"}
    deals = page.select("section[aria-labelledby=h-deals] tbody tr")
    assert [row.select_one("a").text for row in deals] == [
        "Orbit alliance opens a Stockholm office", "SKT, 미래랩스 지분 투자"]


def test_the_timeline_puts_year_only_events_first_under_the_year(site_page) -> None:
    headings = site_page("timeline/2024/").texts_of("section.period > h2")
    assert headings == ["2024 (연도만)", "2024년 3월", "2024년 5월", "2024년 6월", "2024년 7월",
                        "2024년 8월"]
    march = site_page("timeline/2024/").select("section.period")[1]
    assert [t.attrs["datetime"] for t in march.select("div.event-meta time")] == [
        "2024-03", "2024-03-14"]


def test_the_per_carrier_timeline_needs_no_script(site_page) -> None:
    page = site_page("timeline/kt/")
    assert page.select("script[src]") == [] and page.select("form#filters") == []
    assert len(page.select("li.event")) == 5


def test_the_body_is_rendered_with_wikilinks_and_a_table(site_page) -> None:
    prose = site_page("articles/2024-08-carriers-ai-roundup/").select_one("div.prose")
    assert prose.select_one("div.table-scroll > table") is not None
    assert prose.texts_of("table thead th") == ["통신사", "이번 달", "링크"]
    here = "articles/2024-08-carriers-ai-roundup/"
    links = {a.text: _resolve(here, a.attrs["href"]) for a in prose.select("a.xref")}
    assert links == {
        "SKT, AI 매출 목표 제시": "events/skt-ai-revenue-target/",
        "김하나": "entities/hana-kim/", "LG유플러스": "carriers/lguplus/",
        "디지털부": "entities/digital-ministry/",
        "디지털부, 통신사 AI 서비스 가이드라인 발표": "events/ai-service-guideline/",
        "엑스포 브리핑": "articles/2024-05-lguplus-seoul-ai-expo/"}
    assert prose.select_one("code").text == "[[not-a-link]]"


def test_labels_and_anchor_links_in_an_english_body(site_page) -> None:
    here = "articles/2024-03-kt-cloudlane-gpu/"
    prose = site_page(here).select_one("div.prose")
    assert [(a.text, a.attrs["href"]) for a in prose.select("a") if "xref" not in a.classes] == [
        ("official notice", "https://tech.example.com/notice"), ("the summary", "#the-summary")]
    assert [(a.text, _resolve(here, a.attrs["href"])) for a in prose.select("a.xref")] == [
        ("KT", "carriers/kt/"), ("Cloudlane's", "entities/cloudlane/"),
        ("SKT alliance briefing", "articles/2023-11-skt-orbit-alliance/"),
        ("KT and Cloudlane sign a three-year GPU cloud agreement",
         "events/kt-cloudlane-gpu-deal/"), ("Cloudlane Forge", "entities/cloudlane-forge/")]
    assert prose.select_one("h2").attrs["id"] == "the-summary"


def test_the_home_page_has_a_card_per_carrier_and_the_newest_briefings(site_page) -> None:
    home = site_page("")
    cards = home.select("section[aria-labelledby=h-carriers] li.card")
    assert [c.select_one("h3").text for c in cards] == ["KT", "LG유플러스", "SK텔레콤"]
    newest = home.select("section[aria-labelledby=h-newest] li.article-item > a")
    assert _resolve("", newest[0].attrs["href"]) == "articles/2024-08-carriers-ai-roundup/"
    assert len(newest) == 5


def test_the_entities_index_groups_by_type(site_page) -> None:
    headings = site_page("entities/").texts_of("main h2")
    assert headings == ["기업 2", "스타트업 1", "얼라이언스 1", "인물 1", "제품·서비스 1", "행사 1",
                        "정부 1"]


def test_the_articles_index_groups_by_month(site_page) -> None:
    assert site_page("articles/").texts_of("main h2") == [
        "2024년 8월", "2024년 6월", "2024년 5월", "2024년 3월", "2023년 11월"]


# --- every page ----------------------------------------------------------------------------------

_LD_TYPES = {"": "WebSite", "carriers/": "CollectionPage", "entities/": "CollectionPage",
             "articles/": "CollectionPage", "compare/": "CollectionPage",
             "search/": "SearchResultsPage",
             "entities/hana-kim/": "Person", "entities/cloudlane-forge/": "Product"}


def _ld_type(path: str) -> str | None:
    if path in _LD_TYPES:
        return _LD_TYPES[path]
    if path == "404.html":
        return None
    kind = path.split("/")[0]
    return {"articles": "NewsArticle", "events": "Event", "carriers": "Organization",
            "entities": "Organization", "timeline": "CollectionPage",
            "targets": "CollectionPage", "weeks": "CollectionPage",
            "graph": "CollectionPage", "feeds": "CollectionPage"}[kind]


def test_every_page_has_title_description_canonical_og_and_json_ld(site_ok: Path,
                                                                   site_page) -> None:
    pages = _pages(site_ok)
    assert len(pages) == 49  # with search/, targets/, weeks/ and its 5 weeks, graph/, feeds/
    for path in pages:
        page = site_page(path)
        assert page.select_one("head > title").text, path
        assert page.select_one("meta[name=description]").attrs["content"].strip(), path
        og = {m.attrs["property"]: m.attrs["content"] for m in page.select("meta[property]")}
        assert {"og:title", "og:description", "og:type", "og:url", "og:site_name"} <= set(og)
        scripts = page.select("script[type=application/ld+json]")
        if path == "404.html":
            assert page.select("link[rel=canonical]") == [] and scripts == []
            continue
        canonical = page.select_one("link[rel=canonical]").attrs["href"]
        assert canonical == BASE + path == og["og:url"], path
        assert len(scripts) == 1, path
        data = json.loads(scripts[0].inner)
        assert data["@context"] == "https://schema.org"
        assert data["@type"] == _ld_type(path), path
        assert data.get("url", canonical) == canonical, path


def test_json_ld_of_a_briefing_names_its_source(site_page) -> None:
    data = json.loads(site_page("articles/2024-03-kt-cloudlane-gpu/").select_one(
        "script[type=application/ld+json]").inner)
    assert data["headline"] == "KT rents Cloudlane GPUs for its Korean-language model"
    assert data["datePublished"] == "2024-03-15"
    assert data["author"] == {"@type": "Person", "name": "Jane Doe"}
    assert data["isBasedOn"]["url"] == "https://tech.example.com/2024/03/kt-cloudlane"
    event = json.loads(site_page("events/lguplus-seoul-ai-expo-2024/").select_one(
        "script[type=application/ld+json]").inner)
    assert (event["startDate"], event["endDate"]) == ("2024-05-21", "2024-05-23")


def test_every_internal_link_is_relative_and_ends_in_a_slash(site_ok: Path, site_page) -> None:
    files = re.compile(r".*\.(xml|json|csv|css|js|opml|graphml)$")
    bad = []
    for path in _pages(site_ok):
        if path == "404.html":
            continue
        for element in site_page(path).select("a[href], link[href], script[src]"):
            href = element.attrs.get("href", element.attrs.get("src", ""))
            if href.startswith(("https://", "http://", "mailto:", "#")):
                continue
            target = href.split("#")[0]
            if href.startswith("/") or not (target.endswith("/") or files.match(target)):
                bad.append((path, href))
            resolved = posixpath.normpath(posixpath.join(path, target))
            on_disk = site_ok / resolved / ("index.html" if target.endswith("/") else "")
            if not on_disk.is_file():
                bad.append((path, href))
    assert bad == []


def test_no_page_loads_anything_from_another_host(site_ok: Path, site_page) -> None:
    remote = []
    for path in _pages(site_ok):
        for element in site_page(path).select("[src], link[href], [srcset], [poster], [data]"):
            for key in ("src", "href", "srcset", "poster", "data"):
                value = element.attrs.get(key, "")
                if element.tag == "link" and element.attrs.get("rel") == "canonical":
                    continue
                if re.match(r"(https?:)?//", value):
                    remote.append((path, element.outer))
    css = b"".join(p.read_bytes() for p in (site_ok / "assets").glob("*.css"))
    assert remote == []
    assert not re.search(rb"url\(\s*['\"]?(https?:)?//|@import", css)


def test_outbound_links_are_plain_anchors(site_page) -> None:
    links = site_page("articles/2023-11-skt-orbit-alliance/").select("a[href^=https]")
    assert [a.attrs["href"] for a in links] == ["https://news.example.com/articles/1001"]


# --- feeds, sitemap, robots, data ----------------------------------------------------------------

def test_every_feed_parses_without_errors(site_ok: Path) -> None:
    digests = [site_ok / "targets/feed.xml", site_ok / "weeks/feed.xml"]  # test_digests.py
    feeds = sorted(set(site_ok.rglob("feed.xml")) - set(digests))
    assert len(feeds) == 1 + len(CARRIERS) + len(ENTITIES)
    for feed_path in feeds:
        parsed = feedparser.parse(feed_path.read_bytes())
        assert not parsed.bozo, (feed_path, parsed.get("bozo_exception"))
        assert parsed.version == "atom10"
        for entry in parsed.entries:
            assert entry.id.startswith("tag:example.org,2024:article:")
            assert entry.link.startswith(BASE + "articles/")


def test_the_main_feed_lists_briefings_newest_first_with_content_dates(site_ok: Path) -> None:
    parsed = feedparser.parse((site_ok / "feed.xml").read_bytes())
    assert [e.link for e in parsed.entries] == [BASE + f"articles/{a}/"
                                                for a in reversed(ARTICLES)]
    assert parsed.feed.updated == "2024-08-20T00:00:00Z"  # the newest `updated`, not the clock
    assert parsed.entries[0].updated == "2024-08-20T00:00:00Z"
    assert parsed.entries[0].published == "2024-08-09T00:00:00Z"


def test_a_carrier_feed_holds_its_briefings(site_ok: Path) -> None:
    parsed = feedparser.parse((site_ok / "carriers/kt/feed.xml").read_bytes())
    assert [e.link for e in parsed.entries] == [
        BASE + "articles/2024-08-carriers-ai-roundup/",
        BASE + "articles/2024-03-kt-cloudlane-gpu/"]


def test_the_sitemap_lists_every_page_but_404_with_lastmod_for_dated_briefings(
        site_ok: Path) -> None:
    root = ET.fromstring((site_ok / "sitemap.xml").read_bytes())
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [u.findtext("s:loc", namespaces=ns) for u in root.findall("s:url", ns)]
    assert sorted(locs) == sorted(BASE + p for p in _pages(site_ok) if p != "404.html")
    lastmod = {u.findtext("s:loc", namespaces=ns): u.findtext("s:lastmod", namespaces=ns)
               for u in root.findall("s:url", ns)}
    assert lastmod[BASE + "articles/2024-08-carriers-ai-roundup/"] == "2024-08-20"
    assert lastmod[BASE + "articles/2024-06-orbit-alliance-expands/"] is None  # month only


def test_robots_txt_points_to_the_sitemap(site_ok: Path) -> None:
    assert (site_ok / "robots.txt").read_text() == (
        f"User-agent: *\nAllow: /\nSitemap: {BASE}sitemap.xml\n")


def test_events_csv_is_utf8_with_a_bom_for_spreadsheets(site_ok: Path) -> None:
    data = (site_ok / "data/events.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbfid,date,precision,")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert [r["id"] for r in rows][:2] == ["orbit-alliance-launch", "skt-mirae-labs-stake"]
    gpu = next(r for r in rows if r["id"] == "kt-cloudlane-gpu-deal")
    assert (gpu["amount"], gpu["currency"], gpu["value"], gpu["krw"]) == (
        "$75.8 million", "USD", "75800000", "102330000000")
    shared = next(r for r in rows if r["id"] == "orbit-alliance-launch")
    assert shared["sources"] == "2023-11-skt-orbit-alliance 2024-06-orbit-alliance-expands"


def test_the_data_index_points_to_versioned_json_split_by_year(site_ok: Path) -> None:
    index = json.loads((site_ok / "data/index.json").read_text())
    assert index["schema_version"] == 1
    assert index["events"] == {"2023": "events-2023.json", "2024": "events-2024.json"}
    for name in [*index["events"].values(), *index["articles"].values(),
                 index["carriers"], index["entities"]]:
        assert json.loads((site_ok / "data" / name).read_text())["schema_version"] == 1
    events = json.loads((site_ok / "data/events-2024.json").read_text())["events"]
    forge = next(e for e in events if e["id"] == "cloudlane-forge-korea-launch")
    assert (forge["date"], forge["precision"], forge["approximate"]) == ("2024", "year", True)
    deal = next(e for e in events if e["id"] == "kt-cloudlane-data-centre-stake")
    assert deal["amount"] == {"written": "about 22.4 billion won", "value": "22400000000",
                              "currency": "KRW", "qualifier": "about", "krw": "22400000000"}


# --- options and properties of a build (each a real subprocess) ----------------------------------

def test_two_builds_with_different_hash_seeds_are_byte_identical(
        site_ok: Path, project: Path, run_cli) -> None:
    done = run_cli(["build", "--strict", "--out", "again", "-j", "1"], project,
                   PYTHONHASHSEED="12345")
    assert done.returncode == 0, done.stderr
    assert _tree(project / "again") == _tree(site_ok)


def test_base_url_override_reaches_every_absolute_url(project: Path, cli) -> None:
    done = cli(["build", "--base-url", "https://org.github.io/repo", "--out", "site"],
                   project)
    assert done.returncode == 0, done.stderr
    site = project / "site"
    page = (site / "carriers/skt/index.html").read_text()
    assert '<link rel="canonical" href="https://org.github.io/repo/carriers/skt/">' in page
    assert '"url":"https://org.github.io/repo/carriers/skt/"' in page
    assert 'href="../../entities/' in page  # links stay relative
    for name in ("feed.xml", "carriers/kt/feed.xml", "sitemap.xml", "robots.txt"):
        text = (site / name).read_text()
        assert "example.org" not in text, name
        assert "https://org.github.io/repo/" in text, name
    not_found = (site / "404.html").read_text()
    assert 'href="/repo/timeline/"' in not_found and 'href="/repo/assets/style.' in not_found


def test_the_404_page_links_root_relative_under_the_sub_path(site_page) -> None:
    hrefs = [a.attrs["href"] for a in site_page("404.html").select("a, link")]
    assert all(h.startswith(("/briefing/", "#")) for h in hrefs), hrefs


def test_file_urls_end_in_index_html_and_resolve_on_disk(project: Path, cli,
                                                         parse_html) -> None:
    done = cli(["build", "--file-urls", "--out", "site"], project)
    assert done.returncode == 0, done.stderr
    site = project / "site"
    checked = 0
    for page_file in site.rglob("*.html"):
        if page_file.name == "404.html":
            continue
        for element in parse_html(page_file.read_text()).select("a[href], link[href]"):
            href = element.attrs["href"].split("#")[0]
            if not href or href.startswith(("http", "mailto:")):
                continue
            assert not href.endswith("/"), (page_file, href)
            assert (page_file.parent / href).resolve().is_file(), (page_file, href)
            checked += 1
    assert checked > 500


def test_the_english_ui_shows_english_strings(project: Path, cli, parse_html) -> None:
    done = cli(["build", "--language", "en", "--out", "site"], project)
    assert done.returncode == 0, done.stderr
    page = parse_html((project / "site/events/skt-mirae-labs-stake/index.html").read_text())
    assert page.select_one("html").attrs["lang"] == "en"
    assert page.texts_of("header.site-header nav a") == [
        "Carriers", "Entities", "Briefings", "Timeline", "Compare", "Targets", "Weeks"]
    assert page.select("dl.facts dd")[0].text == "Dec 2023 month only"
    assert page.select("dl.facts dt")[0].text == "Date"
    names = page.texts_of("dl.facts dd a.chip")
    assert names == ["SK Telecom", "Mirae Labs"]  # {ko, en} names show the UI language
    assert page.select_one("a.skip").text == "Skip to content"


def test_the_korean_ui_shows_korean_strings(site_page) -> None:
    page = site_page("events/skt-mirae-labs-stake/")
    assert page.texts_of("header.site-header nav a") == ["통신사", "관계 기업·기관", "브리핑",
                                                        "타임라인", "비교", "목표", "주간"]
    assert page.select_one("a.skip").text == "본문으로 건너뛰기"


def test_check_writes_nothing_but_its_state(project: Path, run_cli) -> None:
    before = _tree(project)
    done = run_cli(["check", "--strict"], project)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("checked: ")
    # no site, no file of the project touched: only what the next check uses (issue 15)
    after = _tree(project)
    assert {k: v for k, v in after.items() if not k.startswith(".briefing/")} == before
    assert sorted(p.name for p in project.iterdir()) == [".briefing", "content"]
    assert any(k.startswith(".briefing/cache/pages-") for k in after)


def test_a_failing_build_leaves_the_previous_site_untouched(project: Path, cli) -> None:
    assert cli(["build"], project).returncode == 0
    before = _tree(project / "site")
    (project / "content/articles/broken.md").write_text(
        "---\ntitle: x\npublished: 2024-02-30\n---\n", encoding="utf-8")
    done = cli(["build"], project)
    assert done.returncode == 1
    assert "content/articles/broken.md:3:1: error[bad-date]" in done.stderr
    assert "Traceback" not in done.stderr
    assert _tree(project / "site") == before
    assert not (project / ".site.new").exists()


def test_a_rebuild_rewrites_only_what_changed(project: Path, cli) -> None:
    assert cli(["build"], project).returncode == 0
    done = cli(["build"], project)
    assert re.match(r"built (\d+) files into site: 0 written, \1 unchanged", done.stdout)


@pytest.mark.parametrize(("args", "code", "message"), [
    (["build", "--nope"], 2, "unrecognized arguments: --nope"),
    (["build", "--language", "fr"], 2, "invalid choice: 'fr'"),
    (["check", "--content", "missing"], 2, "content folder 'missing' not found"),
    (["build", "--templates", "missing"], 2, "templates folder 'missing' has no base.html"),
    (["build", "--out", "content"], 3, "refusing to write the site to 'content'"),
    (["build", "--out", "."], 3, "refusing to write the site to '.'"),
    (["build", "--out", "content/sub"], 3, "refusing to write the site to 'content/sub': it is "
                                            "inside"),
])
def test_usage_errors_exit_2_and_refused_folders_exit_3(
        project: Path, cli, args: list[str], code: int, message: str) -> None:
    done = cli(args, project)
    assert done.returncode == code
    assert message in done.stderr
    assert "Traceback" not in done.stderr


def test_the_real_command_builds_by_default_and_exits_0_or_2(project: Path, run_cli) -> None:
    done = run_cli(["--out", "public"], project)
    assert done.returncode == 0, done.stderr
    assert (project / "public/index.html").is_file()
    done = run_cli(["build", "--nope"], project)
    assert done.returncode == 2
    assert "unrecognized arguments: --nope" in done.stderr


def test_a_refused_output_folder_is_left_alone(project: Path, cli) -> None:
    (project / "mine").mkdir()
    (project / "mine/notes.txt").write_text("keep")
    done = cli(["build", "--out", "mine"], project)
    assert done.returncode == 3
    assert "was not made by this tool" in done.stderr
    assert (project / "mine/notes.txt").read_text() == "keep"


# --- drafts --------------------------------------------------------------------------------------

DRAFT = """---
title: 검토 중인 초안
draft: true
source: {title: 초안의 원문}
carriers: [kt]
events:
  - id: kt-draft-event
    date: 2024-08
    title: 초안 속 이벤트
    kind: statement
    carriers: [kt]
review:
  items: [{field: published, issue: 날짜가 없다}]
  source_text: |
    원문 텍스트는 렌더링하지 않는다.
---
"""


def test_build_skips_drafts_unless_asked(project: Path, cli) -> None:
    (project / "content/articles/draft-one.md").write_text(DRAFT, encoding="utf-8")
    done = cli(["build", "--strict"], project)
    assert done.returncode == 0, done.stderr
    assert not (project / "site/articles/draft-one").exists()
    assert "kt-draft-event" not in (project / "site/data/events-2024.json").read_text()
    done = cli(["build", "--drafts", "--out", "with-drafts"], project)
    assert done.returncode == 0, done.stderr
    page = (project / "with-drafts/articles/draft-one/index.html").read_text()
    assert "원문 텍스트는" not in page  # review.source_text is never rendered
    assert (project / "with-drafts/events/kt-draft-event/index.html").is_file()


def test_check_includes_drafts_under_draft_rules(project: Path, cli) -> None:
    (project / "content/articles/draft-one.md").write_text(DRAFT, encoding="utf-8")
    done = cli(["check"], project)
    assert done.returncode == 0
    assert done.stderr.splitlines() == [
        "content/articles/draft-one.md:2:1: warning[missing-field]: missing required field "
        "'summary' (allowed while draft: true)",
        "content/articles/draft-one.md:2:1: warning[missing-field]: missing required field "
        "'published' (allowed while draft: true)",
        "content/articles/draft-one.md:12:1: warning[open-review]: 1 open review item(s) in "
        "this draft; resolve them, then remove the review block and draft: true",
        "0 errors, 3 warnings"]
    assert cli(["check", "--strict"], project).returncode == 1


# --- hostile content -----------------------------------------------------------------------------

EVIL = '<script>alert(1)</script><img src=x onerror="alert(2)"> {{ 7*7 }} {% raw %}'
HOSTILE = {
    "content/entities/evil-corp.md": f"""---
name: {{ko: '{EVIL}', en: '{EVIL}'}}
aliases: ['{EVIL}']
type: company
---
{EVIL}

<a href="javascript:alert(4)" onclick="x()">raw</a>
""",
    "content/articles/2024-09-hostile.md": f"""---
title: '{EVIL} title'
published: 2024-09-01
source:
  publisher: '{EVIL}'
  title: '{EVIL} headline'
  author: '{EVIL}'
language: ko
carriers: [skt]
entities: [evil-corp]
summary: '{EVIL} summary'
events:
  - id: hostile-event
    date: 2024-09-01
    basis: '{EVIL} basis'
    approximate: true
    title: '{EVIL} event'
    kind: statement
    carriers: [skt]
    entities: [evil-corp]
    amount: 300억원
    note: '{EVIL} note'
---
{EVIL}

[[evil-corp|{EVIL}]] and ``{EVIL}``
""",
}


def test_hostile_urls_and_amounts_are_refused_without_a_traceback(
        project: Path, write_files, cli) -> None:
    article = HOSTILE["content/articles/2024-09-hostile.md"].replace(
        "  author:", '  url: https://news.example.com/a?q="><script>alert(5)</script>\n  author:'
    ).replace("amount: 300억원", "amount: '=HYPERLINK(\"http://x\")'") + (
        "\n[click](javascript:alert(3))\n")
    write_files(project, {**HOSTILE, "content/articles/2024-09-hostile.md": article})
    done = cli(["check"], project)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert [line.split(": ")[1] for line in done.stderr.splitlines()[:-1]] == [
        "error[bad-url]", "error[bad-amount]", "error[bad-link]"]


def test_hostile_content_is_rendered_as_inert_text(project: Path, write_files, cli,
                                                   parse_html) -> None:
    site_yaml = (project / "content/site.yaml").read_text(encoding="utf-8")
    site_yaml = re.sub(r"(?m)^title: .*$", f"title: '{EVIL} site'", site_yaml)
    site_yaml = re.sub(r"(?m)^description: .*$", f"description: '{EVIL} about'", site_yaml)
    write_files(project, {**HOSTILE, "content/site.yaml": site_yaml})
    done = cli(["build", "--out", "site"], project)
    assert done.returncode == 0, done.stderr
    site = project / "site"
    pages = 0
    for page_file in site.rglob("*.html"):
        text = page_file.read_text()
        assert "<img" not in text, page_file
        for element in parse_html(text).iter():
            assert not any(k.startswith("on") for k in element.attrs), (page_file, element.outer)
            for key in ("href", "src"):
                assert not element.attrs.get(key, "").lower().startswith("javascript"), \
                    (page_file, element.outer)
            if element.tag == "script":
                assert element.attrs.get("type") == "application/ld+json" or \
                    "src" in element.attrs, (page_file, element.outer)
                assert "<" not in element.inner, (page_file, element.outer)
        if "alert(1)" in text:
            pages += 1
            assert "{{ 7*7 }}" in text, page_file  # Jinja syntax in content stays text
    assert pages == len(list(site.rglob("*.html")))  # the site title is on every page
    article = (site / "articles/2024-09-hostile/index.html").read_text()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in article
    assert "{{ 7*7 }} {% raw %}" in article
    ld = json.loads(parse_html(article).select_one("script[type=application/ld+json]").inner)
    assert ld["headline"].startswith("<script>alert(1)</script>")
    for feed in site.rglob("feed.xml"):
        assert not feedparser.parse(feed.read_bytes()).bozo, feed
    assert "alert(1)" in (site / "feed.xml").read_text()


def test_spreadsheet_formulas_in_content_are_defused_in_the_csv(project: Path,
                                                                cli) -> None:
    article = (project / "content/articles/2023-11-skt-orbit-alliance.md")
    article.write_text(article.read_text(encoding="utf-8").replace(
        "title: SKT, 미래랩스 지분 투자", "title: '=cmd|\" /C calc\"!A0'"), encoding="utf-8")
    assert cli(["build", "--out", "site"], project).returncode == 0
    rows = list(csv.DictReader(io.StringIO(
        (project / "site/data/events.csv").read_text(encoding="utf-8-sig"))))
    title = next(r["title"] for r in rows if r["id"] == "skt-mirae-labs-stake")
    assert title == "'=cmd|\" /C calc\"!A0"


# --- in process ----------------------------------------------------------------------------------

def test_main_returns_1_and_prints_no_traceback_for_bad_content(
        project: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.chdir(project)
    (project / "content/site.yaml").write_text("title: [broken\n", encoding="utf-8")
    assert main(["build"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("content/site.yaml:")
    assert "Traceback" not in err
    assert not (project / "site").exists()
    assert os.listdir(project) in (["content"], ["content", ".briefing"], [".briefing",
                                                                             "content"])
