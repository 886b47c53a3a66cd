"""What the analyst states about an article besides its text: its URL and publication date.

From `ingest FILE --url URL --published DATE` (one file), from a sources file for a batch
(`--sources FILE`, CSV or YAML, one row per input: path, url, published), or from the
text itself when its first lines give its own address (`https://…` alone on the first
line, `URL:`, `Source:`, `출처:`, `원문:` before a link). Bad input is a `SourcesError`
naming the option or `file:line`; evidence.py decides how this weighs against the text.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from briefing.core.dates import DateError, PartialDate, parse_date
from briefing.load.yamlstrict import YamlProblem, parse_yaml
from briefing.validate.fields import http_url_problem

_COLUMNS = ("path", "url", "published")
# A date-time as feeds and page markup write it: the date is taken as written (the
# outlet's own day), never converted to another time zone.
_DATE_TIME = re.compile(r"(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?"
                        r"(?:Z|[+-]\d{2}:?\d{2})?")
_URL = r"https?://[^\s<>\"'`\\]+"
_BARE_URL = re.compile(rf"<?({_URL})>?")
_LABELLED_URL = re.compile(
    rf"(?:URL|Source|Original|Link|출처|원문|원문\s*보기|기사\s*원문|기사\s*주소)\s*[:：]\s*<?({_URL})>?",
    re.I)
_HEAD_LINES = 5  # the text's own address is given above the story, not in its lists


class SourcesError(ValueError):
    """A bad --url, --published or sources file: the message names the option or file:line."""


@dataclass(frozen=True, slots=True)
class Given:
    """The analyst's evidence for one input; `where` names it in review notes."""

    url: str | None = None
    published: PartialDate | None = None
    where: str = "--published"


def parse_published(text: str) -> PartialDate:
    """YYYY-MM-DD, YYYY-MM or YYYY (the form is the precision), or an ISO date-time."""
    value = text.strip()
    timed = _DATE_TIME.fullmatch(value)
    return parse_date(timed.group(1) if timed else value)


def _url(value: str, where: str) -> str:
    problem = http_url_problem(value.strip())
    if problem:
        raise SourcesError(f"{where}: {problem}")
    return value.strip()


def _date(value: str, where: str) -> PartialDate:
    try:
        return parse_published(value)
    except DateError as exc:
        raise SourcesError(f"{where}: {exc}") from None


def from_options(inputs: list[str], url: str | None, published: str | None) -> dict[str, Given]:
    """--url and --published: one article's evidence, so one input only."""
    if url is None and published is None:
        return {}
    option = "--url" if url is not None else "--published"
    if len(inputs) != 1:
        raise SourcesError(f"{option} describes one article but {len(inputs)} files were "
                           "given; for a batch, list each file's url and date in a sources "
                           "file (--sources FILE)")
    given = Given(_url(url, "--url") if url is not None else None,
                  _date(published, "--published") if published is not None else None,
                  "--published")
    return {inputs[0]: given}


def _key(name: str, base: Path) -> str:
    path = Path(name)
    return str((path if path.is_absolute() else base / path).resolve())


Row = tuple[int, dict[str, str], dict[str, int]]  # line, values, each value's own line


def _rows_csv(text: str, shown: str) -> list[Row]:
    reader = csv.reader(io.StringIO(text))
    rows = [(reader.line_num, row) for row in reader]
    rows = [(n, row) for n, row in rows if any(cell.strip() for cell in row)]
    if not rows:
        raise SourcesError(f"{shown}: empty; the first line names the columns: path,url,published")
    line, header = rows[0]
    names = [h.strip().lower() for h in header]
    unknown = [h for h in names if h not in _COLUMNS]
    if "path" not in names or unknown:
        raise SourcesError(f"{shown}:{line}: the first line must name the columns path, url "
                           f"and published (got: {', '.join(header)})")
    result: list[Row] = []
    for number, row in rows[1:]:
        if len(row) > len(names):
            raise SourcesError(f"{shown}:{number}: {len(row)} cells for {len(names)} columns "
                               "(quote a value that holds a comma)")
        result.append((number, {n: c.strip() for n, c in zip(names, row, strict=False)}, {}))
    return result


def _rows_yaml(text: str, shown: str) -> list[Row]:
    try:
        doc = parse_yaml(text)
    except YamlProblem as exc:
        raise SourcesError(f"{shown}:{exc.line + 1}: {exc.message}") from None
    items = doc.value or []
    if not isinstance(items, list):
        raise SourcesError(f"{shown}:1: expected a list of {{path, url, published}} items")
    result: list[Row] = []
    for i, item in enumerate(items):
        line = doc.position((i,))[0] + 1
        if not isinstance(item, dict):
            raise SourcesError(f"{shown}:{line}: expected {{path, url, published}}")
        unknown = [k for k in item if k not in _COLUMNS]
        if unknown:
            raise SourcesError(f"{shown}:{doc.position((i, unknown[0]))[0] + 1}: unknown key "
                               f"'{unknown[0]}' (path, url and published are read)")
        if any(v is not None and not isinstance(v, str) for v in item.values()):
            raise SourcesError(f"{shown}:{line}: path, url and published are single values")
        result.append((line, {k: (v or "").strip() for k, v in item.items()},
                       {k: doc.position((i, k))[0] + 1 for k in item}))
    return result


def read_sources(path: Path, inputs: list[str]) -> dict[str, Given]:
    """The sources file's rows, keyed by input (as given on the command line). Paths in
    the file are relative to the file's folder; each must be one of the inputs, once.
    Raises OSError when the file cannot be read, SourcesError for a bad row."""
    shown = str(path)
    text = path.read_bytes().decode("utf-8-sig", errors="strict")
    yaml_file = path.suffix.lower() in (".yaml", ".yml")
    rows = _rows_yaml(text, shown) if yaml_file else _rows_csv(text, shown)
    by_key = {_key(name, Path.cwd()): name for name in inputs if name != "-"}
    given: dict[str, Given] = {}
    first_line: dict[str, int] = {}
    for line, row, lines in rows:
        where = f"{shown}:{line}"
        name = row.get("path", "")
        if not name:
            raise SourcesError(f"{where}: no path; each row names one input file")
        key = _key(name, path.parent)
        if key not in by_key:
            raise SourcesError(f"{where}: '{name}' is not one of the files given to ingest "
                               f"(paths are relative to {path.parent or '.'})")
        if key in first_line:
            raise SourcesError(f"{where}: '{name}' is listed twice (first on line "
                               f"{first_line[key]})")
        first_line[key] = line
        url = (_url(row["url"], f"{shown}:{lines.get('url', line)}: url") if row.get("url")
               else None)
        published = (_date(row["published"], f"{shown}:{lines.get('published', line)}: "
                           "published") if row.get("published") else None)
        given[by_key[key]] = Given(url, published, where)
    return given


def source_line(text: str) -> tuple[str | None, str]:
    """(the URL the text gives as its own source on its first lines, the text without
    that line). A bare link counts only as the first line and not as the first of a list
    of links (a menu); a labelled one (`출처: https://…`) within the first few lines."""
    if "http" not in text[:4000]:
        return None, text  # most texts: no link near the top, nothing to split
    lines = text.splitlines(keepends=True)
    filled = [i for i, line in enumerate(lines) if line.strip()][:_HEAD_LINES]
    for rank, i in enumerate(filled):
        line = lines[i].strip()
        labelled = _LABELLED_URL.fullmatch(line)
        bare = _BARE_URL.fullmatch(line) if rank == 0 else None
        if bare and len(filled) > 1 and _BARE_URL.fullmatch(lines[filled[1]].strip()):
            return None, text  # a run of links: a menu, not the story's address
        found = labelled or bare
        if found and http_url_problem(found.group(1)) is None:
            return found.group(1), "".join(lines[:i] + lines[i + 1:])
    return None, text


@dataclass(frozen=True, slots=True)
class SourceOptions:
    """The command line's evidence options, resolved per input by `given`."""

    url: str | None = None
    published: str | None = None
    sources: Path | None = None

    def given(self, inputs: list[str]) -> dict[str, Given]:
        if self.sources is not None and (self.url is not None or self.published is not None):
            raise SourcesError("--sources lists each file's url and date; give it without "
                               "--url and --published")
        if self.sources is not None:
            return read_sources(self.sources, inputs)
        return from_options(inputs, self.url, self.published)
