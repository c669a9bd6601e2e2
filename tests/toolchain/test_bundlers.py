"""examples/csv-app built by real bundlers, served from their output folder and driven
in Chromium: the generated main JS's `new Worker(new URL(..., import.meta.url))` makes
the bundler bundle the worker entry, the handlers and the npm package they import.

    test_vite_build       `vite build` (vite 8, vite-plugin-elm compiling the real
                          src/Main.elm) with the example's vite.config.js, into dist/
    test_webpack_build    webpack 5 (elm-webpack-loader) with the example's
                          webpack.config.js, through webpack's Node API
                          (webpack_build.mjs; webpack-cli is not installed), into
                          dist-webpack/

For these tests the handler parses with papaparse (`import Papa from 'papaparse'`): the
page answers with papaparse's rows and errors, which only a bundled worker can, since a
browser cannot resolve a bare `papaparse` import. Elm comes from the `elm_compiler`
fixture's ELM_HOME (skips without the packages, fails under CI=true).
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest
from support.examples import generated_copy
from support.procs import ROOT, explain, node, node_tool
from support.server import StaticServer

APP = ROOT / "examples" / "csv-app"
NOT_SOURCES = ("generated", "elm-stuff", "node_modules", "dist", "dist-webpack",
               "csv_worker.js", "csv_worker.schema.json", ".hamlet-cache")
WEBPACK_BUILD = Path(__file__).with_name("webpack_build.mjs")
WAIT_MS = 10_000
# An import a browser would have to resolve: the package, or a module of the app.
IMPORT = re.compile(r"""\b(?:from|import)\s*\(?\s*["'`](?:papaparse|\.\.?/[^"'`]*)["'`]""")

PAPA_HANDLERS = """\
// CSVWorker handlers, parsing with the npm package papaparse: only a bundler can
// resolve this import for a worker.
import Papa from 'papaparse';

export async function handleParseCSV(request, reply) {
    const parsed = Papa.parse(request.data, { skipEmptyLines: true });
    if (parsed.errors.length > 0) {
        const [first] = parsed.errors;
        reply.parseError({ error: `papaparse: ${first.message} (row ${first.row})` });
        return;
    }
    reply.csvParsed({ rows: parsed.data });
}
"""

SHOWN = """() => ({
    status: document.querySelector('#status')?.textContent ?? null,
    error: document.querySelector('#error')?.textContent ?? null,
    rows: [...document.querySelectorAll('#rows tr')].map(r => [...r.cells].map(c => c.textContent)),
})"""


@pytest.fixture(scope="module")
def app(tmp_path_factory) -> Path:
    """A generated copy of the example whose handler uses papaparse, with the
    repository's node_modules (the bundlers, their Elm plugins, papaparse) beside it,
    as `npm install` would put them."""
    app = generated_copy(APP, tmp_path_factory.mktemp("bundled") / "csv-app", NOT_SOURCES)
    (app / "workers" / "csv_worker_handlers.js").write_text(PAPA_HANDLERS, encoding="utf-8")
    (app / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    return app


def build(command: list, app: Path, elm_compiler) -> subprocess.CompletedProcess:
    """Run a bundler in `app`, with node_modules/.bin (elm) on PATH and the tests'
    ELM_HOME; once more when elm dies of a known crash of its own."""
    env = {**elm_compiler.env, "PATH": f"{ROOT / 'node_modules' / '.bin'}{os.pathsep}{os.environ['PATH']}"}

    def run() -> subprocess.CompletedProcess:
        return subprocess.run(command, cwd=app, env=env, capture_output=True, text=True,
                              timeout=600, stdin=subprocess.DEVNULL)

    result = run()
    if result.returncode != 0 and elm_compiler.crashed(result.stdout + result.stderr):
        result = run()
    return result


def scripts(dist: Path) -> dict[str, str]:
    return {p.relative_to(dist).as_posix(): p.read_text(encoding="utf-8") for p in dist.rglob("*.js")}


def check_bundle(dist: Path) -> None:
    """The worker is a chunk of its own, with papaparse inside it, and nothing in the
    output imports a package or one of our modules by its source path any more."""
    chunks = scripts(dist)
    workers = [name for name, text in chunks.items() if "handleParseCSV" in text]
    assert len(workers) == 1, sorted(chunks)
    assert "Quoted field unterminated" in chunks[workers[0]]  # papaparse's own message
    for name, text in chunks.items():
        assert not IMPORT.search(text), (name, IMPORT.search(text))


def round_trip(open_page, dist: Path) -> None:
    """Serve `dist` alone, and type into the real Elm app: papaparse's rows, then its
    error, come back through the bundled worker."""
    with StaticServer(dist) as server:
        page, watched = open_page(f"{server.url}/index.html")
        page.wait_for_selector("#csv-input", timeout=WAIT_MS)

        def parse(text: str, want: dict) -> None:
            page.fill("#csv-input", text)
            page.click("#parse")
            try:
                page.wait_for_function(f"want => JSON.stringify(({SHOWN})()) === JSON.stringify(want)",
                                       arg=want, timeout=WAIT_MS)
            except Exception as exc:  # playwright's TimeoutError, with what the page shows
                raise AssertionError(f"waited for {want}, the page shows {page.evaluate(SHOWN)}") from exc

        parse('a,"b,c"\n\n1,2\n', {"status": "Complete", "error": None,
                                    "rows": [["a", "b,c"], ["1", "2"]]})
        parse('a,"b\n', {"status": "Failed", "error": "papaparse: Quoted field unterminated (row 0)",
                         "rows": [["a", "b,c"], ["1", "2"]]})
        # Everything came from dist/, and the worker from the bundler's own file.
        assert all(url.startswith(server.url + "/") for url in watched.requested), watched.requested
        assert not [url for url in watched.requested if "/workers/" in url or "node_modules" in url]
        assert watched.problems() == []


def test_vite_build(app, elm_compiler, open_page):
    elm_compiler.require(app / "elm.json")
    built = build([str(node_tool("vite")), "build"], app, elm_compiler)
    assert built.returncode == 0, explain(built)
    assert "vite v8.3.8" in built.stdout, built.stdout
    dist = app / "dist"
    assert (dist / "index.html").is_file()
    check_bundle(dist)
    round_trip(open_page, dist)


def test_webpack_build(app, elm_compiler, open_page):
    elm_compiler.require(app / "elm.json")
    built = build([node(), str(WEBPACK_BUILD), str(app / "webpack.config.js")], app, elm_compiler)
    assert built.returncode == 0, explain(built)
    assert "webpack 5.113.0 compiled successfully" in built.stdout, built.stdout
    dist = app / "dist-webpack"
    check_bundle(dist)
    round_trip(open_page, dist)
