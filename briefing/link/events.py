"""Events: merge the occurrences of one event id across briefings into one Event, and
convert its amount to KRW with site.yaml's rates."""

from __future__ import annotations

from decimal import Decimal

from briefing.core.dates import PartialDate, most_precise_fit
from briefing.link.graph import Event, EventSource
from briefing.link.resolve import Found, Resolver, err, warn
from briefing.validate.model import Occurrence, Site
from briefing.validate.salvage import defines_event


def fx_rate(site: Site, currency: str, year: int) -> tuple[Decimal | None, str | None]:
    """The rate to KRW for a year, or the latest earlier one (with a note saying so)."""
    if currency == "KRW":
        return Decimal(1), None
    years = site.fx.get(currency, {})
    if year in years:
        return years[year], None
    earlier = [y for y in years if y < year]
    if earlier:
        used = max(earlier)
        return years[used], f"{currency} {years[used]} ({used})"
    return None, None


def merge_event(occurrences: list[Occurrence], site: Site, resolver: Resolver,
                drafts: frozenset[str], found: Found) -> Event | None:
    """One event from every briefing that reports it: the most precise date that fits all,
    the first amount (converted to KRW), conflicts reported where they are written."""
    problems = found.problems
    defining = next((o for o in occurrences if o.title and o.kind and o.date), None)
    if defining is None:
        first = occurrences[0]
        if any(o.broken for o in occurrences) or defines_event(resolver.broken, first.id):
            # Reported where the date was given, or in the file that defines the event.
            return None
        missing = [k for k in ("date", "title", "kind")
                   if not any(getattr(o, k) for o in occurrences)]
        if missing:
            named = " or ".join(missing) if len(missing) < 3 else "date, title or kind"
            message = (f"event '{first.id}' has no {named} in any article; an event needs a "
                       "date, title and kind where it is first reported")
        else:
            message = (f"no article gives event '{first.id}' its date, title and kind together; "
                       "give all three where it is first reported")
        if all(o.article in drafts for o in occurrences):
            problems.append(warn(first.loc, "missing-field",
                                  message + " (allowed while draft: true)"))
        else:
            problems.append(err(first.loc, "missing-field", message))
        return None
    date: PartialDate = defining.date  # type: ignore[assignment]
    date_from = defining
    amount, amount_from = defining.amount, defining
    ok = True
    for other in occurrences:
        if other is defining:
            continue
        if other.date:
            fit = most_precise_fit(date, other.date)
            if fit is None:
                problems.append(err(other.locs["date"], "event-conflict",
                                     f"event '{other.id}' dated {other.date} here but {date} at "
                                     f"{date_from.locs['date'].path}:{date_from.locs['date'].line}"))
                ok = False
            elif fit is not date:
                date, date_from = fit, other
        if other.kind and other.kind != defining.kind:
            problems.append(err(other.locs["kind"], "event-conflict",
                                 f"event '{other.id}' is kind '{other.kind}' here but "
                                 f"'{defining.kind}' at {defining.locs['kind'].path}:"
                                 f"{defining.locs['kind'].line}"))
            ok = False
        if other.amount and amount and (other.amount.value, other.amount.currency) != (
                amount.value, amount.currency):
            problems.append(err(other.locs["amount"], "event-conflict",
                                 f"event '{other.id}' has amount '{other.amount.written}' here "
                                 f"but '{amount.written}' at {amount_from.locs['amount'].path}:"
                                 f"{amount_from.locs['amount'].line}"))
            ok = False
        elif other.amount and not amount:
            amount, amount_from = other.amount, other
        if other.title and other.title != defining.title:
            title_loc = defining.locs["title"]
            problems.append(warn(other.locs["title"], "duplicate-title",
                                  f"event '{other.id}' already has the title "
                                  f"'{defining.title}' at {title_loc.path}:{title_loc.line}; "
                                  "this one is ignored: give only the id here"))
    carriers = resolver.keep((r for o in occurrences for r in o.carriers), "carrier",
                             found)
    entities = resolver.keep((r for o in occurrences for r in o.entities), "entity",
                             found)
    if not ok:
        return None
    krw = fx_note = None
    if amount is not None:
        rate, fx_note = fx_rate(site, amount.currency, date.year)
        if rate is None:
            problems.append(err(amount_from.locs["amount"], "no-fx",
                                 f"no rate for {amount.currency} in or before {date.year}; "
                                 f"add fx: {{{amount.currency}: {{{date.year}: …}}}} to "
                                 "site.yaml"))
        else:
            krw = amount.krw(rate)
            if fx_note:
                problems.append(warn(amount_from.locs["amount"], "fx-fallback",
                                      f"no {amount.currency} rate for {date.year}; used "
                                      f"{fx_note}; add fx: {{{amount.currency}: "
                                      f"{{{date.year}: …}}}} to site.yaml"))
    sources = tuple(EventSource(o.article, o.note) for o in occurrences)
    return Event(defining.id, date, date_from.until or defining.until,
                 date_from.basis or (defining.basis if date_from is defining else None),
                 date_from.approximate, defining.title or "", defining.kind or "statement",
                 carriers, entities, amount, krw, fx_note, sources)
