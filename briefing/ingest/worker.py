"""Analysis of one input (decode, extract, build the draft): run in-process or in a pool."""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.ingest.decode import DecodeError, decode_bytes, looks_like_html
from briefing.ingest.nlp import KoreanAnalyser
from briefing.ingest.pipeline import Context, Draft, build_draft
from briefing.ingest.sources import Given
from briefing.ingest.webpage import extract_page

OK, NOT_INGESTED = 0, 1


@dataclass(frozen=True, slots=True)
class Analysed:
    name: str  # as shown to users
    status: int
    message: str
    draft: Draft | None = None


def analyse_input(shown: str, data: bytes, html_name: bool, context: Context,
                  analyser: KoreanAnalyser, given: Given | None = None) -> Analysed:
    """One raw input -> a draft (event ids not given yet), or why it could not be read."""
    try:
        text = decode_bytes(data).text
    except DecodeError as exc:
        return Analysed(shown, NOT_INGESTED, f"{shown}: {exc}")
    page = None
    if html_name or looks_like_html(data):
        page = extract_page(text)
        if page is None:
            return Analysed(shown, NOT_INGESTED, f"{shown}: no article text found in this page")
        text = page.text
    if not text.strip():
        return Analysed(shown, NOT_INGESTED, f"{shown}: the file is empty")
    tokenize = analyser.tokenize if re.search(r"[가-힣]", text) else None
    return Analysed(shown, OK, "", build_draft(text, page, context, tokenize, given))


# Per worker process: the pool's initializer sets it once, so each process loads Kiwi at
# most once (a forked worker gets it loaded). This is the one piece of module state in
# ingest, and it lives only in pool workers.
_PROCESS: dict[str, object] = {}


def init_worker(context: Context, analyser: KoreanAnalyser) -> None:
    _PROCESS["context"] = context
    _PROCESS["analyser"] = analyser


def run_in_worker(item: tuple[str, bytes, bool, Given | None]) -> Analysed:
    shown, data, html_name, given = item
    context = _PROCESS["context"]
    analyser = _PROCESS["analyser"]
    assert isinstance(context, Context) and isinstance(analyser, KoreanAnalyser)
    return analyse_input(shown, data, html_name, context, analyser, given)
