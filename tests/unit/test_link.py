"""Link: merged events, resolved references, backlinks, related briefings, totals."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from pathlib import Path

import pytest

from briefing.build import read_content
from briefing.core.dates import PartialDate
from briefing.incremental.relink import relink
from briefing.link.graph import Graph
from briefing.link.link import link_site
from briefing.validate.model import Content

SITE = "title: 테스트\nbase_url: https://example.org/\nfx:\n  USD: {2023: 1300, 2024: 1350}\n"
NODES = {
    "content/carriers/skt.md": "---\nname: {ko: SK텔레콤, en: SK Telecom}\naliases: [SKT]\n---\n",
    "content/carriers/kt.md": "---\nname: KT\n---\n",
    "content/entities/singtel.md": "---\nname: Singtel\naliases: [SingTel Group]\n"
                                   "type: company\n---\n",
    "content/entities/deutsche-telekom.md": "---\nname: Deutsche Telekom\naliases: [DT, DTAG]\n"
                                            "type: company\n---\n",
}


def article(published: str = "2024-03-02", events: str = "", extra: str = "",
            body: str = "본문.\n", draft: bool = False) -> str:
    return (f"---\ntitle: 브리핑 {published}\npublished: {published}\n"
            f"source: {{title: 원문 {published}}}\ncarriers: [skt]\nsummary: 요약.\n"
            f"{'draft: true' + chr(10) if draft else ''}{extra}events:\n{events}---\n{body}")


def event(event_id: str, date: str | None = "2024-03-01", kind: str | None = "partnership",
          title: str | None = "제휴", carriers: str = "[skt]", more: str = "") -> str:
    lines = [f"  - id: {event_id}"]
    for key, value in (("date", date), ("title", title), ("kind", kind)):
        if value is not None:
            lines.append(f"    {key}: {value}")
    if carriers:
        lines.append(f"    carriers: {carriers}")
    lines.extend(f"    {line}" for line in more.splitlines())
    return "\n".join(lines) + "\n"


@pytest.fixture
def link(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, write_files):
    """link(files) -> (graph, ['path:line:col: severity[code]: message'])."""
    monkeypatch.chdir(tmp_path)

    def run(files: dict[str, str], nodes: bool = True) -> tuple[Graph, list[str]]:
        write_files(tmp_path, {"content/site.yaml": SITE, **(NODES if nodes else {}), **files})
        content, problems = read_content(Path("content"), drafts=True)
        assert content is not None
        graph, linking = link_site(content)
        assert graph is not None
        found = [d.format() for d in sorted(problems + linking)
                 if d.code != "unused-entity"]
        return graph, found

    return run


# --- merging one event reported by several articles ----------------------------------------------

def test_the_most_precise_date_that_fits_wins(link) -> None:
    graph, problems = link({
        "content/articles/a.md": article("2024-03-02", event("deal", date="2024-03")),
        "content/articles/b.md": article("2024-03-20", event(
            "deal", date="2024-03-14", title=None, kind=None, carriers="",
            more="basis: 보도자료 날짜")),
    })
    assert problems == []
    merged = graph.events["deal"]
    assert merged.date == PartialDate(2024, 3, 14)
    assert merged.basis == "보도자료 날짜"
    assert [s.article for s in merged.sources] == ["a", "b"]


def test_a_year_only_occurrence_fits_a_dated_one(link) -> None:
    graph, problems = link({
        "content/articles/a.md": article("2024-03-02", event("deal", date="2024-03-01")),
        "content/articles/b.md": article("2024-05-01", "  - id: deal\n    date: \"2024\"\n"),
    })
    assert problems == []
    assert graph.events["deal"].date == PartialDate(2024, 3, 1)


def test_the_earliest_published_article_defines_the_event(link) -> None:
    graph, problems = link({
        "content/articles/a-late.md": article("2024-04-01", event("deal", title="늦은 제목")),
        "content/articles/z-early.md": article("2024-03-02", event("deal", title="이른 제목")),
    })
    assert graph.events["deal"].title == "이른 제목"
    assert problems == [
        "content/articles/a-late.md:10:5: warning[duplicate-title]: event 'deal' already has "
        "the title '이른 제목' at content/articles/z-early.md:10; this one is ignored: give only "
        "the id here"]


def test_an_occurrence_with_only_the_id_and_a_note_is_a_source(link) -> None:
    graph, problems = link({
        "content/articles/a.md": article("2024-03-02", event("deal")),
        "content/articles/b.md": article("2024-03-05", "  - id: deal\n    note: 날짜가 다르다\n"),
    })
    assert problems == []
    assert [(s.article, s.note) for s in graph.events["deal"].sources] == [
        ("a", None), ("b", "날짜가 다르다")]
    assert graph.event_articles["deal"] == ("b", "a")


def test_carriers_and_entities_of_all_occurrences_are_united(link) -> None:
    graph, problems = link({
        "content/articles/a.md": article("2024-03-02", event(
            "deal", more="entities: [singtel]")),
        "content/articles/b.md": article("2024-03-05", event(
            "deal", title=None, kind=None, date=None, carriers="[kt, skt]",
            more="entities: [deutsche-telekom, singtel]")),
    })
    assert problems == []
    assert graph.events["deal"].carriers == ("skt", "kt")
    assert graph.events["deal"].entities == ("singtel", "deutsche-telekom")


def test_a_later_occurrence_may_add_the_amount(link) -> None:
    graph, problems = link({
        "content/articles/a.md": article("2024-03-02", event("deal")),
        "content/articles/b.md": article("2024-03-05", "  - id: deal\n    amount: 300억원\n"),
    })
    assert problems == []
    assert graph.events["deal"].amount_krw == Decimal("30000000000")


@pytest.mark.parametrize(("second", "message"), [
    ("date: 2024-04-02", "event 'deal' dated 2024-04-02 here but 2024-03-01 at "
                         "content/articles/a.md:9"),
    ("kind: investment", "event 'deal' is kind 'investment' here but 'partnership' at "
                         "content/articles/a.md:11"),
    ("amount: 3000억원", "event 'deal' has amount '3000억원' here but '300억원' at "
                        "content/articles/a.md:13"),
])
def test_a_real_conflict_is_an_error_naming_both_places(link, second: str, message: str) -> None:
    graph, problems = link({
        "content/articles/a.md": article("2024-03-02", event("deal", more="amount: 300억원")),
        "content/articles/b.md": article("2024-03-05", f"  - id: deal\n    {second}\n"),
    })
    assert problems == [f"content/articles/b.md:9:5: error[event-conflict]: {message}"]
    assert "deal" not in graph.events


def test_the_same_amount_written_differently_is_no_conflict(link) -> None:
    _, problems = link({
        "content/articles/a.md": article("2024-03-02", event("deal", more="amount: 300억원")),
        "content/articles/b.md": article("2024-03-05",
                                         "  - id: deal\n    amount: 30 billion won\n"),
    })
    assert problems == []


def test_an_event_without_date_title_or_kind_anywhere_is_an_error(link) -> None:
    _, problems = link({"content/articles/a.md": article(
        events=event("deal", date=None, kind=None))})
    assert problems == [
        "content/articles/a.md:8:5: error[missing-field]: event 'deal' has no date or kind in "
        "any article; an event needs a date, title and kind where it is first reported"]


def test_in_a_draft_an_undated_event_is_only_a_warning(link) -> None:
    _, problems = link({"content/articles/a.md": article(
        events=event("deal", date=None), draft=True)})
    assert problems == [
        "content/articles/a.md:9:5: warning[missing-field]: event 'deal' has no date in any "
        "article; an event needs a date, title and kind where it is first reported (allowed "
        "while draft: true)"]


def test_an_invalid_date_is_reported_once_not_again_as_missing(link) -> None:
    _, problems = link({"content/articles/a.md": article(events=event("deal",
                                                                      date="2024-02-30"))})
    assert problems == [
        "content/articles/a.md:9:5: error[bad-date]: '2024-02-30' does not exist: 2024-02 has "
        "29 days"]


# --- references and "did you mean" ---------------------------------------------------------------

@pytest.mark.parametrize(("wrong", "hint"), [
    ("singtell", " (did you mean 'singtel'?)"),
    ("dt", " (did you mean 'deutsche-telekom'?)"),  # an alias, any case
    ("dtag", " (did you mean 'deutsche-telekom'?)"),
    ("deutsche-telecom", " (did you mean 'deutsche-telekom'?)"),
    ("nvidia", ""),
])
def test_an_unknown_entity_is_an_error_with_did_you_mean(link, wrong: str, hint: str) -> None:
    _, problems = link({"content/articles/a.md": article(
        events=event("deal"), extra=f"entities: [{wrong}]\n")})
    assert problems == [
        f"content/articles/a.md:7:12: error[unknown-ref]: entity '{wrong}' not found{hint}"]


def test_an_unknown_carrier_suggests_only_carriers(link) -> None:
    _, problems = link({"content/articles/a.md": article(events=event("deal",
                                                                      carriers="[sktt]"))})
    assert problems == [
        "content/articles/a.md:12:16: error[unknown-ref]: carrier 'sktt' not found (did you mean "
        "'skt'?)"]


def test_a_carrier_under_entities_and_an_entity_under_carriers_are_errors(link) -> None:
    _, problems = link({"content/articles/a.md": article(
        events=event("deal", carriers="[skt, singtel]"), extra="entities: [kt]\n")})
    assert problems == [
        "content/articles/a.md:7:12: error[wrong-kind]: 'kt' is a carrier, not an entity; list "
        "it under carriers",
        "content/articles/a.md:13:21: error[wrong-kind]: 'singtel' is an entity, not a carrier; "
        "list it under entities",
    ]


def test_references_to_a_file_with_errors_are_not_reported_again(link) -> None:
    _, problems = link({
        "content/entities/broken.md": "---\nname: X\ntype: human\n---\n",
        "content/articles/a.md": article(events=event("deal", more="entities: [broken]"),
                                         body="[[broken]] [[article:bad]]\n"),
        "content/articles/bad.md": "---\ntitle: [x]\n---\n",
    })
    assert [p.split(": ", 1)[1] for p in problems] == [
        "error[type]: 'title' must be text, not a list",
        "error[bad-enum]: 'human' is not a valid type; expected one of 'company', 'startup', "
        "'alliance', 'person', 'product', 'conference', 'organization' or 'government'",
    ]


def test_wikilinks_of_every_form_resolve_and_unknown_ones_suggest(link) -> None:
    body = ("[[skt]] [[singtel|싱텔]] [[article:b]] [[event:deal]]\n\n"
            "[[singtell]] [[article:c]] [[event:dael]] [[foo:bar]]\n")
    _, problems = link({
        "content/articles/a.md": article(events=event("deal"), body=body),
        "content/articles/b.md": article("2024-04-01", event("other")),
    })
    assert problems == [  # each at its own column
        "content/articles/a.md:16:1: error[unknown-ref]: carrier or entity 'singtell' not found "
        "(did you mean 'singtel'?)",
        "content/articles/a.md:16:14: error[unknown-ref]: article 'c' not found",
        "content/articles/a.md:16:28: error[unknown-ref]: event 'dael' not found (did you mean "
        "'deal'?)",
        "content/articles/a.md:16:43: error[unknown-ref]: unknown link kind 'foo:'; use [[id]], "
        "[[article:slug]] or [[event:id]]",
    ]


def test_warns_about_an_entity_nothing_references(link, tmp_path: Path) -> None:
    link({"content/articles/a.md": article(events=event("deal", more="entities: [singtel]"))})
    content, _ = read_content(Path("content"), drafts=True)
    assert content is not None
    _, problems = link_site(content)
    assert [d.format() for d in problems] == [
        "content/entities/deutsche-telekom.md:2:1: warning[unused-entity]: entity "
        "'deutsche-telekom' is not referenced by any article, event or other entity"]


def test_an_entity_referenced_only_by_another_entity_is_used(link, tmp_path: Path) -> None:
    link({
        "content/entities/alliance.md": "---\nname: A\ntype: alliance\n"
                                        "members: [skt, deutsche-telekom]\n---\n",
        "content/entities/person.md": "---\nname: P\ntype: person\n"
                                      "affiliations: [{id: singtel, role: CEO}]\n---\n",
        "content/articles/a.md": article(events=event(
            "deal", more="entities: [alliance, person]")),
    })
    content, _ = read_content(Path("content"), drafts=True)
    assert content is not None
    graph, problems = link_site(content)
    assert problems == []
    assert graph is not None
    assert graph.members_of == {"skt": ("alliance",), "deutsche-telekom": ("alliance",)}
    assert graph.people == {"singtel": (("person", "CEO"),)}


# --- backlinks, related, timeline, totals --------------------------------------------------------

def test_backlinks_come_from_front_matter_events_and_body_links_newest_first(link) -> None:
    graph, problems = link({
        "content/articles/a.md": article("2024-01-01", event("e1"),
                                         extra="entities: [singtel]\n"),
        "content/articles/b.md": article("2024-02-01", event(
            "e2", more="entities: [singtel]")),
        "content/articles/c.md": article("2024-03-01", event("e3"), body="[[singtel]]\n"),
        "content/articles/d.md": article("2024-04-01", event("e4", more="entities: "
                                                                       "[deutsche-telekom]")),
    })
    assert problems == []
    assert graph.node_articles["singtel"] == ("c", "b", "a")
    assert graph.node_articles["skt"] == ("d", "c", "b", "a")


def test_an_article_linking_an_event_is_listed_with_it(link) -> None:
    graph, _ = link({
        "content/articles/a.md": article("2024-01-01", event("e1")),
        "content/articles/b.md": article("2024-02-01", event("e2"), body="[[event:e1]]\n"),
    })
    assert graph.event_articles["e1"] == ("b", "a")  # newest first
    assert [s.article for s in graph.events["e1"].sources] == ["a"]


def test_related_briefings_share_entities_and_never_include_themselves(link) -> None:
    graph, _ = link({
        "content/articles/a.md": article("2024-01-01", event("e1"),
                                         extra="entities: [singtel]\n"),
        "content/articles/b.md": article("2024-02-01", event("e2"),
                                         extra="entities: [singtel]\n"),
        "content/articles/c.md": article("2024-03-01", event("e3"),
                                         extra="entities: [deutsche-telekom]\n"),
    })
    assert graph.related["a"][0] == "b"
    assert graph.related["b"][0] == "a"
    assert all(slug not in graph.related[slug] for slug in graph.related)
    assert set(graph.related["c"]) == {"a", "b"}  # through the carrier alone


def test_related_briefings_are_at_most_five(link) -> None:
    files = {f"content/articles/a{n}.md": article(f"2024-01-{n + 1:02d}", event(f"e{n}"))
             for n in range(8)}
    graph, _ = link(files)
    assert all(len(related) == 5 for related in graph.related.values())


def test_the_timeline_puts_year_only_first_and_month_only_before_its_days(link) -> None:
    graph, _ = link({"content/articles/a.md": article(events="".join([
        event("d-0615", date="2024-06-15"), event("m-06", date="2024-06"),
        event("y-2024", date='"2024"'), event("d-0601", date="2024-06-01"),
        event("d-2023", date="2023-12-31")]))})
    assert graph.timeline == ("d-2023", "y-2024", "m-06", "d-0601", "d-0615")
    assert graph.years == (2023, 2024)


def test_deal_totals_add_only_unqualified_or_about_amounts_of_deal_kinds(link) -> None:
    graph, problems = link({"content/articles/a.md": article(events="".join([
        event("plain", more="amount: 100억원"),
        event("about", kind="investment", more="amount: 약 $10 million"),
        event("over", more="amount: 50억원 이상"),
        event("each", kind="alliance", more="amount: 10억원씩"),
        event("yearly", more="amount: 매년 1조원"),
        event("target", kind="target", more="amount: 1조원\ndue: 2026"),
        event("no-amount"),
    ]))})
    assert problems == []
    stats = graph.stats["skt"]
    assert stats.deal_total_krw == Decimal("10000000000") + Decimal("13500000000")
    assert set(stats.deals) == {"plain", "about", "over", "each", "yearly"}
    assert stats.events == 7
    assert (stats.first, stats.last) == (PartialDate(2024, 3, 1), PartialDate(2024, 3, 1))


def test_a_shared_event_counts_once_per_carrier(link) -> None:
    graph, _ = link({
        "content/articles/a.md": article("2024-03-02", event(
            "deal", carriers="[skt, kt]", more="amount: 100억원")),
        "content/articles/b.md": article("2024-03-05", "  - id: deal\n    carriers: [kt]\n"),
    })
    assert graph.stats["skt"].deal_total_krw == Decimal("10000000000")
    assert graph.stats["kt"].deal_total_krw == Decimal("10000000000")
    assert graph.stats["kt"].deals == ("deal",)


def test_investees_and_partners_come_from_event_kinds(link) -> None:
    graph, _ = link({"content/articles/a.md": article(events="".join([
        event("stake", kind="investment", more="entities: [singtel]"),
        event("pact", more="entities: [deutsche-telekom, singtel]")]))})
    assert graph.relations[("skt", "singtel")].investee
    assert graph.relations[("skt", "singtel")].count == 2
    assert not graph.relations[("skt", "deutsche-telekom")].investee
    stats = graph.stats["skt"]
    assert (stats.partners, stats.investees) == (1, 1)


def test_a_carriers_own_people_and_products_are_neither_partners_nor_investees(link) -> None:
    graph, problems = link({
        "content/entities/ceo.md": "---\nname: 대표\ntype: person\n"
                                   "affiliations: [{id: skt, role: CEO}]\n---\n",
        "content/entities/model.md": "---\nname: 모델\ntype: product\nparent: skt\n---\n",
        "content/articles/a.md": article(events="".join([
            event("named", kind="appointment", more="entities: [ceo]"),
            event("launch", kind="product", more="entities: [model]"),
            event("pact", more="entities: [singtel]")]))})
    assert problems == []
    assert graph.relations[("skt", "ceo")].own and graph.relations[("skt", "model")].own
    assert not graph.relations[("skt", "singtel")].own
    assert (graph.stats["skt"].partners, graph.stats["skt"].investees) == (1, 0)


# --- money ---------------------------------------------------------------------------------------

def test_amounts_are_converted_with_the_rate_of_the_event_year(link) -> None:
    graph, problems = link({"content/articles/a.md": article(events=event(
        "deal", date="2023-05-01", more="amount: $10 million"))})
    assert problems == []
    assert graph.events["deal"].amount_krw == Decimal("13000000000")
    assert graph.events["deal"].fx_note is None


def test_a_later_year_uses_the_nearest_earlier_rate_with_a_warning(link) -> None:
    graph, problems = link({"content/articles/a.md": article("2025-01-02", event(
        "deal", date="2025-01-01", more="amount: $10 million"))})
    assert graph.events["deal"].amount_krw == Decimal("13500000000")
    assert graph.events["deal"].fx_note == "USD 1350 (2024)"
    assert problems == [
        "content/articles/a.md:13:5: warning[fx-fallback]: no USD rate for 2025; used USD 1350 "
        "(2024); add fx: {USD: {2025: …}} to site.yaml"]


def test_no_rate_in_or_before_the_year_is_an_error(link) -> None:
    _, problems = link({"content/articles/a.md": article(events=event(
        "deal", date="2022-05-01", more="amount: €10 million"))})
    assert problems == [
        "content/articles/a.md:13:5: error[no-fx]: no rate for EUR in or before 2022; add fx: "
        "{EUR: {2022: …}} to site.yaml"]


def test_won_needs_no_rate(link) -> None:
    graph, problems = link({"content/articles/a.md": article(events=event(
        "deal", date="1999-05-01", more="amount: 2조4000억원"))})
    assert problems == []
    assert graph.events["deal"].amount_krw == Decimal("2400000000000")


# --- relinking from the last link (serve) --------------------------------------------------------

def _content(tmp_path: Path, write_files, files: dict[str, str]) -> Content:
    write_files(tmp_path, {"content/site.yaml": SITE, **NODES, **files})
    content, _ = read_content(Path("content"), drafts=True)
    assert content is not None
    return content


def _relinked(tmp_path: Path, write_files, before: dict[str, str], after: dict[str, str],
              remove: tuple[str, ...] | list[str] = ()
              ) -> tuple[Graph, tuple[Graph | None, list[str]], tuple[Graph | None, list[str]]]:
    """(the last link's graph, a link of `after` (less the briefings `remove`) from the
    last link of `before`, a fresh link of `after`)."""
    first = _content(tmp_path, write_files, before)
    last = relink(first, None)
    for slug in remove:
        (tmp_path / f"content/articles/{slug}.md").unlink()
    second = _content(tmp_path, write_files, after)
    # In a long-lived build, files that did not change are the very same objects.
    assert second.nodes == first.nodes
    same = {Path(path).stem for path, text in after.items() if before.get(path) == text}
    kept = {a.id: a for a in first.articles if a.id in same}
    second = dataclasses.replace(second, nodes=first.nodes, articles=tuple(
        kept.get(a.id, a) for a in second.articles))
    again = relink(second, last)
    fresh, fresh_problems = link_site(second)
    return (last.graph, (again.graph, [d.format() for d in again.problems]),
            (fresh, [d.format() for d in fresh_problems]))


@pytest.mark.parametrize(("change", "reused"), [
    # what linking does not read: the last graph is reused
    ({"title: 브리핑 2024-03-05": "title: 고친 제목"}, True),
    ({"본문.": "고친 본문."}, True),
    # what it reads, some of it only in the positions of its messages
    ({"    date: 2024-04-02\n    title: 제휴\n": "    title: 제휴\n    date: 2024-04-02\n"},
     False),
    ({"---\n본문.": "---\n\n본문 [[kt]]."}, False),
    ({"published: 2024-03-05": "published: 2024-02-01"}, False),
    ({"carriers: [skt]\nsummary": "carriers: [kt]\nsummary"}, False),
])
def test_relinking_from_the_last_link_equals_a_fresh_link(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, write_files,
        change: dict[str, str], reused: bool) -> None:
    monkeypatch.chdir(tmp_path)
    second = article("2024-03-05", event("deal", date="2024-04-02"), body="본문.\n")
    edited = second
    for old, new in change.items():
        assert old in edited
        edited = edited.replace(old, new)
    files = {"content/articles/a.md": article("2024-03-02", event("deal"))}
    last, again, fresh = _relinked(tmp_path, write_files,
                                   {**files, "content/articles/b.md": second},
                                   {**files, "content/articles/b.md": edited})
    assert again[1] == fresh[1]
    assert any("event-conflict" in p for p in fresh[1])  # the dates disagree throughout
    assert again[0] == fresh[0]
    assert again[0] is not None
    assert (again[0].events is last.events) == reused


@pytest.mark.parametrize(("link", "later", "remove", "message"), [
    # b's event is renamed: c's unchanged body links to an event that is gone
    ("[[event:solo]]", {"content/articles/b.md": article("2024-03-05", event("renamed"))},
     [], "event 'solo' not found"),
    # b is deleted (its event now reported by d): c's body links to a briefing that is gone
    ("[[article:b]]", {"content/articles/d.md": article("2024-03-05", event("solo"))},
     ["b"], "article 'b' not found"),
])
def test_a_kept_link_whose_target_is_gone_is_reported_after_relinking(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, write_files, link: str,
        later: dict[str, str], remove: list[str], message: str) -> None:
    monkeypatch.chdir(tmp_path)
    files = {"content/articles/c.md": article("2024-03-09", event("c-own"),
                                              body=f"See {link}.\n")}
    before = {**files, "content/articles/b.md": article("2024-03-05", event("solo"))}
    _, again, fresh = _relinked(tmp_path, write_files, before, {**files, **later}, remove)
    assert any(message in p for p in fresh[1])
    assert again[1] == fresh[1]


def test_relinking_after_an_exchange_rate_edit_converts_amounts_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, write_files) -> None:
    monkeypatch.chdir(tmp_path)
    deal = {"content/articles/a.md": article("2024-03-02",
                                             event("deal", more="amount: $10 million"))}
    first = _content(tmp_path, write_files, deal)
    last = relink(first, None)
    write_files(tmp_path, {"content/site.yaml": SITE.replace("2024: 1350", "2024: 1400")})
    second, _ = read_content(Path("content"), drafts=True)
    assert second is not None and second.site != first.site
    # the briefing and the nodes are the very same objects, as in a long-lived build
    second = dataclasses.replace(second, nodes=first.nodes, articles=first.articles)
    again = relink(second, last)
    assert again.graph.events["deal"].amount_krw == Decimal("14000000000")
    assert again.graph == link_site(second)[0]
