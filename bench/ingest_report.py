"""Totals over the development set and their Markdown / JSON renderings."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict
from typing import Any

from ingest_score import ArticleScore


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def summarise(scores: list[ArticleScore], per_second: float) -> dict[str, Any]:
    """Every row of issue 13's table, plus informative totals; counts kept beside shares."""
    total = Counter[str]()
    kinds = Counter[tuple[str, str]]()
    for s in scores:
        total.update({
            "dated_articles": s.published_ok is not None, "dated_ok": bool(s.published_ok),
            "invented_dates": s.published_invented,
            "publisher_named": s.publisher_ok is not None, "publisher_ok": bool(s.publisher_ok),
            "publisher_given": s.publisher_given,
            "author_named": s.author_ok is not None, "author_ok": bool(s.author_ok),
            "carriers_ok": s.carriers_ok, "events_gold": s.events_gold,
            "events_found": s.events_found, "kind_ok": sum(a == b for a, b in s.kinds),
            "proposed": s.proposed, "spurious": s.spurious, "loose": s.loose,
            "not_party": s.not_party, "amount_pairs": s.amount_pairs, "amount_ok": s.amount_ok,
            "titles": s.titles, "titles_ok": s.titles_ok, "boiler": s.boiler,
            "boiler_dropped": s.boiler_dropped, "content": s.content, "lost": len(s.lost),
            "entities_gold": s.entities_gold, "entities_found": s.entities_found,
            "entities_predicted": s.entities_predicted,
            "entity_types": len(s.entity_types),
            "entity_types_ok": sum(g == t for _, g, t in s.entity_types),
            "amounts_gold": s.amounts_gold, "amounts_found": s.amounts_found,
            "amounts_extra": s.amounts_extra, "accepted": s.accepted,
            "headlines": s.headline_gold, "headlines_ok": s.headline_ok})
        kinds.update(s.kinds)
    precision = _share(total["entities_found"], total["entities_predicted"])
    recall = _share(total["entities_found"], total["entities_gold"])
    f1 = (2 * precision * recall / (precision + recall)
          if precision and recall else 0.0)
    return {"totals": dict(total), "articles": len(scores),
            "entity_precision": precision, "entity_recall": recall, "entity_f1": f1,
            "kinds": sorted([a, b, n] for (a, b), n in kinds.items()),
            "articles_per_second": per_second}


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}% ({part}/{whole})" if whole else "n/a (0)"


def table_rows(summary: dict[str, Any]) -> list[tuple[str, str, str]]:
    t = summary["totals"]
    f1 = summary["entity_f1"]
    p, r = summary["entity_precision"] or 0.0, summary["entity_recall"] or 0.0
    return [
        ("publication date found where the text states it",
         _pct(t["dated_ok"], t["dated_articles"]), "100%"),
        ("dated events proposed with the right date and precision",
         _pct(t["events_found"], t["events_gold"]), ">= 85%"),
        ("event kind right (of the events found)",
         _pct(t["kind_ok"], t["events_found"]), ">= 80%"),
        ("proposed events that match nothing the article reports",
         _pct(t["spurious"], t["proposed"]), "<= 20%"),
        ("boilerplate lines dropped", _pct(t["boiler_dropped"], t["boiler"]), ">= 95%"),
        ("content sentences lost", f"{t['lost']} of {t['content']}", "0"),
        ("entities found, known and proposed (F1)",
         f"{f1:.2f} (precision {p:.2f}, recall {r:.2f})", ">= 0.85"),
        ("author / publisher right where the text names them",
         f"{_pct(t['author_ok'], t['author_named'])} / "
         f"{_pct(t['publisher_ok'], t['publisher_named'])}", ">= 90%"),
        ("drafts an analyst would accept with light edits",
         f"{t['accepted']} of {summary['articles']}", "most"),
        ("event titles usable (not copied, not a fragment, <= 60 chars)",
         _pct(t["titles_ok"], t["titles"]), "100%"),
    ]


def render_table(header: dict[str, Any], summary: dict[str, Any]) -> str:
    t = summary["totals"]
    # Name the annotation file: the same table serves the development and held-out sets.
    lines = [f"ingest on {header['set']}: {header['articles']} articles, "
             f"{header['outlets']} outlets; {header['date']}; code {header['code']}", "",
             "| what | measured | target |", "| --- | ---: | ---: |"]
    lines += [f"| {a} | {b} | {c} |" for a, b, c in table_rows(summary)]
    lines += [
        "",
        f"- throughput: {summary['articles_per_second']:.1f} articles/s "
        "(one batch, model loading included)",
        f"- carriers right (exact set): {_pct(t['carriers_ok'], summary['articles'])}",
        f"- dates given where the text states none: {t['invented_dates']}",
        f"- publishers given where the text names none (not scored): "
        f"{t.get('publisher_given', 0)} of {summary['articles'] - t['publisher_named']}",
        f"- unmatched proposed events that restate an annotated fact (misdated or repeated): "
        f"{t['loose']}",
        f"- matched events carrying a carrier that is not a party: "
        f"{_pct(t['not_party'], t['events_found'])}",
        f"- amount right on matched events that have one: "
        f"{_pct(t['amount_ok'], t['amount_pairs'])}",
        f"- annotated amounts found (events or review): "
        f"{_pct(t['amounts_found'], t['amounts_gold'])}; amounts found that are not "
        f"annotated: {t['amounts_extra']}",
        f"- type guess right for new entities found: "
        f"{_pct(t['entity_types_ok'], t['entity_types'])}",
        f"- headline right where the text has one: "
        f"{_pct(t.get('headlines_ok', 0), t.get('headlines', 0))}",
        "", "Event kinds of matched events (rows: annotated, columns: proposed):", "",
    ]
    lines += confusion(summary["kinds"])
    return "\n".join(lines)


def confusion(kinds: list[list[Any]]) -> list[str]:
    if not kinds:
        return ["(no matched events)"]
    gold = sorted({k[0] for k in kinds})
    proposed = sorted({k[1] for k in kinds})
    cells = {(a, b): n for a, b, n in kinds}
    rows = ["| annotated \\ proposed | " + " | ".join(proposed) + " |",
            "| --- |" + " ---: |" * len(proposed)]
    rows += [f"| {a} | " + " | ".join(str(cells.get((a, b), "")) for b in proposed) + " |"
             for a in gold]
    return rows


def render_verbose(scores: list[ArticleScore]) -> str:
    out = ["", "Per article:"]
    for s in scores:
        flag = "accept" if s.accepted else "reject"
        out.append(
            f"\n## {s.id}: {flag}; published {_yn(s.published_ok)}"
            f"{' (invented)' if s.published_invented else ''}, publisher {_yn(s.publisher_ok)}, "
            f"author {_yn(s.author_ok)}, carriers {_yn(s.carriers_ok)}; events "
            f"{s.events_found}/{s.events_gold} found, {s.spurious} spurious of {s.proposed}; "
            f"boilerplate {s.boiler_dropped}/{s.boiler} dropped; {len(s.lost)} of {s.content} "
            f"sentences lost; entities {s.entities_found}/{s.entities_gold} found, "
            f"{len(s.entities_wrong)} wrong")
        details = [("missed events", s.missed_events), ("kinds (annotated, proposed)",
                   [f"{a}->{b}" for a, b in s.kinds if a != b]),
                   ("boilerplate kept", s.boiler_kept),
                   ("lost", [x[:50] for x in s.lost]),
                   ("entities not annotated", s.entities_wrong),
                   ("titles", s.title_problems)]
        out += [f"- {name}: " + "; ".join(items) for name, items in details if items]
    return "\n".join(out)


def _yn(value: bool | None) -> str:
    return "n/a" if value is None else "ok" if value else "WRONG"


def render_json(header: dict[str, Any], summary: dict[str, Any],
                scores: list[ArticleScore]) -> str:
    rows = [{"what": a, "measured": b, "target": c} for a, b, c in table_rows(summary)]
    articles = [{**asdict(s), "accepted": s.accepted} for s in scores]
    return json.dumps({**header, "table": rows, "summary": summary, "articles": articles},
                      ensure_ascii=False, indent=1)
