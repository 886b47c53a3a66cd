"""Relations: typed, dated edges derived from events and entity files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from briefing.build import read_content
from briefing.core.dates import PartialDate
from briefing.link.edges import MAX_PAIRED_ENTITIES
from briefing.link.graph import Graph
from briefing.link.link import link_site

SITE = "title: 테스트\nbase_url: https://example.org/\n"
NODES = {
    "content/carriers/skt.md": "---\nname: SK텔레콤\n---\n",
    "content/carriers/kt.md": "---\nname: KT\n---\n",
    "content/entities/nordtel.md": "---\nname: Nordtel\ntype: company\n---\n",
    "content/entities/miro.md": "---\nname: Miro\ntype: startup\nparent: nordtel\n---\n",
    "content/entities/gaia.md": "---\nname: Gaia\ntype: alliance\nmembers: [skt, nordtel]\n---\n",
    "content/entities/jin.md": "---\nname: Jin\ntype: person\n"
                               "affiliations: [{id: kt, role: CTO, since: 2023-02}]\n---\n",
}


def _event(event_id: str, date: str, kind: str, carriers: str, entities: str) -> str:
    return (f"  - id: {event_id}\n    date: {date}\n    title: {event_id}\n    kind: {kind}\n"
            f"    carriers: {carriers}\n    entities: {entities}\n")


def _article(slug: str, published: str, events: str) -> dict[str, str]:
    return {f"content/articles/{slug}.md":
            f"---\ntitle: {slug}\npublished: {published}\nsource: {{title: 원문}}\n"
            f"summary: 요약.\nevents:\n{events}---\n본문.\n"}


@pytest.fixture
def linked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
           write_files: Callable[..., Path]) -> Callable[[dict[str, str]], Graph]:
    monkeypatch.chdir(tmp_path)

    def run(files: dict[str, str]) -> Graph:
        write_files(tmp_path, {"content/site.yaml": SITE, **NODES, **files})
        content, problems = read_content(Path("content"))
        assert content is not None, problems
        graph, _ = link_site(content)
        return graph

    return run


def test_investments_partnerships_and_shared_events_give_typed_dated_edges(linked) -> None:
    graph = linked(_article("a", "2024-05-02", (
        _event("invest", "2023-03", "investment", "[skt]", "[miro]")
        + _event("deal", "2024-04-01", "partnership", "[skt, kt]", "[nordtel, miro]")
        + _event("expo", "2024-05-01", "conference", "[skt]", "[nordtel]"))))
    edges = graph.edges
    skt_miro = edges[("skt", "miro")]
    assert skt_miro.kinds == ("invests-in", "partners-with")
    assert (skt_miro.first, skt_miro.last) == (PartialDate(2023, 3), PartialDate(2024, 4, 1))
    assert skt_miro.events == ("invest", "deal") and skt_miro.count == 2
    by_kind = {s.kind: s for s in skt_miro.spans}
    assert by_kind["invests-in"].events == ("invest",)
    assert by_kind["partners-with"].first == PartialDate(2024, 4, 1)
    # a conference shared with a partner adds appears-with beside the stronger kinds
    assert edges[("skt", "nordtel")].kinds == ("partners-with", "appears-with")
    assert edges[("skt", "gaia")].kinds == ("member-of",)
    assert edges[("kt", "skt")].kinds == ("partners-with",)  # two carriers in one deal
    # two entities of one event only appear together, and the parent-of kind directs it
    assert edges[("nordtel", "miro")].kinds == ("parent-of", "appears-with")


def test_entity_files_give_membership_parents_and_dated_roles(linked) -> None:
    graph = linked(_article("a", "2024-05-02", _event(
        "hire", "2024-01", "appointment", "[kt]", "[jin]")))
    member = graph.edges[("nordtel", "gaia")]
    assert member.kinds == ("member-of",) and member.count == 0 and member.first is None
    role = graph.edges[("jin", "kt")]
    assert role.kinds == ("role-at", "appears-with")
    assert role.spans[0].role == "CTO" and role.spans[0].first == PartialDate(2023, 2)
    assert role.first == PartialDate(2023, 2) and role.last == PartialDate(2024, 1)
    # each node's edges, strongest first
    assert [e.other("kt") for e in graph.node_edges["kt"]] == ["jin"]
    assert {e.other("nordtel") for e in graph.node_edges["nordtel"]} == {"gaia", "miro"}


def test_a_long_list_of_entities_adds_no_pairs_among_them(linked) -> None:
    many = [f"e{n}" for n in range(MAX_PAIRED_ENTITIES + 1)]
    files = {f"content/entities/{e}.md": f"---\nname: {e.upper()}\ntype: company\n---\n"
             for e in many}
    graph = linked({**files, **_article("a", "2024-05-02", _event(
        "summit", "2024-05-01", "conference", "[skt]", "[" + ", ".join(many) + "]"))})
    assert all(("skt", e) in graph.edges for e in many)
    assert not any(a in many and b in many for a, b in graph.edges)


def test_tags_list_their_briefings_newest_first(linked) -> None:
    files = {}
    for slug, day, tags in (("old", "2024-01-02", "[gpu]"), ("new", "2024-03-04", "[gpu, ai]")):
        files[f"content/articles/{slug}.md"] = (
            f"---\ntitle: {slug}\npublished: {day}\nsource: {{title: 원문}}\nsummary: 요약.\n"
            f"tags: {tags}\nevents:\n" + _event(slug, day, "product", "[skt]", "[]")
            + "---\n본문.\n")
    graph = linked(files)
    assert graph.tag_articles == {"ai": ("new",), "gpu": ("new", "old")}
