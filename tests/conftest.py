"""Shared fixtures for the core pipeline's tests.

- `write_files(root, {path: text})` writes scratch content (text or bytes);
- `site_ok` builds tests/fixtures/site_ok/ once per session with the real CLI (a
  subprocess, --strict) and returns the output folder;
- `run_cli` runs `python build.py ...` as a subprocess;
- `parse_html(text)` / `site_page('articles/x/')` give a document whose
  `.select(selector)` cuts elements out by a CSS-ish selector (tag, #id, .class, [attr],
  [attr=v], [attr^=v], [attr*=v], [attr$=v], descendant and `>` child combinators, `,`
  groups), using only the standard library. Elements have .outer (source), .text, .attrs.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[1]
BUILD_PY = PROJECT_ROOT / "build.py"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SITE_OK = FIXTURES / "site_ok"
INVALID = FIXTURES / "invalid"


# --- generated corpora (bench/corpus.py) -------------------------------------------------

GenerateCorpus = Callable[[Path, int, int], object]  # (folder, articles, seed)


@pytest.fixture(scope="session")
def generate_corpus() -> GenerateCorpus:
    """bench/corpus.py's generate_corpus(folder, articles, seed), loaded once."""
    bench = PROJECT_ROOT / "bench"
    sys.path.insert(0, str(bench))  # corpus.py imports corpus_vocab beside it
    try:
        spec = importlib.util.spec_from_file_location("bench_corpus", bench / "corpus.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module  # its dataclasses look the module up
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(bench))
    return module.generate_corpus


# --- scratch files -----------------------------------------------------------------------

def write_files_to(root: Path, files: Mapping[str, str | bytes]) -> Path:
    """Write `{relative path: text or bytes}` under root; returns root."""
    for relative, data in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    return root


@pytest.fixture
def write_files() -> Callable[[Path, Mapping[str, str | bytes]], Path]:
    return write_files_to


# --- the real CLI --------------------------------------------------------------------------

def clean_env(**extra: str) -> dict[str, str]:
    """The environment for a subprocess: no CI annotations, UTF-8 output."""
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "PYTHONHASHSEED")}
    env["PYTHONIOENCODING"] = "utf-8"
    env.update(extra)
    return env


def run_cli(args: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """`python build.py ARGS` in cwd, as users run it."""
    return subprocess.run([sys.executable, str(BUILD_PY), *args], cwd=cwd, env=clean_env(**env),
                          capture_output=True, text=True, encoding="utf-8", timeout=120,
                          check=False)


@pytest.fixture(scope="session", name="run_cli")
def run_cli_fixture() -> Callable[..., subprocess.CompletedProcess[str]]:
    return run_cli


def copy_site_ok(project: Path) -> Path:
    """A scratch project holding a copy of site_ok's content; returns the project folder."""
    shutil.copytree(SITE_OK / "content", project / "content")
    return project


@dataclass(frozen=True)
class Built:
    project: Path  # the working directory of the build
    out: Path  # the output folder
    stdout: str
    stderr: str


@pytest.fixture(scope="session")
def site_ok_build(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """site_ok built once per session with the real CLI and --strict."""
    project = copy_site_ok(tmp_path_factory.mktemp("site_ok"))
    done = run_cli(["build", "--strict", "--out", "site"], project)
    assert done.returncode == 0, done.stderr
    return Built(project, project / "site", done.stdout, done.stderr)


@pytest.fixture(scope="session")
def site_ok(site_ok_build: Built) -> Path:
    return site_ok_build.out


# --- cutting snippets out of HTML ------------------------------------------------------------

_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "source", "track", "wbr"})
# An open element of the key's kind is closed when one of these starts.
_CLOSED_BY = {
    "li": {"li"}, "dt": {"dt", "dd"}, "dd": {"dt", "dd"}, "tr": {"tr"}, "td": {"td", "th", "tr"},
    "th": {"td", "th", "tr"}, "option": {"option"},
    "p": {"p", "div", "ul", "ol", "dl", "table", "section", "h1", "h2", "h3", "h4", "h5", "h6",
          "header", "footer", "nav", "article", "form", "pre", "blockquote"},
}


@dataclass(eq=False)
class Element:
    tag: str
    attrs: dict[str, str]
    source: str = field(repr=False)
    start: int = 0
    end: int = 0
    inner_start: int = 0
    inner_end: int = 0
    parent: Element | None = field(default=None, repr=False)
    children: list[Element] = field(default_factory=list, repr=False)
    texts: list[str] = field(default_factory=list, repr=False)  # own and children's, in order

    @property
    def outer(self) -> str:
        """The element's source, as written in the page."""
        return self.source[self.start:self.end]

    @property
    def inner(self) -> str:
        """The source between the start and end tags (a script's JSON, say)."""
        return self.source[self.inner_start:self.inner_end]

    @property
    def text(self) -> str:
        """The visible text, unescaped, with runs of white space made one space."""
        return " ".join("".join(self.texts).split())

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def iter(self) -> Iterator[Element]:
        for child in self.children:
            yield child
            yield from child.iter()

    def ancestors(self) -> Iterator[Element]:
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def select(self, selector: str) -> list[Element]:
        return select(self, selector)

    def select_one(self, selector: str) -> Element:
        return select_one(self, selector)

    def texts_of(self, selector: str) -> list[str]:
        return [element.text for element in select(self, selector)]


class _TreeBuilder(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.source = source
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.root = Element("#document", {}, source, 0, len(source))
        self.stack: list[Element] = [self.root]

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _close(self, element: Element, inner_end: int, end: int) -> None:
        while self.stack:
            closed = self.stack.pop()
            closed.inner_end, closed.end = inner_end, end
            if closed is element:
                return

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self._offset()
        raw = self.get_starttag_text() or ""
        for open_element in reversed(self.stack[1:]):
            closers = _CLOSED_BY.get(open_element.tag)
            if closers and tag in closers:
                self._close(open_element, start, start)
                break
            if open_element.tag in ("ul", "ol", "dl", "table", "div", "select", "section"):
                break
        parent = self.stack[-1]
        element = Element(tag, {k: v or "" for k, v in attrs}, self.source, start,
                          start + len(raw), start + len(raw), start + len(raw), parent)
        parent.children.append(element)
        if tag not in _VOID and not raw.endswith("/>"):
            self.stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        start = self._offset()
        close = self.source.find(">", start)
        end = close + 1 if close >= 0 else len(self.source)
        for open_element in reversed(self.stack[1:]):
            if open_element.tag == tag:
                self._close(open_element, start, end)
                return

    def handle_data(self, data: str) -> None:
        for element in self.stack[1:]:
            if element.tag not in ("script", "style"):
                element.texts.append(data)

    def close(self) -> None:
        super().close()
        while len(self.stack) > 1:
            closed = self.stack.pop()
            closed.inner_end = closed.end = len(self.source)


def parse_html(source: str) -> Element:
    builder = _TreeBuilder(source)
    builder.feed(source)
    builder.close()
    return builder.root


_COMPOUND = re.compile(
    r"(?P<tag>[a-zA-Z][\w-]*|\*)?(?P<rest>(?:#[\w-]+|\.[\w-]+|\[[^\]]+\])*)")
_PART = re.compile(r"#([\w-]+)|\.([\w-]+)|\[([\w:-]+)(?:([\^$*]?=)\"?([^\"\]]*)\"?)?\]")


def _matches(element: Element, compound: str) -> bool:
    match = _COMPOUND.fullmatch(compound)
    if not match:
        raise ValueError(f"unsupported selector part {compound!r}")
    tag = match.group("tag")
    if tag and tag != "*" and element.tag != tag.lower():
        return False
    for ident, cls, attr, op, value in _PART.findall(match.group("rest")):
        if ident and element.attrs.get("id") != ident:
            return False
        if cls and cls not in element.classes:
            return False
        if attr:
            if attr not in element.attrs:
                return False
            have = element.attrs[attr]
            if (op == "=" and have != value) or (op == "^=" and not have.startswith(value)) \
                    or (op == "$=" and not have.endswith(value)) \
                    or (op == "*=" and value not in have):
                return False
    return True


def _tokens(selector: str) -> list[str]:
    return re.sub(r"\s*>\s*", " > ", selector.strip()).split()


def _chain_matches(element: Element, parts: list[str]) -> bool:
    """parts: compounds and '>' from the left; element must match the last compound."""
    if not _matches(element, parts[-1]):
        return False
    rest = parts[:-1]
    if not rest:
        return True
    if rest[-1] == ">":
        return element.parent is not None and _chain_matches(element.parent, rest[:-1])
    return any(_chain_matches(ancestor, rest) for ancestor in element.ancestors())


def select(page: str | Element, selector: str) -> list[Element]:
    """Every element matching the selector, in document order."""
    root = parse_html(page) if isinstance(page, str) else page
    groups = [_tokens(group) for group in selector.split(",")]
    return [element for element in root.iter()
            if any(_chain_matches(element, parts) for parts in groups)]


def select_one(page: str | Element, selector: str) -> Element:
    """The one element matching the selector (an assertion error names the count)."""
    found = select(page, selector)
    assert len(found) == 1, f"{len(found)} elements match {selector!r}"
    return found[0]


@pytest.fixture(scope="session", name="parse_html")
def parse_html_fixture() -> Callable[[str], Element]:
    """parse_html(text) -> the document; then .select(selector) / .select_one(selector)."""
    return parse_html


@pytest.fixture(scope="session")
def site_page(site_ok: Path) -> Callable[[str], Element]:
    """site_page('articles/x/') -> the parsed page of site_ok (cached)."""
    cache: dict[str, Element] = {}

    def load(site_path: str) -> Element:
        if site_path not in cache:
            file = site_path + "index.html" if site_path.endswith("/") or not site_path \
                else site_path
            cache[site_path] = parse_html((site_ok / file).read_text(encoding="utf-8"))
        return cache[site_path]

    return load
