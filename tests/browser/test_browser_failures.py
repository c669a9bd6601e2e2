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
    """Wait for one response, check it is the failure variant, and that the worker
    sent nothing more for its request and answers the next one normally; return the
    failure's text."""
    [response] = elm.wait_responses(1)
    elm.still_serving(1)
    assert set(response) == {"type", TEST.failure_field}
    assert response["type"] == TEST.failure
    text = response[TEST.failure_field]
    assert isinstance(text, str) and text.strip()
    return text


def test_a_handler_that_throws_yields_the_failure_variant_with_its_message(elm):
    elm.start()
    elm.push({"type": "Explode", "message": "kaput 41"})
    assert "kaput 41" in only_failure(elm)


def test_a_handler_that_throws_what_cannot_be_shown_fails_only_its_own_request(elm):
    elm.start()
    elm.push({"type": "Hang", "tag": 1}, {"type": "Explode", "message": "a revoked Proxy"})
    [response] = elm.wait_responses(1)
    assert response[TEST.failure_field] == "a value that cannot be shown as text was thrown"
    elm.still_serving(2)
    # Not a crash of the worker, which would have failed Hang too and ended the worker.
    assert elm.terminated() == [] and len(elm.responses()) == 2


def test_a_handler_that_rejects_yields_the_failure_variant_with_its_message(elm):
    elm.start()
    elm.push({"type": "Refuse", "message": "nope 42"})
    assert "nope 42" in only_failure(elm)


def test_an_unknown_type_yields_the_failure_variant(elm):
    # What a main thread built from a newer enum than the worker entry would send.
    elm.start()
    elm.push({"type": "Bogus", "tag": 1}, off_contract=True)
    assert "Bogus" in only_failure(elm)


def test_a_missing_handler_yields_the_failure_variant(elm):
    elm.start()
    elm.push({"type": "Orphan", "tag": 1})
    assert "Orphan" in only_failure(elm)


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
        # No worker ran, so no answer can be awaited to show that nothing more comes.
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
    elm.settle()  # no worker ran: nothing to wait for that shows no more comes
    assert len(elm.responses()) == 2, elm.responses()
    assert [r["type"] for r in responses] == [TEST.failure, TEST.failure]


def test_an_uncaught_error_in_the_worker_fails_each_pending_request_exactly_once(elm):
    elm.start()
    elm.push({"type": "Hang", "tag": 1}, {"type": "Sleep", "tag": 2, "ms": SLEEP_MS})
    elm.push({"type": "Crash", "tag": 3})  # throws "boom 3" from a timer
    responses = elm.wait_responses(3)
    assert [r["type"] for r in responses] == [TEST.failure] * 3
    assert all("boom 3" in r[TEST.failure_field] for r in responses), responses
    # An uncaught error does not stop a worker by itself: the glue terminates it, so
    # that the failed Sleep's timer never fires there to answer a second time.
    assert elm.terminated() == [0]

    # Nothing hangs: the next request starts a fresh worker and is answered next.
    elm.still_serving(4)
    assert len(elm.workers()) == 2


def test_an_unhandled_rejection_in_the_worker_fails_each_pending_request_once(elm):
    # The generated entry rethrows unhandled rejections, so they fail like errors.
    elm.start()
    elm.push({"type": "Hang", "tag": 1}, {"type": "Abandon", "tag": 2})
    responses = elm.wait_responses(2)
    assert [r["type"] for r in responses] == [TEST.failure] * 2
    assert all("abandoned 2" in r[TEST.failure_field] for r in responses), responses
    assert elm.terminated() == [0]
    elm.still_serving(3)


def test_a_messageerror_fails_each_pending_request_and_the_next_starts_fresh(elm):
    elm.start()
    elm.push({"type": "Hang", "tag": 1}, {"type": "Sleep", "tag": 2, "ms": SLEEP_MS})
    elm.wait_for("() => window.__workerInstances.length === 1")
    # A message that could not be deserialised: the browser fires `messageerror` on
    # the Worker object; dispatched here the same way, on the real instance.
    elm.evaluate("() => window.__workerInstances[0].dispatchEvent(new MessageEvent('messageerror'))")
    responses = elm.wait_responses(2)
    assert [r["type"] for r in responses] == [TEST.failure] * 2
    # Terminated, the old worker's Sleep timer never fires to answer again.
    assert elm.terminated() == [0]

    elm.still_serving(3)
    assert len(elm.workers()) == 2


def test_a_handler_that_never_replies_is_answered_once(elm):
    # A handler that resolves without a final reply gets the failure variant (the
    # worker entry's promise, docs/wire-format.md); a later worker error does not
    # answer it again.
    elm.start()
    elm.push({"type": "Silent", "tag": 1})
    [silent] = elm.wait_responses(1)
    assert silent == {"type": TEST.failure,
                      TEST.failure_field: "handleSilent finished without sending a response"}
    # The worker's error fails only what is still pending: Crash, not Silent again.
    elm.push({"type": "Crash", "tag": 2})
    responses = elm.wait_responses(2)
    assert responses[1]["type"] == TEST.failure and "boom 2" in responses[1][TEST.failure_field]
    assert elm.terminated() == [0]
    elm.still_serving(3)
