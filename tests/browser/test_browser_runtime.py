"""What a handler, a reply or the page can do to the glue at run time, in a real browser:
a handler that closes its own worker, replies that structured clone carries but JSON
cannot hold (read by a real compiled Elm app), and `setup<Base>` called twice. Each
pending request ends with exactly one failure variant, and the glue keeps serving.
"""

from __future__ import annotations

from browser_support import TEST, echo, echoed

SLEEP_MS = 300  # how long a `Sleep` request takes to answer


# ---- self.close() ----------------------------------------------------------------------


def test_a_handler_that_closes_its_worker_fails_each_pending_request_once(elm):
    elm.start()
    elm.push({"type": "Hang", "tag": 1}, {"type": "Sleep", "tag": 2, "ms": SLEEP_MS})
    elm.push({"type": "Quit", "tag": 3, "first": False})
    responses = elm.wait_responses(3)
    assert [r["type"] for r in responses] == [TEST.failure] * 3
    assert all("closed itself" in r[TEST.failure_field] for r in responses), responses
    # Closed (and terminated by the glue), the worker runs no more timers: its Sleep
    # never answers.
    assert elm.terminated() == [0]

    # The next request starts a fresh worker, which answers next.
    elm.still_serving(4)
    assert len(elm.workers()) == 2


def test_a_reply_sent_before_closing_still_answers_its_request(elm):
    elm.start()
    elm.push({"type": "Hang", "tag": 1}, {"type": "Quit", "tag": 2, "first": True})
    responses = elm.wait_responses(2)
    assert responses[0] == echoed(2, "bye")
    assert responses[1]["type"] == TEST.failure and "closed itself" in responses[1][TEST.failure_field]
    assert elm.terminated() == [0]
    elm.still_serving(3)


# ---- replies JSON cannot hold, read by the real Elm ----------------------------------------


def forget_misreplies(elm) -> None:
    """The replies these tests send break the wire contract on purpose (and a cycle
    cannot leave the page): drop them from the log that the end-of-test check reads."""
    elm.evaluate(
        """() => {
            const ids = new Set(window.__log.toWorker
                .filter((e) => e.message.type === 'Misreply').map((e) => e.message.id));
            window.__log.fromWorker = window.__log.fromWorker.filter((e) => !ids.has(e.message.id));
        }"""
    )


def test_a_reply_holding_a_bigint_ends_its_request_with_one_failure(elm, elm_app):
    elm.make_compiled_app(elm_app)
    elm.setup(TEST)
    elm.push({"type": "Misreply", "tag": 5, "what": "bigint"})
    [response] = elm.wait_responses(1)
    forget_misreplies(elm)
    assert response["type"] == TEST.failure, response
    text = response[TEST.failure_field]
    assert "Echoed" in text and "tag is a BigInt (5n)" in text, text
    elm.still_serving(6)


def test_a_reply_holding_a_cycle_ends_its_request_with_one_failure(elm, elm_app):
    elm.make_compiled_app(elm_app)
    elm.setup(TEST)
    elm.push({"type": "Misreply", "tag": 5, "what": "cycle"})
    [response] = elm.wait_responses(1)
    forget_misreplies(elm)
    assert response["type"] == TEST.failure, response
    text = response[TEST.failure_field]
    assert "Echoed" in text and "text.again[0] refers back to text" in text, text
    elm.still_serving(6)


def test_a_progress_reply_holding_a_bigint_ends_its_request_once(elm, elm_app):
    elm.make_compiled_app(elm_app)
    elm.setup(TEST)
    elm.push({"type": "Misreply", "tag": 5, "what": "progress-bigint"})
    [response] = elm.wait_responses(1)
    assert response["type"] == TEST.failure
    assert "CountProgress" in response[TEST.failure_field]
    assert "value[1] is a BigInt (1n)" in response[TEST.failure_field]
    # The glue told the worker the request ended, so the handler's `Counted` (a tick
    # later) is dropped there, or, if it was on its way already, by the glue.
    [misreply] = [m for m in elm.envelopes_to_worker() if isinstance(m, dict) and m["type"] == "Misreply"]
    elm.wait_for("() => window.__log.toWorker.some((e) => Array.isArray(e.message))")
    assert elm.envelopes_to_worker()[1] == [
        "cancel", misreply["id"], "AbortError", response[TEST.failure_field]]
    elm.still_serving(6)
    elm.settle()
    forget_misreplies(elm)
    assert len(elm.responses()) == 2, elm.responses()


def test_a_bigint_where_elm_does_not_read_reaches_elm_as_the_reply(elm, elm_app):
    elm.make_compiled_app(elm_app)
    elm.setup(TEST)
    elm.push({"type": "Misreply", "tag": 5, "what": "bigint-unread"})
    assert elm.wait_responses(1) == [echoed(5, "extra")]
    forget_misreplies(elm)


def test_the_compiled_app_gets_good_replies_and_failures_as_before(elm, elm_app):
    elm.make_compiled_app(elm_app)
    elm.setup(TEST)
    elm.push(echo(1), {"type": "Explode", "message": "kaput"}, {"type": "Add", "value": [2, 3]})
    responses = elm.wait_responses(3)
    assert sorted(responses, key=str) == sorted(
        [echoed(1), {"type": TEST.failure, TEST.failure_field: "kaput"}, {"type": "Sum", "value": 5}],
        key=str,
    )


# ---- setup<Base> twice -----------------------------------------------------------------


def test_a_second_setup_for_the_same_app_returns_the_first_handle(elm):
    elm.make_app()
    elm.setup(handle="first")
    elm.setup(options={"workerUrl": "/nowhere.js"}, handle="second")  # ignored
    assert elm.evaluate("() => window.__handles.first === window.__handles.second")
    elm.still_serving(1)
    assert elm.evaluate("() => window.subscriberCount('app', 'sendToTestWorkerPort')") == 1
    assert [w["url"] for w in elm.workers()] == [elm.base_url + TEST.default_url]


def test_a_hot_reloaded_module_and_setup_workers_connect_nothing_more(elm):
    elm.make_app()
    elm.setup(handle="first")
    # A hot module reload evaluates the module again: a new copy, the same app.
    elm.evaluate(
        """async ([module, setup]) => {
            const reloaded = await import(module + '?hot=1');
            window.__handles.reloaded = reloaded[setup](window.__apps.app.app);
            const { setupWorkers } = await import('/js/workers.js?hot=1');
            window.__handles.all = setupWorkers(window.__apps.app.app);
        }""",
        [TEST.main_module, TEST.setup],
    )
    assert elm.evaluate("() => window.__handles.first === window.__handles.reloaded")
    assert elm.evaluate("() => window.__handles.first === window.__handles.all.testWorker")
    elm.push(echo(1), {"type": "Count", "tag": 2, "steps": 2})
    responses = elm.wait_responses(4)
    assert responses[0] == echoed(1)
    elm.still_serving(5)  # one answer each, though three modules set the glue up
    assert elm.evaluate("() => window.subscriberCount('app', 'sendToTestWorkerPort')") == 1

    # terminate() through any of them is the one glue's: pending requests fail once.
    elm.push({"type": "Hang", "tag": 3})
    elm.wait_for("() => window.__log.toWorker.length >= 4")
    elm.evaluate("() => window.__handles.reloaded.terminate()")
    assert elm.wait_responses(6)[5]["type"] == TEST.failure
    assert elm.terminated() == [0]
    elm.still_serving(7)
