"""Relations, graphs, watchlist feeds and search from disk in the built fixture site:
checked in the bytes the real CLI wrote."""

from __future__ import annotations

import csv
import io
import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import pytest

from briefing.cli import main

GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"
SVG = "{http://www.w3.org/2000/svg}"
BASE = "https://example.org/briefing/"
SITE_OK = Path(__file__).resolve().parents[1] / "fixtures" / "site_ok"


def _page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def _svg(html: str, css: str) -> ET.Element:
    start = html.index(f'<svg class="netgraph {css}"')
    return ET.fromstring(html[start:html.index("</svg>", start) + 6])


def test_every_carrier_and_entity_page_draws_its_graph_with_links_and_labelled_edges(
        site_ok: Path, parse_html) -> None:
    pages = [*(f"carriers/{p.name}" for p in (site_ok / "carriers").iterdir() if p.is_dir()),
             *(f"entities/{p.name}" for p in (site_ok / "entities").iterdir() if p.is_dir())]
    assert len(pages) == 11
    for path in pages:
        html = _page(site_ok, path)
        svg = _svg(html, "ego")
        nodes = svg.findall(f"{SVG}a")
        edges = svg.findall(f"{SVG}g")
        assert svg.get("role") == "group" and svg.get("aria-label"), path
        # the centre is the page's own node; every node links to a page that exists
        assert nodes[-1].get("data-node") == path.split("/")[1]
        for node in nodes:
            target = (site_ok / path / node.get("href", "")).resolve()
            assert (target / "index.html").is_file(), (path, node.get("href"))
        # each edge: a line, the kind written along it, a colour class by kind
        for edge in edges:
            kinds = edge.get("data-kinds", "").split()
            assert f"rel-{kinds[0]}" in edge.get("class", "").split()
            assert edge.find(f"{SVG}line") is not None
            assert edge.find(f"{SVG}text").text
        # the table beside it holds the same relations
        doc = parse_html(html)
        rows = doc.select(".network-section table.relations-table tbody tr")
        others = [r.select_one("th a").attrs["href"] for r in rows]
        assert others[:len(edges)] == [n.get("href") for n in nodes[:-1]], path


def test_a_carrier_graph_shows_investment_partnership_and_membership(site_ok: Path) -> None:
    svg = _svg(_page(site_ok, "carriers/skt"), "ego")
    kinds = {e.get("data-kinds") for e in svg.findall(f"{SVG}g")}
    labels = {e.find(f"{SVG}text").text for e in svg.findall(f"{SVG}g")}
    assert {"invests-in", "partners-with member-of"} <= kinds
    assert {"투자", "제휴"} <= labels
    svg = _svg(_page(site_ok, "entities/hana-kim"), "ego")
    (edge,) = svg.findall(f"{SVG}g")
    assert edge.get("data-kinds") == "role-at appears-with"
    assert "CTO" in edge.find(f"{SVG}title").text


def test_the_graph_page_draws_the_carriers_and_partners_and_lists_them(site_ok: Path,
                                                                      parse_html) -> None:
    html = _page(site_ok, "graph")
    svg = _svg(html, "network")
    drawn = {a.get("data-node") for a in svg.findall(f"{SVG}a")}
    assert {"skt", "kt", "lguplus", "mirae-labs", "cloudlane", "orbit-alliance"} <= drawn
    doc = parse_html(html)
    assert len(doc.select("table.relations-table tbody tr")) == len(svg.findall(f"{SVG}g"))
    # the filter is there for scripts to show, hidden without them
    assert "hidden" in doc.select_one("#network-filters").attrs
    assert {i.attrs["value"] for i in doc.select("#network-filters input[name=kind]")} >= {
        "invests-in", "partners-with", "member-of"}
    assert doc.select_one(".netgraph-scroll").attrs["tabindex"] == "0"


def test_relations_graphml_parses_and_matches_relations_csv(site_ok: Path) -> None:
    tree = ET.parse(site_ok / "data" / "relations.graphml").getroot()
    assert tree.tag == f"{GRAPHML}graphml"
    keys = {k.get("id"): k for k in tree.iter(f"{GRAPHML}key")}
    graph = tree.find(f"{GRAPHML}graph")
    assert graph is not None and graph.get("edgedefault") == "directed"
    nodes = {n.get("id") for n in graph.iter(f"{GRAPHML}node")}
    edges = list(graph.iter(f"{GRAPHML}edge"))
    for edge in edges:
        assert edge.get("source") in nodes and edge.get("target") in nodes
        for data in edge.iter(f"{GRAPHML}data"):
            assert keys[data.get("key")].get("for") == "edge"
    raw = (site_ok / "data" / "relations.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert list(rows[0]) == ["source", "source_type", "target", "target_type", "kind",
                             "first", "last", "count", "role", "events"]
    pairs = {(r["source"], r["target"]) for r in rows}
    assert pairs == {(e.get("source"), e.get("target")) for e in edges}
    invest = next(r for r in rows if r["source"] == "lguplus" and r["kind"] == "invests-in")
    assert invest["target"] == "mirae-labs" and invest["target_type"] == "startup"
    assert invest["first"] == invest["last"] and len(invest["first"]) == 10
    member = next(r for r in rows if r["kind"] == "member-of" and r["source"] == "nordtel")
    assert (member["target"], member["first"], member["count"]) == ("orbit-alliance", "", "0")
    index = json.loads((site_ok / "data" / "index.json").read_text(encoding="utf-8"))
    assert index["relations"] == {"csv": "relations.csv", "graphml": "relations.graphml"}


def _atom_files(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.xml")
            if b"http://www.w3.org/2005/Atom" in p.read_bytes()[:200]}


def test_every_feed_written_is_in_the_opml_and_on_the_feeds_page_and_parses(
        site_ok: Path, parse_html) -> None:
    written = _atom_files(site_ok)
    opml = ET.parse(site_ok / "feeds.opml").getroot()
    urls = [o.get("xmlUrl") for o in opml.iter("outline") if o.get("xmlUrl")]
    assert len(urls) == len(set(urls))
    assert {u.removeprefix(BASE) for u in urls} == written
    listed = {a.attrs["href"].removeprefix("../") for a in
              parse_html(_page(site_ok, "feeds")).select(".feed-list a")}
    assert listed == written
    for path in written:
        parsed = feedparser.parse((site_ok / path).read_bytes())
        assert not parsed.bozo, (path, parsed.bozo_exception)
        assert parsed.feed.title and parsed.feed.updated


def test_watchlist_feeds_hold_the_events_they_follow(site_ok: Path) -> None:
    invest = feedparser.parse((site_ok / "feeds/carriers/kt/investment.xml").read_bytes())
    assert [e.link for e in invest.entries] == [BASE + "events/kt-cloudlane-data-centre-stake/"]
    assert invest.entries[0].id.startswith("tag:example.org,2024:event:")
    startups = feedparser.parse((site_ok / "feeds/types/startup.xml").read_bytes())
    assert {e.link.removeprefix(BASE + "events/").strip("/") for e in startups.entries} == {
        "skt-mirae-labs-stake", "lguplus-mirae-labs-investment"}
    assert feedparser.parse((site_ok / "feeds/carriers/kt/outage.xml").read_bytes()
                            ).entries == []
    tag = feedparser.parse((site_ok / "feeds/tags/gpu.xml").read_bytes())
    assert [e.link for e in tag.entries] == [BASE + "articles/2024-03-kt-cloudlane-gpu/"]
    today = feedparser.parse((site_ok / "feeds/today.xml").read_bytes())
    assert [e.link for e in today.entries] == [BASE + "articles/2024-08-carriers-ai-roundup/"]


def test_pages_link_the_feeds_that_follow_them(site_ok: Path, parse_html) -> None:
    def alternates(path: str) -> set[str]:
        return {link.attrs["href"] for link in parse_html(_page(site_ok, path)).select(
            "link[rel=alternate]") if link.attrs["type"] == "application/atom+xml"}

    assert "../../feeds/carriers/kt/investment.xml" in alternates("carriers/kt")
    assert "../../feeds/carriers/kt/investment.xml" in alternates("timeline/kt")
    assert "./feeds/today.xml" in alternates("")
    assert "../feeds/types/startup.xml" in alternates("entities")
    assert "../../feeds/tags/gpu.xml" in alternates("articles/2024-03-kt-cloudlane-gpu")
    assert "../../feeds/tags/gpu.xml" not in alternates("articles/2024-08-carriers-ai-roundup")


@pytest.mark.parametrize("language", ["ko", "en"])
def test_file_urls_builds_carry_the_index_as_scripts_and_others_do_not(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, language: str) -> None:
    shutil.copytree(SITE_OK / "content", tmp_path / "content")
    monkeypatch.chdir(tmp_path)
    assert main(["build", "--out", "plain", "--language", language]) == 0
    assert main(["build", "--out", "disk", "--file-urls", "--language", language]) == 0
    plain = {p.relative_to(tmp_path / "plain").as_posix()
             for p in (tmp_path / "plain" / "search").rglob("*")}
    assert not any(p.endswith(".js") for p in plain)
    for json_file in (tmp_path / "disk" / "search").rglob("*.json"):
        script = json_file.with_suffix(".js").read_text(encoding="utf-8")
        name = json_file.relative_to(tmp_path / "disk" / "search").as_posix()
        prefix = f'briefingSearchFile("{name}",'
        assert script.startswith(prefix) and script.endswith(");\n")
        assert json.loads(script[len(prefix):-3]) == json.loads(json_file.read_text("utf-8"))
    search = (tmp_path / "disk" / "search" / "index.html").read_text(encoding="utf-8")
    assert "data-file-urls" in search
    assert "data-file-urls" not in (tmp_path / "plain" / "search" / "index.html").read_text(
        encoding="utf-8")
    graph = (tmp_path / "disk" / "graph" / "index.html").read_text(encoding="utf-8")
    english = language == "en"
    assert ("Network" if english else "관계망") in graph
    assert ('href="../carriers/skt/index.html"' in graph)
