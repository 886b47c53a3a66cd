"""Validate one file: a RawDocument -> a typed Site, Node or Article, or diagnostics.
Never raises for bad content."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, TypeVar
from urllib.parse import urlsplit

from markdown_it_pyrs import MarkdownIt
from pydantic import BaseModel, ValidationError

from briefing.core.amounts import Amount, AmountError, parse_amount
from briefing.core.dates import DateError, PartialDate, parse_date
from briefing.core.diagnostics import Diagnostic, error, warning
from briefing.load.files import RawDocument
from briefing.validate.markdown import parse_body
from briefing.validate.messages import data_path, describe
from briefing.validate.model import (
    LOC_KEYS,
    Affiliation,
    Article,
    Body,
    Due,
    Loc,
    Name,
    Node,
    Occurrence,
    Ref,
    Resolves,
    Site,
    Source,
    pack_locs,
)
from briefing.validate.schema import (
    ArticleModel,
    CarrierModel,
    EntityModel,
    EventModel,
    NameModel,
    SiteModel,
)

M = TypeVar("M", bound=BaseModel)
_SAFE_URL = ("http://", "https://")


@dataclass(slots=True)
class _Ctx:
    doc: RawDocument
    problems: list[Diagnostic] = field(default_factory=list)

    def loc(self, *path: str | int) -> Loc:
        line, col = self.doc.front.position(tuple(path))
        return Loc(self.doc.path, line + self.doc.front_line, col + 1)

    def error(self, path: tuple[str | int, ...], code: str, message: str) -> None:
        loc = self.loc(*path)
        self.problems.append(error(loc.path, loc.line, loc.col, code, message))

    def warn(self, path: tuple[str | int, ...], code: str, message: str) -> None:
        loc = self.loc(*path)
        self.problems.append(warning(loc.path, loc.line, loc.col, code, message))

    def missing(self, path: tuple[str | int, ...], name: str, draft: bool) -> None:
        message = f"missing required field '{name}'"
        if draft:
            self.warn(path, "missing-field", message + " (allowed while draft: true)")
        else:
            self.error(path, "missing-field", message)


def _model(ctx: _Ctx, model: type[M], data: dict[str, Any]) -> M | None:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        seen: set[tuple[str | int, ...]] = set()
        for err in exc.errors():
            path = data_path(data, tuple(err["loc"]))
            if path in seen:  # unions report each branch; one message per place
                continue
            seen.add(path)
            if err["type"] == "missing":
                ctx.error(path, "missing-field", f"missing required field '{path[-1]}'")
                continue
            code, message = describe({**err, "loc": path}, model)
            ctx.error(path, code, message)
        return None


def _date(ctx: _Ctx, path: tuple[str | int, ...], text: str | None) -> PartialDate | None:
    if text is None:
        return None
    try:
        return parse_date(text)
    except DateError as exc:
        ctx.error(path, "bad-date", str(exc))
        return None


def _plain_http_url(url: str) -> bool:
    """http(s), printable, and nothing that could end an HTML or XML attribute."""
    return url.lower().startswith(_SAFE_URL) and url.isprintable() and not any(
        c in url for c in " <>\"'`\\")


def http_url_problem(url: str) -> str | None:
    """Why url cannot be a source's URL (the check `source.url` gets), or None."""
    return None if _plain_http_url(url) else f"'{url}' is not an http(s) URL"


def _url(ctx: _Ctx, path: tuple[str | int, ...], url: str | None) -> str | None:
    if url is None:
        return None
    if not _plain_http_url(url):
        ctx.error(path, "bad-url", f"'{url}' is not an http(s) URL")
        return None
    return url


def with_slash(base_url: str) -> str:
    """The one form of a base URL: relative links are resolved against it."""
    return base_url if base_url.endswith("/") else base_url + "/"


def base_url_problem(url: str) -> str | None:
    """Why url cannot be the site's base URL (site.yaml or --base-url), or None."""
    try:
        parts = urlsplit(url)
    except ValueError:  # e.g. an unclosed IPv6 bracket
        parts = None
    if parts is None or not _plain_http_url(url) or not parts.netloc or parts.query \
            or parts.fragment:
        return (f"base_url '{url}' must be a plain http(s) URL with no query or fragment, "
                "such as https://org.github.io/repo/")
    return None


def _name(model: str | NameModel | None) -> Name:
    if isinstance(model, NameModel):
        return Name(model.ko, model.en)
    return Name(model, model)


def _refs(ctx: _Ctx, path: tuple[str | int, ...], ids: list[str]) -> tuple[Ref, ...]:
    return tuple(Ref(i, ctx.loc(*path, n)) for n, i in enumerate(ids))


def _body(ctx: _Ctx, md: MarkdownIt) -> Body:
    doc = ctx.doc
    html, links, problems = parse_body(md, doc.body, doc.path, doc.body_line)
    for problem in problems:
        ctx.problems.append(error(doc.path, problem.line, problem.col, problem.code,
                                  problem.message))
    return Body.of(doc.body, doc.body_line, html, links)


def validate_site(ctx: _Ctx) -> Site | None:
    data = ctx.doc.front.value
    model = _model(ctx, SiteModel, data)
    if model is None:
        return None
    if not model.title:
        ctx.missing(("title",), "title", False)
    base_url = with_slash(model.base_url)
    problem = base_url_problem(model.base_url)
    if problem:
        ctx.error(("base_url",), "bad-url", problem)
    fx = {cur: dict(sorted(years.items())) for cur, years in sorted(model.fx.items())}
    return Site(model.title or "", model.description, base_url, model.language,
                model.timezone, fx, ctx.doc.path, _date(ctx, ("as_of",), model.as_of))


def validate_node(ctx: _Ctx, md: MarkdownIt) -> Node | None:
    carrier = ctx.doc.kind == "carrier"
    model = _model(ctx, CarrierModel if carrier else EntityModel, ctx.doc.front.value)
    body = _body(ctx, md)
    if model is None:
        return None
    if model.name is None:
        ctx.missing(("name",), "name", False)
    if isinstance(model.name, NameModel) and not (model.name.ko or model.name.en):
        ctx.error(("name",), "missing-field", "name needs 'ko' or 'en'")
    website = _url(ctx, ("website",), model.website)
    members: tuple[Ref, ...] = ()
    parent: Ref | None = None
    affiliations: list[Affiliation] = []
    kind = "carrier"
    if isinstance(model, EntityModel):
        if model.type is None:
            ctx.missing(("type",), "type", False)
        kind = model.type or "organization"
        members = _refs(ctx, ("members",), model.members)
        parent = Ref(model.parent, ctx.loc("parent")) if model.parent else None
        for n, aff in enumerate(model.affiliations):
            affiliations.append(Affiliation(
                Ref(aff.id, ctx.loc("affiliations", n, "id")), aff.role,
                _date(ctx, ("affiliations", n, "since"), aff.since),
                _date(ctx, ("affiliations", n, "until"), aff.until)))
    return Node(ctx.doc.id, carrier, _name(model.name), tuple(model.aliases), kind,
                model.color, model.country, website, members, parent, tuple(affiliations),
                body, ctx.loc())


def _amount(ctx: _Ctx, path: tuple[str | int, ...], text: str | None) -> Amount | None:
    if text is None:
        return None
    try:
        return parse_amount(text)
    except AmountError as exc:
        ctx.error(path, "bad-amount", str(exc))
        return None


def _occurrence(ctx: _Ctx, n: int, event: EventModel, article_id: str,
                draft: bool) -> Occurrence | None:
    path: tuple[str | int, ...] = ("events", n)
    if event.id is None:
        ctx.missing(path, "id", draft)
        return None
    reported = len(ctx.problems)
    date = _date(ctx, (*path, "date"), event.date)
    until = _date(ctx, (*path, "until"), event.until)
    if date and until and until.end < date.start:
        ctx.error((*path, "until"), "bad-date", f"until {until} is before date {date}")
    locs = pack_locs({key: ctx.loc(*path, key) for key in LOC_KEYS})
    amount = _amount(ctx, (*path, "amount"), event.amount)
    due_date = _date(ctx, (*path, "due"), event.due)
    due = Due(due_date, event.due_basis, event.due_approximate) if due_date else None
    resolves = _resolves(ctx, path, event)
    return Occurrence(
        event.id, article_id, ctx.loc(*path, "id"), date, until, event.basis,
        event.approximate, event.title, event.kind,
        _refs(ctx, (*path, "carriers"), event.carriers),
        _refs(ctx, (*path, "entities"), event.entities),
        amount, event.note, locs, broken=len(ctx.problems) > reported, due=due,
        resolves=resolves)


def _resolves(ctx: _Ctx, path: tuple[str | int, ...], event: EventModel) -> Resolves | None:
    given = event.resolves
    if given is None:
        return None
    for key in ("target", "outcome"):
        if getattr(given, key) is None:
            ctx.missing((*path, "resolves"), f"resolves.{key}", False)
    if given.target is None or given.outcome is None:
        return None
    return Resolves(Ref(given.target, ctx.loc(*path, "resolves", "target")), given.outcome)


def validate_article(ctx: _Ctx, md: MarkdownIt) -> Article | None:
    model = _model(ctx, ArticleModel, ctx.doc.front.value)
    body = _body(ctx, md)
    if model is None:
        return None
    draft = model.draft
    if model.review is not None and not draft:
        ctx.error(("review",), "review-in-published",
                  "a 'review' block is only allowed in drafts; remove it before publishing")
    if model.review is not None and model.review.items and draft:
        ctx.warn(("review",), "open-review",
                 f"{len(model.review.items)} open review item(s) in this draft; resolve them, "
                 "then remove the review block and draft: true")
    for key in ("title", "summary", "published"):
        if getattr(model, key) is None:
            ctx.missing((key,), key, draft)
    source = model.source
    if source is None:
        ctx.missing(("source",), "source", draft)
    elif source.title is None:
        ctx.missing(("source",), "source.title", draft)
    source_title = source.title if source and source.title else ""
    if model.title and source_title and model.title.strip() == source_title.strip():
        ctx.warn(("title",), "title-is-headline",
                 "the briefing title is the source headline; write the briefing's own title")
    occurrences: list[Occurrence] = []
    seen: dict[str, int] = {}
    for n, event in enumerate(model.events):
        occurrence = _occurrence(ctx, n, event, ctx.doc.id, draft)
        if occurrence is None:
            continue
        if occurrence.id in seen:
            ctx.error(("events", n, "id"), "duplicate-id",
                      f"event '{occurrence.id}' is listed twice in this article "
                      f"(first at line {occurrences[seen[occurrence.id]].loc.line})")
            continue
        seen[occurrence.id] = len(occurrences)
        occurrences.append(occurrence)
    if not model.events and not draft:
        ctx.warn(("title",), "no-events",
                 "this briefing has no events; list what the source reports under 'events:'")
    published = _date(ctx, ("published",), model.published)
    updated = _date(ctx, ("updated",), model.updated)
    if published and updated and updated.end < published.start:
        ctx.error(("updated",), "bad-date", f"updated {updated} is before published {published}")
    src = Source(source.publisher if source else None, source_title,
                 _url(ctx, ("source", "url"), source.url if source else None),
                 source.author if source else None,
                 source.language if source else None)
    language = model.language or (source.language if source else None) or "ko"
    return Article(
        ctx.doc.id, ctx.loc(), model.title or source_title or ctx.doc.id, published,
        model.published_basis, model.published_approximate, updated, src, language,
        _refs(ctx, ("carriers",), model.carriers), _refs(ctx, ("entities",), model.entities),
        tuple(model.tags), model.summary or "", draft, tuple(occurrences), body)


@dataclass(frozen=True, slots=True)
class Checked:
    """One file after loading and validation: its typed result (None if broken)."""

    kind: str
    id: str
    path: str
    result: Site | Node | Article | None
    problems: tuple[Diagnostic, ...]
    salvage: frozenset[str] = frozenset()  # if broken: what it defines (see validate/salvage.py)


def check_document(doc: RawDocument, md: MarkdownIt) -> Checked:
    ctx = _Ctx(doc)
    if doc.kind == "site":
        result: Site | Node | Article | None = validate_site(ctx)
    elif doc.kind == "article":
        result = validate_article(ctx, md)
    else:
        result = validate_node(ctx, md)
    return Checked(doc.kind, doc.id, doc.path, result, tuple(ctx.problems))
