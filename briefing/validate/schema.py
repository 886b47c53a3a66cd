"""Pydantic models of what users write in content files (shapes, types, enums, unknown keys).

Required-ness is checked in validate.py, since drafts relax it (missing fields are
warnings there); dates, amounts and references are checked there too, with positions.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StringConstraints

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
Text = Annotated[str, StringConstraints(min_length=1, max_length=20_000)]
Language = Literal["ko", "en"]
EntityType = Literal["company", "startup", "alliance", "person", "product", "conference",
                     "organization", "government"]
EventKind = Literal["partnership", "investment", "alliance", "product", "outage", "appointment",
                    "target", "conference", "regulation", "earnings", "statement"]
EVENT_KINDS: tuple[str, ...] = EventKind.__args__  # type: ignore[attr-defined]
ENTITY_TYPES: tuple[str, ...] = EntityType.__args__  # type: ignore[attr-defined]
DEAL_KINDS = frozenset({"investment", "partnership", "alliance"})


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class NameModel(_Strict):
    ko: Text | None = None
    en: Text | None = None


class SiteModel(_Strict):
    title: Text | None = None
    description: str = ""
    base_url: str = "https://example.org/"
    language: Language = "ko"
    timezone: str = "Asia/Seoul"
    as_of: str | None = None  # the date statuses are computed against (default: newest published)
    fx: dict[Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")],
             dict[Annotated[int, Field(ge=1900, le=2200)],
                  Annotated[Decimal, Field(gt=0, lt=1_000_000)]]] = {}  # KRW per unit


class CarrierModel(_Strict):
    name: Text | NameModel | None = None
    aliases: list[Text] = []
    color: Annotated[str, StringConstraints(pattern=r"^#[0-9a-fA-F]{6}$")] | None = None
    country: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")] | None = None
    website: str | None = None


class AffiliationModel(_Strict):
    id: Slug
    role: Text | None = None
    since: str | None = None
    until: str | None = None


class EntityModel(CarrierModel):
    color: None = None  # carriers only
    type: EntityType | None = None
    members: list[Slug] = []
    parent: Slug | None = None
    affiliations: list[AffiliationModel] = []


class SourceModel(_Strict):
    publisher: Text | None = None
    title: Text | None = None
    url: str | None = None
    author: Text | None = None
    language: Language | None = None


Outcome = Literal["met", "missed", "revised", "withdrawn"]


class ResolvesModel(_Strict):
    target: Slug | None = None
    outcome: Outcome | None = None


class EventModel(_Strict):
    id: Slug | None = None
    date: str | None = None
    until: str | None = None
    basis: Text | None = None
    approximate: StrictBool = False
    title: Text | None = None
    kind: EventKind | None = None
    carriers: list[Slug] = []
    entities: list[Slug] = []
    amount: str | None = None
    note: Text | None = None
    due: str | None = None  # targets: the period the commitment falls due
    due_basis: Text | None = None
    due_approximate: StrictBool = False
    resolves: ResolvesModel | None = None  # settles an earlier target


class ReviewItemModel(_Strict):
    field: Text
    issue: Text
    evidence: str | None = None


class NewEntityModel(_Strict):
    name: Text
    type: EntityType | None = None
    aliases: list[Text] = []  # a gloss the text gives ('람다' with 'Lambda')
    parent: Slug | None = None  # a unit's company, as in an entity file
    evidence: str | None = None


class ReviewModel(_Strict):
    items: list[ReviewItemModel] = []
    new_entities: list[NewEntityModel] = []
    source_text: str | None = None


class ArticleModel(_Strict):
    title: Text | None = None
    published: str | None = None
    published_basis: Text | None = None
    published_approximate: StrictBool = False
    updated: str | None = None
    source: SourceModel | None = None
    language: Language | None = None
    carriers: list[Slug] = []
    entities: list[Slug] = []
    tags: list[Slug] = []
    summary: Text | None = None
    draft: StrictBool = False
    events: list[EventModel] = []
    review: ReviewModel | None = None
