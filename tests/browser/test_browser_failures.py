"""The generated glue in a real browser when things go wrong: handlers that throw or
reject, requests nobody handles, a worker script that fails to load, an uncaught error
inside the worker, and `messageerror`. Each must reach Elm as the failure variant, once
per affected request, and never leave a request hanging.
"""

from __future__ import annotations

import pytest

from browser_support import TEST, echo, echoed

SLEEP_MS = 300  # how long a `Sleep` request takes to answer


def only_failure(elm) -> str:
    """Wait for exactly one response, check it is the failure variant, return its text."""
    elm.wait_responses(1)
    elm.settle()
    responses = elm.responses()
    assert len(responses) == 1, responses
    response = responses[0]
    assert set(response) == {"type", TEST.failure_field}
    assert response["type"] == TEST.failure
    text = response[TEST.failure_field]
    assert isinstance(text, str) and text.strip()
    return text


def still_serving(elm, tag: int) -> None:
    """A following request is answered normally."""
    before = len(elm.responses())
    elm.push(echo(tag))
    assert elm.wait_responses(before + 1)[before:] == [echoed(tag)]


def test_a_handler_that_throws_yields_the_failure_variant_with_its_message(elm):
    elm.start()
    elm.push({"type": "Explode", "message": "kaput 41"})
    assert "kaput 41" in only_failure(elm)
    still_serving(elm, 1)


def test_a_handler_that_rejects_yields_the_failure_variant_with_its_message(elm):
    elm.start()
    elm.push({"type": "Refuse", "message": "nope 42"})
    assert "nope 42" in only_failure(elm)
    still_serving(elm, 1)


def test_an_unknown_type_yields_the_failure_variant(elm):
    # What a main thread built from a newer enum than the worker entry would send.
    elm.start()
    elm.push({"type": "Bogus", "tag": 1}, off_contract=True)
    assert "Bogus" in only_failure(elm)
    still_serving(elm, 1)


def test_a_missing_handler_yields_the_failure_variant(elm):
    elm.start()
    elm.push({"type": "Orphan", "tag": 1})
    assert "Orphan" in only_failure(elm)
    still_serving(elm, 1)


BROKEN_SCRIPTS = {
    "missing": None,  # 404
    "syntax-error": "export const = ;\n",
}


@pytest.mark.parametrize("broken", sorted(BROKEN_SCRIPTS))
def test_a_worker_that_fails_to_load_fails_each_pending_request_and_the_next_starts_fresh(
    elm, site, broken
):
    script = site.workers_dir / f"{TEST.snake}__{broken}.js"
    url = f"/workers/{script.name}"
    try:
        if BROKEN_SCRIPTS[broken] is not None:
            script.write_text(BROKEN_SCRIPTS[broken], encoding="utf-8")
        elm.start(options={"workerUrl": url})
        elm.push(echo(1), echo(2))
        responses = elm.wait_responses(2)
        elm.settle()
        assert len(elm.responses()) == 2, elm.responses()
        assert [r["type"] for r in responses] == [TEST.failure, TEST.failure]
        assert all(r[TEST.failure_field].strip() for r in responses)

        # Fixed on the server: the next request starts a fresh worker, which works.
        script.write_text((site.workers_dir / f"{TEST.snake}.js").read_text(encoding="utf-8"))
        elm.push(echo(3))
        assert elm.wait_responses(3)[2:] == [echoed(3)]
        assert [w["url"] for w in elm.workers()] == [elm.base_url + url] * 2
    finally:
        script.unlink(missing_ok=True)


def test_a_worker_url_the_browser_refuses_fails_each_request(elm):
    # Another origin (localhost, not 127.0.0.1): `new Worker` throws a SecurityError.
    url = elm.base_url.replace("127.0.0.1", "localhost") + TEST.default_url
    elm.start(options={"workerUrl": url})
    elm.push(echo(1), echo(2))
    responses = elm.wait_responses(2)
    elm.settle()
    assert len(elm.responses()) == 2, elm.responses()
    assert [r["type"] for r in responses] == [TEST.failure, TEST.failure]


def test_an_uncaught_error_in_the_worker_fails_each_pending_request_exactly_once(elm):
    elm.start()
    elm.push({"type": "Hang", "tag": 1}, {"type": "Sleep", "tag": 2, "ms": SLEEP_MS})
    elm.push({"type": "Crash", "tag": 3})  # throws "boom 3" from a timer
    responses = elm.wait_responses(3)
    # An uncaught error does not stop a worker by itself: the failed Sleep must not
    # be answered a second time when its timer fires in the old worker.
    elm.settle(2 * SLEEP_MS)
    assert len(elm.responses()) == 3, elm.responses()
    assert [r["type"] for r in responses] == [TEST.failure] * 3
    assert all("boom 3" in r[TEST.failure_field] for r in responses), responses

    # Nothing hangs: the next request starts a fresh worker and is answered.
    still_serving(elm, 4)
    assert len(elm.workers()) == 2
    elm.settle()
    assert len(elm.responses()) == 4


def test_an_unhandled_rejection_in_the_worker_fails_each_pending_request_once(elm):
    # The generated entry rethrows unhandled rejections, so they fail like errors.
    elm.start()
    elm.push({"type": "Hang", "tag": 1}, {"type": "Abandon", "tag": 2})
    responses = elm.wait_responses(2)
    elm.settle()
    assert len(elm.responses()) == 2, elm.responses()
    assert [r["type"] for r in responses] == [TEST.failure] * 2
    assert all("abandoned 2" in r[TEST.failure_field] for r in responses), responses
    still_serving(elm, 3)


def test_a_messageerror_fails_each_pending_request_and_the_next_starts_fresh(elm):
    elm.start()
    elm.push({"type": "Hang", "tag": 1}, {"type": "Sleep", "tag": 2, "ms": SLEEP_MS})
    elm.wait_for("() => window.__workerInstances.length === 1")
    # A message that could not be deserialised: the browser fires `messageerror` on
    # the Worker object; dispatched here the same way, on the real instance.
    elm.evaluate("() => window.__workerInstances[0].dispatchEvent(new MessageEvent('messageerror'))")
    responses = elm.wait_responses(2)
    elm.settle(2 * SLEEP_MS)  # the failed Sleep is not answered again later
    assert len(elm.responses()) == 2, elm.responses()
    assert [r["type"] for r in responses] == [TEST.failure] * 2

    still_serving(elm, 3)
    assert len(elm.workers()) == 2


def test_a_handler_that_never_replies_is_answered_at_most_once(elm):
    # Whether the entry fails a handler that resolves without replying is its choice;
    # either way the request gets one answer: that failure, or the worker error's.
    elm.start()
    elm.push({"type": "Silent", "tag": 1})
    elm.settle()
    elm.push({"type": "Crash", "tag": 2})
    responses = elm.wait_responses(2)
    elm.settle()
    assert len(elm.responses()) == 2, elm.responses()
    assert [r["type"] for r in responses] == [TEST.failure] * 2
