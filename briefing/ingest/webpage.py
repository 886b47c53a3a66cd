"""Saved HTML page -> main text and the page's own metadata (trafilatura)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Page:
    text: str
    title: str | None
    author: str | None
    date: str | None  # YYYY-MM-DD from the page's markup, never guessed from its text
    publisher: str | None
    url: str | None


def extract_page(html: str) -> Page | None:
    """Main text and metadata of a saved page; None when no article text is found."""
    import trafilatura  # heavy import, only for HTML input

    doc = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        favor_recall=True,
        # Only dates the page states in its markup; htmldate's extensive search guesses.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if doc is None:
        return None
    fields = doc if isinstance(doc, dict) else doc.as_dict()
    text = str(fields.get("text") or "")
    if not text.strip():
        return None
    return Page(
        text=text,
        title=_clean(fields.get("title")),
        author=_clean(fields.get("author")),
        date=_clean(fields.get("date")),
        publisher=_clean(fields.get("sitename")),
        url=_clean(fields.get("url")),
    )


def _clean(value: object) -> str | None:
    text = str(value).strip() if value else ""
    return text or None
