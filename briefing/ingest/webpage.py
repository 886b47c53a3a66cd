"""Saved HTML page -> main text and the page's own metadata (trafilatura)."""

from __future__ import annotations

import html as html_text
import re
from dataclasses import dataclass

# trafilatura drops a bare Korean name as an author ('박소연' without '기자'): the page's
# own author tag is read as a fallback (never a profile URL in 'article:author').
_META = re.compile(r"<meta\b[^>]*>", re.I)
_AUTHOR_META = re.compile(r"""(?:name|property)\s*=\s*["'](?:author|article:author|"""
                          r"""dable:author)["']""", re.I)
_CONTENT = re.compile(r"""content\s*=\s*(["'])(.*?)\1""", re.I | re.S)


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
        author=_clean(fields.get("author")) or _meta_author(html),
        date=_clean(fields.get("date")),
        publisher=_clean(fields.get("sitename")),
        url=_clean(fields.get("url")),
    )


def _clean(value: object) -> str | None:
    text = str(value).strip() if value else ""
    return text or None


def _meta_author(html: str) -> str | None:
    end = html.lower().find("</head>")
    for tag in _META.findall(html[:end] if end > 0 else html[:20000]):
        content = _CONTENT.search(tag) if _AUTHOR_META.search(tag) else None
        value = html_text.unescape(content.group(2)).strip() if content else ""
        if value and not value.lower().startswith(("http:", "https:")):
            return value
    return None
