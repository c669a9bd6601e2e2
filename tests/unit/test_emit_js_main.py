"""The main-thread glue `<snake>_main.js` and `workers.js`, run in node with the
harness's fake `Worker`, `window` and Elm ports: the worker starts on the first
request, each request is enveloped and pending until its final response, every way a
worker fails answers each pending request once with the failure variant, and absent
ports never throw. Every message that crosses is on the generated JSON Schema's
contract.
"""

from __future__ import annotations

import functools
import json

import pytest

from hamlet.emit.js_index import emit_index
from hamlet.emit.js_main import emit_main
from hamlet.model import Project
from support.node import needs_node, run_node
from support.project import alone
from support.schema import Wire
from support.shapes import HANDLERS, MAIN_PRELUDE, shapes_site


# ---- the main thread, run in node --------------------------------------------------------


def main_run(shapes, tmp_path, body: str, handlers: str | None = HANDLERS) -> dict:
    return run_node(tmp_path, shapes_site(shapes, handlers), MAIN_PRELUDE + body)


@needs_node
def test_main_starts_the_worker_lazily_and_envelopes_each_request(shapes, tmp_path):
    log = main_run(
        shapes,
        tmp_path,
        """
const elm = makeApp(['sendToShapesWorkerPort'], ['shapesWorkerResponsePort']);
const handle = setupShapesWorker(elm.app);
await settle();
const before = log.workers.length;
elm.push(
    { type: 'Run', mode: 'progress', note: null },
    { type: 'Resize', value: [1, 2] },
    { type: 'CancelAll' },
    { type: 'Run', mode: 'complete', note: 'é ✓' },
);
await settle();
done({ before, handleKeys: Object.keys(handle) });
""",
    )
    assert log["before"] == 0
    assert log["handleKeys"] == ["terminate"]
    assert log["workers"] == [{"url": "/workers/shapes_worker.js", "options": {"type": "module"}}]
    assert log["toWorker"] == [
        {"id": 1, "type": "Run", "data": {"mode": "progress", "note": None}},
        {"id": 2, "type": "Resize", "data": {"value": [1, 2]}},
        {"id": 3, "type": "CancelAll", "data": {}},
        {"id": 4, "type": "Run", "data": {"mode": "complete", "note": "é ✓"}},
    ]
    canonical = functools.partial(json.dumps, sort_keys=True)
    assert sorted(log["toElm"], key=canonical) == sorted(
        [
            {"type": "StepProgress", "value": 1},
            {"type": "StepProgress", "value": 2},
            {"type": "Ran", "mode": "progress", "note": None},
            {"type": "Resized", "value": [2, 1]},
            {"type": "Tagged", "class": "{}", "count": 0},
            {"type": "Ran", "mode": "complete", "note": "é ✓"},
        ],
        key=canonical,
    )
    # Progress arrives in order, before the response that ends the request.
    run = [m for m in log["toElm"] if m["type"] == "StepProgress" or m.get("mode") == "progress"]
    assert [m["type"] for m in run] == ["StepProgress", "StepProgress", "Ran"]
    Wire(shapes).check(log)


@needs_node
def test_main_drops_responses_for_requests_that_ended(shapes, tmp_path):
    log = main_run(
        shapes,
        tmp_path,
        """
const elm = makeApp(['sendToShapesWorkerPort'], ['shapesWorkerResponsePort']);
setupShapesWorker(elm.app);
elm.push({ type: 'Run', mode: 'complete', note: null });
await settle();
const [worker] = instances;
const deliver = (data) => worker.dispatchEvent(new MessageEvent('message', { data }));
deliver({ id: 1, type: 'Ran', data: { mode: 'again', note: null } });   // already ended
deliver({ id: 99, type: 'Ran', data: { mode: 'never', note: null } });  // never asked
deliver(null);
deliver('noise');
await settle();
done();
""",
    )
    assert log["toElm"] == [{"type": "Ran", "mode": "complete", "note": None}]


@needs_node
@pytest.mark.parametrize(
    "event, fields, expected",
    [
        ("error", "{ message: 'Uncaught Error: boom' }", "ShapesWorker crashed: Uncaught Error: boom"),
        ("error", "{}", "ShapesWorker could not be loaded from /w/shapes.js, or stopped without an error message"),
        ("messageerror", "{}", "ShapesWorker sent a message that could not be read (messageerror)"),
    ],
)
def test_a_worker_failure_fails_each_pending_request_once_and_the_next_starts_fresh(
    shapes, tmp_path, event, fields, expected
):
    log = main_run(
        shapes,
        tmp_path,
        f"""
const elm = makeApp(['sendToShapesWorkerPort'], ['shapesWorkerResponsePort']);
setupShapesWorker(elm.app, {{ workerUrl: '/w/shapes.js' }});
elm.push(
    {{ type: 'Run', mode: 'complete', note: null }},
    {{ type: 'Run', mode: 'throw', note: 't' }},
    {{ type: 'Run', mode: 'hang', note: null }},
    {{ type: 'Run', mode: 'hang', note: null }},
);
await settle();
const prevented = fire(instances[0], '{event}', {fields});
const answered = log.toElm.length;
fire(instances[0], '{event}', {fields});  // the old worker is forgotten: no second failure
elm.push({{ type: 'Resize', value: [3, 4] }});
await settle();
done({{ prevented, answered }});
""",
    )
    # Ended before the failure: the first two. Pending: the two that hang, once each.
    assert log["toElm"] == [
        {"type": "Ran", "mode": "complete", "note": None},
        {"type": "Failed", "value": "thrown t"},
        {"type": "Failed", "value": expected},
        {"type": "Failed", "value": expected},
        {"type": "Resized", "value": [4, 3]},
    ]
    assert log["answered"] == 4
    assert log["terminated"] == [0]
    assert [w["url"] for w in log["workers"]] == ["/w/shapes.js", "/w/shapes.js"]
    assert log["prevented"] is (event == "error")
    Wire(shapes).check(log)


@needs_node
def test_a_handler_that_closes_the_worker_fails_what_is_pending_and_the_next_starts_fresh(
    shapes, tmp_path
):
    log = main_run(
        shapes,
        tmp_path,
        """
const elm = makeApp(['sendToShapesWorkerPort'], ['shapesWorkerResponsePort']);
setupShapesWorker(elm.app);
elm.push({ type: 'Run', mode: 'complete', note: null }, { type: 'Run', mode: 'hang', note: null });
await settle();
elm.push({ type: 'Run', mode: 'close', note: null });
await settle();
elm.push({ type: 'Resize', value: [3, 4] });
await settle();
done();
""",
    )
    closed = "ShapesWorker closed itself: a handler called self.close()"
    assert log["toElm"] == [
        {"type": "Ran", "mode": "complete", "note": None},
        {"type": "Failed", "value": closed},
        {"type": "Failed", "value": closed},
        {"type": "Resized", "value": [4, 3]},
    ]
    assert ["closing"] in log["fromWorker"]
    assert log["terminated"] == [0] and len(log["workers"]) == 2
    Wire(shapes).check(log)


@needs_node
def test_a_closing_notice_from_a_forgotten_worker_changes_nothing(shapes, tmp_path):
    log = main_run(
        shapes,
        tmp_path,
        """
const elm = makeApp(['sendToShapesWorkerPort'], ['shapesWorkerResponsePort']);
const handle = setupShapesWorker(elm.app);
elm.push({ type: 'Run', mode: 'hang', note: null });
await settle();
handle.terminate();
elm.push({ type: 'Run', mode: 'hang', note: null });
await settle();
instances[0].dispatchEvent(new MessageEvent('message', { data: ['closing'] }));
// An object is never taken for the notice, with an id or without.
instances[1].dispatchEvent(new MessageEvent('message', { data: { id: 99, closing: true } }));
instances[1].dispatchEvent(new MessageEvent('message', { data: { closing: true } }));
instances[1].dispatchEvent(new MessageEvent('message', { data: { 0: 'closing' } }));
await settle();
done();
""",
    )
    assert log["toElm"] == [{"type": "Failed", "value": "ShapesWorker was terminated"}]


ELM_READS = """
// Elm reads a value on a port and, when it does not decode, prints it with
// JSON.stringify: a BigInt or a cycle throws there (Elm's kernel, reproduced).
const read = (value) => {
    if (value.type === 'Ran' && typeof value.note !== 'string' && value.note !== null) {
        JSON.stringify(value);
    }
};
"""


@needs_node
def test_a_reply_elm_cannot_read_ends_its_request_with_one_failure(shapes, tmp_path):
    log = main_run(
        shapes,
        tmp_path,
        ELM_READS
        + """
const elm = makeApp(['sendToShapesWorkerPort'], ['shapesWorkerResponsePort'], read);
setupShapesWorker(elm.app);
elm.push({ type: 'Run', mode: 'bigint', note: null }, { type: 'Resize', value: [1, 2] });
await settle();
log.fromWorker.length = 0;  // it holds the BigInt, which the log's JSON cannot
done();
""",
    )
    assert log["toElm"] == [
        {"type": "Failed", "value": "ShapesWorker replied Ran, which Elm cannot read: "
                                    "note is a BigInt (7n), which JSON has no number for"},
        {"type": "Resized", "value": [2, 1]},
    ]


ELM_RECURSES = """
// Elm's decoders recurse through the value, several calls per level: so does this
// reader, more than Elm's, so that it runs out of stack on a reply 400 levels deep.
const walk = (item, calls) => {
    if (calls > 0) return walk(item, calls - 1) + 1;
    if (item !== null && typeof item === 'object') {
        for (const inner of Object.values(item)) walk(inner, 80);
    }
    return 0;
};
const read = (value) => {
    walk(value, 80);
    if (value.note === 'app bug') throw new RangeError('the app ran out of stack');
};
const thrown = [];
process.on('uncaughtException', (error) => thrown.push(`${error.name}: ${error.message}`));
"""


@needs_node
def test_a_reply_too_deep_for_elms_stack_ends_its_request_with_one_failure(shapes, tmp_path):
    log = main_run(
        shapes,
        tmp_path,
        ELM_RECURSES
        + """
const elm = makeApp(['sendToShapesWorkerPort'], ['shapesWorkerResponsePort'], read);
setupShapesWorker(elm.app);
elm.push({ type: 'Run', mode: 'deep', note: null }, { type: 'Resize', value: [1, 2] });
await settle();
log.fromWorker.length = 0;  // the deep reply, which the log's JSON cannot hold
done({ thrown });
""",
    )
    assert log["toElm"] == [
        {"type": "Failed", "value": "ShapesWorker replied Ran, which Elm cannot read: it is "
                                    "nested 401 levels deep, and Elm's decoder ran out of "
                                    "stack reading it"},
        {"type": "Resized", "value": [2, 1]},
    ]
    assert log["thrown"] == []


@needs_node
def test_a_stack_overflow_of_the_apps_own_on_a_shallow_reply_is_not_the_replys(shapes, tmp_path):
    log = main_run(
        shapes,
        tmp_path,
        ELM_RECURSES
        + """
const elm = makeApp(['sendToShapesWorkerPort'], ['shapesWorkerResponsePort'], read);
setupShapesWorker(elm.app);
elm.push({ type: 'Run', mode: 'complete', note: 'app bug' }, { type: 'Resize', value: [1, 2] });
await settle();
done({ thrown });
""",
    )
    # The glue does not blame the reply: the app's error reaches the page as its own.
    assert log["thrown"] == ["RangeError: the app ran out of stack"]
    assert all(value.get("type") != "Failed" for value in log["toElm"])


@needs_node
def test_not_json_names_the_first_bigint_or_cycle_and_nothing_else(shapes, tmp_path):
    # The main thread's check, run on values as structured clone delivers them.
    log = main_run(
        shapes,
        tmp_path,
        """
const values = {};
const elm = makeApp(['sendToShapesWorkerPort'], ['shapesWorkerResponsePort'], (value) => {
    if (value.type === 'Ran') { throw new TypeError('Elm could not read it'); }
});
setupShapesWorker(elm.app);
elm.push({ type: 'Run', mode: 'hang', note: null });
await settle();
const shared = { x: 1 };
const cyclic = { a: { b: [1, 2] } };
cyclic.a.b.push(cyclic.a);
const top = {};
top.me = top;
const cases = {
    cycle: cyclic,
    top,
    nested: { deep: [[[{ n: 1n }]]] },
    shared: { one: shared, two: shared, list: [shared, shared] },  // not a cycle
};
const uncaught = [];
process.on('uncaughtException', (error) => uncaught.push(String(error)));
let id = 1;
for (const [name, data] of Object.entries(cases)) {
    elm.push({ type: 'Run', mode: 'hang', note: null });
    await settle();
    id += 1;
    instances[0].dispatchEvent(new MessageEvent('message', { data: { id, type: 'Ran', data } }));
    await settle();
}
done({ uncaught });
""",
    )
    texts = [m["value"] for m in log["toElm"]]
    prefix = "ShapesWorker replied Ran, which Elm cannot read: "
    assert texts == [
        prefix + "a.b[2] refers back to a, a cycle JSON cannot hold",
        prefix + "me refers back to the reply itself, a cycle JSON cannot hold",
        prefix + "deep[0][0][0].n is a BigInt (1n), which JSON has no number for",
    ]
    # Nothing wrong with the value: what the app threw is not swallowed.
    assert log["uncaught"] == ["TypeError: Elm could not read it"]


@needs_node
def test_a_second_setup_returns_the_first_handle_and_connects_nothing_more(shapes, tmp_path):
    log = main_run(
        shapes,
        tmp_path,
        """
const elm = makeApp(['sendToShapesWorkerPort'], ['shapesWorkerResponsePort']);
const first = setupShapesWorker(elm.app);
const second = setupShapesWorker(elm.app, { workerUrl: '/elsewhere.js' });
const other = makeApp(['sendToShapesWorkerPort'], ['shapesWorkerResponsePort']);
const third = setupShapesWorker(other.app);
elm.push({ type: 'Resize', value: [1, 2] });
await settle();
done({ same: first === second, distinct: first !== third,
       enumerable: Object.keys(elm.app), frozen: typeof setupShapesWorker(Object.freeze({})) });
""",
    )
    assert log["same"] is True and log["distinct"] is True
    assert log["toElm"] == [{"type": "Resized", "value": [2, 1]}]
    assert [w["url"] for w in log["workers"]] == ["/workers/shapes_worker.js"]
    assert log["enumerable"] == ["ports"]  # the handle is kept out of sight
    assert log["frozen"] == "object"


@needs_node
def test_terminate_fails_pending_requests_and_a_later_request_starts_afresh(shapes, tmp_path):
    log = main_run(
        shapes,
        tmp_path,
        """
const elm = makeApp(['sendToShapesWorkerPort'], ['shapesWorkerResponsePort']);
const handle = setupShapesWorker(elm.app);
handle.terminate();  // no worker yet: nothing to do
const idle = { workers: log.workers.length, terminated: log.terminated.length, toElm: log.toElm.length };
elm.push({ type: 'Run', mode: 'hang', note: null }, { type: 'Run', mode: 'hang', note: null });
await settle();
handle.terminate();
elm.push({ type: 'Run', mode: 'complete', note: null });
await settle();
window.dispatchEvent(new Event('beforeunload'));
await settle();
done({ idle });
""",
    )
    assert log["idle"] == {"workers": 0, "terminated": 0, "toElm": 0}
    assert log["toElm"] == [
        {"type": "Failed", "value": "ShapesWorker was terminated"},
        {"type": "Failed", "value": "ShapesWorker was terminated"},
        {"type": "Ran", "mode": "complete", "note": None},
    ]
    assert len(log["workers"]) == 2
    assert log["terminated"] == [0, 1]  # terminate(), then beforeunload


@needs_node
def test_beforeunload_fails_what_is_pending(shapes, tmp_path):
    log = main_run(
        shapes,
        tmp_path,
        """
const elm = makeApp(['sendToShapesWorkerPort'], ['shapesWorkerResponsePort']);
setupShapesWorker(elm.app);
window.dispatchEvent(new Event('beforeunload'));  // no worker yet
elm.push({ type: 'Run', mode: 'hang', note: null });
await settle();
window.dispatchEvent(new Event('beforeunload'));
done();
""",
    )
    assert log["terminated"] == [0]
    assert log["toElm"] == [{"type": "Failed", "value": "ShapesWorker stopped: the page is unloading"}]


@needs_node
@pytest.mark.parametrize("outgoing, incoming", [(True, False), (False, True), (False, False)])
def test_absent_ports_do_not_throw(shapes, tmp_path, outgoing, incoming):
    log = main_run(
        shapes,
        tmp_path,
        f"""
const elm = makeApp({json.dumps(['sendToShapesWorkerPort'] if outgoing else [])},
                    {json.dumps(['shapesWorkerResponsePort'] if incoming else [])});
const handle = setupShapesWorker(elm.app);
elm.push({{ type: 'Run', mode: 'complete', note: null }}, {{ type: 'Run', mode: 'hang', note: null }});
await settle();
if (instances.length) fire(instances[0], 'error', {{ message: 'x' }});
handle.terminate();
setupShapesWorker(undefined);
setupShapesWorker(elm.app, null);
done();
""",
    )
    assert log["toElm"] == []
    assert len(log["workers"]) == (1 if outgoing else 0)
    assert len(log["fromWorker"]) == (1 if outgoing else 0)  # the 'complete' answer, dropped


@needs_node
def test_a_worker_that_cannot_be_constructed_fails_the_request(shapes, tmp_path):
    log = main_run(
        shapes,
        tmp_path,
        """
const elm = makeApp(['sendToShapesWorkerPort'], ['shapesWorkerResponsePort']);
setupShapesWorker(elm.app, { workerUrl: 'https://elsewhere.example/w.js' });
const RealFake = globalThis.Worker;
globalThis.Worker = class { constructor() { throw new Error('SecurityError: cross-origin'); } };
elm.push({ type: 'Run', mode: 'complete', note: null });
// One update's commands are handled in a microtask (Elm sends the next one later).
await settle();
globalThis.Worker = RealFake;
elm.push({ type: 'Run', mode: 'complete', note: null });
await settle();
done();
""",
    )
    assert log["toElm"] == [
        {
            "type": "Failed",
            "value": "ShapesWorker could not start from https://elsewhere.example/w.js: "
            "SecurityError: cross-origin",
        },
        {"type": "Ran", "mode": "complete", "note": None},
    ]


@needs_node
def test_setup_workers_sets_up_each_worker_with_its_own_options(seed, tmp_path):
    project = Project(tuple(sorted(seed.values(), key=lambda w: w.base)))
    files = {"js/workers.js": emit_index(project).content}
    for worker in project.workers:
        files[f"js/{worker.js.main_file}"] = emit_main(alone(worker), worker).content
    log = run_node(
        tmp_path,
        files,
        """
import { log, makeApp, settle, done } from './harness.mjs';
const { setupWorkers } = await import('./js/workers.js');
const elm = makeApp(
    ['sendToCSVWorkerPort', 'sendToDataWorkerPort', 'sendToImageWorkerPort'],
    ['csvWorkerResponsePort'],
);
const handles = setupWorkers(elm.app, { imageWorker: { workerUrl: '/static/image.js' } });
const idle = log.workers.length;
elm.push({ type: 'ParseCSV', data: 'a,b' });
await settle();
done({ idle, handles: Object.keys(handles), terminate: Object.values(handles).map((h) => typeof h.terminate) });
""",
    )
    assert log["idle"] == 0
    assert log["handles"] == ["csvWorker", "dataWorker", "imageWorker"]
    assert log["terminate"] == ["function"] * 3
    # One push reaches every subscriber (the fake app shares them): each worker starts
    # from its own URL, the image worker from the one given in its options.
    assert sorted(w["url"] for w in log["workers"]) == [
        "/static/image.js",
        "/workers/csv_worker.js",
        "/workers/data_worker.js",
    ]
