"""Dev server: what is added to HTML responses (never written to disk).

The live-reload script listens to the server's event stream and reloads the page when a
build other than the one it was served with finishes; while the latest build failed, an
overlay lists its errors (HTML-escaped) over the last good page.
"""

from __future__ import annotations

import html
import json

from briefing.serve.state import Snapshot

EVENTS_PATH = "/__briefing/events"
OVERLAY_ID = "briefing-dev-errors"

_SCRIPT = """<script>/* briefing serve: live reload */
(function () {
  var seen = %s;
  if (!window.EventSource) { return; }
  var source = new EventSource(%s);
  source.addEventListener("build", function (event) {
    if (event.data !== seen) { source.close(); window.location.reload(); }
  });
})();
</script>
"""

_OVERLAY = """<div id="%s" role="alert" style="position:fixed;left:0;right:0;bottom:0;\
z-index:2147483647;max-height:60vh;overflow:auto;margin:0;padding:12px 16px;\
background:#2d0a0a;color:#ffe4e4;border-top:4px solid #e5484d;\
font:14px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;text-align:left">
<p style="margin:0 0 8px;font-weight:bold">%s</p>
<pre style="margin:0;white-space:pre-wrap;word-break:break-word;color:inherit;\
background:none;font:inherit">%s</pre>
</div>
"""

_ERROR_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Build failed · briefing serve</title>
</head>
<body>
<h1>The site could not be built</h1>
<p>Fix the errors listed below and save: this page reloads by itself.</p>
</body>
</html>
"""


def live_snippet(snapshot: Snapshot) -> str:
    """The script, and the overlay while the latest build failed."""
    parts = []
    if snapshot.errors:
        heading = ("Build failed: showing the last good build" if snapshot.has_site
                   else "Build failed")
        lines = "\n".join(html.escape(line) for line in snapshot.errors)
        parts.append(_OVERLAY % (OVERLAY_ID, html.escape(heading), lines))
    parts.append(_SCRIPT % (json.dumps(snapshot.token), json.dumps(EVENTS_PATH)))
    return "".join(parts)


def inject(page: bytes, snapshot: Snapshot) -> bytes:
    """Insert the snippet before the last `</body>`, or at the end without one."""
    snippet = live_snippet(snapshot).encode("utf-8")
    at = page.lower().rfind(b"</body>")
    if at < 0:
        return page + snippet
    return page[:at] + snippet + page[at:]


def error_page(snapshot: Snapshot) -> bytes:
    """Served for every page while no build of this session has succeeded."""
    return inject(_ERROR_PAGE.encode("utf-8"), snapshot)
