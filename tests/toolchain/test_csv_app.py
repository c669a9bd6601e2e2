"""The CSV example app (examples/csv-app), run the way its README says.

    test_csv_parser_node_tests      the example's own `node --test` suite (parser, handler)
    test_main_elm_is_elm_format_clean
    test_generate_writes_the_glue_and_keeps_the_handlers
                                    `hamlet generate --strict` in a copy of the example
    test_gitignore_covers_exactly_the_generated_files
    test_worker_side_in_chromium    index.html, the generated glue, the generated worker
                                    entry and the handlers, in Chromium (the session's
                                    `browser`), with a stand-in for the compiled Elm
                                    (csv_app_fake_elm.js)
    test_app_in_chromium            `elm make` and the real app, typed into and clicked
                                    (the `elm_compiler` fixture: skips without the Elm
                                    packages, fails under CI=true)

The stand-in keeps everything but the Elm compile verifiable on a machine that cannot
download Elm packages.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from support.examples import check_node_tests, files, generate, generated_copy, git_ignored
from support.procs import ROOT, elm_format_problems, explain, hamlet
from support.server import StaticServer

APP = ROOT / "examples" / "csv-app"
FAKE_ELM = Path(__file__).with_name("csv_app_fake_elm.js")
WAIT_MS = 10_000

# What `hamlet generate` writes with examples/csv-app/hamlet.toml, and what the README
# says is generated. Written out by hand so that a change in the layout fails here.
GENERATED = (
    "generated/elm/Workers/CSVWorker.elm",
    "generated/js/csv_worker_main.js",
    "generated/js/workers.js",
    "workers/csv_worker.js",
    "workers/csv_worker.schema.json",
)
HANDLERS = "workers/csv_worker_handlers.js"
# Never copied from a working tree that was used by hand: each test generates its own.
NOT_SOURCES = ("generated", "elm-stuff", "node_modules", "dist", "dist-webpack", "csv_worker.js",
               "csv_worker.schema.json")

GOOD_CSV = 'name,motto\nAda,"Hello, ""world"""\r\nGrace,"line one\nline two"\nAlan, kept spaces \n'
GOOD_ROWS = [
    ["name", "motto"],
    ["Ada", 'Hello, "world"'],
    ["Grace", "line one\nline two"],
    ["Alan", " kept spaces "],
]
UNTERMINATED = 'a,b\n1,"2\n3,4\n'
UNTERMINATED_ERROR = "line 2, column 3: the quoted field that starts here is never closed"


# ---- helpers ----


# `open_page` is in tests/toolchain/conftest.py.

# What the app shows: the status line, the error (null when there is none) and the rows.
SHOWN = """() => ({
    status: document.querySelector('#status')?.textContent ?? null,
    error: document.querySelector('#error')?.textContent ?? null,
    rows: [...document.querySelectorAll('#rows tr')].map(r => [...r.cells].map(c => c.textContent)),
})"""
# True once the app shows `want`: its status, its error (a prefix; null: no error) and
# its rows (null: any).
SHOWS = f"""want => {{
    const now = ({SHOWN})();
    return now.status === want.status
        && (want.error === null ? now.error === null : (now.error ?? '').startsWith(want.error))
        && (want.rows === null || JSON.stringify(now.rows) === JSON.stringify(want.rows));
}}"""


def shown(page) -> dict:
    return page.evaluate(SHOWN)


@pytest.fixture(scope="module")
def generated_app(tmp_path_factory) -> Path:
    return generated_copy(APP, tmp_path_factory.mktemp("csv-app") / "csv-app", NOT_SOURCES)


# ---- without a browser ---------------------------------------------------------------


def test_csv_parser_node_tests():
    check_node_tests(APP, ["csv.test.js", "handlers.test.js"])


def test_main_elm_is_elm_format_clean():
    assert elm_format_problems([APP / "src" / "Main.elm"], cwd=APP) == ""


def test_generate_writes_the_glue_and_keeps_the_handlers(generated_app):
    for path in GENERATED:
        assert (generated_app / path).is_file(), f"hamlet generate did not write {path}"
    # The handlers file is the user's: generate found it and left it byte for byte.
    assert (generated_app / HANDLERS).read_bytes() == (APP / HANDLERS).read_bytes()
    entry = (generated_app / "workers/csv_worker.js").read_text(encoding="utf-8")
    assert "./csv_worker_handlers.js" in entry
    elm = (generated_app / "generated/elm/Workers/CSVWorker.elm").read_text(encoding="utf-8")
    assert "port module Workers.CSVWorker exposing" in elm
    # A second run changes nothing, and --check agrees that everything is up to date.
    before = {path: (generated_app / path).read_bytes() for path in (*GENERATED, HANDLERS)}
    again = generate(generated_app)
    assert again.returncode == 0, explain(again)
    assert {path: (generated_app / path).read_bytes() for path in before} == before
    check = hamlet("generate", "--check", cwd=generated_app)
    assert check.returncode == 0, explain(check)


def test_gitignore_covers_exactly_the_generated_files(generated_app):
    """A fresh clone holds the user's files only: everything generate and elm make write
    is ignored, and nothing the user wrote is."""
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not in a git work tree")
    ours = files(APP, skip=NOT_SOURCES)  # what generated_copy copies
    written = sorted(set(files(generated_app)) - set(ours))
    assert HANDLERS in ours and "workers/csv.js" in ours
    assert set(GENERATED) <= set(written), written

    # What elm make, vite build and webpack write.
    extra = ["generated/elm.js", "elm-stuff/0.19.1/d.dat", "dist/index.html", "dist-webpack/main.js"]
    assert git_ignored(APP, written + extra) == set(written + extra)
    assert git_ignored(APP, ours) == set()


# ---- in Chromium ---------------------------------------------------------------------


def test_worker_side_in_chromium(generated_app, tmp_path, open_page):
    """Everything but the Elm: index.html sets up the generated glue on a stand-in app;
    requests shaped like the generated Elm encoder's reach the handlers in a real
    module worker, and the answers come back through the response port."""
    site = tmp_path / "csv-app"
    shutil.copytree(generated_app, site)
    (site / "generated" / "elm.js").write_bytes(FAKE_ELM.read_bytes())
    with StaticServer(site) as server:
        base = server.url
        p, watched = open_page(f"{base}/index.html")
        p.wait_for_function(
            "() => window.__initNode === 'app' && window.__subscribers() === 1", timeout=WAIT_MS
        )
        assert p.evaluate("() => window.__toElm") == []

        def ask(data: str, count: int):
            p.evaluate("data => window.__fromElm({ type: 'ParseCSV', data })", data)
            p.wait_for_function("count => window.__toElm.length >= count", arg=count, timeout=WAIT_MS)
            return p.evaluate("() => window.__toElm")[count - 1]

        assert ask('a,"b,c"\n1,2', 1) == {"type": "CSVParsed", "rows": [["a", "b,c"], ["1", "2"]]}
        assert ask(GOOD_CSV, 2) == {"type": "CSVParsed", "rows": GOOD_ROWS}
        failed = ask(UNTERMINATED, 3)
        assert failed["type"] == "ParseError" and set(failed) == {"type", "error"}
        assert failed["error"].startswith(UNTERMINATED_ERROR), failed
        assert ask("a,b,c\n1,2,3\n4,5\n", 4) == {
            "type": "ParseError",
            "error": "line 3 has 2 fields, but the first row (line 1) has 3 fields",
        }
        assert ask("", 5) == {"type": "CSVParsed", "rows": []}
        # One answer each: the worker answers in order, so an extra answer to an earlier
        # request would have come before this last one, and taken its place.
        assert ask("last\n", 6) == {"type": "CSVParsed", "rows": [["last"]]}
        assert len(p.evaluate("() => window.__toElm")) == 6

        # One worker, started from the main JS's default URL (its path from generated/js
        # to workers/, as on disk: index.html passes no workerUrl), loading the user's
        # modules.
        workers = [url for url in watched.requested if "/workers/" in url]
        assert sorted(set(workers)) == [
            f"{base}/workers/csv.js",
            f"{base}/workers/csv_worker.js",
            f"{base}/workers/csv_worker_handlers.js",
        ], watched.requested
        assert workers.count(f"{base}/workers/csv_worker.js") == 1
        assert watched.problems() == []


def test_app_in_chromium(tmp_path, elm_compiler, open_page):
    """The whole example as its README runs it: generate, elm make, serve, type, click."""
    app = generated_copy(APP, tmp_path / "csv-app", NOT_SOURCES)
    made = elm_compiler.make(app, ["src/Main.elm"], output="generated/elm.js")
    assert made.returncode == 0, explain(made)
    with StaticServer(app) as server:
        p, watched = open_page(f"{server.url}/index.html")
        p.wait_for_selector("#csv-input", timeout=WAIT_MS)
        assert shown(p) == {"status": "Ready", "error": None, "rows": []}

        def parse(text: str | None, want: dict) -> None:
            """Press Parse and wait until the page shows `want`, or fail saying what it
            shows. Each click here leads to a state unlike the one before it, so the
            state before the answer never passes for it."""
            if text is not None:
                p.fill("#csv-input", text)
            p.click("#parse")
            try:
                p.wait_for_function(SHOWS, arg=want, timeout=WAIT_MS)
            except Exception as exc:  # playwright's TimeoutError, with what the page shows
                raise AssertionError(f"waited for {want}, the page shows {shown(p)}") from exc

        # The text the app starts with parses as it stands.
        parse(None, {"status": "Complete", "error": None, "rows": [["name", "motto"], ["Ada", 'Hello, "world"']]})
        parse(GOOD_CSV, {"status": "Complete", "error": None, "rows": GOOD_ROWS})
        # A failure shows the error and keeps the last rows.
        parse(UNTERMINATED, {"status": "Failed", "error": UNTERMINATED_ERROR, "rows": GOOD_ROWS})
        # A later success clears the error and shows the new rows.
        parse("x,y\n1,2\n", {"status": "Complete", "error": None, "rows": [["x", "y"], ["1", "2"]]})
        assert watched.problems() == []
