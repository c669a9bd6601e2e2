"""The handlers scaffold `<snake>_handlers.js`: one documented stub per request that
answers with the failure variant, typed through the worker's declarations, and the stub
`hamlet generate` suggests for a missing handler. (The declarations, with the domain
types in their wire shape: test_emit_ts.py; tsc on them: tests/toolchain/test_typescript.py.)
"""

from __future__ import annotations

import dataclasses

from hamlet.emit.js_entry import emit_entry
from hamlet.emit.js_handlers import emit_handlers, handler_stub
from hamlet.emit.js_types import js_type
from hamlet.model import ListT, MaybeT, Shape
from hamlet.write.drift import check_handlers, exported_names
from support.models import (
    FLOAT,
    GEO_POINT,
    STRING,
    build,
    field,
    flat_newtype,
    flatten,
    named,
    request,
    response,
    route_project,
)
from support.node import NODE, check_module
from support.project import alone, workers
from support.shapes import SOURCE as SHAPES


# ---- the scaffold ------------------------------------------------------------------------


def test_scaffold_has_one_documented_stub_per_request(shapes):
    content = emit_handlers(alone(shapes), shapes).content
    assert sorted(exported_names(content)) == sorted(v.handler for v in shapes.requests)
    assert "const { mode, note } = request;\n" in content
    assert "const [value1, value2] = request.value;\n" in content
    # `class` is reserved in JS: the local gets another name, the wire key stays.
    assert "const { class: class_, tags, meta, pair } = request;\n" in content
    assert content.startswith("// @ts-check\n")
    assert (" * @param {import('./shapes_worker.js').ShapesWorkerRequest['Tag']} request\n"
            " *     class: string  Rust `String`\n") in content
    assert " *     meta: { [key: string]: number }  Rust `HashMap<String, i64>`\n" in content
    assert " *     pair: [boolean, string, number]  Rust `(bool, String, f32)`\n" in content
    assert " *     note: string | null  Rust `Option<String>`\n" in content
    assert (" * @param {import('./shapes_worker.js').ShapesWorkerRequest['CancelAll']} request"
            "  CancelAll carries no fields: {}\n") in content
    assert " * @param {import('./shapes_worker.js').ShapesWorkerReply} reply\n" in content
    # the module is checked against the declarations: a misspelled handler is an error
    assert ("/** @typedef {import('./shapes_worker.js').ShapesWorkerHandlersCheck"
            "<typeof import('./shapes_worker_handlers.js')>} ShapesWorkerHandlersChecked */\n") in content
    assert " * Run: Behaves as `mode` says (see HANDLERS in the test).\n" in content
    assert " *     reply.stepProgress(value)  (progress)\n" in content
    assert " *     reply.tagged({ class: class_, count })\n" in content
    assert "reply.failed('handleRun is not implemented yet');\n" in content
    assert "//                  reply.tagged({ class: string, count: number })\n" in content


def test_seed_scaffold_reads_like_the_contract(seed, golden):
    image = seed["ImageWorker"]
    content = emit_handlers(alone(image), image).content
    # the stub of ProcessImage: JSDoc, the fields unpacked, a TODO, the failure variant
    golden("js/handle_process_image.js", handler_stub(image, image.requests[0]))
    assert handler_stub(image, image.requests[0]) in content
    assert " *     reply.processingComplete({ resultUrl, originalSize, finalSize })\n" in content
    csv = emit_handlers(alone(seed["CSVWorker"]), seed["CSVWorker"]).content
    assert "TODO: do the work, then send one final reply;\n" in csv
    # a cooperative handler: the stub and the header say how to stop on reply.signal
    assert "    // stop early when reply.signal.aborted.\n" in csv
    assert "if (reply.signal.aborted) {" in csv and "{ signal: reply.signal }" in csv


def test_drift_suggests_the_scaffolds_stub(shapes):
    stub = handler_stub(shapes, shapes.requests[0])
    assert stub in emit_handlers(alone(shapes), shapes).content
    without_run = emit_handlers(alone(shapes), shapes).content.replace(stub, "")
    [problem] = check_handlers(shapes, "workers/shapes_worker_handlers.js", without_run, strict=False)
    assert "export async function handleRun(request, reply) {" in problem.hint


def test_docs_cannot_close_a_comment(tmp_path, monkeypatch):
    source = SHAPES.replace("/// Behaves as", "/// Ends */ early, behaves as")
    worker = workers(tmp_path, monkeypatch, source)["ShapesWorker"]
    content = emit_handlers(alone(worker), worker).content
    assert "Ends *\\/ early" in content
    if NODE:
        check_module(content)


def test_js_type_names_a_domain_type():
    assert js_type(named("Shape")) == "Shape"
    assert js_type(ListT(MaybeT(named("Point")))) == "Array<Point | null>"


def test_the_scaffold_names_domain_types_that_the_declarations_define():
    project = route_project()
    route, _ = project.workers
    content = emit_handlers(project, route).content
    assert "@typedef {{" not in content and "Object<" not in content
    assert " *     from: Point  Rust `?`\n" in content
    assert "//                  reply.planned({ distance: Meters, surfaces: Array<Surface> })\n" in content
    assert emit_handlers(project, route) == emit_handlers(project, route)
    if NODE:
        check_module(content)
        check_module(emit_entry(alone(route), route).content)


def flat_worker():
    """A request with a flattened field and a response that is serde's internally tagged
    newtype of a struct: both put the struct's keys beside "type"."""
    worker = build(
        "FlatWorker",
        request("Locate", flatten("at", GEO_POINT), field("zoom", FLOAT)),
        request("Draw", field("shape", named("Shape"))),
        response("Moved", flat_newtype(named("Point"), GEO_POINT.fields), shape=Shape.TUPLE),
        response("Drawn", field("shape", named("Shape"))),
        response("Failed", field("error", STRING), failure=True),
    )
    return worker, dataclasses.replace(route_project(), workers=(worker,))


def test_flattened_keys_in_the_scaffold_and_the_entry():
    worker, project = flat_worker()
    handlers = emit_handlers(project, worker).content
    assert "    const { lat, lon, zoom } = request;\n" in handlers
    assert " *     lat: number  Rust `?`\n" in handlers
    assert "request['']" not in handlers
    entry = emit_entry(alone(worker), worker).content
    name = next(v for v in worker.responses if v.name == "Moved").fields[0].js_name
    assert f"this.moved = ({name}) => answer.send('Moved', {name}, true);\n" in entry
