"""Fixtures for the browser tests: real generated output, served over HTTP to a real
Chromium with real module Web Workers.

    site     (session)  generate tests/browser/rust/ into a temp folder laid out as
                        /js/ (js-out), /workers/ (worker-out), /rust/ (rust-out),
                        /page/; the generated handler scaffolds are replaced by
                        tests/browser/handlers/ (KeywordWorker keeps its generated
                        scaffold; WasmWorker, written in Rust, gets none)
    server   (session)  tests/support/server.py's StaticServer on the site
    browser  (session)  from the repository's conftest.py: Debian's Chromium through
                        playwright; skips when it is missing (fails under CI)
    elm_app  (session)  tests/browser/elm (Main, Sketch and Tracked) compiled by the
                        real `elm make` against the generated Workers modules, served as
                        /elm-app/main.js; skips
                        when the Elm packages are nowhere to be found (fails under CI)
    elm_partial_apps (session) Partial and TrackedOnly, each compiled on its own
    wasm_worker (session) tests/browser/wasm/ with the Rust module Hamlet generated for
                        WasmWorker, built to WebAssembly with Debian's Rust,
                        served as /workers/wasm_worker.wasm (beside its generated
                        entry) and as /wasm-alt/worker.bin (another name, another MIME
                        type); skips when that Rust is missing (fails under CI)
    elm      (test)     a fresh page standing in for an Elm app; at the end of every
                        test, every message that crossed the port boundary (and every
                        envelope to and from the worker) is validated against the
                        generated JSON Schema, and the page must have thrown nothing
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from support.server import StaticServer

from browser_support import CONTRACTS, ElmPage, WireSchema

HERE = Path(__file__).parent
ROOTS = {"elm": "elm", "js": "js", "worker": "workers", "rust": "rust"}


@dataclass(frozen=True)
class Site:
    root: Path
    schemas: dict[str, WireSchema]

    @property
    def workers_dir(self) -> Path:
        return self.root / ROOTS["worker"]


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Site:
    import hamlet

    root = tmp_path_factory.mktemp("site")
    result = hamlet.generate([str(HERE / "rust")])
    assert result.ok, "\n".join(d.render() for d in result.diagnostics)
    scaffolds = set()
    for file in result.files:
        target = root / ROOTS[file.root] / file.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(file.content, encoding="utf-8")
        if file.scaffold:
            scaffolds.add((file.root, file.path))
    for contract in CONTRACTS:
        handlers = f"{contract.snake}_handlers.js"
        if contract.rust:
            assert ("worker", handlers) not in scaffolds, f"{handlers} was generated for a Rust worker"
            continue
        assert ("worker", handlers) in scaffolds, f"no {handlers} scaffold was generated"
        if not contract.own_handlers:
            continue
        # The handlers file belongs to the user: ours replace the generated scaffold.
        shutil.copyfile(HERE / "handlers" / handlers, root / ROOTS["worker"] / handlers)
    shutil.copytree(HERE / "page", root / "page")
    schemas = {
        c.snake: WireSchema(c, root / ROOTS["worker"] / f"{c.snake}.schema.json") for c in CONTRACTS
    }
    return Site(root, schemas)


@pytest.fixture(scope="session")
def elm_app(site, tmp_path_factory, elm_compiler) -> str:
    """The URL of tests/browser/elm compiled with `elm make`, on the test server."""
    app = tmp_path_factory.mktemp("elm-app") / "app"
    shutil.copytree(HERE / "elm", app, ignore=shutil.ignore_patterns("elm-stuff"))
    shutil.copytree(site.root / ROOTS["elm"], app / "generated")
    out = site.root / "elm-app" / "main.js"
    made = elm_compiler.make(app, ["src/Main.elm", "src/Sketch.elm", "src/Tracked.elm"], output=str(out))
    assert made.returncode == 0, made.stdout + made.stderr
    return "/elm-app/main.js"


@pytest.fixture(scope="session")
def elm_partial_apps(elm_app, site, tmp_path_factory, elm_compiler) -> dict[str, str]:
    """The URLs of tests/browser/elm's Partial and TrackedOnly, each compiled on its own:
    a compiled file registers the ports of every program in it, and these two test
    that the ports they do not use are missing."""
    app = tmp_path_factory.mktemp("elm-partial") / "app"
    shutil.copytree(HERE / "elm", app, ignore=shutil.ignore_patterns("elm-stuff"))
    shutil.copytree(site.root / ROOTS["elm"], app / "generated")
    urls = {}
    for module, name in (("Partial", "partial"), ("TrackedOnly", "tracked_only")):
        made = elm_compiler.make(app, [f"src/{module}.elm"], output=str(site.root / "elm-app" / f"{name}.js"))
        assert made.returncode == 0, made.stdout + made.stderr
        urls[module] = f"/elm-app/{name}.js"
    return urls


@pytest.fixture(scope="session")
def wasm_worker(site, tmp_path_factory) -> Path:
    """The WasmWorker's WebAssembly, in place on the site."""
    from support.wasm import build_wasm

    generated = (site.root / ROOTS["rust"] / "wasm_worker.rs").read_text(encoding="utf-8")
    built = build_wasm(HERE / "wasm", tmp_path_factory.mktemp("wasm-build"),
                       {"src/generated/wasm_worker.rs": generated})
    target = site.workers_dir / "wasm_worker.wasm"
    shutil.copyfile(built, target)
    (site.root / "wasm-alt").mkdir(exist_ok=True)
    shutil.copyfile(built, site.root / "wasm-alt" / "worker.bin")
    return target


@pytest.fixture(scope="session")
def server(site):
    with StaticServer(site.root) as server:
        yield server


@pytest.fixture
def elm(browser, server, site):
    context = browser.new_context()
    page = context.new_page()
    elm_page = ElmPage(page, server.url, site.schemas)
    try:
        yield elm_page
        problems = elm_page.contract_problems()
        assert not problems, "messages off the wire contract:\n" + "\n".join(problems)
        assert not elm_page.page_errors, f"the page threw: {elm_page.page_errors}"
    finally:
        context.close()
