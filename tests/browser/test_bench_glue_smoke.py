"""The glue benchmark's harness still runs (bench/glue/): each of its setups (raw
postMessage, the same with Hamlet's envelope, Hamlet's generated glue, untracked and
tracked, with and without a timeout, and Comlink) answers every request correctly, one
at a time and pipelined, both through the browser and with the glue alone (page/dry.js).
No timing is asserted: benchmarks are not tests.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "glue"
COUNT = 50
# (a), (a2), (b), (b2), (b3) and (c) in bench/glue/gluebench.py's SETUPS.
SETUPS = ["raw", "envelope", "hamlet", "tracked", "timeout", "comlink"]
TRACKED = {"tracked", "timeout"}


@pytest.fixture(scope="module")
def gluebench():
    sys.path.insert(0, str(BENCH))
    try:
        import gluebench
    finally:
        sys.path.remove(str(BENCH))
    if not gluebench.COMLINK.is_file():
        pytest.skip("node_modules/comlink is missing (npm ci)")
    return gluebench


@pytest.fixture(scope="module")
def bench_url(gluebench):
    site = gluebench.Site.build()
    yield site.url
    site.close()


@pytest.fixture
def bench_page(browser):
    """A page in its own context; the benchmark's server sends COOP/COEP headers."""
    context = browser.new_context()
    yield context
    context.close()


@pytest.mark.parametrize("setup", SETUPS)
def test_every_reply_is_the_echo_of_its_request(gluebench, bench_url, bench_page, setup):
    page = gluebench.Page(bench_page.new_page(), bench_url)
    assert page.info["crossOriginIsolated"], "the benchmark relies on the precise timer"
    got = page.replies(setup, COUNT)
    requests = got["requests"]
    assert [r["n"] for r in requests] == list(range(COUNT))
    # COUNT sequential replies, then COUNT pipelined ones, each in request order; a
    # tracked one comes with its request's tracker, as `echoWorkerTracked` gets it.
    expected = [{"type": "Echoed", "text": r["text"], "n": r["n"]} for r in requests]
    if setup in TRACKED:
        assert len(set(got["trackers"])) == COUNT
        expected = [[tracker, reply] for tracker, reply in zip(got["trackers"], expected)]
    assert got["replies"] == expected * 2
    # The timed runs check their replies themselves and raise on any wrong one.
    assert page.latency(setup, COUNT)["count"] == COUNT
    assert page.throughput(setup, COUNT)["count"] == COUNT
    assert not page.errors


@pytest.mark.parametrize("setup", SETUPS)
def test_the_glue_alone_answers_every_request(gluebench, bench_url, bench_page, setup):
    assert set(SETUPS) == set(gluebench.SETUPS)
    dry = gluebench.DryPage(bench_page.new_page(), bench_url)
    main = dry.main(setup, COUNT)
    worker = dry.worker(setup, COUNT)
    assert main["bad"] == 0 and worker["bad"] == 0
    assert not dry.errors
