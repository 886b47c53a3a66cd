"""Properties over generated content: a build either succeeds (every link resolving, every
file inside the output, no executable markup) or returns diagnostics; it never raises. The
parse functions raise only their own error types."""

from __future__ import annotations

import contextlib
import re
import tempfile
from datetime import date
from decimal import Decimal
from pathlib import Path

import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from reliability_helpers import (
    PAYLOADS,
    PROJECT_ROOT,
    executable_markup,
    q,
    tree_snapshot,
    write_tree,
)

from briefing.build import BuildOptions, build_site
from briefing.core.amounts import Amount, AmountError, parse_amount
from briefing.core.dates import DateError, PartialDate, parse_date
from briefing.core.wikilinks import fill_links
from briefing.load.yamlstrict import YamlDoc, YamlProblem, parse_yaml
from briefing.validate.markdown import make_markdown, parse_body

TEMPLATES = PROJECT_ROOT / "templates"
FAST = settings(max_examples=300, deadline=None)
SLOW = settings(max_examples=25, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# Text as it can come out of a UTF-8 file: anything but lone surrogates.
any_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=80)
AMOUNT_PARTS = ["약 ", "about ", "over ", "more than ", "$", "US$", "€", "₩", "1", "2", "0",
                "9", ",", ".", "5", "조", "억", "만", "천", "백", "십", "원", "달러", "유로",
                " billion", " million", " trillion", " bn", " won", " dollars", " USD ", "KRW",
                " (", ")", "이상", "씩", " each", " per year", "매년 ", " ", "-", "e9", "２"]
amount_text = st.one_of(any_text, st.lists(st.sampled_from(AMOUNT_PARTS), max_size=12).map(
    "".join), st.lists(st.sampled_from("0123456789"), min_size=15, max_size=30).map(
    lambda d: "".join(d) + "조원"))
date_text = st.one_of(
    any_text,
    st.builds(lambda y, m, d, form: form.format(y=y, m=m, d=d),
              st.integers(-10, 10_000), st.integers(-1, 14), st.integers(-1, 40),
              st.sampled_from(["{y:04d}-{m:02d}-{d:02d}", "{y:04d}-{m:02d}", "{y}", "{y}-{m}-{d}",
                               " {y:04d}-{m:02d}-{d:02d}\n", "{y:04d}/{m:02d}/{d:02d}",
                               "{y:04d}-{m:02d}-{d:02d}T00:00"])))
MARKDOWN_PARTS = ["[", "]", "(", ")", "<", ">", "*", "_", "`", "#", "!", "|", "-", "\n", "\n\n",
                  " ", "    ", "> ", "1. ", "- ", "[[", "]]", "|", ":", "&", "#x61;", ";",
                  "javascript:", "https://example.com/", "mailto:a@b.example", "data:", "\\",
                  "hostile-carrier", "article:a", "event:e", "x", "가", "{{", "}}", "{%", "%}",
                  '"', "'", "=", "onerror", "\ue000", "\ue001", "\ue002", "\t", "---"]
markdown_text = st.one_of(any_text, st.lists(st.one_of(st.sampled_from(MARKDOWN_PARTS),
                                                       st.sampled_from(PAYLOADS)),
                                             max_size=40).map("".join))


@FAST
@given(amount_text)
def test_parse_amount_returns_an_amount_or_raises_amount_error(text: str) -> None:
    try:
        amount = parse_amount(text)
    except AmountError as exc:
        assert str(exc)
        return
    assert isinstance(amount, Amount) and isinstance(amount.value, Decimal)
    assert Decimal(0) < amount.value < Decimal(10) ** 18
    assert amount.currency in {"KRW", "USD", "EUR", "JPY", "CNY", "GBP"}
    assert amount.written == text.strip()
    for rate in (Decimal("0.000001"), Decimal(1364), Decimal("999999.99")):
        assert amount.krw(rate) >= 0  # converting never overflows


@FAST
@given(st.one_of(st.none(), st.integers(), st.floats(), st.booleans(), st.lists(st.integers())))
def test_parse_amount_and_date_take_any_object(value: object) -> None:
    for parse, error in ((parse_amount, AmountError), (parse_date, DateError)):
        with contextlib.suppress(error):
            parse(value)


@FAST
@given(date_text)
def test_parse_date_returns_a_date_or_raises_date_error(text: str) -> None:
    try:
        date = parse_date(text)
    except DateError as exc:
        assert str(exc)
        return
    assert isinstance(date, PartialDate)
    assert 1900 <= date.year <= 2200
    assert date.iso() == text.strip()  # only the canonical forms are dates
    assert date.start <= date.end


yaml_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), any_text,
              st.floats(allow_nan=False)),
    lambda children: st.one_of(st.lists(children, max_size=4),
                               st.dictionaries(any_text, children, max_size=4)),
    max_leaves=20)


@FAST
@given(st.one_of(any_text, yaml_values.map(lambda v: yaml.safe_dump(v, allow_unicode=True)),
                 st.lists(st.sampled_from(["a: ", "- ", "[", "]", "{", "}", "&x ", "*x", "\n",
                                           "  ", "'", '"', "\\u0001", "!!python/object ",
                                           "key", ":", ",", "? ", "|", ">", "#"]),
                          max_size=40).map("".join)))
def test_parse_yaml_returns_a_document_or_raises_yaml_problem(text: str) -> None:
    try:
        doc = parse_yaml(text)
    except YamlProblem as problem:
        assert problem.message and problem.line >= 0 and problem.col >= 0
        return
    assert isinstance(doc, YamlDoc)


def _resolve(kind: str, target: str, label: str | None) -> tuple[str, str] | None:
    if (kind, target) in (("node", "hostile-carrier"), ("article", "a"), ("event", "e")):
        return f"../../x/{target}/", label or f"<{target}>"
    return None


@FAST
@given(markdown_text)
def test_markdown_bodies_never_raise_and_never_render_executable_markup(text: str) -> None:
    html, links, problems = parse_body(make_markdown(), text, "content/articles/a.md", 7)
    page = fill_links(html, _resolve)
    # A body with problems fails the build and is never published ("<onerror:>" is an
    # autolink with a made-up scheme, reported as bad-link).
    assert executable_markup(page) == [] or any(p.code == "bad-link" for p in problems)
    assert all(link.loc.line >= 7 for link in links)
    assert all(problem.line >= 7 for problem in problems)


# --- whole builds ---------------------------------------------------------------------------

def _field(draw: st.DrawFn, good: st.SearchStrategy[str], bad: st.SearchStrategy[str]) -> str:
    """Mostly a good value, quoted; sometimes a bad one, quoted or raw (YAML types it)."""
    if draw(st.integers(0, 19)) > 0:
        return q(draw(good))
    value = draw(bad)
    return q(value) if draw(st.booleans()) else value.replace("\n", " ")


good_text = st.one_of(st.sampled_from(PAYLOADS),
                      st.text(st.characters(exclude_categories=("Cs", "Cc")), min_size=1,
                              max_size=40).filter(str.strip))
good_date = st.one_of(st.dates(date(1900, 1, 1), date(2200, 12, 31)).map(date.isoformat),
                      st.integers(1900, 2200).map(str),
                      st.dates(date(1900, 1, 1), date(2200, 12, 31)).map(
                          lambda d: d.isoformat()[:7]))
good_amount = st.sampled_from(["2조4000억원", "1조6497억원", "5000억원", "2억달러", "약 300억원",
                               "22.4 billion won", "$75.8 million", "1000억원 이상",
                               "100 billion won ($75.8 million)", "매년 1조원", "€5 million"])
good_kind = st.sampled_from(["partnership", "investment", "product", "alliance", "outage"])
good_url = st.from_regex(r"https://[a-z]{1,8}\.example/[a-z0-9/._~%-]{0,20}", fullmatch=True)
good_slug = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,4}){0,2}", fullmatch=True)
good_body = st.lists(st.one_of(st.sampled_from(PAYLOADS), st.sampled_from(
    ["[[hostile-carrier]]", "[[article:a|the first]]", "[[event:e]]", "[x](https://e.example/)",
     "## Heading", "- item", "`code`", "> quote", "| a | b |\n| - | - |\n| 1 | 2 |", "가나다"])),
    max_size=12).map("\n\n".join)


@st.composite
def article_files(draw: st.DrawFn) -> dict[str, str]:
    bad_text = st.one_of(any_text, st.just(""))
    slug = draw(good_slug)
    tags = ", ".join(_field(draw, good_slug, any_text)
                     for _ in range(draw(st.integers(0, 3))))
    event = (f"  - id: {_field(draw, st.just('gen-event'), any_text)}\n"
             f"    date: {_field(draw, good_date, date_text)}\n"
             f"    title: {_field(draw, good_text, bad_text)}\n"
             f"    kind: {_field(draw, good_kind, any_text)}\n"
             "    carriers: [hostile-carrier]\n"
             f"    amount: {_field(draw, good_amount, amount_text)}\n"
             f"    note: {_field(draw, good_text, bad_text)}\n"
             f"    basis: {_field(draw, good_text, bad_text)}\n")
    front = (f"title: {_field(draw, good_text, bad_text)}\n"
             f"published: {_field(draw, good_date, date_text)}\n"
             f"source:\n  title: {_field(draw, good_text, bad_text)}\n"
             f"  publisher: {_field(draw, good_text, bad_text)}\n"
             f"  author: {_field(draw, good_text, bad_text)}\n"
             f"  url: {_field(draw, good_url, any_text)}\n"
             f"carriers: [hostile-carrier]\n"
             f"tags: [{tags}]\n"
             f"summary: {_field(draw, good_text, bad_text)}\n"
             f"events:\n{event}")
    body = draw(good_body) if draw(st.integers(0, 3)) else draw(markdown_text)
    return {f"content/articles/{slug}.md": f"---\n{front}---\n{body}\n"}


BASE_FILES = {
    "content/site.yaml": "title: Properties\nbase_url: https://example.org/p/\nlanguage: en\n"
                         "fx:\n  USD: {2020: 1300}\n",
    "content/carriers/hostile-carrier.md": "---\nname: {ko: 통신사, en: Carrier}\n---\n",
    "content/articles/a.md": "---\ntitle: A\npublished: 2024-01-01\nsource: {title: S}\n"
                             "summary: s\ncarriers: [hostile-carrier]\nevents:\n"
                             "  - {id: e, date: 2024-01-01, title: E, kind: product, "
                             "carriers: [hostile-carrier]}\n---\nBody.\n",
}
DIAGNOSTIC = re.compile(r"^[^\n]+?:\d+:\d+: (error|warning)\[[a-z-]+\]: .+", re.S)


@SLOW
@given(article_files())
def test_a_build_succeeds_with_every_link_resolving_or_returns_diagnostics(
        files: dict[str, str]) -> None:
    assume(not any(path in BASE_FILES for path in files))
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        write_tree(root / "project", {**BASE_FILES, **files})
        before = tree_snapshot(root)
        out = root / "project/site"
        result = build_site(BuildOptions(content_path=root / "project/content",
                                         templates=TEMPLATES, out_path=out, jobs=1))
        after = tree_snapshot(root)
        built = {p.relative_to(out).as_posix(): p.read_bytes()
                 for p in (out.rglob("*") if out.is_dir() else ()) if p.is_file()}
    for diagnostic in result.diagnostics:
        shown = diagnostic.format()
        assert DIAGNOSTIC.match(shown), shown
        assert "broken-link" not in shown and "template" not in shown, shown
    new = sorted(set(after) - set(before))
    if not result.ok:
        assert new == [] and result.stats is None
        return
    assert result.stats is not None and built
    assert new and all(path == "project/site" or path.startswith("project/site/")
                       for path in new), new
    for name, data in built.items():
        assert not name.startswith(("/", "../")) and "/../" not in name and "\\" not in name
        if name.endswith(".html"):
            assert executable_markup(data.decode("utf-8")) == [], name


def test_the_strategies_reach_both_outcomes() -> None:
    """A self-check: generated articles sometimes build and sometimes do not."""
    outcomes: set[bool] = set()

    @settings(max_examples=25, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow])
    @given(article_files())
    def probe(files: dict[str, str]) -> None:
        with tempfile.TemporaryDirectory() as scratch:
            write_tree(Path(scratch), {**BASE_FILES, **files})
            result = build_site(BuildOptions(content_path=Path(scratch) / "content",
                                             templates=TEMPLATES, out_path=None, jobs=1))
            outcomes.add(result.ok)

    probe()
    assert outcomes == {True, False}
