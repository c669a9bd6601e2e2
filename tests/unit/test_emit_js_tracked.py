"""Tracked requests in the main-thread glue, run in node with the harness's fake
`Worker` and Elm ports (tests/support/node_harness.js): the commands of one update
(one `push`, as Elm hands over one update's commands in one turn) are handled
together, cancels and terminates first; a tracked request's responses reach the
tracked port with its tracker; a cancel or a timeout ends its request at once, aborts
the handler's `reply.signal` and drops what comes later; odd timeouts; ports the app
does not use. Every message that crosses is on the generated JSON Schema's contract.

The same behaviour in Chromium, with real workers and real compiled Elm, is in
tests/browser/test_browser_tracked.py.
"""

from __future__ import annotations

import pytest

from hamlet.emit.js_index import emit_index
from hamlet.emit.js_main import emit_main
from hamlet.model import Project
from support.node import needs_node, run_node
from support.project import alone
from support.schema import Wire
from support.shapes import HANDLERS, MAIN_PRELUDE, shapes_site

PORTS = "['sendToShapesWorkerPort'], ['shapesWorkerResponsePort', 'shapesWorkerTrackedPort']"
RESPONSE = "shapesWorkerResponsePort"
TRACKED = "shapesWorkerTrackedPort"


def run(shapes, tmp_path, body: str) -> dict:
    log = run_node(tmp_path, shapes_site(shapes, HANDLERS), MAIN_PRELUDE + body)
    Wire(shapes).check(log)
    return log


# The glue's clock, faked: performance.now() is `clock`, a setTimeout with a delay waits
# in `timers` until `advance(ms)` moves the clock past it (then the scenario settles).
# A setTimeout without a delay stays real: the harness delivers messages with those.
FAKE_CLOCK = """
let clock = 0;
performance.now = () => clock;
const realSetTimeout = globalThis.setTimeout;
const realClearTimeout = globalThis.clearTimeout;
const timers = new Set();
globalThis.setTimeout = (fn, delay, ...rest) => {
    if (!(delay > 0)) return realSetTimeout(fn, delay, ...rest);
    const timer = { due: clock + delay, fn, rest };
    timers.add(timer);
    return timer;
};
globalThis.clearTimeout = (timer) => (timers.has(timer) ? timers.delete(timer) : realClearTimeout(timer));
async function advance(ms) {
    clock += ms;
    for (const timer of [...timers].sort((a, b) => a.due - b.due)) {
        if (timer.due <= clock && timers.delete(timer)) timer.fn(...timer.rest);
    }
    await settle();
}
"""


def run_(tracker, mode, note=None, timeout="null"):
    """A tracked `Run` command, as `sendToShapesWorkerWith` encodes it."""
    tracker = "null" if tracker is None else f"'{tracker}'"
    note = "null" if note is None else f"'{note}'"
    return f"['send', {tracker}, {timeout}, {{ type: 'Run', mode: '{mode}', note: {note} }}]"


def arrived(log) -> list[tuple[str, object]]:
    """What reached Elm, each with its port."""
    return list(zip(log["via"], log["toElm"]))


def failed(text):
    return {"type": "Failed", "value": text}


@needs_node
def test_a_tracked_requests_responses_reach_the_tracked_port_with_its_tracker(shapes, tmp_path):
    log = run(shapes, tmp_path, f"""
const elm = makeApp({PORTS});
setupShapesWorker(elm.app);
elm.push({run_('a', 'progress')}, {run_('b', 'complete', 'b')}, {{ type: 'Resize', value: [1, 2] }},
         {run_(None, 'complete', 'untracked')}, {run_('', 'complete', 'empty tracker')});
await settle();
done();
""")
    got = arrived(log)
    assert [value for port, value in got if port == TRACKED and value[0] == "a"] == [
        ["a", {"type": "StepProgress", "value": 1}],
        ["a", {"type": "StepProgress", "value": 2}],
        ["a", {"type": "Ran", "mode": "progress", "note": None}],
    ]
    assert ["b", {"type": "Ran", "mode": "complete", "note": "b"}] in [v for p, v in got if p == TRACKED]
    assert ["", {"type": "Ran", "mode": "complete", "note": "empty tracker"}] in [v for p, v in got if p == TRACKED]
    assert sorted((v["type"], v.get("note")) for p, v in got if p == RESPONSE) == [
        ("Ran", "untracked"), ("Resized", None)]
    assert len(got) == 7
    # The envelope is the same for every request: the tracker stays on the main thread.
    assert all(isinstance(m, dict) and set(m) == {"id", "type", "data"} for m in log["toWorker"])


@needs_node
@pytest.mark.parametrize("order", ["cancel first", "send first"])
def test_a_cancel_ends_the_earlier_request_never_the_one_sent_beside_it(shapes, tmp_path, order):
    batch = ["['cancel', 'search']", run_("search", "complete", "new")]
    if order == "send first":
        batch.reverse()
    log = run(shapes, tmp_path, f"""
const elm = makeApp({PORTS});
setupShapesWorker(elm.app);
elm.push({run_('search', 'hang', 'old')});
await settle();
elm.push({', '.join(batch)});
await settle();
done();
""")
    assert arrived(log) == [
        (TRACKED, ["search", failed("cancelled")]),
        (TRACKED, ["search", {"type": "Ran", "mode": "complete", "note": "new"}]),
    ]
    assert log["toWorker"][1] == ["cancel", 1, "AbortError", "cancelled"]
    assert log["toWorker"][2]["id"] == 2


@needs_node
def test_a_cancel_ends_every_pending_request_of_its_tracker_and_nothing_else(shapes, tmp_path):
    log = run(shapes, tmp_path, f"""
const elm = makeApp({PORTS});
setupShapesWorker(elm.app);
elm.push({run_('x', 'hang', '1')}, {run_('x', 'hang', '2')}, {run_('y', 'hang', '3')},
         {run_(None, 'hang', '4')});
await settle();
elm.push(['cancel', 'nobody'], ['cancel', 'X']);
await settle();
const before = log.toElm.length;
elm.push(['cancel', 'x']);
await settle();
elm.push(['cancel', 'x']);
await settle();
done({{ before }});
""")
    assert log["before"] == 0
    assert arrived(log) == [(TRACKED, ["x", failed("cancelled")])] * 2
    assert [m for m in log["toWorker"] if isinstance(m, list)] == [
        ["cancel", 1, "AbortError", "cancelled"], ["cancel", 2, "AbortError", "cancelled"]]


@needs_node
def test_a_cancel_aborts_the_handlers_signal_and_drops_its_late_replies(shapes, tmp_path):
    log = run(shapes, tmp_path, f"""
const elm = makeApp({PORTS});
setupShapesWorker(elm.app);
elm.push({run_('job', 'abortable', 'one')});
await settle();
elm.push(['cancel', 'job']);
await settle();
const worker = log.fromWorker.length;
// A reply that was on its way when the cancel was sent: the main thread drops it too.
instances[0].dispatchEvent(new MessageEvent('message', {{ data: {{ id: 1, type: 'Ran', data: {{ mode: 'late', note: null }} }} }}));
elm.push({{ type: 'Resize', value: [5, 6] }});
await settle();
done({{ aborted: globalThis.aborted, worker }});
""")
    assert arrived(log) == [
        (TRACKED, ["job", {"type": "StepProgress", "value": 1}]),
        (TRACKED, ["job", failed("cancelled")]),
        (RESPONSE, {"type": "Resized", "value": [6, 5]}),
    ]
    assert log["aborted"] == [{"note": "one", "name": "AbortError", "message": "cancelled"}]
    # The handler's late progress and reply never left the worker.
    assert [m["type"] for m in log["fromWorker"]] == ["StepProgress", "Resized"]


@needs_node
def test_terminate_applies_first_in_its_batch_and_fails_each_pending_request_on_its_port(shapes, tmp_path):
    log = run(shapes, tmp_path, f"""
const elm = makeApp({PORTS});
setupShapesWorker(elm.app);
elm.push({run_('t', 'hang')}, {run_(None, 'hang')}, {{ type: 'Run', mode: 'hang', note: null }});
await settle();
elm.push({run_('t', 'complete', 'after')}, ['terminate'], {{ type: 'Resize', value: [1, 2] }});
await settle();
done();
""")
    gone = failed("ShapesWorker was terminated")
    assert arrived(log)[:3] == [(TRACKED, ["t", gone]), (RESPONSE, gone), (RESPONSE, gone)]
    rest = arrived(log)[3:]
    assert len(rest) == 2
    assert (TRACKED, ["t", {"type": "Ran", "mode": "complete", "note": "after"}]) in rest
    assert (RESPONSE, {"type": "Resized", "value": [2, 1]}) in rest
    assert log["terminated"] == [0] and len(log["workers"]) == 2


@needs_node
def test_a_timeout_ends_its_request_once_and_aborts_the_handler(shapes, tmp_path):
    # The glue's clock is a fake one that moves only when the scenario says, so the
    # quick request answers well within its 5 ms however slowly the machine runs.
    log = run(shapes, tmp_path, f"""
{FAKE_CLOCK}
const elm = makeApp({PORTS});
setupShapesWorker(elm.app);
elm.push({run_('slow', 'abortable', 'slow', 5)}, {run_(None, 'abortable', 'free', 2.5)},
         {run_('quick', 'complete', 'quick', 5)});
await settle();
const armed = timers.size;
await advance(2.5);
await advance(2.5);
await advance(1000);
done({{ aborted: globalThis.aborted, armed, left: timers.size }});
""")
    assert log["armed"] == 1  # one timer for the glue, for the earliest deadline
    assert log["left"] == 0
    got = arrived(log)
    # Each gets its failure once (its first progress may or may not have come first),
    # and nothing after it: no late progress, no late reply.
    assert [v for p, v in got if p == TRACKED and v[0] == "slow"][-1:] == [
        ["slow", failed("timed out after 5 ms")]]
    assert [v for p, v in got if p == RESPONSE][-1:] == [failed("timed out after 2.5 ms")]
    # A request that ended in time has no timer left to fire.
    assert [v for p, v in got if p == TRACKED and v[0] == "quick"] == [
        ["quick", {"type": "Ran", "mode": "complete", "note": "quick"}]]
    values = [v[1] if p == TRACKED else v for p, v in got]
    assert sum(value["type"] == "Failed" for value in values) == 2
    assert all(value != {"type": "StepProgress", "value": 2} and value.get("note") != "late"
               for value in values)
    assert sorted((a["note"], a["name"], a["message"]) for a in log["aborted"]) == [
        ("free", "TimeoutError", "timed out after 2.5 ms"),
        ("slow", "TimeoutError", "timed out after 5 ms"),
    ]
    assert ["cancel", 1, "TimeoutError", "timed out after 5 ms"] in log["toWorker"]


@needs_node
def test_odd_timeouts(shapes, tmp_path):
    log = run(shapes, tmp_path, f"""
const elm = makeApp({PORTS});
setupShapesWorker(elm.app);
elm.push({run_('zero', 'complete', None, 0)}, {run_('negative', 'complete', None, -5)},
         {run_('nan', 'complete', None, 'NaN')}, {run_('minus', 'complete', None, '-Infinity')},
         {run_(None, 'complete', None, "'soon'")}, {run_(None, 'complete', None, "'5'")});
await settle();
const posted = log.toWorker.length;
elm.push({run_('never', 'hang', None, 'Infinity')});
await settle();
done({{ posted, pending: log.toElm.length }});
""")
    assert arrived(log) == [
        (TRACKED, ["zero", failed("timed out after 0 ms")]),
        (TRACKED, ["negative", failed("timed out after -5 ms")]),
        (TRACKED, ["nan", failed("timeout NaN is not a number of milliseconds")]),
        (TRACKED, ["minus", failed("timed out after -Infinity ms")]),
        (RESPONSE, failed("timeout soon is not a number of milliseconds")),
        (RESPONSE, failed("timeout 5 is not a number of milliseconds")),
    ]
    assert log["posted"] == 0  # none of them reached the worker
    assert len(log["toWorker"]) == 1


@needs_node
def test_a_timeout_longer_than_settimeout_takes_waits_in_steps(shapes, tmp_path):
    # A fake clock: each long wait fires at once and moves performance.now() on by it.
    log = run(shapes, tmp_path, f"""
const delays = [];
let clock = 1000;
performance.now = () => clock;
const realSetTimeout = globalThis.setTimeout;
globalThis.setTimeout = (fn, delay, ...rest) => {{
    if (delay <= 1000) return realSetTimeout(fn, delay, ...rest);
    delays.push(delay);
    return realSetTimeout(() => {{ clock += delay; fn(...rest); }}, 0);
}};
const elm = makeApp({PORTS});
setupShapesWorker(elm.app);
elm.push({run_('long', 'hang', None, 5000000000)});
await settle();
await new Promise((resolve) => realSetTimeout(resolve, 20));
done({{ delays, clock }});
""")
    # 5e9 ms is 2147483647 + 2147483647 + 705032706: two full steps, then the rest.
    assert log["delays"] == [2147483647, 2147483647, 705032706]
    assert log["clock"] == 1000 + 5000000000
    assert arrived(log) == [(TRACKED, ["long", failed("timed out after 5000000000 ms")])]


@needs_node
def test_timeouts_end_in_deadline_order_with_one_timer(shapes, tmp_path):
    # A timer per request would set one for each; the glue sets one for the earliest
    # deadline, and another only when a later request's deadline comes before it.
    log = run(shapes, tmp_path, f"""
const delays = [];
const realSetTimeout = globalThis.setTimeout;
globalThis.setTimeout = (fn, delay, ...rest) => {{
    if (delay >= 5) delays.push(delay);
    return realSetTimeout(fn, delay, ...rest);
}};
const elm = makeApp({PORTS});
setupShapesWorker(elm.app);
elm.push({run_('c', 'hang', None, 300)}, {run_('a', 'hang', None, 30)},
         {run_('b', 'hang', None, 60)}, {run_('d', 'hang', None, 300)});
await settle();
const armed = delays.length;
await new Promise((resolve) => realSetTimeout(resolve, 450));
done({{ armed }});
""")
    assert log["armed"] == 2  # c's, then a's, which comes first; none for b or d
    assert [v[0] for p, v in arrived(log)] == ["a", "b", "c", "d"]
    assert all(v[1] == failed(f"timed out after {t} ms")
               for (p, v), t in zip(arrived(log), [30, 60, 300, 300]))


@needs_node
def test_many_answered_timeouts_leave_no_timer_and_the_rest_still_expire(shapes, tmp_path):
    # 500 requests with a long timeout are answered; the one left still times out,
    # and once it has, no timer is left: node exits without waiting for one.
    log = run(shapes, tmp_path, f"""
const elm = makeApp({PORTS});
setupShapesWorker(elm.app);
const many = [];
for (let i = 0; i < 500; i += 1) many.push({run_('done', 'complete', None, 100000)});
elm.push(...many, {run_('left', 'hang', None, 40)});
await settle();
await new Promise((resolve) => setTimeout(resolve, 150));
done({{}});
""")
    got = arrived(log)
    assert len(got) == 501
    assert got.count((TRACKED, ["done", {"type": "Ran", "mode": "complete", "note": None}])) == 500
    assert (TRACKED, ["left", failed("timed out after 40 ms")]) in got


@needs_node
def test_an_unreadable_reply_ends_its_request_once_and_other_timeouts_still_run(shapes, tmp_path):
    # The reply ends its request, then Elm cannot read it and the request is ended
    # again with the failure: the glue must count that request out once, or it loses
    # track of the deadlines still pending and `slow` would never time out.
    log = run(shapes, tmp_path, f"""
const read = (value) => {{
    const response = Array.isArray(value) ? value[1] : value;
    if (response.type === 'Ran' && typeof response.note !== 'string' && response.note !== null) {{
        JSON.stringify(response);  // as Elm's kernel does on a value it cannot decode
    }}
}};
const elm = makeApp({PORTS}, read);
setupShapesWorker(elm.app);
elm.push({run_('big', 'bigint', None, 100000)}, {run_('slow', 'hang', None, 40)});
await settle();
await new Promise((resolve) => setTimeout(resolve, 150));
log.fromWorker.length = 0;  // it holds the BigInt, which the log's JSON cannot
done({{}});
""")
    assert arrived(log) == [
        (TRACKED, ["big", failed("ShapesWorker replied Ran, which Elm cannot read: "
                                 "note is a BigInt (7n), which JSON has no number for")]),
        (TRACKED, ["slow", failed("timed out after 40 ms")]),
    ]


@needs_node
@pytest.mark.parametrize("how", ["timeout", "cancel", "terminate"])
def test_an_error_the_app_throws_on_one_failure_leaves_the_others_to_end(shapes, tmp_path, how):
    # The app's own code (its update, a port subscriber) throws while Elm takes the
    # first failure. The error is the app's and reaches the page, but the glue was half
    # way through ending requests: the others must still get theirs, and the timer
    # must be set again for the later deadline.
    timeout = 5 if how == "timeout" else "null"
    log = run(shapes, tmp_path, f"""
const errors = [];
process.on('uncaughtException', (error) => errors.push(error.message));
let thrown = false;
const read = (value) => {{
    const response = Array.isArray(value) ? value[1] : value;
    if (response.type === 'Failed' && !thrown) {{
        thrown = true;
        throw new Error('the app fell over');
    }}
}};
const elm = makeApp({PORTS}, read);
const handle = setupShapesWorker(elm.app);
elm.push({run_('x', 'hang', '1', timeout)}, {run_('x', 'hang', '2', timeout)},
         {run_('y', 'hang', '3', 10 if how == "timeout" else "null")});
await settle();
if ('{how}' === 'cancel') elm.push(['cancel', 'x'], ['cancel', 'y']);
if ('{how}' === 'terminate') handle.terminate();
await settle();
await new Promise((resolve) => setTimeout(resolve, 80));
done({{ errors }});
""")
    text = {"timeout": "timed out after {} ms", "cancel": "cancelled",
            "terminate": "ShapesWorker was terminated"}[how]
    # The first x's failure is the one the app threw on: Elm never took it.
    assert arrived(log) == [(TRACKED, ["x", failed(text.format(5))]),
                            (TRACKED, ["y", failed(text.format(10))])]
    assert log["errors"] == ["the app fell over"]


@needs_node
def test_terminate_from_inside_elm_while_timeouts_ring_ends_each_request_once(shapes, tmp_path):
    # Three requests share a deadline, so one ring of the timer ends them all; Elm
    # terminates on taking the first timeout, from inside the glue's `send` to it, and
    # the heap is cleared while the ring goes through it. A request sent next still
    # times out, and nothing is left to fire after it.
    log = run(shapes, tmp_path, f"""
let handle;
let terminated = false;
const read = (value) => {{
    if (!terminated && value[1].type === 'Failed') {{
        terminated = true;
        handle.terminate();
    }}
}};
const elm = makeApp({PORTS}, read);
handle = setupShapesWorker(elm.app);
elm.push({run_('a', 'hang', None, 5)}, {run_('b', 'hang', None, 5)}, {run_('c', 'hang', None, 5)},
         {run_('d', 'hang', None, 1e300)});
await settle();
await new Promise((resolve) => setTimeout(resolve, 40));
elm.push({run_('e', 'hang', None, 5)});
await settle();
await new Promise((resolve) => setTimeout(resolve, 40));
done();
""")
    gone = failed("ShapesWorker was terminated")
    got = arrived(log)
    assert sorted(v[0] for p, v in got) == ["a", "b", "c", "d", "e"]  # each once
    assert (TRACKED, ["e", failed("timed out after 5 ms")]) in got
    assert [v for p, v in got if v[1] == gone] == [["b", gone], ["c", gone], ["d", gone]]
    assert log["terminated"] == [0] and len(log["workers"]) == 2


@needs_node
def test_the_empty_tracker_is_cancelled_like_any_other(shapes, tmp_path):
    # "" is a tracker (`Just ""`), not the absence of one; a timeout of 1e300 ms is
    # waited for in steps, and its cancel leaves no timer: node exits at once.
    log = run(shapes, tmp_path, f"""
const elm = makeApp({PORTS});
setupShapesWorker(elm.app);
elm.push({run_('', 'hang', None, 1e300)}, {run_(None, 'hang', None, 'Infinity')});
await settle();
elm.push(['cancel', '']);
await settle();
done();  // the untracked request stays pending, with no timer: nothing keeps node up
""")
    assert arrived(log) == [(TRACKED, ["", failed("cancelled")])]
    assert log["toWorker"][2] == ["cancel", 1, "AbortError", "cancelled"]


@needs_node
def test_the_default_timeout_is_for_requests_without_a_tracker(shapes, tmp_path):
    log = run(shapes, tmp_path, f"""
const elm = makeApp({PORTS});
const handle = setupShapesWorker(elm.app, {{ timeoutMs: 5 }});
elm.push({{ type: 'Run', mode: 'hang', note: null }}, {run_(None, 'hang', None)},
         {run_(None, 'hang', None, 1000000)}, {run_('tracked', 'hang', None)});
await settle();
await new Promise((resolve) => setTimeout(resolve, 50));
const timedOut = log.toElm.length;
handle.terminate();  // and its timer with it: node would wait for it
done({{ timedOut }});
""")
    gone = failed("ShapesWorker was terminated")
    assert log["timedOut"] == 2
    assert arrived(log) == [(RESPONSE, failed("timed out after 5 ms"))] * 2 + [
        (RESPONSE, gone), (TRACKED, ["tracked", gone])]


@needs_node
def test_setup_rejects_a_default_timeout_that_is_not_a_positive_number(shapes, tmp_path):
    log = run(shapes, tmp_path, f"""
const results = {{}};
for (const [name, timeoutMs] of Object.entries({{ zero: 0, negative: -1, nan: NaN, text: '5', none: null, infinite: Infinity, five: 5 }})) {{
    try {{
        setupShapesWorker(makeApp({PORTS}).app, {{ timeoutMs }});
        results[name] = 'ok';
    }} catch (error) {{
        results[name] = `${{error.name}}: ${{error.message}}`;
    }}
}}
done({{ results }});
""")
    bad = "TypeError: setupShapesWorker: options.timeoutMs must be a number of milliseconds above 0, or undefined for none; got "
    assert log["results"] == {
        "zero": bad + "0", "negative": bad + "-1", "nan": bad + "NaN", "text": bad + "string",
        "none": "ok", "infinite": "ok", "five": "ok",
    }


@needs_node
@pytest.mark.parametrize("missing", ["none", RESPONSE, TRACKED, "both"])
def test_each_port_gets_its_own_and_a_missing_port_drops_them_and_throws_nothing(shapes, tmp_path, missing):
    """Responses, cancels, timeouts and the handle's terminate(), each on its port."""
    incoming = [p for p in (RESPONSE, TRACKED) if missing not in (p, "both")]
    log = run(shapes, tmp_path, f"""
const elm = makeApp(['sendToShapesWorkerPort'], {incoming!r});
const handle = setupShapesWorker(elm.app);
elm.push({run_('t', 'complete', 'tracked')}, {{ type: 'Resize', value: [1, 2] }}, {run_('c', 'hang')});
await settle();
elm.push(['cancel', 'c']);
await settle();
elm.push({run_(None, 'hang', None, 1)});
await settle();
await new Promise((resolve) => setTimeout(resolve, 20));
elm.push({run_('t', 'hang')}, {{ type: 'Run', mode: 'hang', note: null }});
await settle();
handle.terminate();
await settle();
done();
""")
    gone = failed("ShapesWorker was terminated")
    expected = {
        TRACKED: [["t", {"type": "Ran", "mode": "complete", "note": "tracked"}],
                  ["c", failed("cancelled")], ["t", gone]],
        RESPONSE: [{"type": "Resized", "value": [2, 1]}, failed("timed out after 1 ms"), gone],
    }
    for port in (RESPONSE, TRACKED):
        got = [v for p, v in arrived(log) if p == port]
        assert got == (expected[port] if port in incoming else [])


@needs_node
def test_setup_workers_passes_each_workers_options_on(seed, tmp_path):
    project = Project(tuple(sorted(seed.values(), key=lambda w: w.base)))
    files = {"js/workers.js": emit_index(project).content}
    for worker in project.workers:
        files[f"js/{worker.js.main_file}"] = emit_main(alone(worker), worker).content
    log = run_node(tmp_path, files, """
import { makeApp, done } from './harness.mjs';
const { setupWorkers } = await import('./js/workers.js');
let error = null;
try {
    setupWorkers(makeApp(['sendToCSVWorkerPort'], []).app, { imageWorker: { timeoutMs: -1 } });
} catch (caught) {
    error = caught.message;
}
done({ error });
""")
    assert log["error"].startswith("setupImageWorker: options.timeoutMs must be")
