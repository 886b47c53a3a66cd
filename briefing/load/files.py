"""Load: content files -> raw documents. The only stage that reads content from disk."""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from briefing.core.diagnostics import Diagnostic, error
from briefing.load.yamlstrict import YamlDoc, YamlProblem, parse_yaml

Kind = Literal["site", "carrier", "entity", "article"]

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_FRONT_MATTER_BYTES = 256 * 1024
SLUG_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_KIND_DIRS: dict[str, Kind] = {"carriers": "carrier", "entities": "entity", "articles": "article"}


@dataclass(frozen=True, slots=True)
class RawDocument:
    kind: Kind
    id: str
    path: str  # as shown to users: relative to the working directory
    front: YamlDoc
    front_line: int  # 1-based file line of the first front-matter line
    body: str
    body_line: int  # 1-based file line of the first body line
    digest: str  # content hash, for caches


def display_path(path: Path) -> str:
    try:
        return os.path.relpath(path, os.getcwd())  # what Path.cwd() holds, without a Path
    except ValueError:  # another drive (Windows)
        return str(path)


def slugify(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return slug or "item"


def _decode(data: bytes, shown: str) -> tuple[str | None, Diagnostic | None]:
    if b"\x00" in data[:8192]:
        return None, error(shown, 1, 1, "binary-file",
                           "this looks like a binary file, not Markdown/YAML text; remove it "
                           "from the content folder")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        guess = _guess_encoding(data)
        hint = f"it looks like {guess}; " if guess else ""
        return None, error(shown, line, 1, "not-utf8",
                           f"file is not UTF-8 ({hint}re-save it as UTF-8, e.g. "
                           f"`iconv -f {guess or 'CP949'} -t UTF-8`)")
    return text.replace("\r\n", "\n").replace("\r", "\n"), None


def _guess_encoding(data: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover
        return None
    best = from_bytes(data[:65536]).best()
    return best.encoding.upper().replace("_", "-") if best else None


def split_front_matter(text: str, shown: str, kind: Kind, doc_id: str,
                       digest: str) -> tuple[RawDocument | None, Diagnostic | None]:
    """Split `---` front matter from the Markdown body and parse it strictly."""
    lines = text.split("\n")
    if not text.strip():
        return None, error(shown, 1, 1, "empty-file",
                           "file is empty; it needs front matter between '---' lines")
    if lines[0].rstrip() != "---":
        return None, error(shown, 1, 1, "no-front-matter",
                           "file must start with a '---' line opening the YAML front matter")
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if end is None:
        return None, error(shown, 1, 1, "unclosed-front-matter",
                           "front matter opened with '---' is never closed; add a '---' line "
                           "after it")
    front_text = "\n".join(lines[1:end]) + "\n"
    if len(front_text.encode("utf-8")) > MAX_FRONT_MATTER_BYTES:
        return None, error(shown, 2, 1, "too-large",
                           f"front matter is over {MAX_FRONT_MATTER_BYTES // 1024} KB; "
                           "move long text into the body")
    try:
        front = parse_yaml(front_text)
    except YamlProblem as problem:
        message = problem.message
        if problem.related_line is not None:
            message = message.replace("{related}", str(problem.related_line + 2))
        return None, error(shown, problem.line + 2, problem.col + 1, problem.code, message)
    if front.value is None:
        front = YamlDoc({})
    if not isinstance(front.value, dict):
        return None, error(shown, 2, 1, "front-matter-type",
                           "front matter must be a mapping of keys to values")
    body = "\n".join(lines[end + 1:])
    return RawDocument(kind, doc_id, shown, front, 2, body, end + 2, digest), None


def load_site(path: Path) -> tuple[RawDocument | None, Diagnostic | None]:
    shown = display_path(path)
    if not path.is_file():
        return None, error(shown, 1, 1, "missing-site",
                           "site.yaml not found; create it with at least a title")
    if path.is_symlink() and not path.resolve().is_relative_to(path.parent.resolve()):
        return None, error(shown, 1, 1, "symlink-escape",
                           "symbolic link points outside the content folder; copy the file "
                           "in instead")
    data, text, problem = _read_text(path, shown)
    if problem or data is None or text is None:
        return None, problem
    try:
        front = parse_yaml(text)
    except YamlProblem as exc:
        message = exc.message.replace("{related}", str((exc.related_line or 0) + 1))
        return None, error(shown, exc.line + 1, exc.col + 1, exc.code, message)
    if front.value is None:
        front = YamlDoc({})
    if not isinstance(front.value, dict):
        return None, error(shown, 1, 1, "front-matter-type", "site.yaml must be a mapping")
    digest = hashlib.sha256(data).hexdigest()
    return RawDocument("site", "site", shown, front, 1, "", 1, digest), None


def read_bytes(path: Path, shown: str) -> tuple[bytes | None, Diagnostic | None]:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return None, error(shown, 1, 1, "too-large",
                               f"file is {size / (1024 * 1024):.1f} MB; the limit is "
                               f"{MAX_FILE_BYTES // (1024 * 1024)} MB per content file")
        with path.open("rb") as handle:
            return handle.read(MAX_FILE_BYTES + 1), None
    except OSError as exc:
        return None, error(shown, 1, 1, "unreadable", f"cannot read file: {exc.strerror}")


def _read_text(path: Path, shown: str, data: bytes | None = None
               ) -> tuple[bytes | None, str | None, Diagnostic | None]:
    """The file's bytes (unless given) and its text, or the problem that stops it."""
    if data is None:
        data, problem = read_bytes(path, shown)
        if problem or data is None:
            return None, None, problem
    text, problem = _decode(data, shown)
    return data, text, problem


def load_file(path: Path, kind: Kind, data: bytes | None = None
              ) -> tuple[RawDocument | None, Diagnostic | None]:
    """One content file; `data` when the caller has already read it."""
    shown = display_path(path)
    stem = path.name[: -len(".md")]
    if not SLUG_RE.fullmatch(stem):
        return None, error(shown, 1, 1, "bad-file-name",
                           f"file name '{path.name}' is not a slug (lowercase a-z, 0-9 and "
                           f"single hyphens); rename it to '{slugify(stem)}.md'")
    data, text, problem = _read_text(path, shown, data)
    if problem or data is None or text is None:
        return None, problem
    return split_front_matter(text, shown, kind, stem, hashlib.sha256(data).hexdigest())


def _markdown_files(base: Path, recursive: bool) -> list[os.DirEntry[str]]:
    """The *.md entries in base (and its folders, not entering linked ones), unsorted."""
    found: list[os.DirEntry[str]] = []
    folders = [str(base)]
    while folders:
        with os.scandir(folders.pop()) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    if recursive:
                        folders.append(entry.path)
                elif entry.name.endswith(".md"):
                    found.append(entry)
    return found


def content_files(content_path: Path) -> tuple[list[tuple[Path, Kind]], list[Diagnostic]]:
    """Every Markdown file under the content folders, sorted, symlinks out refused."""
    root = content_path.resolve()
    found: list[tuple[Path, Kind]] = []
    problems: list[Diagnostic] = []
    for folder, kind in _KIND_DIRS.items():
        base = content_path / folder
        if not base.is_dir():
            continue
        # Linked folders below base are not entered, so base is the only link above a file.
        base_linked = base.is_symlink()
        entries = _markdown_files(base, recursive=kind == "article")
        # Sorted by path components, as pathlib sorts ('a/x' before 'a-b/x').
        entries.sort(key=lambda entry: entry.path.split(os.sep))
        for entry in entries:
            path = Path(entry.path)
            if base_linked or entry.is_symlink():
                try:
                    target = path.resolve()
                except (OSError, RuntimeError):  # a link loop: reading says what is wrong
                    found.append((path, kind))
                    continue
                if not target.is_relative_to(root):
                    problems.append(error(display_path(path), 1, 1, "symlink-escape",
                                          "symbolic link points outside the content folder; "
                                          "copy the file in instead"))
                    continue
            if entry.is_file():
                found.append((path, kind))
        if kind == "article":  # linked folders are not entered: say so when they lead out
            problems.extend(_linked_folders_out(base, root))
    return found, problems


def _linked_folders_out(base: Path, root: Path) -> list[Diagnostic]:
    problems: list[Diagnostic] = []
    for folder, dirs, _files in os.walk(base):  # never follows links
        for name in sorted(dirs):
            linked = Path(folder) / name
            if linked.is_symlink() and not linked.resolve().is_relative_to(root):
                problems.append(error(display_path(linked), 1, 1, "symlink-escape",
                                      "symbolic link to a folder outside the content folder; "
                                      "copy its files in instead"))
    return problems
