"""Shared helpers for the reliability and security tests.

- `PAYLOADS`: hostile strings (script, event handlers, bad URL schemes, SVG, JSON-LD
  breakouts, Jinja syntax) put into every text field of a scratch site;
- `hostile_project(root)` writes a whole valid project whose every free-text field and
  body carries them; `build(project, ...)` runs the real CLI;
- `executable_markup(html)` lists what a page holds that could run script;
- `tree_snapshot(root)` maps every path under root to a hash (or 'dir'/'link').
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import subprocess
import sys
from collections.abc import Mapping
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from briefing.cli import main

PROJECT_ROOT = Path(__file__).resolve().parents[2]
BUILD_PY = PROJECT_ROOT / "build.py"

# Every one of these sets window.__pwned or opens a dialog if it ever runs.
PAYLOADS: tuple[str, ...] = (
    "<script>window.__pwned=1;alert(1)</script>",
    '<img src=x onerror="window.__pwned=1">',
    "<svg onload=window.__pwned=1><script>window.__pwned=1</script></svg>",
    '</script><script>window.__pwned=1</script><script type="application/ld+json">',
    '"><script>window.__pwned=1</script>',
    "'><body onload=window.__pwned=1>",
    "<iframe src=javascript:window.__pwned=1></iframe>",
    "javascript:window.__pwned=1",
    "jav&#x61;script:window.__pwned=1",
    "<!-- ]]> <![CDATA[ -->",
    "{{ 7*7 }} {% raw %}raw{% endraw %} {{ config }} {# c #} {{ ''.__class__ }}",
)
# One field's worth: every payload, on one line.
ALL = " ".join(PAYLOADS)
JINJA_MARKERS = ("{{ 7*7 }}", "{% raw %}", "{{ config }}")

# Hostile Markdown bodies that build: raw HTML (shown as text), SVG, JSON-LD breakouts,
# a link title that tries to leave its attribute, wikilink labels, code and Jinja.
HOSTILE_BODY = """
## <script>window.__pwned=1</script> heading

<script>window.__pwned=1</script>

<div onclick="window.__pwned=1"><img src=x onerror=window.__pwned=1></div>

<svg xmlns="http://www.w3.org/2000/svg" onload="window.__pwned=1">
<script>window.__pwned=1</script></svg>

<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>

<a href="javascript:window.__pwned=1">raw anchor</a>
<math><mi xlink:href="javascript:window.__pwned=1">x</mi></math>

[title](https://example.com/ "x\\" onmouseover=\\"window.__pwned=1") and
[quote](https://example.com/?q="><script>window.__pwned=1</script>)
<https://example.com/"onmouseover="window.__pwned=1>

Wikilinks: [[hostile-carrier|<script>window.__pwned=1</script>]]
[[hostile-entity|" onmouseover="window.__pwned=1]]
[[hostile-carrier|</script><img src=x onerror=window.__pwned=1>]]
[[article:hostile-article|{{ 7*7 }} {{ config }}]]

Jinja: {{ 7*7 }} {% raw %}raw{% endraw %} {{ config }} {% for x in range(3) %}loop{% endfor %}

`<script>window.__pwned=1</script>` and

```html
</script><script>window.__pwned=1</script>
```

| <script>window.__pwned=1</script> | <img src=x onerror=window.__pwned=1> |
| --- | --- |
| <svg/onload=window.__pwned=1> | {{ 7*7 }} |
"""

# Markdown links to a script, data or other non-web scheme, however disguised: each must be
# an error naming the link (markdown-it alone would silently show some as text).
REFUSED_LINKS: tuple[str, ...] = (
    "[plain](javascript:window.__pwned=1)",
    "[mixed](JaVaScRiPt:window.__pwned=1)",
    "[entity](jav&#x61;script:window.__pwned=1)",
    "[decimal](&#106;avascript:window.__pwned=1)",
    "[named](javascript&colon;window.__pwned=1)",
    "[escaped](javascript\\:window.__pwned=1)",
    "[colon](javascript&#58;window.__pwned=1)",
    "[hexcolon](javascript&#x3A;window.__pwned=1)",
    "[middle](javascr&#105;pt:window.__pwned=1)",
    "[tab](java&#9;script:window.__pwned=1)",
    "[newline](java&#10;script:window.__pwned=1)",
    "[control](&#1;javascript:window.__pwned=1)",
    "[spaces](<  javascript:window.__pwned=1>)",
    "[data](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0xPC9zY3JpcHQ+)",
    "[vb](vbscript:msgbox(1))",
    "[file](file:///etc/passwd)",
    "<javascript:window.__pwned=1>",
    "<JAVASCRIPT:window.__pwned=1>",
    "<vbscript:msgbox(1)>",
    "[ref]\n\n[ref]: javascript:window.__pwned=1",
    "![img](javascript:window.__pwned=1)",
    "[protocol-relative](//evil.example/x)",
    "[backslashes](\\\\evil.example\\x)",
)


def q(text: str) -> str:
    """A YAML double-quoted scalar holding text exactly (JSON strings are YAML)."""
    return json.dumps(text, ensure_ascii=False)


# Where each field's payload is put; every one must reach some output, inert.
FIELDS: tuple[str, ...] = (
    "site.title", "site.description", "carrier.name.ko", "carrier.name.en", "carrier.alias",
    "entity.name", "entity.alias", "person.name", "person.role", "product.name",
    "article.title", "article.published_basis", "source.publisher", "source.title",
    "source.author", "article.summary", "event.title", "event.basis", "event.note",
    "event2.title", "second.title", "second.summary", "second.source.title", "second.note",
    "body.label")


def tagged(payload: str, field: str) -> str:
    """The payload, tagged with its field so the output can be searched for it."""
    return f"{payload} @@{field}@@"


def hostile_project(root: Path, *, website: str = "https://example.com/{{7*7}}?a=1&b=%3Cx%3E",
                    payload: str = ALL, body: str = HOSTILE_BODY) -> Path:
    """A valid project whose every free-text field and body carries the payload."""
    def f(field: str) -> str:
        return q(tagged(payload, field))

    label = tagged(payload, "body.label").replace("[", "(").replace("]", ")").replace("|", "/")
    files = {
        "content/site.yaml":
            f"title: {f('site.title')}\ndescription: {f('site.description')}\n"
            "base_url: https://example.org/sub/\nlanguage: en\nfx:\n  USD: {2024: 1350}\n",
        "content/carriers/hostile-carrier.md":
            f"---\nname: {{ko: {f('carrier.name.ko')}, en: {f('carrier.name.en')}}}\n"
            f"aliases: [{f('carrier.alias')}]\n"
            f"color: \"#112233\"\ncountry: KR\nwebsite: {q(website)}\n---\n{body}",
        "content/entities/hostile-entity.md":
            f"---\nname: {f('entity.name')}\naliases: [{f('entity.alias')}]\ntype: company\n"
            f"website: {q(website)}\n---\n{body}",
        "content/entities/hostile-person.md":
            f"---\nname: {f('person.name')}\ntype: person\n"
            f"affiliations: [{{id: hostile-carrier, role: {f('person.role')}, since: 2023-08}}]"
            "\n---\n",
        "content/entities/hostile-product.md":
            f"---\nname: {f('product.name')}\ntype: product\nparent: hostile-entity\n---\n",
        "content/articles/hostile-article.md": f"""---
title: {f('article.title')}
published: 2024-08-11
published_basis: {f('article.published_basis')}
published_approximate: true
updated: 2024-08-20
source:
  publisher: {f('source.publisher')}
  title: {f('source.title')}
  url: {q(website)}
  author: {f('source.author')}
  language: ko
language: en
carriers: [hostile-carrier]
entities: [hostile-entity, hostile-person, hostile-product]
tags: [alliance, telco-llm]
summary: {f('article.summary')}
events:
  - id: hostile-event
    date: 2024-06
    until: 2024-07
    basis: {f('event.basis')}
    approximate: true
    title: {f('event.title')}
    kind: investment
    carriers: [hostile-carrier]
    entities: [hostile-entity]
    amount: 2억달러
    note: {f('event.note')}
  - id: hostile-event-two
    date: 2024-06-19
    title: {q('=HYPERLINK("http://evil.example/") ' + tagged(payload, 'event2.title'))}
    kind: partnership
    carriers: [hostile-carrier]
    entities: [hostile-person, hostile-product]
---
{body}""",
        "content/articles/2024/hostile-second.md": f"""---
title: {f('second.title')}
published: 2024-09-01
source:
  title: {f('second.source.title')}
  language: en
language: en
carriers: [hostile-carrier]
summary: {f('second.summary')}
events:
  - id: hostile-event
    note: {f('second.note')}
---
See [[article:hostile-article]] and [[event:hostile-event|{label}]].
""",
    }
    write_tree(root, files)
    return root


def clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "PYTHONHASHSEED")}
    env["PYTHONIOENCODING"] = "utf-8"
    env.update(extra)
    return env


def build(project: Path, *args: str, timeout: float = 120,
          **env: str) -> subprocess.CompletedProcess[str]:
    """`python build.py ARGS` in project, as users run it."""
    return subprocess.run([sys.executable, str(BUILD_PY), *args], cwd=project,
                          env=clean_env(**env), capture_output=True, text=True, encoding="utf-8",
                          timeout=timeout, check=False)


# --- the CLI in this process ----------------------------------------------------------------

@dataclass(frozen=True)
class Run:
    code: int
    stdout: str
    stderr: str

    def lines(self, code: str) -> list[str]:
        """The diagnostic lines of one code, e.g. lines('bad-link')."""
        return [line for line in self.stderr.splitlines() if f"[{code}]" in line]


def run_main(project: Path, *args: str) -> Run:
    """The CLI in this process, from project (fast; for checks that write nothing)."""
    out, err = io.StringIO(), io.StringIO()
    before = Path.cwd()
    os.chdir(project)
    try:
        with redirect_stdout(out), redirect_stderr(err):
            code = main(list(args))
    finally:
        os.chdir(before)
    return Run(code, out.getvalue(), err.getvalue())


SOURCE_TEXT_MARKER = "NEVER-RENDERED-SOURCE-TEXT"


# --- what could run script ---------------------------------------------------------------

_SAFE_SCHEMES = ("http:", "https:", "mailto:")
_URL_ATTRS = frozenset({"href", "src", "action", "formaction", "xlink:href", "data", "poster",
                        "srcset", "background", "ping", "codebase", "cite"})
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_BAD_TAGS = frozenset({"iframe", "object", "embed", "frame", "frameset", "base", "applet",
                       "foreignobject", "math"})


def url_scheme_ok(url: str) -> bool:
    """Only http(s), mailto and relative URLs (as a browser would read the attribute)."""
    # Browsers drop ASCII tab/newline anywhere and strip C0 controls and spaces at the ends.
    cleaned = re.sub(r"[\t\n\r]", "", url).strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b"
                                                "\x0c\x0e\x0f\x10\x11\x12\x13\x14\x15\x16"
                                                "\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
    match = _SCHEME.match(cleaned)
    return match is None or match.group(0).lower() in _SAFE_SCHEMES


class _Scanner(HTMLParser):
    def __init__(self, allowed_scripts: tuple[str, ...]) -> None:
        super().__init__(convert_charrefs=True)
        self.allowed_scripts = allowed_scripts
        self.problems: list[str] = []
        self.in_script: str | None = None
        self.script_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._check(tag, dict(attrs), attrs)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._check(tag, dict(attrs), attrs)

    def _check(self, tag: str, attr_map: dict[str, str | None],
               attrs: list[tuple[str, str | None]]) -> None:
        raw = self.get_starttag_text() or tag
        if tag in _BAD_TAGS:
            self.problems.append(f"<{tag}> element: {raw[:120]}")
        if tag == "meta" and (attr_map.get("http-equiv") or "").lower() == "refresh":
            self.problems.append(f"meta refresh: {raw[:120]}")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"event handler attribute {name}: {raw[:120]}")
            if name in ("srcdoc", "style") and value and ("script" in value.lower()
                                                         or "expression(" in value.lower()):
                self.problems.append(f"{name} attribute: {raw[:120]}")
            if name in _URL_ATTRS and value is not None and not url_scheme_ok(value):
                self.problems.append(f"{name} with a disallowed scheme: {raw[:120]}")
        if tag == "script":
            kind = (attr_map.get("type") or "").lower()
            src = attr_map.get("src") or ""
            if kind in ("application/ld+json", "application/json"):  # data, never run
                self.in_script = "data"
            elif src and any(re.search(p, src) for p in self.allowed_scripts) and \
                    "//" not in src:
                self.in_script = "asset"
            else:
                self.problems.append(f"script element: {raw[:120]}")
                self.in_script = "bad"
            self.script_text = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self.in_script is not None:
            text = "".join(self.script_text)
            if self.in_script == "data":
                try:
                    json.loads(text)
                except ValueError as exc:
                    self.problems.append(f"JSON data that is not JSON ({exc}): {text[:120]}")
                if "<" in text:  # '</script>' or '<!--' could end or bend the element
                    self.problems.append(f"'<' inside a JSON data script: {text[:120]}")
            elif self.in_script == "asset" and text.strip():
                self.problems.append(f"inline code in an asset script: {text[:120]}")
            self.in_script = None

    def handle_data(self, data: str) -> None:
        if self.in_script is not None:
            self.script_text.append(data)


def executable_markup(html: str, allowed_scripts: tuple[str, ...] = (
        r"^(\./|(\.\./)*)assets/[\w-]+\.[0-9a-f]+\.js$",)) -> list[str]:
    """What in this page could run script: foreign <script>s, on* attributes, URL attributes
    with a scheme other than http(s)/mailto, frames and objects, JSON-LD that breaks out."""
    scanner = _Scanner(allowed_scripts)
    scanner.feed(html)
    scanner.close()
    if scanner.in_script is not None:
        scanner.problems.append("a <script> element that never closes")
    return scanner.problems


# --- the file tree ---------------------------------------------------------------------------

def tree_snapshot(root: Path, skip: tuple[str, ...] = ()) -> dict[str, str]:
    """{relative path: sha256 | 'dir' | 'link -> target'} for everything under root."""
    found: dict[str, str] = {}
    for folder, dirs, files in os.walk(root):
        base = Path(folder)
        for name in dirs + files:
            path = base / name
            relative = path.relative_to(root).as_posix()
            if any(relative == s or relative.startswith(s + "/") for s in skip):
                continue
            try:
                if path.is_symlink():
                    found[relative] = f"link -> {os.readlink(path)}"
                elif path.is_dir():
                    found[relative] = "dir"
                else:
                    found[relative] = hashlib.sha256(path.read_bytes()).hexdigest()
            except FileNotFoundError:  # a replaced site being deleted in the background
                continue
        dirs[:] = [d for d in dirs if not (base / d).is_symlink()]
    return found


def site_files(site: Path) -> dict[str, str]:
    """{site path: sha256} of every file of a built site."""
    return {k: v for k, v in tree_snapshot(site).items() if v != "dir"}


def write_tree(root: Path, files: Mapping[str, str | bytes]) -> Path:
    for relative, data in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    return root
