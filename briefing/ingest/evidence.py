"""How the analyst's evidence (sources.py) and a page's markup weigh against the text.

- URL: the analyst's (`--url`, a sources file) wins, then the text's own source line,
  then the page's `og:url`/canonical link.
- Publisher: an outlet the text names in a byline, copyright line or e-mail wins (a
  portal or a repost serves others' stories; the disagreement is flagged); then the URL's
  domain in the publisher table, else the page's site name; then the text's weak clues.
- Publication date: the analyst's date wins over the text's (date line, else the page's
  markup), flagged when they disagree, except where the text's date only refines it
  (`2024-03` given, `2024-03-19` stated) or where the date given is the text's own update
  date (`수정`, `Updated`): then the first publication stays, flagged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from briefing.core.dates import DateError, PartialDate, parse_date
from briefing.ingest.byline import (
    Publisher,
    ReviewItem,
    author_from_meta,
    find_people_and_publisher,
    publisher_by_domain,
    publisher_by_name,
)
from briefing.ingest.clean import Line
from briefing.ingest.meta import find_dates_in_header
from briefing.ingest.sources import Given
from briefing.ingest.webpage import Page

# A date in an article's address, as news CMSs write them: '/2024/03/19/', '/20240319000123',
# 'AKR20240319…', 'ar_id=NISX20240130_…'. Only a clue: an id can look like a date.
_URL_DATE = re.compile(r"(?<![0-9])(20[0-9]{2})(?:/([01][0-9])/([0-3][0-9])(?=/)|"
                       r"-([01][0-9])-([0-3][0-9])(?![0-9])|"
                       r"([01][0-9])([0-3][0-9])(?=[0-9_/?&.#-]|$))")


@dataclass(frozen=True, slots=True)
class Metadata:
    published: PartialDate | None
    updated: PartialDate | None
    publisher: str | None
    author: str | None
    url: str | None
    items: tuple[ReviewItem, ...]


def article_metadata(lines: list[Line], page: Page | None, given: Given | None,
                     text_url: str | None, table: tuple[Publisher, ...]) -> Metadata:
    """Dates, publisher, author and URL from the text, the page's markup and the analyst."""
    stated, updated, evidence = find_dates_in_header(lines)
    published, updated, items = choose_published(
        stated or _page_date(page), updated, given, evidence)
    url = (given.url if given else None) or text_url or (page.url if page else None)
    site = site_publisher(url, page.publisher if page else None, table)
    publisher, author, people_items = find_people_and_publisher(lines, table, site)
    if author is None and page is not None and page.author:
        author = author_from_meta(page.author)
    clue = url_date(url) if published is None and url else None
    if clue is not None:
        items.append(ReviewItem("published", f"the URL holds the date {clue.iso()}: a clue to "
                                "the publication date, not the date (give --published to use "
                                "it)", url))
    items.extend(people_items if publisher is None else [])
    items.extend(publisher_items(publisher, site, url))
    if publisher is None:
        items.append(ReviewItem("source.publisher", "no publisher found in the text"))
    return Metadata(published, updated, publisher, author, url, tuple(items))


def _page_date(page: Page | None) -> PartialDate | None:
    if page is None or not page.date:
        return None
    try:
        return parse_date(page.date[:10])
    except DateError:
        return None


def url_date(url: str) -> PartialDate | None:
    """The first real date in the URL's path or query, or None."""
    parts = urlsplit(url)
    for match in _URL_DATE.finditer(f"{parts.path}?{parts.query}"):
        year, *rest = match.groups()
        month, day = next((m, d) for m, d in zip(rest[::2], rest[1::2], strict=True) if m)
        try:
            return parse_date(f"{year}-{month}-{day}")
        except DateError:
            continue
    return None


def host_of(url: str) -> str | None:
    try:
        return urlsplit(url).hostname
    except ValueError:
        return None


def site_publisher(url: str | None, site_name: str | None, table: tuple[Publisher, ...]
                   ) -> str | None:
    """The outlet of the article's URL (its domain in the table), else the page's own site
    name (a known outlet's canonical name, or as the page writes it)."""
    host = host_of(url) if url else None
    known = publisher_by_domain(host, table) if host else None
    if known or not site_name:
        return known
    return publisher_by_name(site_name, table) or site_name


def publisher_items(publisher: str | None, site: str | None, url: str | None
                    ) -> list[ReviewItem]:
    """Review notes: the text named another outlet than the URL's, or nothing knew it."""
    host = host_of(url) if url else None
    if site and publisher and publisher != site:
        return [ReviewItem("source.publisher", f"the text names {publisher}; the URL's site "
                           f"is {site} (a repost or a wire story?): {publisher} kept", url)]
    if publisher is None and host and site is None:
        return [ReviewItem("source.publisher", f"the URL's domain {host} is not in the "
                           "publisher table (add it to content/publishers.yaml)", url)]
    return []


def choose_published(stated: PartialDate | None, updated: PartialDate | None,
                     given: Given | None, evidence: str | None
                     ) -> tuple[PartialDate | None, PartialDate | None, list[ReviewItem]]:
    """(published, updated, review items) from the text's dates and the analyst's."""
    date = given.published if given else None
    if date is None or given is None:
        return stated, updated, []
    if stated is None or stated == date or stated.contains(date):
        return date, updated if updated is not None and updated > date else None, []
    if date.contains(stated):  # the text is more precise and agrees
        return stated, updated, []
    if updated is not None and date == updated:
        return stated, updated, [ReviewItem(
            "published", f"{given.where} gives {date.iso()}, the text's update date; the "
            f"first publication, {stated.iso()}, is kept", evidence)]
    return date, updated if updated is not None and updated > date else None, [ReviewItem(
        "published", f"the text's date line says {stated.iso()}, {given.where} gives "
        f"{date.iso()}: {date.iso()} kept (check which is right)", evidence)]
