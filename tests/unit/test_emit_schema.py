"""The JSON Schema emitter: a valid draft 2020-12 schema per worker that accepts the
messages of the wire contract and rejects what is off it.

Workers are resolved for real from Rust source; the type mapping is also checked one
type at a time. Domain types (structs, enums of every tagging, aliases, serde's
default/skip_serializing_if/flatten, recursion) come from a hand-built project standing
in for the resolver, checked against the wire examples of docs/types.md.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace

import pytest
from jsonschema import Draft202012Validator

from hamlet.emit.header import source_of
from hamlet.emit.schema import emit_schema, type_def_schema, type_schema
from hamlet.model import DictT, ListT, MaybeT, NamedT, Omit, Project, Shape, TupleT
from support.models import (
    BOOL,
    FLOAT,
    GEO_POINT,
    INT,
    ROUTE_TYPES,
    STRING,
    UNIT,
    build,
    field,
    named,
    request,
    response,
    route_project,
    struct,
)
from support.project import load, workers
from support.schema import Wire

SHAPES = """\
use std::collections::HashMap;

/// Every shape there is.
#[derive(BuildAmpWorker)]
pub enum ShapesWorkerMessage {
    // Main → Worker
    /// Run it.
    Run {
        /// How to run.
        mode: String,
        note: Option<String>,
    },
    Resize(u32, u32),
    Scale(Option<f64>),
    CancelAll,
    Tag { class: String, tags: Vec<Option<i32>>, meta: HashMap<String, bool>, pair: (bool, String, f32), nothing: () },

    // Worker → Main
    Ran { mode: String },
    StepProgress(u32),
    Cancelled,
    Failed(String),
}
"""


@pytest.fixture
def shapes(tmp_path, monkeypatch):
    return workers(tmp_path, monkeypatch, SHAPES)["ShapesWorker"]


# ---- the document ------------------------------------------------------------------


@pytest.mark.parametrize("base", ["ImageWorker", "DataWorker", "CSVWorker"])
def test_seed_schemas_are_valid_2020_12_schemas(seed, base):
    out = emit_schema(Project((seed[base],)), seed[base])
    assert (out.root, out.scaffold) == ("worker", False)
    assert out.path == seed[base].js.schema_file
    document = json.loads(out.content)
    Draft202012Validator.check_schema(document)
    assert document["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert document["$id"] == out.path
    assert document["title"] == f"{base} messages"
    assert list(document)[:3] == ["$comment", "$schema", "$id"]


def test_layout_and_notice(seed):
    worker = seed["ImageWorker"]
    out = emit_schema(Project((worker,)), worker)
    assert out.path == "image_worker.schema.json"
    assert out.content.endswith("}\n") and not out.content.endswith("\n\n")
    assert out.content.startswith("{\n  \"$comment\": ")
    # `hamlet.write` finds the notice in a file's first lines.
    assert source_of("".join(out.content.splitlines(keepends=True)[:6])) == ["src/lib.rs"]
    assert out.content == emit_schema(Project((worker,)), worker).content
    defs = json.loads(out.content)["$defs"]
    assert list(defs) == [
        "ImageWorkerRequest",
        "ImageWorkerRequest.ProcessImage",
        "ImageWorkerResponse",
        "ImageWorkerResponse.ProcessingComplete",
        "ImageWorkerResponse.ProcessingFailed",
        "ImageWorkerResponse.ProcessingProgress",
        "ImageWorkerRequestEnvelope",
        "ImageWorkerRequestEnvelope.ProcessImage",
        "ImageWorkerResponseEnvelope",
        "ImageWorkerResponseEnvelope.ProcessingComplete",
        "ImageWorkerResponseEnvelope.ProcessingFailed",
        "ImageWorkerResponseEnvelope.ProcessingProgress",
        "ImageWorkerRequestEnvelope.cancel",
        "ImageWorkerResponseEnvelope.closing",
        "ImageWorkerRequest.port",
        "ImageWorkerRequest.send",
        "ImageWorkerRequest.cancel",
        "ImageWorkerRequest.terminate",
        "ImageWorkerResponse.tracked",
    ]
    assert defs["ImageWorkerRequest.ProcessImage"] == {
        "type": "object",
        "properties": {
            "type": {"const": "ProcessImage"},
            "imageUrl": {"type": "string"},
            "maxWidth": {"type": "integer"},
            "quality": {"type": "integer"},
        },
        "required": ["type", "imageUrl", "maxWidth", "quality"],
        "additionalProperties": False,
    }
    assert defs["ImageWorkerResponse"]["oneOf"] == [
        {"$ref": "#/$defs/ImageWorkerResponse.ProcessingComplete"},
        {"$ref": "#/$defs/ImageWorkerResponse.ProcessingFailed"},
        {"$ref": "#/$defs/ImageWorkerResponse.ProcessingProgress"},
    ]


def test_docs_become_descriptions(shapes):
    document = json.loads(emit_schema(Project((shapes,)), shapes).content)
    assert document["description"] == "Every shape there is."
    run = document["$defs"]["ShapesWorkerRequest.Run"]
    assert run["description"] == "Run it."
    assert run["properties"]["mode"] == {"type": "string", "description": "How to run."}


# ---- accepting and rejecting messages --------------------------------------------------


def test_seed_messages_at_the_elm_port(seed):
    wire = Wire(seed["ImageWorker"])
    good = {"type": "ProcessImage", "imageUrl": "a.png", "maxWidth": 800, "quality": 80}
    assert wire.valid("Request", good)
    assert wire.root_valid(good)
    assert not wire.valid("Request", {**good, "quality": 80.5})
    assert not wire.valid("Request", {**good, "maxWidth": "800"})
    assert not wire.valid("Request", {k: v for k, v in good.items() if k != "quality"})
    assert not wire.valid("Request", {k: v for k, v in good.items() if k != "type"})
    assert not wire.valid("Request", {**good, "extra": 1})
    assert not wire.valid("Request", {**good, "type": "ProcessImages"})
    assert not wire.valid("Request", {"type": "ProcessingFailed", "error": "x"})  # a response

    done = {"type": "ProcessingComplete", "resultUrl": "b.png", "originalSize": [1920, 1080], "finalSize": [800, 450]}
    assert wire.valid("Response", done)
    assert wire.root_valid(done)
    assert not wire.valid("Response", {**done, "finalSize": [800]})
    assert not wire.valid("Response", {**done, "finalSize": [800, 450, 1]})
    assert not wire.valid("Response", {**done, "finalSize": [800, "450"]})
    assert wire.valid("Response", {"type": "ProcessingProgress", "percent": 0.5})
    assert wire.valid("Response", {"type": "ProcessingFailed", "error": "no"})
    assert not wire.valid("Response", {"type": "ProcessingFailed"})
    assert not wire.root_valid({"type": "Nope"})

    data = Wire(seed["DataWorker"])
    assert data.valid("Request", {"type": "CalculateStats", "numbers": [1, 2.5]})
    assert not data.valid("Request", {"type": "CalculateStats", "numbers": [1, None]})
    assert data.valid("Response", {"type": "StatsCalculated", "mean": 1, "median": 2, "stdDev": 0.5})
    assert not data.valid("Response", {"type": "StatsCalculated", "mean": 1, "median": 2, "std_dev": 0.5})

    csv = Wire(seed["CSVWorker"])
    assert csv.valid("Response", {"type": "CSVParsed", "rows": [["a", "b"], []]})
    assert not csv.valid("Response", {"type": "CSVParsed", "rows": ["a"]})


def test_envelopes(seed):
    wire = Wire(seed["ImageWorker"])
    data = {"imageUrl": "a.png", "maxWidth": 800, "quality": 80}
    assert wire.valid("RequestEnvelope", {"id": 1, "type": "ProcessImage", "data": data})
    assert not wire.valid("RequestEnvelope", {"id": 0, "type": "ProcessImage", "data": data})
    assert not wire.valid("RequestEnvelope", {"id": 1.5, "type": "ProcessImage", "data": data})
    assert not wire.valid("RequestEnvelope", {"type": "ProcessImage", "data": data})
    assert not wire.valid("RequestEnvelope", {"id": 1, "type": "ProcessImage", "data": {**data, "type": "ProcessImage"}})
    assert not wire.valid("RequestEnvelope", {"id": 1, "type": "ProcessImage", "data": {}})
    assert not wire.valid("RequestEnvelope", {"id": 1, "type": "Bogus", "data": data})
    assert not wire.valid("RequestEnvelope", {"id": 1, "type": "ProcessImage", "data": data, "extra": 1})
    assert not wire.valid("Request", {"id": 1, "type": "ProcessImage", "data": data})  # Elm never sees it

    assert wire.valid("ResponseEnvelope", {"id": 7, "type": "ProcessingProgress", "data": {"percent": 1}})
    assert wire.valid("ResponseEnvelope", {"id": 7, "type": "ProcessingFailed", "data": {"error": "x"}})
    assert not wire.valid("ResponseEnvelope", {"id": 7, "type": "ProcessingFailed", "data": {"message": "x"}})


def test_every_shape_and_type(shapes):
    wire = Wire(shapes)
    ok = [
        {"type": "Run", "mode": "m", "note": "n"},
        {"type": "Run", "mode": "m", "note": None},
        {"type": "Run", "mode": "m"},  # Maybe: absent accepted
        {"type": "Resize", "value": [1, 2]},
        {"type": "Scale", "value": 1.5},
        {"type": "Scale", "value": None},
        {"type": "Scale"},
        {"type": "CancelAll"},
        {"type": "Tag", "class": "c", "tags": [1, None], "meta": {"a": True}, "pair": [True, "s", 1.5], "nothing": None},
    ]
    bad = [
        {"type": "Run", "note": "n"},
        {"type": "Run", "mode": None},
        {"type": "Resize", "value": [1]},
        {"type": "Resize", "value": 1},
        {"type": "Resize"},
        {"type": "Scale", "value": "1.5"},
        {"type": "CancelAll", "value": None},
        {"type": "Tag", "class": "c", "tags": ["x"], "meta": {}, "pair": [True, "s", 1.5], "nothing": None},
        {"type": "Tag", "class": "c", "tags": [], "meta": {"a": 1}, "pair": [True, "s", 1.5], "nothing": None},
        {"type": "Tag", "class": "c", "tags": [], "meta": {}, "pair": [True, "s"], "nothing": None},
        {"type": "Tag", "class": "c", "tags": [], "meta": {}, "pair": [True, "s", 1.5], "nothing": 0},
        {"type": "Tag", "class_": "c", "tags": [], "meta": {}, "pair": [True, "s", 1.5], "nothing": None},
    ]
    for message in ok:
        assert wire.valid("Request", message), message
    for message in bad:
        assert not wire.valid("Request", message), message
    assert wire.valid("Response", {"type": "StepProgress", "value": 3})
    assert wire.valid("Response", {"type": "Failed", "value": "why"})
    assert not wire.valid("Response", {"type": "Failed", "error": "why"})
    assert wire.valid("Response", {"type": "Cancelled"})
    assert wire.valid("RequestEnvelope", {"id": 3, "type": "CancelAll", "data": {}})
    assert not wire.valid("RequestEnvelope", {"id": 3, "type": "CancelAll", "data": {"x": 1}})
    assert wire.valid("RequestEnvelope", {"id": 3, "type": "Resize", "data": {"value": [1, 2]}})
    assert wire.valid("RequestEnvelope", {"id": 3, "type": "Scale", "data": {}})


# ---- the type mapping ------------------------------------------------------------------


@pytest.mark.parametrize(
    "type_, schema",
    [
        (BOOL, {"type": "boolean"}),
        (INT, {"type": "integer"}),
        (FLOAT, {"type": "number"}),
        (STRING, {"type": "string"}),
        (UNIT, {"type": "null"}),
        (ListT(INT), {"type": "array", "items": {"type": "integer"}}),
        (MaybeT(STRING), {"anyOf": [{"type": "string"}, {"type": "null"}]}),
        (DictT(FLOAT), {"type": "object", "additionalProperties": {"type": "number"}}),
        (
            TupleT((INT, STRING)),
            {
                "type": "array",
                "prefixItems": [{"type": "integer"}, {"type": "string"}],
                "minItems": 2,
                "maxItems": 2,
                "items": False,
            },
        ),
        (NamedT("Shape", "encodeShape", "shapeDecoder"), {"$ref": "#/$defs/Shape"}),
        (
            ListT(MaybeT(DictT(ListT(BOOL)))),
            {
                "type": "array",
                "items": {
                    "anyOf": [
                        {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "boolean"}}},
                        {"type": "null"},
                    ]
                },
            },
        ),
    ],
)
def test_type_schema(type_, schema):
    assert type_schema(type_) == schema


def test_an_empty_tuple_is_an_empty_array_in_a_valid_schema():
    """`V()`: 2020-12 wants `prefixItems` non-empty, so `[]` is said another way."""
    schema = type_schema(TupleT(()))
    Draft202012Validator.check_schema(schema)
    assert Draft202012Validator(schema).is_valid([])
    assert not any(Draft202012Validator(schema).is_valid(bad) for bad in ([1], {}, None))


# ---- domain types (a hand-built project: the resolver's side of the model) --------------


@pytest.fixture
def route():
    project = route_project()
    return Wire(project.workers[0], project)


def test_defs_hold_exactly_the_reached_types_sorted_after_the_messages():
    project = route_project()
    route, small = project.workers
    defs = list(json.loads(emit_schema(project, route).content)["$defs"])
    types = [name for name in defs if not name.startswith("RouteWorker")]
    assert defs[-len(types):] == types  # after every message definition
    assert types == sorted(t.name for t in project.types if t.name != "Unreached")
    assert [t.name for t in project.reached_types(route)] == types
    small_defs = json.loads(emit_schema(project, small).content)["$defs"]
    assert [name for name in small_defs if not name.startswith("SmallWorker")] == ["Surface"]
    # Deterministic: the order of project.types does not matter.
    shuffled = replace(project, types=tuple(reversed(project.types)))
    assert emit_schema(shuffled, route).content == emit_schema(project, route).content


def test_every_ref_resolves_and_cycles_are_refs(route):
    refs = set(re.findall(r'"\$ref": "#/\$defs/([^"]+)"', json.dumps(route.document)))
    assert refs <= set(route.document["$defs"])
    # Recursive types refer to themselves (or each other) through $defs.
    assert {"Node", "Tree", "Value_", "Dir", "Files"} <= refs
    assert route.document["$defs"]["Node"]["properties"]["children"] == {
        "type": "array", "items": {"$ref": "#/$defs/Node"}
    }


def test_type_def_schemas_of_the_simple_shapes():
    by_name = {t.name: t for t in ROUTE_TYPES}
    assert type_def_schema(by_name["Meters"]) == {"type": "number"}
    assert type_def_schema(by_name["Marker"]) == {"type": "null"}
    assert type_def_schema(by_name["Surface"]) == {"type": "string", "enum": ["Paved", "Gravel", "trail"]}
    assert type_def_schema(by_name["Labels"]) == type_schema(DictT(ListT(STRING)))
    assert type_def_schema(by_name["Pair"]) == type_schema(TupleT((INT, STRING)))
    point = type_def_schema(GEO_POINT)
    assert point["description"] == "A point on the map."
    assert (point["required"], point["additionalProperties"]) == (["lat", "lon"], False)


def test_structs_newtypes_tuples_units_and_aliases(route):
    assert route.valid_def("Point", {"lat": 1, "lon": 2.5})
    for bad in ({"lat": 1}, {"lat": 1, "lon": "2"}, {"lat": 1, "lon": 2, "alt": 3}, [1, 2], None):
        assert not route.valid_def("Point", bad), bad
    assert route.valid_def("Meters", 12.5)
    assert not route.valid_def("Meters", {"value": 12.5})
    assert not route.valid_def("Meters", [12.5])
    assert route.valid_def("Pair", [1, "a"])
    for bad in ([1], [1, "a", 2], ["a", 1], {"value": [1, "a"]}):
        assert not route.valid_def("Pair", bad), bad
    assert route.valid_def("Marker", None)
    assert not route.valid_def("Marker", {})
    assert route.valid_def("Labels", {"a": ["x", "y"], "b": []})
    assert not route.valid_def("Labels", {"a": "x"})
    assert not route.valid_def("Labels", [["a", "x"]])


def test_string_enum(route):
    assert route.valid_def("Surface", "Paved")
    assert route.valid_def("Surface", "trail")  # serde rename: the tag, not the name
    for bad in ("Trail", "paved", {"type": "Paved"}, None):
        assert not route.valid_def("Surface", bad), bad


def test_internally_tagged_enum(route):
    circle = {"type": "Circle", "center": {"lat": 0, "lon": 0}, "radius": 2.5}
    assert route.valid_def("Shape", circle)
    assert route.valid_def("Shape", {"type": "Polygon", "value": [{"lat": 0, "lon": 0}]})
    assert route.valid_def("Shape", {"type": "Segment", "value": [{"lat": 0, "lon": 0}, {"lat": 1, "lon": 1}]})
    assert route.valid_def("Shape", {"type": "Empty"})
    for bad in (
        {**circle, "type": "Square"},
        {k: v for k, v in circle.items() if k != "radius"},
        {**circle, "center": {"lat": 0}},
        {**circle, "value": 1},
        {"type": "Polygon", "value": {"lat": 0, "lon": 0}},
        {"type": "Polygon"},
        {"type": "Segment", "value": [{"lat": 0, "lon": 0}]},
        {"type": "Empty", "value": None},
        "Empty",
    ):
        assert not route.valid_def("Shape", bad), bad
    assert route.document["$defs"]["Shape"]["oneOf"][0]["description"] == "Round."


def test_internally_tagged_newtype_of_a_struct_puts_its_keys_beside_the_tag(route):
    assert route.valid_def("Event", {"kind": "Moved", "lat": 1, "lon": 2})
    assert route.valid_def("Event", {"kind": "stopped", "atMs": 5})
    assert route.valid_def("Event", {"kind": "lost"})
    for bad in (
        {"kind": "Moved", "value": {"lat": 1, "lon": 2}},
        {"kind": "Moved", "lat": 1},
        {"type": "Moved", "lat": 1, "lon": 2},
        {"kind": "Stopped", "atMs": 5},
        {"kind": "lost", "lat": 1},
    ):
        assert not route.valid_def("Event", bad), bad


def test_adjacently_tagged_recursive_enum(route):
    leaf = {"t": "Leaf", "c": 3}
    assert route.valid_def("Tree", leaf)
    assert route.valid_def("Tree", {"t": "Nil"})
    assert route.valid_def("Tree", {"t": "Span", "c": [1, 2]})
    deep = {"t": "Branch", "c": {"left": leaf, "right": {"t": "Branch", "c": {"left": {"t": "Nil"}, "right": leaf}}}}
    assert route.valid_def("Tree", deep)
    for bad in (
        {"t": "Leaf"},
        {"t": "Leaf", "c": "3"},
        {"t": "Leaf", "value": 3},
        {"t": "Nil", "c": None},
        {"t": "Span", "c": [1]},
        {"type": "Leaf", "c": 3},
        {"t": "Branch", "c": {"left": leaf, "right": {"t": "Leaf", "c": 1.5}}},  # deep inside
        {"t": "Branch", "c": {"left": leaf}},
    ):
        assert not route.valid_def("Tree", bad), bad


def test_untagged_recursive_enum(route):
    for good in (None, 1.5, "a", [1, "a"], [], [1.5, "b", None, [None]], {"key": "k"},
                 {"key": "k", "inner": {"key": "j", "inner": [2]}}, {"key": "k", "inner": None}):
        assert route.valid_def("Value_", good), good
    for bad in (True, [1, True], {"key": 1}, {"key": "k", "inner": True}, {"key": "k", "x": 1},
                {"type": "Text", "value": "a"}):
        assert not route.valid_def("Value_", bad), bad
    assert "anyOf" in route.document["$defs"]["Value_"]


def test_recursive_structs_and_aliases(route):
    tree = {"name": "a", "children": [{"name": "b", "children": []}]}
    assert route.valid_def("Node", tree)
    assert not route.valid_def("Node", {"name": "a", "children": [{"name": "b"}]})
    assert route.valid_def("Dir", {"files": {"a.txt": None, "sub": {"files": {}}}})
    assert not route.valid_def("Dir", {"files": {"sub": {"files": {"x": 1}}}})


def test_default_omit_and_flatten(route):
    full = {"name": "n", "tags": ["t"], "note": "x", "extra": [1], "lat": 1, "lon": 2, "label": "home"}
    assert route.valid_def("Options", full)
    # default, skip_serializing_if (Nothing / empty) and Maybe keys may be absent.
    assert route.valid_def("Options", {"name": "n", "lat": 1, "lon": 2, "label": "home"})
    assert route.document["$defs"]["Options"]["required"] == ["name", "lat", "lon", "label"]
    for bad in (
        {k: v for k, v in full.items() if k != "name"},
        {k: v for k, v in full.items() if k != "lat"},  # a key of a flattened struct's flattened struct
        {k: v for k, v in full.items() if k != "label"},
        {**full, "place": {"lat": 1, "lon": 2, "label": "home"}},
        {**full, "at": {"lat": 1, "lon": 2}},
        {**full, "tags": None},
        {**full, "lat": "1"},
    ):
        assert not route.valid_def("Options", bad), bad
    assert route.valid_def("Place", {"lat": 1, "lon": 2, "label": "x"})
    assert not route.valid_def("Place", {"at": {"lat": 1, "lon": 2}, "label": "x"})


def test_messages_with_domain_types(route):
    point = {"lat": 1, "lon": 2}
    plan = {"type": "PlanRoute", "from": point, "to": point, "surface": "Gravel",
            "labels": {"a": []}, "shape": {"type": "Empty"}}
    assert route.valid("Request", plan)
    assert route.root_valid(plan)
    assert not route.valid("Request", {**plan, "surface": "Dirt"})
    assert not route.valid("Request", {**plan, "to": {"lat": 1}})
    assert route.valid("Request", {"type": "Measure", "value": 12.5})
    assert not route.valid("Request", {"type": "Measure", "value": [12.5]})
    # Variant.tag, not the name, is the wire "type".
    assert route.valid("Request", {"type": "cancel"})
    assert not route.valid("Request", {"type": "Cancel"})
    assert route.valid("RequestEnvelope", {"id": 1, "type": "cancel", "data": {}})
    # A flattened field of a message: its keys sit beside "type", and in the envelope's data.
    assert route.valid("Request", {"type": "Locate", "lat": 1, "lon": 2, "zoom": 3})
    assert not route.valid("Request", {"type": "Locate", "at": point, "zoom": 3})
    assert route.valid("RequestEnvelope", {"id": 2, "type": "Locate", "data": {"lat": 1, "lon": 2, "zoom": 3}})
    assert not route.valid("RequestEnvelope", {"id": 2, "type": "Locate", "data": {"lat": 1, "zoom": 3}})
    inspect = {
        "type": "Inspect",
        "node": {"name": "n", "children": []},
        "tree": {"t": "Nil"},
        "value": [1, "x"],
        "options": {"name": "o", "lat": 0, "lon": 0, "label": ""},
        "event": {"kind": "lost"},
        "pair": [1, "a"],
        "dir": {"files": {}},
    }
    assert route.valid("Request", inspect)  # `marker: Option<Marker>` absent
    assert route.valid("Request", {**inspect, "marker": None})
    assert not route.valid("Request", {**inspect, "marker": {}})
    assert not route.valid("Request", {**inspect, "event": {"kind": "Lost"}})
    assert route.valid("Response", {"type": "Planned", "distance": 3, "surfaces": ["Paved", "trail"]})
    assert not route.valid("Response", {"type": "Planned", "distance": 3, "surfaces": ["Mud"]})


def test_message_fields_with_serde_default_and_omit_are_optional():
    project = route_project()
    worker = build(
        "OptWorker",
        request("Run", field("tags", ListT(STRING), default=True),
                field("codes", ListT(INT), omit=Omit.EMPTY), field("name", STRING)),
        response("OptFailed", field("error", STRING), failure=True),
    )
    wire = Wire(worker, project)
    assert wire.document["$defs"]["OptWorkerRequest.Run"]["required"] == ["type", "name"]
    assert wire.valid("Request", {"type": "Run", "name": "n"})
    assert not wire.valid("Request", {"type": "Run", "tags": []})


def test_a_type_missing_from_the_project_or_clashing_with_a_message_is_refused():
    project = route_project()
    with pytest.raises(ValueError, match="Ghost"):
        emit_schema(project, build("GhostWorker", request("Go", field("g", named("Ghost"))),
                                   response("GoFailed", field("error", STRING), failure=True)))
    clash = struct("ClashWorkerRequest", shape=Shape.UNIT)
    worker = build("ClashWorker", request("Go", field("c", named(clash.name))),
                   response("GoFailed", field("error", STRING), failure=True))
    with pytest.raises(ValueError, match="ClashWorkerRequest"):
        emit_schema(Project((worker,), (clash,)), worker)


# ---- types that derive serde: as serde writes them -----------------------------------

SERDE_TYPES = """\
#[derive(Serialize, Deserialize)]
pub struct Point { pub x_pos: f64, pub y_pos: f64 }

/// Drawn things.
#[derive(Serialize, Deserialize)]
pub enum Shape {
    /// Round.
    Circle { radius: f64, center_point: Point },
    Square(f64),
    Pair(u8, String),
    Dot,
    NoFields(),
    Empty {},
    Maybe(Option<u8>),
}

pub struct Plain { pub x_pos: f64 }

#[derive(BuildAmpWorker)]
pub enum DrawWorkerMessage {
    Draw { shape: Shape, at: Point, plain: Plain },
    DrawFailed { error: String },
}
"""


def test_serde_types_are_described_as_serde_writes_them(tmp_path, monkeypatch):
    project = load(tmp_path, monkeypatch, SERDE_TYPES)
    wire = Wire(project.workers[0], project)
    assert wire.valid_def("Point", {"x_pos": 1, "y_pos": 2.5})
    assert not wire.valid_def("Point", {"xPos": 1, "yPos": 2.5})
    assert wire.valid_def("Plain", {"xPos": 1})  # no serde derive: Hamlet's camelCase
    assert not wire.valid_def("Plain", {"x_pos": 1})
    for good in (
        {"Circle": {"radius": 1.0, "center_point": {"x_pos": 0, "y_pos": 0}}},
        {"Square": 2.0},
        {"Pair": [1, "a"]},
        "Dot",
        {"NoFields": []},
        {"Empty": {}},
        {"Maybe": None},
        {"Maybe": 3},
    ):
        assert wire.valid_def("Shape", good), good
    for bad in (
        {"type": "Circle", "radius": 1.0, "center_point": {"x_pos": 0, "y_pos": 0}},
        {"Circle": {"radius": 1.0}},
        {"Square": 2.0, "Dot": None},
        {"Square": "2"},
        {"Pair": [1]},
        {"Dot": None},  # serde reads it, but never writes it
        "Square",
        {"NoFields": None},
        {"NoFields": [1]},
        {"Empty": []},
        {},
        "Nope",
    ):
        assert not wire.valid_def("Shape", bad), bad
    shape = wire.document["$defs"]["Shape"]
    assert shape["description"] == "Drawn things."
    assert shape["oneOf"][0]["description"] == "Round."
    assert shape["oneOf"][3] == {"const": "Dot"}
