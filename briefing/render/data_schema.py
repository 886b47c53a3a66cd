"""JSON Schemas (draft 2020-12) of every JSON file under /data/, written to
/data/schema/<name>.json beside the data they describe (docs/data-schema.md explains the
fields). Objects allow further keys: within a schema version, data only gains fields."""

from __future__ import annotations

import json
from typing import Any

from briefing.validate.schema import ENTITY_TYPES, EVENT_KINDS

DIALECT = "https://json-schema.org/draft/2020-12/schema"
STATUSES = ["open", "due", "overdue", "met", "missed", "revised", "withdrawn"]
_DATE = {"type": "string", "pattern": r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"}
_SLUG = {"type": "string", "pattern": r"^[a-z0-9]+(-[a-z0-9]+)*$"}
_SLUGS = {"type": "array", "items": _SLUG}
_DECIMAL = {"type": "string", "pattern": r"^-?[0-9]+(\.[0-9]+)?$"}
_TEXT_OR_NULL = {"type": ["string", "null"]}
_PRECISION = {"enum": ["year", "month", "day"]}


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    return {"anyOf": [schema, {"type": "null"}]}


def _object(properties: dict[str, Any], required: list[str] | None = None) -> dict[str, Any]:
    return {"type": "object", "properties": properties,
            "required": sorted(required if required is not None else properties)}


_AMOUNT = _nullable(_object({
    "written": {"type": "string"}, "value": _DECIMAL,
    "currency": {"type": "string", "pattern": "^[A-Z]{3}$"},
    "qualifier": _nullable({"enum": ["about", "over", "up-to", "each", "per-year"]}),
    "krw": _nullable({"type": "string", "pattern": "^-?[0-9]+$"})}))


def _document(name: str, title: str, body: dict[str, Any]) -> dict[str, Any]:
    return {"$schema": DIALECT, "title": title,
            **_object({"schema_version": {"const": 1}, **body})}


def _event() -> dict[str, Any]:
    return _object({
        "id": _SLUG, "date": _DATE, "precision": _PRECISION, "until": _nullable(_DATE),
        "basis": _TEXT_OR_NULL, "approximate": {"type": "boolean"}, "title": {"type": "string"},
        "kind": {"enum": list(EVENT_KINDS)}, "carriers": _SLUGS, "entities": _SLUGS,
        "amount": _AMOUNT,
        "sources": {"type": "array", "items": _object({"article": _SLUG,
                                                        "note": _TEXT_OR_NULL})}})


def _article() -> dict[str, Any]:
    return _object({
        "slug": _SLUG, "title": {"type": "string"}, "published": _nullable(_DATE),
        "published_basis": _TEXT_OR_NULL, "published_approximate": {"type": "boolean"},
        "updated": _nullable(_DATE),
        "source": _object({"publisher": _TEXT_OR_NULL, "title": {"type": "string"},
                           "url": _TEXT_OR_NULL, "author": _TEXT_OR_NULL,
                           "language": _nullable({"enum": ["ko", "en"]})}),
        "language": {"enum": ["ko", "en"]}, "carriers": _SLUGS, "entities": _SLUGS,
        "tags": _SLUGS, "summary": {"type": "string"}, "events": _SLUGS})


_NAME = _object({"ko": _TEXT_OR_NULL, "en": _TEXT_OR_NULL})
_NODE = {"id": _SLUG, "name": _NAME, "aliases": {"type": "array", "items": {"type": "string"}},
         "country": _nullable({"type": "string", "pattern": "^[A-Z]{2}$"}),
         "website": _TEXT_OR_NULL}


def _carrier() -> dict[str, Any]:
    return _object({**_NODE, "type": {"const": "carrier"},
                    "color": _nullable({"type": "string", "pattern": "^#[0-9a-fA-F]{6}$"})})


def _entity() -> dict[str, Any]:
    return _object({**_NODE, "type": {"enum": list(ENTITY_TYPES)}, "members": _SLUGS,
                    "parent": _nullable(_SLUG),
                    "affiliations": {"type": "array", "items": _object({
                        "id": _SLUG, "role": _TEXT_OR_NULL, "since": _nullable(_DATE),
                        "until": _nullable(_DATE)})}})


def _target() -> dict[str, Any]:
    return _object({
        "id": _SLUG, "title": {"type": "string"}, "carriers": _SLUGS, "entities": _SLUGS,
        "announced": _DATE, "due": _nullable(_DATE), "due_precision": _nullable(_PRECISION),
        "due_basis": _TEXT_OR_NULL, "due_approximate": {"type": "boolean"},
        "status": {"enum": STATUSES}, "amount": _AMOUNT,
        "settled_by": _nullable(_object({
            "event": _SLUG, "outcome": {"enum": STATUSES[3:]}, "date": _DATE})),
        "sources": _SLUGS})


def _file_map(pattern: str) -> dict[str, Any]:
    return {"type": "object", "additionalProperties": {"type": "string", "pattern": pattern}}


def _index() -> dict[str, Any]:
    return {
        "title": {"type": "string"}, "carriers": {"const": "carriers.json"},
        "entities": {"const": "entities.json"}, "csv": {"const": "events.csv"},
        "events": {**_file_map(r"^events-[0-9]{4}\.json$"),
                   "propertyNames": {"pattern": "^[0-9]{4}$"}},
        "articles": {**_file_map(r"^articles-([0-9]{4}|undated)\.json$"),
                     "propertyNames": {"pattern": "^([0-9]{4}|undated)$"}},
        "targets": {"const": "targets.json"},
        "exports": _file_map(r"^[a-z]+\.csv$"),
        "schema": _file_map(r"^schema/[a-z]+\.json$"),
        "relations": _object({"csv": {"const": "relations.csv"},
                              "graphml": {"const": "relations.graphml"}}),
    }


def schemas() -> dict[str, dict[str, Any]]:
    """Schema name -> schema. `index` describes index.json, `events` each
    events-<year>.json, `articles` each articles-<key>.json, and so on."""
    return {
        "index": _document("index", "index.json", _index()),
        "events": _document("events", "events-<year>.json",
                            {"events": {"type": "array", "items": _event()}}),
        "articles": _document("articles", "articles-<year|undated>.json",
                              {"articles": {"type": "array", "items": _article()}}),
        "carriers": _document("carriers", "carriers.json",
                              {"carriers": {"type": "array", "items": _carrier()}}),
        "entities": _document("entities", "entities.json",
                              {"entities": {"type": "array", "items": _entity()}}),
        "targets": _document("targets", "targets.json", {
            "as_of": _nullable(_DATE),
            "targets": {"type": "array", "items": _target()}}),
    }


def schema_for(data_path: str) -> str:
    """The schema name of a JSON file under data/ (e.g. 'data/events-2024.json')."""
    name = data_path.rsplit("/", 1)[-1].removesuffix(".json")
    return name.split("-", 1)[0]


def schema_index() -> dict[str, str]:
    return {name: f"schema/{name}.json" for name in schemas()}


def render_schemas() -> dict[str, bytes]:
    return {f"data/schema/{name}.json": (json.dumps(schema, ensure_ascii=False,
                                                    sort_keys=True, indent=1) + "\n").encode()
            for name, schema in schemas().items()}
