"""Tracked requests in a real browser: `sendTo<Base>With`, `<base>Tracked`,
`cancel<Base>` and `terminate<Base>`, with real module workers, and where the order of
one update's commands matters, real compiled Elm (tests/browser/elm/src/Tracked.elm),
because only Elm's own port manager hands a batch over in its real order.

Handlers report what their `reply.signal` did on a BroadcastChannel, the side channel
`elm.side()` reads (tests/browser/handlers/test_worker_handlers.js: Work, Lockstep,
Label). Every message that crossed a port or the worker boundary is checked against
the generated JSON Schema at the end of each test (the `elm` fixture).
"""

from __future__ import annotations

import functools
import json

import pytest

from browser_support import TEST, echo, echoed


def send(tracker, request, timeout=None) -> list:
    """`sendToTestWorkerWith { tracker = .., timeout = .. } request`, as Elm encodes it."""
    return ["send", tracker, timeout, request]


def work(tag: int) -> dict:
    return {"type": "Work", "tag": tag}


def progress(tag: int, step: int) -> dict:
    return {"type": "CountProgress", "value": [tag, step]}


def failed(text: str) -> dict:
    return {"type": "TestFailed", "error": text}


def of(tracked: list[list], tracker: str) -> list[dict]:
    return [response for t, response in tracked if t == tracker]


def test_five_tracked_requests_in_flight_each_get_their_own_progress(elm):
    elm.start()
    jobs = [f"image-{n}" for n in range(1, 6)]
    elm.push(*(send(job, {"type": "Lockstep", "tag": n, "jobs": 5, "steps": 3})
               for n, job in enumerate(jobs, 1)))
    tracked = elm.wait_tracked(5 * 4)
    for n, job in enumerate(jobs, 1):
        assert of(tracked, job) == [progress(n, 1), progress(n, 2), progress(n, 3), {"type": "Counted", "value": n}]
    # Interleaved: every job's step k arrived before any job's step k + 1.
    steps = [response["value"][1] for _, response in tracked if response["type"] == "CountProgress"]
    assert steps == [1] * 5 + [2] * 5 + [3] * 5
    assert elm.responses() == []  # nothing on the untracked subscription


@pytest.mark.parametrize("order", ["cancel first", "send first"])
def test_stale_results_cancel_and_send_in_one_batch_through_real_elm(elm, elm_app, order):
    elm.make_real_app(elm_app, "Tracked")
    elm.setup()
    elm.run({"op": "send", "tracker": "search", "timeout": None, "request": work(1)})
    assert elm.wait_got(1) == [{"tracker": "search", "response": progress(1, 1)}]

    cancel = {"op": "cancel", "tracker": "search"}
    query = {"op": "send", "tracker": "search", "timeout": None, "request": echo(2, "new query")}
    elm.run(*([cancel, query] if order == "cancel first" else [query, cancel]))
    got = elm.wait_got(3)
    assert got == [
        {"tracker": "search", "response": progress(1, 1)},
        {"tracker": "search", "response": failed("cancelled")},
        {"tracker": "search", "response": echoed(2, "new query")},
    ]
    # Elm handed the batch over last command first: the test saw both real orders.
    commands = [entry["value"] for entry in elm.log()["pushed"]][1:]
    expected = [send("search", echo(2, "new query")), ["cancel", "search"]]
    assert commands == (expected if order == "cancel first" else expected[::-1])
    elm.wait_for("() => window.__log.side.length >= 1")
    assert elm.side() == [{"tag": 1, "aborted": True, "name": "AbortError", "message": "cancelled"}]


def test_a_tracked_response_that_does_not_decode_is_the_failure_variant_with_its_tracker(elm, elm_app):
    elm.make_real_app(elm_app, "Tracked")
    elm.send_unlogged(TEST.tracked, ["t", {"type": "Echoed", "tag": "seven", "text": "x"}])
    elm.send_unlogged(TEST.tracked, ["u", {"type": "Nonsense"}])
    got = elm.wait_got(2)
    assert [g["tracker"] for g in got] == ["t", "u"]
    assert [g["response"]["type"] for g in got] == ["TestFailed"] * 2
    prefix = "Could not decode a message from TestWorker: "
    assert got[0]["response"]["error"].startswith(prefix) and "seven" in got[0]["response"]["error"]
    assert got[1]["response"]["error"].startswith(prefix) and "Nonsense" in got[1]["response"]["error"]


def test_a_cancel_while_the_handler_is_mid_way(elm):
    elm.start()
    elm.push(send("job", work(7)))
    assert elm.wait_tracked(1) == [["job", progress(7, 1)]]
    elm.push(["cancel", "job"])
    assert elm.wait_tracked(2)[1] == ["job", failed("cancelled")]
    # The handler saw its signal abort, and only then replied, late (see Work).
    elm.wait_for("() => window.__log.side.length >= 1")
    assert elm.side() == [{"tag": 7, "aborted": True, "name": "AbortError", "message": "cancelled"}]
    # The worker answers in order: an answer to a later request comes after anything
    # the cancelled handler sent, so once it is here, nothing more can come.
    elm.push(send("after", echo(8)))
    tracked = elm.wait_tracked(3)
    assert tracked == [["job", progress(7, 1)], ["job", failed("cancelled")], ["after", echoed(8)]]
    to_worker = elm.envelopes_to_worker()
    assert to_worker[1] == ["cancel", to_worker[0]["id"], "AbortError", "cancelled"]
    # Its late replies never left the worker.
    assert [m for m in elm.envelopes_from_worker() if m.get("id") == to_worker[0]["id"]] == [
        {"id": to_worker[0]["id"], "type": "CountProgress", "data": {"value": [7, 1]}}]


def test_a_timeout_ends_the_request_once_and_drops_its_late_reply(elm):
    elm.start()
    elm.still_serving(1)  # the worker runs: the handler starts well within the timeout
    elm.push(send("slow", work(3), timeout=150))
    elm.wait_for("() => window.__log.side.length >= 1")
    assert elm.side() == [{"tag": 3, "aborted": True, "name": "TimeoutError", "message": "timed out after 150 ms"}]
    # The handler has replied late by now; the worker answers in order, so once the
    # answer to a later request is here, nothing of the late replies can follow. The
    # glue told the worker and delivered the timeout's failure in one task, before the
    # worker could act on it, so what is on the port now is all of "slow" (one value
    # or two: see below), and the answer is
    # the next value: wait for exactly that many (waiting for 2 returned early, and
    # failed on a slow machine, when "slow" had sent its progress).
    before = len(elm.tracked())
    elm.push(send("after", echo(4)))
    tracked = elm.wait_tracked(before + 1)
    assert len(tracked) == before + 1 and tracked[-1] == ["after", echoed(4)]
    slow = of(tracked, "slow")
    # Its first progress, unless the machine was slow enough for the timeout to come
    # first; then the failure, once; nothing after it.
    assert slow in ([progress(3, 1), failed("timed out after 150 ms")], [failed("timed out after 150 ms")])


def test_a_default_timeout_for_untracked_requests(elm):
    elm.start(options={"timeoutMs": 120})
    elm.push({"type": "Hang", "tag": 1}, send("tracked", work(2)))
    assert elm.wait_responses(1) == [failed("timed out after 120 ms")]
    elm.wait_tracked(1)
    elm.settle()  # well past 120 ms: the tracked one has no timeout to end it
    assert elm.tracked() == [["tracked", progress(2, 1)]]
    elm.push(["cancel", "tracked"])
    # The tracked one had no timeout: it ran until now.
    assert elm.wait_tracked(2) == [["tracked", progress(2, 1)], ["tracked", failed("cancelled")]]


def test_terminate_with_three_requests_pending_then_a_fresh_worker(elm):
    elm.start()
    elm.push(send("a", {"type": "Hang", "tag": 1}), {"type": "Hang", "tag": 2}, send("b", work(3)))
    elm.wait_tracked(1)  # b's progress: all three reached the worker
    elm.push(["terminate"])
    gone = failed("TestWorker was terminated")
    assert elm.wait_tracked(3) == [["b", progress(3, 1)], ["a", gone], ["b", gone]]
    assert elm.wait_responses(1) == [gone]
    assert elm.terminated() == [0]

    elm.push(send("c", echo(4)))
    assert elm.wait_tracked(4)[3] == ["c", echoed(4)]
    assert len(elm.workers()) == 2
    elm.still_serving(5)
    assert elm.failures() == ["TestWorker was terminated"]  # still once each


@pytest.mark.parametrize("order", ["terminate first", "send first"])
def test_terminate_in_a_batch_applies_before_the_request_sent_beside_it(elm, elm_app, order):
    elm.make_real_app(elm_app, "Tracked")
    elm.setup()
    elm.run({"op": "plain", "request": {"type": "Hang", "tag": 1}})
    elm.wait_for("() => window.__log.toWorker.length >= 1")
    batch = [{"op": "terminate"}, {"op": "send", "tracker": "next", "timeout": None, "request": echo(2)}]
    elm.run(*(batch if order == "terminate first" else batch[::-1]))
    assert elm.wait_got(2) == [
        {"response": failed("TestWorker was terminated")},
        {"tracker": "next", "response": echoed(2)},
    ]
    assert len(elm.workers()) == 2


def test_tracked_and_untracked_requests_mixed(elm):
    elm.start()
    elm.push(
        send("t", {"type": "Count", "tag": 1, "steps": 2}),
        {"type": "Count", "tag": 2, "steps": 2},
        send("w", work(3)),
        {"type": "Sleep", "tag": 4, "ms": 50},
        send(None, echo(5)),
    )
    elm.wait_for("() => window.__log.sent.some((e) => e.value[0] === 'w')")
    elm.push(["cancel", "w"], ["cancel", "nobody"])
    responses = elm.wait_responses(5)
    tracked = elm.wait_tracked(5)
    assert of(tracked, "t") == [progress(1, 1), progress(1, 2), {"type": "Counted", "value": 1}]
    assert of(tracked, "w") == [progress(3, 1), failed("cancelled")]
    key = functools.partial(json.dumps, sort_keys=True)
    assert sorted(responses, key=key) == sorted([
        progress(2, 1), progress(2, 2), {"type": "Counted", "value": 2},
        {"type": "Echoed", "tag": 4, "text": "slept"}, echoed(5)], key=key)
    assert len(tracked) == 5


@pytest.mark.parametrize("tracker", ["label", None])
def test_fields_named_like_the_wire_of_tracked_requests(elm, tracker):
    elm.start()
    label = {"type": "Label", "tracker": "not mine", "timeout": 1, "cancel": True, "send": "cancel"}
    elm.push(send(tracker, label, timeout=60000), label)
    labelled = dict(label, type="Labelled")
    if tracker is None:
        assert elm.wait_responses(2) == [labelled, labelled]
    else:
        assert elm.wait_tracked(1) == [["label", labelled]]
        assert elm.wait_responses(1) == [labelled]
    elm.push(["cancel", "not mine"])
    elm.still_serving(1)
    assert elm.failures() == []
    assert [m["data"] for m in elm.envelopes_to_worker()[:2]] == [
        {k: v for k, v in label.items() if k != "type"}] * 2


def test_an_app_that_never_subscribes_to_tracked_responses(elm, elm_partial_apps):
    elm.make_real_app(elm_partial_apps["Partial"], "Partial")
    assert elm.evaluate("() => Object.keys(window.__apps.app.app.ports).sort()") == [
        "gotPartial", "runPartial", TEST.outgoing, TEST.incoming]
    elm.setup()
    elm.run({"op": "send", "tracker": "t", "request": work(1)},
            {"op": "send", "tracker": None, "request": echo(2)})
    assert elm.wait_got(1) == [{"response": echoed(2)}]
    elm.wait_for("() => window.__log.fromWorker.length >= 2")  # Work's progress: dropped
    elm.run({"op": "cancel", "tracker": "t"})
    elm.wait_for("() => window.__log.side.length >= 1")
    assert elm.side()[0]["message"] == "cancelled"
    elm.run({"op": "send", "tracker": None, "request": echo(3)})
    assert elm.wait_got(2) == [{"response": echoed(2)}, {"response": echoed(3)}]


def test_an_app_that_never_subscribes_to_untracked_responses(elm, elm_partial_apps):
    elm.make_real_app(elm_partial_apps["TrackedOnly"], "TrackedOnly")
    assert elm.evaluate("() => Object.keys(window.__apps.app.app.ports).sort()") == [
        "gotTrackedOnly", "runTrackedOnly", TEST.outgoing, TEST.tracked]
    elm.setup()
    elm.run({"op": "send", "tracker": None, "request": {"type": "Hang", "tag": 1}},
            {"op": "send", "tracker": "t", "request": work(2)})
    assert elm.wait_got(1) == [{"tracker": "t", "response": progress(2, 1)}]
    elm.run({"op": "terminate"})
    assert elm.wait_got(2)[1] == {"tracker": "t", "response": failed("TestWorker was terminated")}
    elm.run({"op": "send", "tracker": "u", "request": echo(3)})
    assert elm.wait_got(3)[2] == {"tracker": "u", "response": echoed(3)}
