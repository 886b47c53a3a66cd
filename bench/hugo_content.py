"""Convert a briefing content folder into Hugo content, for the Hugo comparison.

Reads the files bench/corpus.py wrote (so both tools build the same articles and the
comparison cannot drift) and writes, under one converted folder:

- ``articles/<slug>.md``: title, date (start of the published period), carriers and
  entities as taxonomies, the year and ISO week (briefing's timeline and week pages),
  summary and source as params; the body with every wikilink replaced by plain text (its
  label, or the target's name or title);
- ``events/<id>.md``: one page per merged event (date, kind, amount, its sources);
- ``carriers/<id>/_index.md`` and ``entities/<id>/_index.md``: term pages with the
  overview body, so taxonomy term pages carry the same text as ours.

``assemble_site`` then makes a Hugo site of one configuration (bench/hugo/<config>.toml,
the shared layouts, and the converted files hard-linked, so three sites cost one copy).

    python bench/hugo_content.py --content CORPUS --site DIR [--config same]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

HUGO_PROJECT = Path(__file__).resolve().parent / "hugo"
CONFIGS = ("lean", "same", "related")  # bench/hugo/<name>.toml
WIKILINK = re.compile(r"\[\[([^\]|]+)(?:\|([^\]]+))?\]\]")


@dataclass
class Doc:
    path: Path
    meta: dict[str, Any]
    body: str


@dataclass
class HugoEvent:
    id: str
    meta: dict[str, Any] = field(default_factory=dict)
    sources: list[tuple[str, str, str]] = field(default_factory=list)  # slug, title, note


def read_doc(path: Path) -> Doc:
    text = path.read_bytes().decode("utf-8-sig").replace("\r\n", "\n")
    if not text.startswith("---\n"):
        return Doc(path, {}, text)
    end = text.find("\n---\n", 3)
    if end < 0:
        front, body = text[4:].removesuffix("\n---"), ""
    else:
        front, body = text[4:end], text[end + 5 :]
    # BaseLoader keeps every scalar as text, as the briefing tool does with dates.
    meta = yaml.load(front, Loader=yaml.BaseLoader) or {}
    return Doc(path, meta, body)


def display_name(name: Any, language: str) -> str:
    if isinstance(name, dict):
        return str(name.get(language) or next(iter(name.values())))
    return str(name)


def period_start(text: str) -> str:
    parts = text.split("-")
    return "-".join(parts + ["01"] * (3 - len(parts)))


def calendar_terms(day: str) -> dict[str, list[str]]:
    """The year and ISO week taxonomy terms of a YYYY-MM-DD day."""
    year, week, _ = date.fromisoformat(day).isocalendar()
    return {"years": [day[:4]], "weeks": [f"{year}-w{week:02d}"]}


def quote(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def front(fields: dict[str, Any]) -> str:
    lines = ["---"]
    for key, value in fields.items():
        if isinstance(value, list):
            lines.append(f"{key}: [{', '.join(quote(v) for v in value)}]")
        elif isinstance(value, dict):
            lines.append(f"{key}:")
            lines.extend(f"  {k}: {quote(str(v))}" for k, v in value.items())
        else:
            lines.append(f"{key}: {quote(str(value))}")
    lines.append("---")
    return "\n".join(lines) + "\n"


class Converter:
    def __init__(self, content_dir: Path, language: str) -> None:
        self.language = language
        self.names: dict[str, str] = {}
        self.nodes: list[tuple[str, str, Doc]] = []  # (taxonomy, id, doc)
        for taxonomy in ("carriers", "entities"):
            for path in sorted((content_dir / taxonomy).glob("*.md")):
                doc = read_doc(path)
                self.names[path.stem] = display_name(doc.meta.get("name", path.stem), language)
                self.nodes.append((taxonomy, path.stem, doc))
        self.articles = [read_doc(p) for p in sorted((content_dir / "articles").rglob("*.md"))]
        self.articles.sort(key=lambda d: (period_start(d.meta.get("published", "")), d.path.stem))
        self.titles = {d.path.stem: d.meta.get("title", d.path.stem) for d in self.articles}
        self.events: dict[str, HugoEvent] = {}
        for doc in self.articles:
            for occurrence in doc.meta.get("events", []):
                event = self.events.setdefault(occurrence["id"], HugoEvent(occurrence["id"]))
                if not event.meta and "kind" in occurrence:
                    event.meta = occurrence
                note = occurrence.get("note", "")
                event.sources.append((doc.path.stem, self.titles[doc.path.stem], note))

    def plain(self, body: str) -> str:
        def label(match: re.Match[str]) -> str:
            target, text = match.group(1).strip(), match.group(2)
            if text:
                return text
            if target.startswith("article:"):
                return str(self.titles.get(target[8:], target[8:]))
            if target.startswith("event:"):
                event = self.events.get(target[6:])
                return str(event.meta.get("title", target[6:])) if event else target[6:]
            return self.names.get(target, target)

        return WIKILINK.sub(label, body)

    def write(self, out: Path) -> int:
        count = 0
        sections = {
            "_index.md": {"title": "통신3사 AI 브리핑"},
            "articles/_index.md": {"title": "브리핑"},
            "events/_index.md": {"title": "사건"},
            "carriers/_index.md": {"title": "통신사"},
            "entities/_index.md": {"title": "기업·인물"},
        }
        for rel, section in sections.items():
            write_text(out / rel, front(section))
        for taxonomy, node_id, doc in self.nodes:
            term = front({"title": self.names[node_id]})
            write_text(out / taxonomy / node_id / "_index.md", term + self.plain(doc.body))
            count += 1
        for doc in self.articles:
            meta = doc.meta
            fields: dict[str, Any] = {
                "title": meta["title"],
                "date": period_start(meta["published"]),
                "carriers": list(meta.get("carriers", [])),
                "entities": list(meta.get("entities", [])),
                **calendar_terms(period_start(meta["published"])),
                "summary": meta.get("summary", ""),
                "source": {k: v for k, v in meta["source"].items() if k in ("publisher", "title")},
            }
            page = front(fields) + self.plain(doc.body)
            write_text(out / "articles" / f"{doc.path.stem}.md", page)
            count += 1
        for event in self.events.values():
            write_text(out / "events" / f"{event.id}.md", self.event_page(event))
            count += 1
        return count

    def event_page(self, event: HugoEvent) -> str:
        meta = event.meta
        fields = {
            "title": meta.get("title", event.id),
            "date": period_start(meta.get("date", "2000")),
            "carriers": list(meta.get("carriers", [])),
            "entities": list(meta.get("entities", [])),
        }
        lines = [f"- 종류: {meta.get('kind', '')}", f"- 날짜: {meta.get('date', '')}"]
        if meta.get("until"):
            lines.append(f"- 종료: {meta['until']}")
        if meta.get("amount"):
            lines.append(f"- 금액: {meta['amount']}")
        if meta.get("basis"):
            lines.append(f"- 근거: {meta['basis']}")
        lines += ["", "## 출처", ""]
        for _slug, title, note in event.sources:
            lines.append(f"- {title}" + (f" ({note})" if note else ""))
        return front(fields) + "\n" + "\n".join(lines) + "\n"


def write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def convert_corpus(content_dir: Path, out: Path, language: str = "ko") -> int:
    """Write Hugo content for ``content_dir`` into ``out``; returns the pages written."""
    if out.exists():
        shutil.rmtree(out)
    return Converter(content_dir, language).write(out)


def assemble_site(converted: Path, site_dir: Path, config: str) -> None:
    """A ready-to-build Hugo site of one configuration: its hugo.toml, the shared layouts,
    and the converted content hard-linked (the lean site leaves the events out)."""
    if site_dir.exists():
        shutil.rmtree(site_dir)
    site_dir.mkdir(parents=True)
    shutil.copy2(HUGO_PROJECT / f"{config}.toml", site_dir / "hugo.toml")
    shutil.copytree(HUGO_PROJECT / "layouts", site_dir / "layouts")
    skip = shutil.ignore_patterns("events") if config == "lean" else None
    shutil.copytree(converted, site_dir / "content", copy_function=os.link, ignore=skip)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Convert a briefing corpus into a Hugo site.")
    parser.add_argument("--content", type=Path, required=True)
    parser.add_argument("--site", type=Path, required=True)
    parser.add_argument("--config", choices=CONFIGS, default="same")
    args = parser.parse_args(argv)
    converted = args.site.with_name(args.site.name + "-content")
    pages = convert_corpus(args.content, converted)
    assemble_site(converted, args.site, args.config)
    print(f"wrote {pages} Hugo pages to {converted}, linked into {args.site / 'content'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
