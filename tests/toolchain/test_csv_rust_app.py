"""The CSV example with its worker in Rust (examples/csv-rust), run the way its README
says: `hamlet generate`, `cargo build --target wasm32-unknown-unknown --release`, the
.wasm copied beside the worker entry, `elm make`, a static server, and the page.

    test_main_elm_is_elm_format_clean
    test_generate_writes_the_glue_and_the_rust_module
                                    exactly the files the README lists, no handlers file
    test_gitignore_covers_exactly_the_generated_files
    test_crate_checks_without_warnings
                                    `cargo check` with the first cargo on PATH, -Dwarnings
    test_app_in_chromium            the real Elm app and the real wasm in a module worker:
                                    typed into and clicked, an error with its line, and
                                    a large sample whose progress shows before its rows

The parser's own tests, and its agreement with the JavaScript example's parser, are in
test_csv_rust_parser.py. The wasm build uses Debian's Rust (tests/support/wasm.py says
why), once per module, in a copy of the example beside a copy of crates/hamlet-derive,
so that the path dependency resolves as it does in the repository.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from support import procs
from support.examples import crate_copy, files, generate, git_ignored
from support.procs import ROOT, elm_format_problems, explain, hamlet, run
from support.server import StaticServer
from support.wasm import CARGO, TARGET, wasm_env

APP = ROOT / "examples" / "csv-rust"
WAIT_MS = 20_000
NOT_SOURCES = ("generated", "elm-stuff", "target", ".hamlet-cache")

# What `hamlet generate` writes with examples/csv-rust/hamlet.toml, written out by hand
# so that a change in the layout fails here. A Rust worker has no handlers file, and so
# no handlers declarations either.
GENERATED = (
    "generated/elm/Workers/CSVWorker.elm",
    "generated/js/csv_worker_main.d.ts",
    "generated/js/csv_worker_main.js",
    "generated/js/workers.d.ts",
    "generated/js/workers.js",
    "generated/rust/csv_worker.rs",
    "generated/workers/csv_worker.js",
    "generated/workers/csv_worker.schema.json",
)
WASM = "generated/workers/csv_worker.wasm"

SHOWN = """() => ({
    status: document.querySelector('#status')?.textContent ?? null,
    error: document.querySelector('#error')?.textContent ?? null,
    count: document.querySelector('#count')?.textContent ?? null,
    rows: [...document.querySelectorAll('#rows tr')].map(r => [...r.cells].map(c => c.textContent)),
})"""
SHOWS = f"""want => {{
    const now = ({SHOWN})();
    return now.status === want.status
        && (want.error === null ? now.error === null : (now.error ?? '').startsWith(want.error))
        && (want.count === undefined || now.count === want.count)
        && (want.rows === null || JSON.stringify(now.rows) === JSON.stringify(want.rows));
}}"""
# Every text the status line shows, as it changes.
WATCH_STATUS = """() => {
    window.__statuses = [];
    const status = document.querySelector('#status');
    new MutationObserver(() => window.__statuses.push(status.textContent))
        .observe(status, { subtree: true, childList: true, characterData: true });
}"""


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Path:
    """examples/csv-rust copied where its path dependency resolves, and generated."""
    app = crate_copy(APP, tmp_path_factory.mktemp("csv-rust"), NOT_SOURCES)
    generated = generate(app)
    assert generated.returncode == 0, explain(generated)
    return app


@pytest.fixture(scope="module")
def built_app(workspace, tmp_path_factory) -> Path:
    """The README's build: the crate to wasm32, release, the .wasm beside the entry."""
    env = wasm_env(tmp_path_factory.mktemp("csv-rust-target"))
    built = run([CARGO, "build", "--offline", "--locked", "--target", TARGET, "--release"],
                cwd=workspace, env=env, timeout=900)
    assert built.returncode == 0, explain(built)
    assert "warning" not in built.stderr, explain(built)
    shutil.copyfile(Path(env["CARGO_TARGET_DIR"]) / TARGET / "release" / "csv_worker.wasm",
                    workspace / WASM)
    return workspace


def test_main_elm_is_elm_format_clean():
    assert elm_format_problems([APP / "elm" / "Main.elm"], cwd=APP) == ""


def test_generate_writes_the_glue_and_the_rust_module(workspace):
    made = files(workspace / "generated")
    assert made == sorted(path.removeprefix("generated/") for path in GENERATED)
    module = (workspace / "generated/rust/csv_worker.rs").read_text(encoding="utf-8")
    assert "pub trait CsvWorkerHandlers" in module
    # The crate names the module where hamlet.toml's rust-out puts it.
    assert '#[path = "../generated/rust/csv_worker.rs"]' in (APP / "src" / "lib.rs").read_text(encoding="utf-8")
    check = hamlet("generate", "--check", cwd=workspace)
    assert check.returncode == 0, explain(check)


def test_gitignore_covers_exactly_the_generated_files():
    """What generate, cargo and elm make write is ignored, and nothing the user wrote is."""
    written = [*GENERATED, WASM, "generated/elm.js", "target/release/x", "elm-stuff/0.19.1/d.dat"]
    assert git_ignored(APP, written) == set(written)
    ours = files(APP, NOT_SOURCES)
    assert "src/lib.rs" in ours and "Cargo.lock" in ours
    assert git_ignored(APP, ours) == set()


def test_crate_checks_without_warnings(workspace, tmp_path):
    cargo = procs.cargo(tmp_path / "target", serde=True)
    checked = cargo(["check", "--offline", "--locked", "--all-targets"], cwd=workspace)
    assert checked.returncode == 0, explain(checked)
    assert "warning" not in checked.stderr, explain(checked)


def test_app_in_chromium(built_app, elm_compiler, open_page):
    made = elm_compiler.make(built_app, ["elm/Main.elm"], output="generated/elm.js")
    assert made.returncode == 0, explain(made)
    with StaticServer(built_app) as server:
        p, watched = open_page(f"{server.url}/index.html")
        p.wait_for_selector("#csv-input", timeout=WAIT_MS)

        def parse(want: dict, text: str | None = None) -> None:
            if text is not None:
                p.fill("#csv-input", text)
            p.click("#parse")
            try:
                p.wait_for_function(SHOWS, arg=want, timeout=WAIT_MS)
            except Exception as exc:  # playwright's TimeoutError, with what the page shows
                raise AssertionError(f"waited for {want}, the page shows {p.evaluate(SHOWN)}") from exc

        parse({"status": "Complete", "error": None, "count": "2 rows",
               "rows": [["name", "motto"], ["Ada", 'Hello, "world"']]})
        parse({"status": "Failed", "error": "line 2, column 3: the quoted field that starts here is never closed",
               "rows": None}, 'a,b\n1,"2\n3,4\n')
        parse({"status": "Complete", "error": None, "count": "2 rows", "rows": [["x", "y"], ["1", "2"]]},
              "x,y\n1,2\n")

        # The large sample: progress shows while the worker parses, then the rows.
        p.click("#sample")
        p.evaluate(WATCH_STATUS)
        parse({"status": "Complete", "error": None, "count": "80001 rows; the first 100 below",
               "rows": None})
        statuses = p.evaluate("() => window.__statuses")
        progress = [s for s in statuses if s.startswith("Parsing... ") and s.endswith("%")]
        assert progress, statuses
        percents = [int(s.removeprefix("Parsing... ").removesuffix("%")) for s in progress]
        assert percents == sorted(percents) and 0 < percents[0] and percents[-1] < 100, percents
        assert statuses[-1] == "Complete"
        first = p.evaluate("() => [...document.querySelectorAll('#rows tr')].slice(0, 2).map(r => [...r.cells].map(c => c.textContent))")
        assert first == [["id", "name", "motto"], ["1", "Ada Lovelace", 'Hello, "world"']]
        # The wasm came from beside the entry, once.
        wasm = [url for url in watched.requested if url.endswith(".wasm")]
        assert wasm == [f"{server.url}/{WASM}"], watched.requested
        assert watched.problems() == []
