"""The real `serve` command in a subprocess, on loopback: build, reload, errors, exit."""

from __future__ import annotations

import http.client
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

from serve_helpers import Served, SiteText, Starter, free_port, stop_server

ERROR_LINE = re.compile(r"content/articles/2024-05-hello\.md:\d+:\d+: error\[[a-z-]+\]: ")
OVERLAY = 'id="briefing-dev-errors"'


def open_events(served: Served) -> tuple[http.client.HTTPConnection, http.client.HTTPResponse]:
    connection = http.client.HTTPConnection("127.0.0.1", served.port, timeout=10)
    connection.request("GET", "/__briefing/events")
    response = connection.getresponse()
    assert response.status == 200
    assert response.getheader("Content-Type", "").startswith("text/event-stream")
    return connection, response


def next_build(response: http.client.HTTPResponse) -> str:
    """The data of the next `build` event on the stream (skipping keep-alive comments)."""
    event = ""
    while True:
        line = response.readline().decode("utf-8").rstrip("\n")
        if line.startswith("event: "):
            event = line.removeprefix("event: ")
        elif line.startswith("data: ") and event == "build":
            return line.removeprefix("data: ")


def test_serves_the_built_site_from_its_own_folder(served: Served) -> None:
    home = served.get("/")
    assert home.status == 200
    assert home.headers["content-type"] == "text/html; charset=utf-8"
    assert "Serve test briefing" in home.text
    assert "/__briefing/events" in home.text  # live reload is injected...
    on_disk = (served.root / ".briefing/serve/index.html").read_text(encoding="utf-8")
    assert "__briefing" not in on_disk  # ...at response time only
    assert not (served.root / "site").exists()
    page = served.get(SiteText.url)
    assert page.status == 200 and "ORIGINAL-MARKER" in page.text
    assert served.get("/feed.xml").headers["content-type"] == \
        "application/atom+xml; charset=utf-8"
    css = next(re.finditer(r'href="([^"]*style[^"]*\.css)"', home.text)).group(1)
    assert served.get("/" + css.removeprefix("./")).headers["content-type"] == \
        "text/css; charset=utf-8"
    moved = served.get(SiteText.url.rstrip("/") + "?x=1")
    assert (moved.status, moved.headers["location"]) == (301, SiteText.url + "?x=1")
    assert served.get("/", method="HEAD").body == b""
    assert re.search(r"^built \d+ files: \d+ written, 0 unchanged, 0 removed, [\d.]+ s$",
                     served.stdout(), re.MULTILINE)
    assert f"serving http://127.0.0.1:{served.port}/" in served.stdout()


def test_missing_pages_get_the_site_404_page(served: Served) -> None:
    for target in ("/nope", "/articles/nope/", "/.briefing-site", "/assets/none.css"):
        missing = served.get(target)
        assert missing.status == 404, target
        assert missing.headers["content-type"] == "text/html; charset=utf-8"
        assert missing.text == served.get("/nope/deeper/").text
        assert "/__briefing/events" in missing.text


def test_edit_rebuilds_reloads_and_writes_only_changed_files(served: Served) -> None:
    connection, events = open_events(served)
    try:
        first = next_build(events)
        assert first in served.get("/").text  # the page knows which build it shows
        feed = served.root / ".briefing/serve/carriers/skt/feed.xml"
        feed_inode = feed.stat().st_ino
        served.write(SiteText.path, SiteText.article("EDITED-MARKER"))
        page = served.wait_for(SiteText.url, lambda r: "EDITED-MARKER" in r.text)
        assert "ORIGINAL-MARKER" not in page.text
        assert next_build(events) != first
    finally:
        connection.close()
    # The edited page shows first (a preview); the full rebuild's line follows.
    rebuilt = re.compile(r"^rebuilt \d+ files: [1-9]\d* written, [1-9]\d* unchanged, "
                         r"0 removed", re.MULTILINE)
    deadline = time.monotonic() + 20
    while not rebuilt.search(served.stdout()) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert rebuilt.search(served.stdout())
    assert feed.stat().st_ino == feed_inode  # an unchanged file is not rewritten


def test_removed_pages_disappear_from_the_preview(served: Served) -> None:
    second = SiteText.article("SECOND").replace("id: hello-event", "id: second-event")
    served.write("content/articles/2024-06-second.md", second)
    served.wait_for("/articles/2024-06-second/", lambda r: r.status == 200)
    (served.root / "content/articles/2024-06-second.md").unlink()
    served.wait_for("/articles/2024-06-second/", lambda r: r.status == 404)
    # The sync removes pages one by one: wait for the last of them too.
    served.wait_for("/events/second-event/", lambda r: r.status == 404)
    assert not (served.root / ".briefing/serve/articles/2024-06-second").exists()
    assert not (served.root / ".briefing/serve/events/second-event").exists()


def test_build_error_keeps_the_last_good_site_and_shows_the_errors(served: Served) -> None:
    connection, events = open_events(served)
    try:
        before = next_build(events)
        served.write(SiteText.path, SiteText.broken_article("BROKEN-MARKER"))
        page = served.wait_for(SiteText.url, lambda r: OVERLAY in r.text)
        assert next_build(events) != before  # a failed build reloads the page too
        assert page.status == 200 and "ORIGINAL-MARKER" in page.text
        assert ERROR_LINE.search(page.text)
        assert OVERLAY in served.get("/").text  # every page shows it
        assert OVERLAY in served.get("/nope").text
        served.write(SiteText.path, SiteText.article("FIXED-MARKER"))
        fixed = served.wait_for(SiteText.url, lambda r: "FIXED-MARKER" in r.text)
        assert OVERLAY not in fixed.text
        assert OVERLAY not in served.get("/").text
    finally:
        connection.close()
    assert ERROR_LINE.search(served.stderr())
    assert "build failed" in served.stdout()


def test_first_build_failing_serves_a_page_with_the_errors(serve: Starter, project: Path) -> None:
    (project / SiteText.path).write_text(SiteText.broken_article("X"), encoding="utf-8")
    served = serve()
    page = served.get("/")
    assert page.status == 500
    assert OVERLAY in page.text and ERROR_LINE.search(page.text)
    assert "/__briefing/events" in page.text
    served.write(SiteText.path, SiteText.article("NOW-GOOD"))
    good = served.wait_for(SiteText.url, lambda r: r.status == 200)
    assert "NOW-GOOD" in good.text and OVERLAY not in good.text


def test_editor_temp_files_and_reads_trigger_no_build(served: Served) -> None:
    for name in (".2024-05-hello.md.swp", "2024-05-hello.md~", ".#2024-05-hello.md", "4913",
                 "2024-05-hello.md.tmp"):
        served.write(f"content/articles/{name}", "scratch")
    served.get(SiteText.url)
    time.sleep(0.6)  # well past the debounce
    assert "rebuilt" not in served.stdout()


def test_path_traversal_never_leaves_the_served_folder(served: Served) -> None:
    secret = "TOP-SECRET-" + "7f3a"
    served.write("secret.txt", secret)  # the project root: two levels above the folder
    served.write(".briefing/secret.txt", secret)
    outside = served.root.parent / "outside.txt"
    outside.write_text(secret, encoding="utf-8")
    link = served.root / ".briefing/serve/linked.txt"
    link.symlink_to(outside)
    (served.root / ".briefing/serve/linked-dir").symlink_to(served.root)
    attempts = [
        "/../secret.txt", "/../../secret.txt", "/articles/../../../secret.txt",
        "/%2e%2e/secret.txt", "/%2E%2E/%2E%2E/secret.txt", "/.%2e/.%2e/secret.txt",
        "/%2f..%2f..%2fsecret.txt", "/..%2f..%2fsecret.txt", "/%2fetc%2fpasswd",
        "/..%5c..%5csecret.txt", "/..\\..\\secret.txt", "/%252e%252e/%252e%252e/secret.txt",
        "//etc/passwd", "/%00/../secret.txt", "/linked.txt", "/linked-dir/secret.txt",
        "/linked-dir/", f"/{outside}", "/etc/passwd", "/%c0%ae%c0%ae/secret.txt",
        f"http://127.0.0.1:{served.port}/../secret.txt", "../secret.txt", "*",
    ]
    for target in attempts:
        response = served.get(target)
        assert response.status in (400, 404), (target, response.status)
        assert secret not in response.text, target
        assert "root:" not in response.text, target
    assert served.get("/").status == 200


def test_a_foreign_host_name_is_refused(served: Served) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", served.port, timeout=10)
    try:
        connection.putrequest("GET", "/", skip_host=True)
        connection.putheader("Host", f"rebound.example:{served.port}")
        connection.endheaders()
        response = connection.getresponse()
        assert response.status == 403
        assert b"<html" not in response.read()
    finally:
        connection.close()
    assert served.get("/").status == 200


def test_stays_up_under_200_concurrent_clients(served: Served) -> None:
    from concurrent.futures import ThreadPoolExecutor

    targets = ["/", SiteText.url, "/feed.xml", "/nope", "/carriers/skt/"]
    total, clients = 5000, 200

    def fetch(number: int) -> int:
        target = targets[number % len(targets)]
        response = served.get(target, timeout=30)
        expected = 404 if target == "/nope" else 200
        assert response.status == expected and response.body, (target, response.status)
        return len(response.body)

    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        sizes = list(pool.map(fetch, range(total)))
    elapsed = time.monotonic() - started
    assert len(sizes) == total and all(sizes)
    assert elapsed < 60, elapsed
    assert served.process.poll() is None


def test_sigint_and_sigterm_stop_cleanly_with_an_open_event_stream(serve: Starter) -> None:
    for signum in (signal.SIGINT, signal.SIGTERM):
        served = serve()
        connection, events = open_events(served)
        try:
            next_build(events)
            served.process.send_signal(signum)
            assert served.process.wait(timeout=10) == 0
        finally:
            connection.close()
        assert served.stdout().rstrip().endswith("stopped")
        assert "Traceback" not in served.stderr()


def test_a_signal_sent_twice_at_once_stops_cleanly(serve: Starter) -> None:
    # As when `timeout` or a script forwards the terminal's Ctrl-C that the process
    # group got too: the second one must neither hang the stop nor cut it short.
    served = serve()
    connection, events = open_events(served)
    try:
        next_build(events)
        served.process.send_signal(signal.SIGINT)
        served.process.send_signal(signal.SIGTERM)
        assert served.process.wait(timeout=20) == 0
    finally:
        connection.close()
    assert served.stdout().rstrip().endswith("stopped")
    assert "interrupted" not in served.stderr()


# A `serve` whose first build is followed by an edit before the watcher starts: the edit
# must still be built (serve compares the files before the first build and after).
_EDIT_AFTER_FIRST_BUILD = """
import sys
from pathlib import Path
import briefing.serve.rebuild as devserver_build
from briefing.cli import main

real = devserver_build.Rebuilder.build
def build(self, changed=frozenset(), parallel=False):
    report = real(self, changed, parallel)
    if parallel:
        path = Path(sys.argv[1])
        path.write_text(path.read_text(encoding="utf-8").replace("ORIGINAL-MARKER",
                        "MISSED-MARKER"), encoding="utf-8")
    return report
devserver_build.Rebuilder.build = build
sys.exit(main(["serve", "--host", "127.0.0.1", "--port", sys.argv[2]]))
"""


def test_an_edit_during_the_first_build_is_built(project: Path) -> None:
    port = free_port()
    out, err = project.parent / "serve.out", project.parent / "serve.err"
    with out.open("wb") as stdout, err.open("wb") as stderr:
        process = subprocess.Popen(
            [sys.executable, "-c", _EDIT_AFTER_FIRST_BUILD, str(project / SiteText.path),
             str(port)], cwd=project, stdout=stdout, stderr=stderr)
    served = Served(project, port, process, out, err)
    try:
        deadline = time.monotonic() + 20
        while "serving http" not in served.stdout():
            assert process.poll() is None and time.monotonic() < deadline, served.stderr()
            time.sleep(0.05)
        page = served.wait_for(SiteText.url, lambda r: "MISSED-MARKER" in r.text, seconds=10)
        assert "ORIGINAL-MARKER" not in page.text
    finally:
        stop_server(served)
