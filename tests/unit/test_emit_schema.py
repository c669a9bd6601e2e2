"""The JSON Schema emitter: a valid draft 2020-12 schema per worker that accepts the
messages of the wire contract and rejects what is off it.

Workers are resolved for real from Rust source; the type mapping is also checked one
type at a time, and NamedT (domain types, not in the model yet) on a hand-built worker.
"""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry
from referencing.jsonschema import DRAFT202012

import hamlet
from hamlet.emit.header import source_of
from hamlet.emit.schema import emit_schema, type_schema
from hamlet.model import DictT, ListT, MaybeT, NamedT, Prim, PrimT, TupleT

SEED = """\
#[derive(BuildAmpWorker, Debug, Clone)]
pub enum ImageWorkerMessage {
    // Main → Worker
    ProcessImage {
        image_url: String,
        max_width: u32,
        quality: u8,
    },

    // Worker → Main
    ProcessingComplete {
        result_url: String,
        original_size: (u32, u32),
        final_size: (u32, u32),
    },
    ProcessingFailed {
        error: String
    },
    ProcessingProgress {
        percent: f32
    },
}

#[derive(BuildAmpWorker, Debug, Clone)]
pub enum DataWorkerMessage {
    // Main → Worker
    ProcessCSV { data: String },
    CalculateStats { numbers: Vec<f64> },

    // Worker → Main
    CSVProcessed { rows: u32, columns: Vec<String> },
    StatsCalculated { mean: f64, median: f64, std_dev: f64 },
    WorkerError { message: String },
}

#[derive(BuildAmpWorker)]
pub enum CSVWorkerMessage {
    ParseCSV { data: String },
    CSVParsed { rows: Vec<Vec<String>> },
    ParseError { error: String },
}
"""

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


def load(tmp_path, monkeypatch, source: str) -> dict:
    (tmp_path / "src").mkdir(exist_ok=True)
    (tmp_path / "src" / "lib.rs").write_text(source, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    project, diagnostics = hamlet.load(["src"])
    assert not [d for d in diagnostics if d.is_error], diagnostics
    return {worker.base: worker for worker in project.workers}


@pytest.fixture
def seed(tmp_path, monkeypatch):
    return load(tmp_path, monkeypatch, SEED)


@pytest.fixture
def shapes(tmp_path, monkeypatch):
    return load(tmp_path, monkeypatch, SHAPES)["ShapesWorker"]


class Wire:
    """Validators for one schema's `$defs`, resolved the way the browser tests do: the
    document registered under its own `$id`."""

    def __init__(self, worker) -> None:
        self.document = json.loads(emit_schema(worker).content)
        Draft202012Validator.check_schema(self.document)
        uri = self.document["$id"]
        self.registry = Registry().with_resource(uri, DRAFT202012.create_resource(self.document))
        self.uri = uri
        self.base = worker.base

    def valid(self, kind: str, message) -> bool:
        validator = Draft202012Validator(
            {"$ref": f"{self.uri}#/$defs/{self.base}{kind}"}, registry=self.registry
        )
        return validator.is_valid(message)

    def root_valid(self, message) -> bool:
        return Draft202012Validator(self.document, registry=self.registry).is_valid(message)


# ---- the document ------------------------------------------------------------------


@pytest.mark.parametrize("base", ["ImageWorker", "DataWorker", "CSVWorker"])
def test_seed_schemas_are_valid_2020_12_schemas(seed, base):
    out = emit_schema(seed[base])
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
    out = emit_schema(worker)
    assert out.path == "image_worker.schema.json"
    assert out.content.endswith("}\n") and not out.content.endswith("\n\n")
    assert out.content.startswith("{\n  \"$comment\": ")
    # `hamlet.write` finds the notice in a file's first lines.
    assert source_of("".join(out.content.splitlines(keepends=True)[:6])) == ["src/lib.rs"]
    assert out.content == emit_schema(worker).content
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
    document = json.loads(emit_schema(shapes).content)
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


BOOL, INT, FLOAT, STRING, UNIT = (PrimT(p) for p in Prim)


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


def test_domain_types_are_not_generated_yet(shapes):
    run = shapes.requests[0]
    named = replace(run, fields=(replace(run.fields[0], type=ListT(NamedT("Shape", "encodeShape", "shapeDecoder"))),))
    worker = replace(shapes, variants=(named, *shapes.variants[1:]))
    with pytest.raises(NotImplementedError, match="Shape"):
        emit_schema(worker)
