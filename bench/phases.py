"""Where a cold `build` spends its time: each step of build.py and
incremental/persisted.py timed in one process, wall and CPU seconds (the build's and its
reaped workers'), then the peak RSS of the build process and of its largest worker, and
the peak of the RSS summed over the build's process tree (sampled, as bench/run.py
does) with the steps running at that moment.

    python bench/phases.py --content CORPUS --out SCRATCH/site [-j 2] [--tree PATH]

`--tree` measures another checkout of the project (its `briefing` package and its
templates), so two commits can be compared back to back on the same corpus. The scratch
folder (the output's parent) gets the `.briefing/` state: use a new one for a cold build.
"""

from __future__ import annotations

import argparse
import importlib
import os
import resource
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

# (module, attribute or Class.method): the steps timed, where the build looks them up
STEPS = [
    # the skip check, made by the CLI before build.py is imported
    *(("briefing.workdir.skip", name) for name in ("input_fingerprint", "output_stamp")),
    *(("briefing.build", name) for name in (
        "gather", "assemble", "link_site", "plan_pages",
        "render_pages", "outputs_after_pages", "check_links", "put_all",
        "save_search_state", "save_cache")),
    # the outputs after the pages and the search state (kept.py, below build.py)
    *(("briefing.kept", name) for name in (
        "render_data", "build_search_index", "search_index", "load_search_state")),
    *(("briefing.incremental.persisted", name) for name in (
        "_tracked_plan", "plan_kept", "save_plan", "render_pages", "render_feeds",
        "check_links", "put_all", "save_search_state", "next_state", "_numbered",
        "numbered_state", "save_state")),
    # the CLI's link step: link_site with the parts kept in .briefing/
    *(("briefing.incremental.linkstate", name) for name in (
        "link_kept", "load_link", "save_link")),
    ("briefing.incremental.memory", "BuildMemory.plan"),
]


def cpu_seconds() -> float:
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def own_rss() -> float:
    """This process's resident memory now, MiB (Linux; 0 elsewhere)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return 0.0
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


# the steps running now, outermost first (what the memory sampler reports at its peak)
RUNNING: list[str] = []


def timed(fn: Callable[..., Any], label: str, log: list[tuple[int, str, float, float, float]],
          depth: list[int]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        wall, cpu = time.perf_counter(), cpu_seconds()
        depth[0] += 1
        RUNNING.append(label)
        try:
            return fn(*args, **kwargs)
        finally:
            RUNNING.pop()
            depth[0] -= 1
            log.append((depth[0], label, time.perf_counter() - wall, cpu_seconds() - cpu,
                        own_rss()))
    return wrapper


class TreeMemory(threading.Thread):
    """Samples the RSS summed over this process and its descendants (psutil, as
    bench/measure.py:tree_rss), keeping the peak and the steps running then."""

    def __init__(self, every: float = 0.05) -> None:
        super().__init__(daemon=True)
        self.every, self.peak, self.at = every, 0, ""
        self.peak_pss, self.pss_at = 0, ""
        self.stopped = threading.Event()

    def run(self) -> None:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from measure import tree_pss, tree_rss  # bench/measure.py

        while not self.stopped.wait(self.every):
            total, shared = tree_rss(os.getpid()), tree_pss(os.getpid())
            if total > self.peak:
                self.peak, self.at = total, " > ".join(RUNNING) or "between steps"
            if shared > self.peak_pss:
                self.peak_pss, self.pss_at = shared, " > ".join(RUNNING) or "between steps"


def instrument(log: list[tuple[int, str, float, float, float]]) -> None:
    depth = [0]
    for module_name, name in STEPS:
        try:
            module = importlib.import_module(module_name)
        except ImportError:  # an older tree without that module
            continue
        owner: Any = module
        attribute = name
        if "." in name:
            owner_name, attribute = name.split(".")
            owner = getattr(module, owner_name, None)
        fn = getattr(owner, attribute, None) if owner is not None else None
        if fn is not None:
            label = f"{module_name.rpartition('.')[2]}.{name}"
            setattr(owner, attribute, timed(fn, label, log, depth))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("-j", "--jobs", default="2")
    parser.add_argument("--tree", type=Path, default=Path(__file__).resolve().parents[1])
    args = parser.parse_args()
    sys.path.insert(0, str(args.tree))
    out = args.out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    os.chdir(out.parent)  # .briefing/ goes beside the output
    log: list[tuple[int, str, float, float, float]] = []
    instrument(log)
    from briefing.cli import main as cli_main
    memory = TreeMemory()
    memory.start()
    wall, cpu = time.perf_counter(), cpu_seconds()
    code = cli_main(["build", "--content", str(args.content.resolve()), "--templates",
                     str(args.tree / "templates"), "--out", str(out), "-j", args.jobs])
    wall, cpu = time.perf_counter() - wall, cpu_seconds() - cpu
    memory.stopped.set()
    memory.join()
    print(f"{'step':44s} {'wall s':>8s} {'CPU s':>8s} {'RSS after (MiB)':>16s}")
    for depth, label, step_wall, step_cpu, rss in log:
        print(f"{'  ' * depth}{label:{44 - 2 * depth}s} {step_wall:8.2f} {step_cpu:8.2f} "
              f"{rss:16.0f}")
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    worker = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"{'whole build':44s} {wall:8.2f} {cpu:8.2f}")
    print(f"max RSS: build process {own:.0f} MiB, largest worker {worker:.0f} MiB; "
          f"load average {os.getloadavg()[0]:.1f}; exit code {code}")
    if memory.peak:
        print(f"peak RSS summed over the process tree {memory.peak / 2**20:.0f} MiB, "
              f"during {memory.at}")
    if memory.peak_pss:
        print(f"peak PSS summed over the process tree {memory.peak_pss / 2**20:.0f} MiB, "
              f"during {memory.pss_at}")
    return code


if __name__ == "__main__":
    sys.exit(main())
