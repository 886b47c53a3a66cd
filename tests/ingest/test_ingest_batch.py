"""A batch gives the same drafts, byte for byte, whether its articles are analysed in this
process, in forked workers (which share this process's Kiwi) or in spawned ones."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from conftest import CONTENT, FIXTURES, IngestRun, ingest

import briefing.ingest.command as command
from briefing.ingest.nlp import KoreanAnalyser

PROJECT = Path(__file__).resolve().parents[2]


def _inputs(folder: Path) -> list[str]:
    folder.mkdir()
    sources = sorted([*FIXTURES.glob("*.txt"), FIXTURES / "page.html"])
    paths = []
    for n in range(12):  # distinct texts: each makes its own draft
        source = sources[n % len(sources)]
        path = folder / f"{n:02d}-{source.name}"
        path.write_bytes(source.read_bytes().replace(b"</p>", f" {n}</p>".encode(), 1)
                         if source.suffix == ".html" else
                         source.read_bytes() + f"\n\nextra line {n}\n".encode())
        paths.append(str(path))
    return paths


def _run(inputs: list[str], where: Path, monkeypatch: pytest.MonkeyPatch) -> IngestRun:
    # Drafts name each other relative to the working folder: the same one for every run.
    where.mkdir()
    monkeypatch.chdir(where)
    return ingest(inputs, Path("drafts"))


def _files(run: IngestRun, where: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((where / run.out).iterdir())}


# A fresh interpreter has no other thread, so its batch forks; it tells which start method.
_FORKED_RUN = """
import sys
import briefing.ingest.command as command
real = command.get_context
command.get_context = lambda m: (sys.stderr.write(f"start method: {m}\\n"), real(m))[1]
command.os.cpu_count = lambda: 2
command._POOL_MIN = 6
raise SystemExit(command.main(sys.argv[1:]))
"""


def test_one_process_forked_and_spawned_workers_write_the_same_drafts(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    inputs = _inputs(tmp_path / "raw")
    methods: list[str] = []
    real = command.get_context
    monkeypatch.setattr(command, "get_context", lambda m: methods.append(m) or real(m))
    monkeypatch.setattr(command.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(command, "_POOL_MIN", 100)
    alone = _run(inputs, tmp_path / "alone", monkeypatch)
    monkeypatch.setattr(command, "_POOL_MIN", 6)  # 12 inputs: two workers
    # Another thread running here: forking beside it could deadlock, so workers are spawned.
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        spawned = _run(inputs, tmp_path / "spawned", monkeypatch)
    finally:
        stop.set()
        other.join()
    assert methods == ["spawn"]
    (tmp_path / "forked").mkdir()
    forked = subprocess.run(
        [sys.executable, "-c", _FORKED_RUN, *inputs, "--content", str(CONTENT), "--out",
         "drafts"], cwd=tmp_path / "forked", capture_output=True, text=True, check=False,
        env={**os.environ, "PYTHONPATH": str(PROJECT)})
    assert forked.returncode == alone.code == spawned.code == 0, forked.stderr + alone.stderr
    assert "start method: fork" in forked.stderr
    drafts = _files(alone, tmp_path / "alone")
    assert len(drafts) == 12 and not any(name.endswith(".tmp") for name in drafts)
    assert _files(spawned, tmp_path / "spawned") == drafts
    assert {p.name: p.read_bytes() for p in sorted((tmp_path / "forked" / "drafts").iterdir())
            } == drafts
    assert alone.stdout == spawned.stdout == forked.stdout


def test_a_sentence_seen_before_gets_the_same_tokens(analyser: KoreanAnalyser) -> None:
    sentences = ["한빛로보틱스는 지난 3일 KT와 협약을 맺었다.", "회사는 서울에서 협력한다."]
    first = analyser.tokenize(sentences)
    again = analyser.tokenize([sentences[1], sentences[0], sentences[1]])
    fresh = KoreanAnalyser().tokenize([sentences[1]])

    def shape(tokens: list[object]) -> list[tuple[object, ...]]:
        return [(t.form, t.tag, t.start, t.len) for t in tokens]  # type: ignore[attr-defined]

    assert [shape(t) for t in again] == [shape(first[1]), shape(first[0]), shape(first[1])]
    assert shape(fresh[0]) == shape(first[1])
    again[0].clear()  # a caller's list is its own: the remembered tokens stay whole
    assert shape(analyser.tokenize([sentences[1]])[0]) == shape(first[1])


TRICKY = ["true", "null", "2024-06-01", "1e3", "0x1F", "- a list?", "key: value", " leading",
          "trailing ", "#hash", "'quoted'", '"double"', "@at", "~", "", "a\nb", "ends\n\n",
          "  indented\nblock", "tab\there", "유니코드 · ☃", "x" * 5000]


def test_rendering_writes_what_pyyaml_represents(tmp_path: Path) -> None:
    # render_draft builds YAML nodes itself (faster than PyYAML's representer): it must write
    # what the representer writes, and read back as the values it was given.
    import yaml

    from briefing.core.dates import PartialDate
    from briefing.ingest.byline import ReviewItem
    from briefing.ingest.draft import _Dumper, draft_front_matter, render_draft
    from briefing.ingest.eventmerge import ProposedEvent
    from briefing.ingest.pipeline import Draft
    from briefing.ingest.proposal import NewEntity
    from briefing.load.yamlstrict import parse_yaml

    event = ProposedEvent("kt-x", PartialDate(2024, 6, 1), None, True, TRICKY[1], TRICKY[2],
                          "investment", ("kt",), tuple(TRICKY[:3]), TRICKY[3], (TRICKY[4],),
                          (), due=PartialDate(2025, 1, 0), due_basis=TRICKY[5])
    draft = Draft("x.md", TRICKY[6], PartialDate(2024, 6, 1), None, TRICKY[7], TRICKY[8],
                  TRICKY[9], TRICKY[10], "ko", ("kt",), tuple(TRICKY[11:15]), (event,),
                  tuple(ReviewItem(t, t, t or None) for t in TRICKY),
                  tuple(NewEntity(t or "n", "company", t, (t,), t or None) for t in TRICKY),
                  "\n".join(TRICKY), 2)
    front = draft_front_matter(draft)
    text = render_draft(draft)
    assert text == "---\n" + yaml.dump(front, Dumper=_Dumper, allow_unicode=True,
                                       sort_keys=False, width=4096,
                                       default_flow_style=False) + "---\n"
    assert parse_yaml(text[4:-4]).value == front
