"""The main JS finds the worker entry by its path from itself (`new URL(path,
import.meta.url)`), computed from --js-out and --worker-out, with no `workerUrl`: in a
real Chromium, over HTTP, with the folders served as they are on disk, for layouts
whose folders have odd names (a space, a quote, `#`, `?`, `%`, a backslash, non-ASCII).

    test_default_url_loads_the_entry    each layout: a request answered by the entry in
                                        --worker-out (the handler names its own URL)
    test_worker_url_still_overrides     options.workerUrl loads another copy instead
    test_missing_entry_names_its_url    a worker that cannot load: the failure names the
                                        URL the browser tried
"""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

import pytest
from support.chromium import Watched
from support.procs import explain, hamlet
from support.server import StaticServer

from browser_support import WAIT_MS

CSV = """\
#[derive(BuildAmpWorker)]
pub enum CSVWorkerMessage {
    ParseCSV { data: String },
    CSVParsed { rows: Vec<Vec<String>> },
    ParseError { error: String },
}
"""

# Answers with the request and the URL its worker was started from.
HANDLERS = """\
export async function handleParseCSV(request, reply) {
    reply.csvParsed({ rows: [[request.data, self.location.href]] });
}
"""

# A stand-in for the Elm app: the ports the glue uses, and `ask` to send a request.
PAGE = """\
<!doctype html>
<meta charset="utf-8">
<link rel="icon" href="data:,">
<script type="module">
    import { setupCSVWorker } from './MAIN';

    const subscribers = [];
    window.received = [];
    const app = {
        ports: {
            sendToCSVWorkerPort: { subscribe: (f) => subscribers.push(f) },
            csvWorkerResponsePort: { send: (value) => window.received.push(value) },
        },
    };
    setupCSVWorker(app, JSON.parse(new URLSearchParams(location.search).get('options') ?? '{}'));
    window.ask = (data) => subscribers.forEach((f) => f({ type: 'ParseCSV', data }));
    window.ready = true;
</script>
"""

ODD = "it's #1 ?%20 ü\\x"
# (--js-out, --worker-out), relative to the served folder.
LAYOUTS = {
    "apart": ("js", "workers"),
    "same folder": ("out", "out"),
    "inside": ("web", "web/workers"),
    "deep": ("web/js", "deep/a/b/c/workers"),
    "odd names": ("app js/main é", f"{ODD}/w"),
}


def build(site: Path, js_out: str, worker_out: str) -> None:
    """`hamlet generate` into `site` with these folders, our handlers and the page."""
    (site / "src").mkdir(parents=True)
    (site / "src" / "lib.rs").write_text(CSV, encoding="utf-8")
    made = hamlet("generate", "src", "--no-cache", "--elm-out", "elm", "--js-out", js_out,
                  "--worker-out", worker_out, cwd=site)
    assert made.returncode == 0, explain(made)
    (site / worker_out / "csv_worker_handlers.js").write_text(HANDLERS, encoding="utf-8")
    main = quote(f"{js_out}/csv_worker_main.js")
    (site / "index.html").write_text(PAGE.replace("MAIN", main), encoding="utf-8")


def ask(browser, url: str, data: str) -> tuple[dict, Watched]:
    context = browser.new_context()
    try:
        page = context.new_page()
        watched = Watched(page)
        page.goto(url)
        page.wait_for_function("() => window.ready === true", timeout=WAIT_MS)
        page.evaluate("data => window.ask(data)", data)
        page.wait_for_function("() => window.received.length > 0", timeout=WAIT_MS)
        return page.evaluate("() => window.received[0]"), watched
    finally:
        context.close()


@pytest.mark.parametrize("layout", LAYOUTS)
def test_default_url_loads_the_entry(layout, tmp_path, browser):
    js_out, worker_out = LAYOUTS[layout]
    site = tmp_path / "site"
    build(site, js_out, worker_out)
    with StaticServer(site) as server:
        answer, watched = ask(browser, f"{server.url}/index.html", "a,b")
    assert answer["type"] == "CSVParsed", answer
    [[data, entry]] = answer["rows"]
    assert data == "a,b"
    # The entry in --worker-out, reached by its path on disk.
    assert unquote(urlsplit(entry).path) == f"/{worker_out}/csv_worker.js"
    assert urlsplit(entry).query == "" and urlsplit(entry).fragment == ""
    assert watched.problems() == []


def test_worker_url_still_overrides(tmp_path, browser):
    site = tmp_path / "site"
    build(site, "js", "workers")
    shutil.copytree(site / "workers", site / "elsewhere")
    options = quote('{"workerUrl": "/elsewhere/csv_worker.js"}')
    with StaticServer(site) as server:
        answer, watched = ask(browser, f"{server.url}/index.html?options={options}", "x")
        assert answer["rows"] == [["x", f"{server.url}/elsewhere/csv_worker.js"]]
        assert f"{server.url}/workers/csv_worker.js" not in watched.requested
    assert watched.problems() == []


def test_missing_entry_names_its_url(tmp_path, browser):
    site = tmp_path / "site"
    build(site, "web/js", f"{ODD}/w")
    (site / ODD / "w" / "csv_worker.js").unlink()
    with StaticServer(site) as server:
        answer, _ = ask(browser, f"{server.url}/index.html", "x")
        url = f"{server.url}/{quote(ODD)}/w/csv_worker.js"  # as URL parsing writes it
    assert answer == {
        "type": "ParseError",
        "error": f"CSVWorker could not be loaded from {url}, or stopped without an error message",
    }
