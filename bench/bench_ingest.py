"""Benchmark `ingest`: generated text articles and saved HTML pages, timed end to end.

    python bench/bench_ingest.py [--text 1000] [--html 100] [--check]

Times one in-process `run_ingest` call per batch, model loading included (a fresh Kiwi
per batch), and counts the CPU seconds of this process and its workers. Targets: >= 100
text articles/s and >= 10 HTML pages/s. On a shared machine the wall clock measures the
other users too, so each line also gives CPU seconds per 1,000 inputs, the load average
and the commit; the CPU budget is what 2 cores need for the target with a quarter to
spare (15 CPU s per 1,000 text articles, 150 per 1,000 pages). --check exits 1 when a
target is missed: judged by the wall clock on a quiet machine (load average below the
cores), by the CPU budget on a busy one.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from briefing.ingest.command import run_ingest

CARRIERS = {
    "skt": "name: {ko: SK텔레콤, en: SK Telecom}\naliases: [SKT, SK telecom]",
    "kt": "name: KT\naliases: [KT Corp.]",
    "lguplus": "name: {ko: LG유플러스, en: LG Uplus}\naliases: [LG U+, LGU+]",
}
ENTITIES = {
    "microsoft": ("마이크로소프트", "Microsoft", "company", "[MS]"),
    "nvidia": ("엔비디아", "Nvidia", "company", "[NVIDIA]"),
    "aws": ("아마존웹서비스", "Amazon Web Services", "company", "[AWS]"),
    "anthropic": ("앤트로픽", "Anthropic", "startup", "[]"),
    "perplexity": ("퍼플렉시티", "Perplexity", "startup", "[]"),
    "upstage": ("업스테이지", "Upstage", "startup", "[]"),
    "rebellions": ("리벨리온", "Rebellions", "startup", "[]"),
    "gsma": ("세계이동통신사업자연합회", "GSMA", "organization", "[GSMA]"),
}
KO_CARRIERS = [("skt", "SK텔레콤"), ("kt", "KT"), ("lguplus", "LG유플러스")]
EN_CARRIERS = [("skt", "SK Telecom"), ("kt", "KT"), ("lguplus", "LG Uplus")]
KO_PARTNERS = [
    "마이크로소프트",
    "엔비디아",
    "앤트로픽",
    "퍼플렉시티",
    "업스테이지",
    "리벨리온",
    "한빛로보틱스",
    "누리소프트",
    "세림테크",
]
EN_PARTNERS = [
    "Microsoft",
    "Nvidia",
    "Anthropic",
    "Perplexity",
    "Upstage",
    "Rebellions",
    "Bluefin Labs Inc.",
    "Orca Data Co.",
]
KO_DATES = [
    "지난 {d}일",
    "올해 {m}월",
    "지난해 {m}월",
    "{y}년 {m}월 {d}일",
    "{y}년",
    "{d}일(현지시간)",
    "이번달 {d}~{d2}일",
    "올 {m}월",
]
EN_DATES = [
    "in {month} {y}",
    "on {month} {d}, {y}",
    "last year",
    "in {y}",
    "since {y}",
    "from {y} to {y2}",
]
KO_MONEY = ["{n}억원", "{a}조{b}억원", "약 {n}억원", "{n}억달러", "{n}억원씩"]
EN_MONEY = ["{n} billion won", "${n}.5 million", "{n} billion won (${n}.2 million)"]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def _ko_article(rng: random.Random) -> str:
    _, carrier = rng.choice(KO_CARRIERS)
    y, m, d = rng.randint(2021, 2025), rng.randint(1, 12), rng.randint(10, 28)
    lines = [
        f"{carrier}, {rng.choice(KO_PARTNERS)}와 AI 협력 {rng.randint(2, 99)}건 확대 나선다",
        "",
        f"입력 {y}-{m:02d}-{d:02d} {rng.randint(6, 22):02d}:{rng.randint(0, 59):02d}",
        "작게보기",
        "기본크기",
        "크게보기",
        "공유하기",
        "기사듣기",
        "",
        f"{carrier}, 글로벌 빅테크와 손잡고 사업 다각화",
        "",
    ]
    for _ in range(rng.randint(6, 10)):
        partner = rng.choice(KO_PARTNERS)
        when = rng.choice(KO_DATES).format(
            y=rng.randint(2019, 2025),
            m=rng.randint(1, 12),
            d=rng.randint(1, 9),
            d2=rng.randint(10, 12),
        )
        money = rng.choice(KO_MONEY).format(
            n=rng.randint(2, 900), a=rng.randint(1, 3), b=rng.randint(1, 9) * 1000
        )
        verb = rng.choice(
            ["투자했다", "업무협약을 체결했다", "서비스를 출시했다", "전략적 파트너십을 맺었다"]
        )
        lines.append(
            f"{carrier}는 {when} {partner}에 {money} 규모로 {verb}. 회사 측은 이번 협력으로 "
            f"국내 AI 생태계를 넓히겠다고 설명했다. 업계에서는 {partner}의 기술력이 "
            "통신 서비스 품질 개선에 도움이 될 것으로 보고 있다."
        )
        lines.append("")
    lines += [
        "좋아요0",
        "화나요0",
        "댓글",
        "0 / 300",
        "많이 본 뉴스",
        f"홍길동 기자 reporter{rng.randint(1, 99)}@etnews.com",
        "저작권자 © 전자신문 무단전재 및 재배포 금지",
    ]
    return "\n".join(lines)


def _en_article(rng: random.Random) -> str:
    _, carrier = rng.choice(EN_CARRIERS)
    y, m, d = rng.randint(2021, 2025), rng.randint(1, 12), rng.randint(1, 28)
    lines = [
        f"{carrier} widens its AI push with {rng.randint(2, 99)} new partners",
        "",
        f"Published: {MONTHS[m - 1]} {d}, {y}",
        "Share",
        "Print",
        "",
    ]
    for _ in range(rng.randint(5, 9)):
        partner = rng.choice(EN_PARTNERS)
        when = rng.choice(EN_DATES).format(
            y=rng.randint(2019, 2024), y2=2025, month=rng.choice(MONTHS), d=rng.randint(1, 28)
        )
        money = rng.choice(EN_MONEY).format(n=rng.randint(2, 90))
        lines.append(
            f"{carrier} invested {money} in {partner} {when}, the company said. "
            "The deal is meant to speed up its enterprise AI services and widen "
            "its data center footprint across the region."
        )
        lines.append("")
    lines += ["Related articles", "Most read", "Copyright © The Korea Herald. All rights reserved."]
    return "\n".join(lines)


def _html(text: str, rng: random.Random) -> str:
    title, *rest = [line for line in text.split("\n") if line.strip()]
    paragraphs = "\n".join(f"<p>{line}</p>" for line in rest if len(line) > 40)
    nav = "".join(f"<li><a href='/n/{i}'>메뉴 {i}</a></li>" for i in range(30))
    return (
        f"<!doctype html><html lang='ko'><head><meta charset='utf-8'><title>{title}</title>"
        f"<meta property='og:title' content='{title}'>"
        f"<meta property='article:published_time' "
        f"content='2024-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}T09:00:00+09:00'>"
        f"</head><body><header><ul>{nav}</ul></header><article><h1>{title}</h1>"
        f"{paragraphs}</article><aside><h2>많이 본 뉴스</h2><ul>{nav}</ul></aside>"
        "<footer>Copyright © 전자신문 무단전재 및 재배포 금지</footer></body></html>"
    )


def make_content(root: Path) -> Path:
    content = root / "content"
    (content / "carriers").mkdir(parents=True)
    (content / "entities").mkdir()
    for cid, front in CARRIERS.items():
        (content / "carriers" / f"{cid}.md").write_text(f"---\n{front}\n---\n", "utf-8")
    for eid, (ko, en, kind, aliases) in ENTITIES.items():
        (content / "entities" / f"{eid}.md").write_text(
            f"---\nname: {{ko: {ko}, en: {en}}}\naliases: {aliases}\ntype: {kind}\n---\n", "utf-8"
        )
    return content


def _cpu() -> float:
    own, children = (resource.getrusage(who) for who in
                     (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _run(files: list[Path], content: Path, out: Path) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds of this process and its workers, exit code)."""
    stdout, stderr = io.StringIO(), io.StringIO()
    start, cpu = time.perf_counter(), _cpu()
    code = run_ingest([str(f) for f in files], content, out, False, io.StringIO(), stdout, stderr)
    elapsed, used = time.perf_counter() - start, _cpu() - cpu
    if code != 0:
        print(stderr.getvalue()[-2000:], file=sys.stderr)
    return elapsed, used, code


def _commit() -> str:
    try:
        done = subprocess.run(["git", "-C", str(Path(__file__).resolve().parent), "describe",
                               "--always", "--dirty"], capture_output=True, text=True,
                              check=False)
    except OSError:
        return "unknown"
    return done.stdout.strip() or "unknown"


def budget(target: float) -> float:
    """CPU seconds per 1,000 inputs that give `target` per second on 2 cores, 25% spare."""
    return 2 * 0.75 * 1000 / target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--text", type=int, default=1000)
    parser.add_argument("--html", type=int, default=100)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    ok = True
    with tempfile.TemporaryDirectory(prefix="bench-ingest-") as tmp:
        root = Path(tmp)
        content = make_content(root)
        raw = root / "raw"
        raw.mkdir()
        texts = []
        for i in range(args.text):
            body = _ko_article(rng) if i % 4 else _en_article(rng)
            path = raw / f"a{i:05d}.txt"
            path.write_bytes(
                body.replace("©", "ⓒ").encode("cp949")
                if i % 10 == 5 and i % 4
                else body.encode("utf-8")
            )
            texts.append(path)
        pages = []
        for i in range(args.html):
            path = raw / f"p{i:05d}.html"
            path.write_text(_html(_ko_article(rng), rng), "utf-8")
            pages.append(path)
        cores = os.cpu_count() or 1
        print(f"commit {_commit()}, {cores} cores")
        for label, files, target in (("text", texts, 100.0), ("html", pages, 10.0)):
            if not files:
                continue
            load = os.getloadavg()[0]
            elapsed, used, code = _run(files, content, root / f"out-{label}")
            rate, per_1000 = len(files) / elapsed, used * 1000 / len(files)
            busy = max(load, os.getloadavg()[0]) >= cores
            met = per_1000 <= budget(target) if busy else rate >= target
            verdict = "ok" if met and code == 0 else "MISSED"
            ok = ok and verdict == "ok"
            judged = "CPU, machine busy" if busy else "wall clock"
            print(f"{label}: {len(files)} articles in {elapsed:.2f}s = {rate:.1f}/s "
                  f"(target >= {target:g}/s); {used:.1f} CPU-s = {per_1000:.1f} per 1,000 "
                  f"(budget <= {budget(target):g}); load average {load:.1f}; exit {code}; "
                  f"judged by {judged}: {verdict}")
    return 0 if ok or not args.check else 1


if __name__ == "__main__":
    raise SystemExit(main())
