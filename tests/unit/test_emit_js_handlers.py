"""The handlers scaffold `<snake>_handlers.js`: one documented stub per request that
answers with the failure variant, the stub `hamlet generate` suggests for a missing
handler, and the JSDoc `@typedef` of each domain type the messages reach, in its wire
shape (serde's included).
"""

from __future__ import annotations

import dataclasses

import hamlet
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
    assert " * @param {string} request.class  Rust `String`\n" in content
    assert " * @param {Object<string, number>} request.meta  Rust `HashMap<String, i64>`\n" in content
    assert " * @param {[boolean, string, number]} request.pair  Rust `(bool, String, f32)`\n" in content
    assert " * @param {string | null} request.note  Rust `Option<String>`\n" in content
    assert " * @param {object} request  CancelAll carries no fields: {}\n" in content
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


def test_the_scaffold_defines_each_reached_domain_type_in_its_wire_shape():
    project = route_project()
    route, small = project.workers
    content = emit_handlers(project, route).content
    block = content[content.index("/**\n * @typedef"):]
    block = block[: block.index(" */\n")]
    typedefs = [line.split("} ")[-1] for line in block.splitlines() if "@typedef" in line]
    assert typedefs == sorted(t.name for t in project.types if t.name != "Unreached")
    for line in (
        " * @typedef {{ lat: number, lon: number }} Point\n",
        " * @typedef {number} Meters\n",
        " * @typedef {[number, string]} Pair\n",
        " * @typedef {null} Marker\n",
        " * @typedef {'Paved' | 'Gravel' | 'trail'} Surface\n",
        " * @typedef {Object<string, Array<string>>} Labels\n",
        " * @typedef {{ type: 'Circle', center: Point, radius: number } | { type: 'Polygon', value: Array<Point> }"
        " | { type: 'Segment', value: [Point, Point] } | { type: 'Empty' }} Shape\n",
        " * @typedef {{ kind: 'Moved', lat: number, lon: number } | { kind: 'stopped', atMs: number }"
        " | { kind: 'lost' }} Event\n",
        " * @typedef {{ t: 'Leaf', c: number } | { t: 'Branch', c: { left: Tree, right: Tree } }"
        " | { t: 'Span', c: [number, number] } | { t: 'Nil' }} Tree\n",
        " * @typedef {null | number | string | [number, string] | Array<Value_>"
        " | { key: string, inner?: Value_ | null }} Value_\n",
        " * @typedef {{ name: string, tags?: Array<string>, note?: string | null, extra?: Array<number>,"
        " lat: number, lon: number, label: string }} Options\n",
    ):
        assert line in content, line
    assert "(see route_worker.schema.json)" in content
    assert " * @param {Point} request.from  Rust `?`\n" in content
    assert "//                  reply.planned({ distance: Meters, surfaces: Array<Surface> })\n" in content
    small_content = emit_handlers(project, small).content
    assert [line for line in small_content.splitlines() if "@typedef" in line] == [
        " * @typedef {'Paved' | 'Gravel' | 'trail'} Surface"
    ]
    assert emit_handlers(project, route) == emit_handlers(project, route)
    if NODE:
        check_module(content)
        check_module(emit_entry(alone(route), route).content)


def test_without_domain_types_the_scaffold_is_unchanged(seed):
    for worker in seed.values():
        assert "@typedef" not in emit_handlers(alone(worker), worker).content


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
    assert " * @param {number} request.lat  Rust `?`\n" in handlers
    assert "request['']" not in handlers
    entry = emit_entry(alone(worker), worker).content
    name = next(v for v in worker.responses if v.name == "Moved").fields[0].js_name
    assert f"this.moved = ({name}) => answer.send('Moved', {name}, true);\n" in entry


def test_the_scaffold_types_serde_types_as_serde_writes_them(tmp_path, monkeypatch):
    source = """\
#[derive(Serialize, Deserialize)]
pub struct Point { pub x_pos: f64 }
#[derive(Serialize, Deserialize)]
pub enum Shape { Circle { center_point: Point }, Square(f64), Pair(u8, String), Dot, V(), W {},
                 #[serde(rename = "constructor")] Ctor(Option<u8>) }
pub struct Plain { pub x_pos: f64 }
#[derive(BuildAmpWorker)]
pub enum DrawWorkerMessage { Draw { shape: Shape, plain: Plain }, DrawFailed { error: String } }
"""
    worker = workers(tmp_path, monkeypatch, source)["DrawWorker"]
    project, _ = hamlet.load(["src"])
    content = emit_handlers(project, worker).content
    for line in (
        " * @typedef {{ x_pos: number }} Point\n",
        " * @typedef {{ xPos: number }} Plain\n",
        " * @typedef {{ Circle: { center_point: Point } } | { Square: number } | { Pair: [number, string] }"
        " | 'Dot' | { V: [] } | { W: {} } | { constructor: number | null }} Shape\n",
    ):
        assert line in content, line
    if NODE:
        check_module(content)
