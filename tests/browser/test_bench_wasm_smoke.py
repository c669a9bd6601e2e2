"""The Rust workers' benchmark still runs (bench/glue/wasm_run.py): its site builds
(the generated glue, the Rust echo worker and examples/csv-rust compiled to wasm32), and
on its page every setup answers correctly: the echo workers with each request's echo,
the two CSV workers with the same rows. No timing is asserted: benchmarks are not tests.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from support.wasm import wasm_env

BENCH = Path(__file__).resolve().parents[2] / "bench" / "glue"


@pytest.fixture(scope="module")
def wasm_run():
    sys.path.insert(0, str(BENCH))
    try:
        import wasm_run
    finally:
        sys.path.remove(str(BENCH))
    return wasm_run


@pytest.fixture(scope="module")
def bench_url(wasm_run, tmp_path_factory):
    site, build = tmp_path_factory.mktemp("wasm-site"), tmp_path_factory.mktemp("wasm-build")
    wasm_env(build / "target")  # skips (fails under CI) without Debian's Rust for wasm32
    with pytest.MonkeyPatch.context() as env:
        # The benchmark builds with LTO; its smoke test needs no fast code, only code.
        env.setenv("CARGO_PROFILE_RELEASE_LTO", "false")
        env.setenv("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16")
        wasm_run.build_site(site, build)
    server = wasm_run.Server(site)
    yield server.url
    server.close()


@pytest.fixture
def bench_page(browser, bench_url, wasm_run):
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{bench_url}/page/wasm.html")
    page.wait_for_function("() => window.benchReady === true", timeout=10_000)
    yield lambda what, setup, arg: wasm_run.call(page, errors, what, setup, arg)
    context.close()


@pytest.mark.parametrize("setup", ["js", "wasm"])
def test_every_echo_is_answered_with_its_request(bench_page, setup):
    # `call` raises when a reply is wrong ("bad" counts the replies that are not the echo).
    assert bench_page("latency", setup, 30)["count"] == 30
    assert bench_page("throughput", setup, 300)["count"] == 300


def test_both_csv_workers_return_the_same_rows(bench_page):
    js, rust = bench_page("parse", "csv-js", 0.5), bench_page("parse", "csv-rust", 0.5)
    assert js["rows"] > 5000 and (js["rows"], js["checksum"]) == (rust["rows"], rust["checksum"])
    # The Rust handler reports progress on texts over 256 KB; the JavaScript one never.
    assert js["progress"] == 0 and 0 < rust["progress"] < 100
    measured = bench_page("boundary", "csv-rust", 0.5)
    assert measured["request_bytes"] > 500_000 and measured["reply_bytes"] > 500_000
