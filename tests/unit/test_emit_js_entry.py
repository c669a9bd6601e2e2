"""The worker entry `<snake>.js`, run in node with the harness's fake worker `self`:
each request reaches its handler and gets at most one final reply, every failure
(unknown type, missing handler, throw, rejection, no final reply) becomes the failure
variant, and every message that crosses is on the generated JSON Schema's contract.
(The browser tests in tests/browser/ are the real-Chromium proof; these are the quick
ones.)
"""

from __future__ import annotations

from hamlet.emit.js_entry import emit_entry
from hamlet.emit.js_handlers import emit_handlers
from support.node import needs_node, run_node
from support.project import alone
from support.schema import Wire
from support.shapes import ENTRY_PRELUDE, HANDLERS, shapes_site
from test_emit_js_handlers import flat_worker


# ---- the worker entry, run in node -------------------------------------------------------


@needs_node
def test_entry_answers_each_request_once(shapes, tmp_path):
    log = run_node(
        tmp_path,
        shapes_site(shapes),
        ENTRY_PRELUDE
        + """
send(1, 'Run', { mode: 'complete', note: 'n' });
send(2, 'Resize', { value: [640, 480] });
send(3, 'Scale', { value: 2.6 });
send(4, 'CancelAll', {});
send(5, 'Tag', { class: 'c', tags: ['a', 'b'], meta: {}, pair: [true, 's', 1.5] });
send(6, 'Run', { mode: 'progress', note: null });
send(7, 'Run', { mode: 'twice', note: null });
send(8, 'Run', { mode: 'destructured', note: null });
await settle();
done();
""",
    )
    by_id: dict[int, list] = {}
    for message in log["fromWorker"]:
        by_id.setdefault(message["id"], []).append([message["type"], message["data"]])
    assert by_id == {
        1: [["Ran", {"mode": "complete", "note": "n"}]],
        2: [["Resized", {"value": [480, 640]}]],
        3: [["StepProgress", {"value": 3}], ["Cancelled", {}]],
        4: [["Tagged", {"class": "{}", "count": 0}]],
        5: [["Tagged", {"class": "c", "count": 2}]],
        6: [["StepProgress", {"value": 1}], ["StepProgress", {"value": 2}], ["Ran", {"mode": "progress", "note": None}]],
        # Only the first final reply counts; nothing follows it.
        7: [["Ran", {"mode": "twice", "note": "first"}]],
        8: [["Ran", {"mode": "destructured", "note": None}]],
    }
    Wire(shapes).check(log)


@needs_node
def test_entry_turns_every_failure_into_the_failure_variant(shapes, tmp_path):
    log = run_node(
        tmp_path,
        shapes_site(shapes),
        ENTRY_PRELUDE
        + """
send(1, 'Run', { mode: 'throw', note: 'x1' });
send(2, 'Run', { mode: 'reject', note: 'x2' });
send(3, 'Run', { mode: 'throw-value', note: null });
send(4, 'Run', { mode: 'throw-empty', note: null });
send(5, 'Run', { mode: 'silent', note: null });
send(6, 'Run', { mode: 'progress-only', note: null });
send(7, 'Run', { mode: 'late', note: null });
send(8, 'Tag', { class: 'boom', tags: [], meta: {}, pair: [false, '', 0] });
send(9, 'Orphan', { tag: 1 });
send(10, 'Bogus', { tag: 1 });
send(11, 'Run', { mode: 'hang', note: null });
await settle();
done();
""",
    )
    by_id: dict[int, list] = {}
    for message in log["fromWorker"]:
        by_id.setdefault(message["id"], []).append(message)
    assert 11 not in by_id  # still working: no answer yet, and no failure either
    failures = {}
    for id_, messages in by_id.items():
        *progress, last = messages
        assert all(m["type"] == "StepProgress" for m in progress)
        assert last["type"] == "Failed" and set(last["data"]) == {"value"}, messages
        failures[id_] = last["data"]["value"]
    assert failures[1] == "thrown x1"
    assert failures[2] == "rejected x2"
    assert failures[3] == "42"
    assert failures[4] == "Error"
    assert failures[5] == "handleRun finished without sending a response"
    assert failures[6] == "handleRun finished without sending a response"
    assert len(by_id[6]) == 2
    assert failures[7] == "handleRun finished without sending a response"  # the late reply is dropped
    assert failures[8] == "sync boom"
    assert failures[9].startswith("handleOrphan is not exported from shapes_worker_handlers.js")
    assert "export async function handleOrphan(request, reply)" in failures[9]
    assert '"Bogus"' in failures[10] and "Run, Resize, Scale, CancelAll, Tag, Orphan" in failures[10]
    Wire(shapes).check(log, off_contract=("Bogus",))


# A scenario's sends, each in a try: whatever escapes the entry (a throw out of
# `onmessage`, a rejection nobody handles) would be an uncaught error of the worker in
# a browser, which fails every pending request; here it is kept in `escaped`.
GUARDED = """
const escaped = [];
const describe = (value) => { try { return String(value); } catch { return typeof value; } };
process.on('unhandledRejection', (reason) => escaped.push(`rejected: ${describe(reason)}`));
const deliver = (data) => {
    try {
        self.onmessage(new MessageEvent('message', { data }));
    } catch (error) {
        escaped.push(`thrown: ${describe(error)}`);
    }
};
"""


@needs_node
def test_whatever_a_handler_throws_its_request_gets_one_failure_with_a_text(shapes, tmp_path):
    log = run_node(
        tmp_path,
        shapes_site(shapes),
        ENTRY_PRELUDE
        + GUARDED
        + """
const tag = (id, cls) => deliver({ id, type: 'Tag', data: { class: cls, tags: [], meta: {}, pair: [true, '', 0] } });
['throw-revoked', 'throw-unreadable', 'throw-number-message', 'throw-symbol-message'].forEach(
    (mode, index) => deliver({ id: index + 1, type: 'Run', data: { mode, note: null } }),
);
tag(5, 'revoked');
tag(6, 'bad-then');
await settle();
done({ escaped });
""",
    )
    assert log["escaped"] == []
    failures = {m["id"]: m["data"]["value"] for m in log["fromWorker"] if m["type"] == "Failed"}
    assert len(log["fromWorker"]) == len(failures) == 6, log["fromWorker"]
    unshown = "a value that cannot be shown as text was thrown"
    assert failures == {1: unshown, 2: unshown, 3: "42", 4: "Symbol(why)", 5: unshown, 6: "then broke"}
    Wire(shapes).check(log)


@needs_node
def test_an_envelope_the_entry_cannot_read_does_not_crash_it(shapes, tmp_path):
    # Only a sender other than the generated glue sends these; the worker still serves.
    log = run_node(
        tmp_path,
        shapes_site(shapes),
        ENTRY_PRELUDE
        + GUARDED
        + """
[null, undefined, 7, 'Run', true].forEach(deliver);
deliver({ id: 1, type: 10n, data: {} });
deliver({ id: 2, data: {} });
send(3, 'Run', { mode: 'complete', note: null });
await settle();
done({ escaped });
""",
    )
    assert log["escaped"] == []
    assert [m["id"] for m in log["fromWorker"]] == [1, 2, 3]
    assert "has no request of type bigint (not a string)" in log["fromWorker"][0]["data"]["value"]
    assert "has no request of type undefined (not a string)" in log["fromWorker"][1]["data"]["value"]
    assert log["fromWorker"][2]["type"] == "Ran"


@needs_node
def test_an_export_that_is_not_a_function_is_named_as_such(shapes, tmp_path):
    handlers = HANDLERS + "\nexport const handleOrphan = 'not written yet';\n"
    log = run_node(
        tmp_path,
        shapes_site(shapes, handlers),
        ENTRY_PRELUDE + "send(1, 'Orphan', { tag: 1 });\nawait settle();\ndone();\n",
    )
    [failure] = log["fromWorker"]
    assert failure["data"]["value"] == (
        "handleOrphan is exported from shapes_worker_handlers.js but is not a function: "
        "make it `export async function handleOrphan(request, reply)`"
    )


@needs_node
def test_an_error_after_the_final_reply_is_shown_in_the_console_and_ends_nothing(shapes, tmp_path):
    # The request has its answer; the handler's later throw is its own bug, neither a
    # second reply nor a failure of the other requests, but it must not vanish either.
    log = run_node(
        tmp_path,
        shapes_site(shapes),
        ENTRY_PRELUDE
        + """
const shown = [];
console.error = (...args) => shown.push(args.map((arg) => arg instanceof Error ? arg.message : String(arg)));
send(1, 'Run', { mode: 'fail-after-reply', note: null });
send(2, 'Run', { mode: 'hang', note: null });
await settle();
done({ shown });
""",
    )
    assert [(m["id"], m["type"]) for m in log["fromWorker"]] == [(1, "Ran")]
    assert log["shown"] == [["ShapesWorker: handleRun failed after its final reply:", "a bug after the reply"]]
    Wire(shapes).check(log)


@needs_node
def test_the_scaffold_answers_with_the_failure_variant(shapes, tmp_path):
    log = run_node(
        tmp_path,
        shapes_site(shapes, emit_handlers(alone(shapes), shapes).content),
        ENTRY_PRELUDE
        + """
send(1, 'Run', { mode: 'complete', note: null });
send(2, 'CancelAll', {});
await settle();
done();
""",
    )
    assert log["fromWorker"] == [
        {"id": 1, "type": "Failed", "data": {"value": "handleRun is not implemented yet"}},
        {"id": 2, "type": "Failed", "data": {"value": "handleCancelAll is not implemented yet"}},
    ]


@needs_node
def test_an_unhandled_rejection_is_rethrown_as_an_uncaught_error(shapes, tmp_path):
    log = run_node(
        tmp_path,
        shapes_site(shapes),
        ENTRY_PRELUDE
        + """
const uncaught = [];
process.on('uncaughtException', (error) => uncaught.push(String(error)));
const event = new Event('unhandledrejection', { cancelable: true });
event.reason = new Error('forgotten promise');
self.dispatchEvent(event);
await settle();
done({ uncaught, handled: event.defaultPrevented });
""",
    )
    assert log["uncaught"] == ["Error: forgotten promise"]
    # Marked handled, so the browser reports it once: as the rethrown error.
    assert log["handled"] is True


FLAT_HANDLERS = """\
export async function handleLocate({ lat, lon, zoom }, reply) {
    reply.moved({ lat: lat + zoom, lon });
}

export async function handleDraw({ shape }, reply) {
    reply.drawn({ shape: shape.type === 'Circle' ? { ...shape, radius: shape.radius * 2 } : shape });
}
"""


@needs_node
def test_domain_values_cross_the_entry_as_the_schema_says(tmp_path):
    worker, project = flat_worker()
    files = {
        f"workers/{worker.js.worker_file}": emit_entry(alone(worker), worker).content,
        f"workers/{worker.js.handlers_file}": FLAT_HANDLERS,
    }
    log = run_node(
        tmp_path,
        files,
        """\
import { log, settle, done } from './harness.mjs';
import './workers/flat_worker.js';
const send = (id, type, data) => self.onmessage(new MessageEvent('message', { data: { id, type, data } }));
send(1, 'Locate', { lat: 1, lon: 2, zoom: 3 });
send(2, 'Draw', { shape: { type: 'Circle', center: { lat: 0, lon: 0 }, radius: 1.5 } });
send(3, 'Draw', { shape: { type: 'Polygon', value: [{ lat: 1, lon: 1 }] } });
await settle();
done();
""",
    )
    assert log["fromWorker"] == [
        {"id": 1, "type": "Moved", "data": {"lat": 4, "lon": 2}},
        {"id": 2, "type": "Drawn", "data": {"shape": {"type": "Circle", "center": {"lat": 0, "lon": 0}, "radius": 3}}},
        {"id": 3, "type": "Drawn", "data": {"shape": {"type": "Polygon", "value": [{"lat": 1, "lon": 1}]}}},
    ]
    contract = Wire(worker, project)
    for message in log["fromWorker"]:
        assert contract.validators["ResponseEnvelope"].is_valid(message), message
    assert not contract.validators["ResponseEnvelope"].is_valid(
        {"id": 1, "type": "Moved", "data": {"value": {"lat": 4, "lon": 2}}}
    )
    assert contract.validators["RequestEnvelope"].is_valid(
        {"id": 1, "type": "Locate", "data": {"lat": 1, "lon": 2, "zoom": 3}}
    )
