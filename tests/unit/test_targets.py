"""Targets: due periods, resolutions and status against the as-of date; weekly digests."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.core.dates import parse_date
from briefing.link.targets import status_of
from briefing.link.weeks import week_of
from tests.unit.test_link import article, event, link  # noqa: F401 (the fixture)

D = dt.date


# --- status at the boundaries of a due period ----------------------------------------------

@pytest.mark.parametrize(("due", "as_of", "status"), [
    ("2025", D(2024, 12, 31), "open"),
    ("2025", D(2025, 1, 1), "due"),
    ("2025", D(2025, 12, 31), "due"),
    ("2025", D(2026, 1, 1), "overdue"),
    ("2024-02", D(2024, 1, 31), "open"),
    ("2024-02", D(2024, 2, 1), "due"),
    ("2024-02", D(2024, 2, 29), "due"),  # a leap year's last day of February
    ("2024-02", D(2024, 3, 1), "overdue"),
    ("2025-06-30", D(2025, 6, 29), "open"),
    ("2025-06-30", D(2025, 6, 30), "due"),
    ("2025-06-30", D(2025, 7, 1), "overdue"),
])
def test_status_is_open_before_due_within_and_overdue_after_the_period(
        due: str, as_of: dt.date, status: str) -> None:
    assert status_of(parse_date(due), as_of) == status


@pytest.mark.parametrize("outcome", ["met", "missed", "revised", "withdrawn"])
def test_an_outcome_wins_over_the_due_period(outcome: str) -> None:
    assert status_of(parse_date("2020"), D(2030, 1, 1), outcome) == outcome


def test_a_target_without_due_or_as_of_is_open() -> None:
    assert status_of(None, D(2030, 1, 1)) == "open"
    assert status_of(parse_date("2020"), None) == "open"


# --- the as-of date comes from content, never the clock ------------------------------------

TARGET = event("goal", kind="target", date="2023-05-01", more="due: 2024")


def test_the_as_of_date_is_the_newest_published_date(link) -> None:  # noqa: F811
    graph, problems = link({"content/articles/a.md": article("2024-03-02", TARGET),
                            "content/articles/b.md": article("2024-01-05", event("other"))})
    assert graph.as_of == parse_date("2024-03-02")
    assert graph.targets["goal"].status == "due"
    assert problems == []


def test_as_of_in_site_yaml_overrides_the_newest_published_date(link, tmp_path) -> None:  # noqa: F811
    site = "title: T\nas_of: 2025-01-01\nfx: {USD: {2024: 1364}}\n"
    graph, _ = link({"content/site.yaml": site,
                     "content/articles/a.md": article("2024-03-02", TARGET)})
    assert graph.as_of == parse_date("2025-01-01")
    assert graph.targets["goal"].status == "overdue"


# --- resolutions ----------------------------------------------------------------------------

def _settle(outcome: str = "met", target: str = "goal", date: str = "2024-02-01",
            event_id: str = "goal-result") -> str:
    return event(event_id, kind="earnings", date=date,
                 more=f"resolves: {{target: {target}, outcome: {outcome}}}")


def test_a_later_event_settles_a_target_with_its_outcome(link) -> None:  # noqa: F811
    graph, problems = link({"content/articles/a.md": article("2023-06-01", TARGET),
                            "content/articles/b.md": article("2024-03-02", _settle("missed"))})
    assert problems == []
    target = graph.targets["goal"]
    assert (target.status, target.settled_by, target.outcome) == (
        "missed", "goal-result", "missed")
    assert graph.settles == {"goal-result": "goal"}


def test_a_settling_event_after_the_as_of_date_does_not_count_yet(link) -> None:  # noqa: F811
    site = "title: T\nas_of: 2024-01-15\nfx: {USD: {2024: 1364}}\n"
    graph, _ = link({"content/site.yaml": site,
                     "content/articles/a.md": article("2023-06-01", TARGET),
                     "content/articles/b.md": article("2024-03-02", _settle())})
    assert graph.targets["goal"].status == "due"
    assert graph.targets["goal"].settled_by is None


def test_settling_nothing_a_non_target_or_a_target_twice_are_errors(link) -> None:  # noqa: F811
    _, problems = link({"content/articles/a.md": article("2023-06-01", TARGET + event(
        "deal", kind="partnership")),
        "content/articles/b.md": article("2024-03-02", "".join([
            _settle(target="gaol", event_id="r1"), _settle(target="deal", event_id="r2"),
            _settle(event_id="r3"), _settle("missed", event_id="r4", date="2024-02-02")]))})
    assert [p.split(": ", 1)[1] for p in problems] == [
        "error[unknown-ref]: target 'gaol' not found (did you mean 'goal'?)",
        "error[bad-resolution]: event 'r2' resolves 'deal', which is kind 'partnership', "
        "not a target",
        "error[duplicate-resolution]: target 'goal' is already settled by event 'r3' at "
        "content/articles/b.md:25; one event settles a target (a revised target is a new "
        "target event)",
    ]


def test_due_before_the_announcement_and_due_on_another_kind_are_errors(link) -> None:  # noqa: F811
    _, problems = link({"content/articles/a.md": article("2024-03-02", "".join([
        event("early", kind="target", date="2023-05-01", more="due: 2022-12"),
        event("plain", kind="product", more="due: 2025")]))})
    assert [p.split(": ", 1)[1] for p in problems] == [
        "error[bad-date]: due 2022-12 is before target 'early' was announced (2023-05-01)",
        "error[bad-due]: 'due' is only for target events; event 'plain' is kind 'product'",
    ]


def test_a_target_without_due_is_a_warning(link) -> None:  # noqa: F811
    graph, problems = link({"content/articles/a.md": article(
        "2024-03-02", event("vague", kind="target"))})
    assert problems == [
        "content/articles/a.md:8:5: warning[no-due]: target 'vague' has no due date; add "
        "'due:' (YYYY, YYYY-MM or YYYY-MM-DD) so its status can be tracked"]
    assert graph.targets["vague"].status == "open"


# --- weekly digests -------------------------------------------------------------------------

@pytest.mark.parametrize(("date", "week"), [
    ("2024-06-19", (2024, 25)),
    ("2024-12-30", (2025, 1)),  # Monday of the week that holds 2 January 2025
    ("2021-01-01", (2020, 53)),  # a Friday: the last ISO week of 2020
    ("2021-01", (2021, 1)),  # month only: the week of its first Thursday (7 January)
    ("2021", (2021, 1)),
    ("2024-10", (2024, 40)),  # 1 October 2024 is a Tuesday; its Thursday is the 3rd
    ("2020-10", (2020, 40)),  # 1 October 2020 is a Thursday
])
def test_week_of_a_date(date: str, week: tuple[int, int]) -> None:
    assert week_of(parse_date(date)) == week


def again(event_id: str) -> str:
    """An event another briefing defines: the id alone."""
    return event(event_id, date=None, title=None, kind=None, carriers="")


def test_a_week_across_a_year_boundary_gathers_both_years(link) -> None:  # noqa: F811
    graph, _ = link({
        "content/articles/a.md": article("2024-12-30", event("e1", date="2024-12-29")),
        "content/articles/b.md": article("2025-01-02", again("e1") + event(
            "e2", date="2025-01-01")),
        "content/articles/c.md": article("2025-01-06", again("e2")),
    })
    assert list(graph.weeks) == ["2025-W01", "2025-W02"]
    first, second = graph.weeks["2025-W01"], graph.weeks["2025-W02"]
    assert first.articles == ("a", "b")
    assert (first.start, first.end) == (D(2024, 12, 30), D(2025, 1, 5))
    assert [(g.carrier, g.new, g.known) for g in first.groups] == [("skt", ("e1", "e2"), ())]
    assert [(g.carrier, g.new, g.known) for g in second.groups] == [("skt", (), ("e2",))]
    assert (first.previous, first.next, second.previous, second.next) == (
        None, "2025-W02", "2025-W01", None)


def test_a_month_only_briefing_is_placed_and_said_so(link) -> None:  # noqa: F811
    graph, _ = link({"content/articles/m.md": article("2024-10", event("e1")),
                     "content/articles/d.md": article("2024-10-02", event("e2"))})
    week = graph.weeks["2024-W40"]
    assert week.articles == ("m", "d")
    assert week.placed == ("m",)


def test_two_briefings_giving_one_target_different_dues_conflict(link) -> None:  # noqa: F811
    _, problems = link({
        "content/articles/a.md": article("2023-06-01", TARGET),
        "content/articles/b.md": article("2024-03-02", event(
            "goal", date=None, title=None, kind=None, carriers="", more="due: 2025"))})
    assert [p.split(": ", 1)[1] for p in problems] == [
        "error[event-conflict]: event 'goal' gives due 2025 here but 2024 at "
        "content/articles/a.md:13"]


def test_a_bad_as_of_date_is_reported_in_site_yaml(link) -> None:  # noqa: F811
    _, problems = link({"content/site.yaml": "title: T\nas_of: 2024-13\n",
                        "content/articles/a.md": article("2024-03-02", TARGET)})
    assert problems == ["content/site.yaml:2:1: error[bad-date]: '2024-13' has no month 13; "
                        "months run 01-12"]


def test_the_targets_list_runs_over_pages_at_scale(link, monkeypatch) -> None:  # noqa: F811
    from briefing.render import digest_pages
    from briefing.render.i18n import strings

    graph, _ = link({"content/articles/a.md": article("2024-03-02", "".join(
        event(f"goal-{n}", kind="target", date="2023-05-01", more=f"due: {2025 + n}")
        for n in range(3)))})
    monkeypatch.setattr(digest_pages, "TARGETS_PAGE", 2)
    pages = digest_pages.digest_units(graph, "en")[0][1](graph)
    assert [p.path for p in pages] == ["targets/", "targets/page/2/"]
    assert [[ids for _, _, ids in p.context["groups"]] for p in pages] == [
        [["goal-0"], ["goal-1"]], [["goal-2"]]]
    assert pages[1].context["pager"].previous == "targets/"
    assert strings("en")["targets"] == pages[0].title
