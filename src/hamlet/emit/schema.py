"""The JSON Schema (draft 2020-12) of one worker's messages: `<snake>.schema.json`.

    #[derive(BuildAmpWorker)]
    pub enum ImageWorkerMessage {
        // Main → Worker
        ProcessImage { image_url: String, max_width: u32, quality: u8 },
        ..
    }

gives `$defs` such as

    "ImageWorkerRequest.ProcessImage": {
      "type": "object",
      "properties": {
        "type": {"const": "ProcessImage"},
        "imageUrl": {"type": "string"}, "maxWidth": {"type": "integer"}, ..
      },
      "required": ["type", "imageUrl", "maxWidth", "quality"],
      "additionalProperties": false
    }

and `ImageWorkerRequest` / `ImageWorkerResponse` (a `oneOf` of the variants: what
crosses the Elm ports), `ImageWorkerRequestEnvelope` / `ImageWorkerResponseEnvelope`
(`{"id": 1, "type": "ProcessImage", "data": {..}}`: what crosses `postMessage`), plus
the arrays of tracked requests and the control messages: `ImageWorkerRequest.port`
(everything on the outgoing port), `ImageWorkerResponse.tracked` (`[tracker, response]`),
`ImageWorkerRequestEnvelope.cancel` and `ImageWorkerResponseEnvelope.closing`. The
root schema accepts any request or response.

Domain types the messages reach (directly or through other types) follow, one `$defs`
entry each, by name, referenced as `{"$ref": "#/$defs/Point"}`:

    struct Point { x: f64, y: f64 }   ->  "Point": {"type": "object", "properties":
                                            {"x": .., "y": ..}, "required": ["x", "y"], ..}
    struct Meters(f64);               ->  "Meters": {"type": "number"}
    enum Format { Png, Jpeg }         ->  "Format": {"type": "string", "enum": ["Png", "Jpeg"]}
    enum Shape { Circle { r: f64 }, Square(f64), Empty }
                                      ->  "Shape": {"oneOf": [{.. "type": {"const": "Circle"},
                                            "r": ..}, {.. "value": ..}, {.. only "type"}]}
    the same enum deriving serde      ->  "Shape": {"oneOf": [{.. "properties": {"Circle":
                                            {.. "r": ..}}, "required": ["Circle"]}, ..,
                                            {"const": "Empty"}]}
"""

from __future__ import annotations

import json

from hamlet.emit.header import notice
from hamlet.model import (
    AliasDef,
    Constructor,
    DictT,
    EnumDef,
    Field,
    Key,
    ListT,
    MaybeT,
    NamedT,
    OutputFile,
    Prim,
    PrimT,
    Project,
    Shape,
    StructDef,
    Tagging,
    TupleT,
    Type,
    TypeDef,
    Variant,
    Worker,
)

DRAFT = "https://json-schema.org/draft/2020-12/schema"

_PRIMS = {
    Prim.BOOL: {"type": "boolean"},
    Prim.INT: {"type": "integer"},
    Prim.FLOAT: {"type": "number"},
    Prim.STRING: {"type": "string"},
    Prim.UNIT: {"type": "null"},
}


def emit_schema(project: Project, worker: Worker) -> OutputFile:
    base, names = worker.base, worker.schema
    defs: dict[str, object] = {}
    groups = ((names.requests, worker.requests), (names.responses, worker.responses))
    for group, variants in groups:
        direction = "main thread to the worker" if group == names.requests else "worker to the main thread"
        defs[group] = _one_of(
            f"A message from the {direction}, as it crosses the Elm port.",
            [f"{group}.{v.name}" for v in variants],
        )
        for v in variants:
            defs[f"{group}.{v.name}"] = _message(v)
    envelopes = ((names.request_envelopes, names.requests, worker.requests),
                 (names.response_envelopes, names.responses, worker.responses))
    for envelope, group, variants in envelopes:
        defs[envelope] = _one_of(
            f"{group} as posted between the main thread and the worker: "
            '{"id": <request id>, "type": <variant>, "data": <its fields>}.',
            [f"{envelope}.{v.name}" for v in variants],
        )
        for v in variants:
            defs[f"{envelope}.{v.name}"] = _envelope(v)
    defs[names.request_envelopes]["oneOf"].append(_ref(names.cancel_envelope))
    defs[names.response_envelopes]["oneOf"].append(_ref(names.closing))
    defs[names.cancel_envelope] = _array(
        "Not a request: the main thread ended request `id` (a cancel, a timeout); "
        "the handler's reply.signal aborts with DOMException(text, name).",
        {"const": "cancel"},
        {"type": "integer", "minimum": 1},
        {"enum": ["AbortError", "TimeoutError"]},
        {"type": "string"},
    )
    defs[names.closing] = _array(
        "Not a response: the worker entry's notice that a handler called self.close(). "
        "No request is answered by it; every pending request fails.",
        {"const": "closing"},
    )
    defs.update(_tracked(worker))
    for definition in project.reached_types(worker):
        if definition.name in defs:  # would replace a message's definition silently
            raise ValueError(f"domain type {definition.name} is named like a $defs entry of {base}")
        defs[definition.name] = type_def_schema(definition)
    document = {
        "$comment": notice(" ".join(worker.source.split())),
        "$schema": DRAFT,
        "$id": worker.js.schema_file,
        "title": f"{base} messages",
        "description": _docs(worker.docs)
        or f"The messages of the {base} worker (Rust enum {worker.enum_name}).",
        "anyOf": [_ref(names.requests), _ref(names.responses)],
        "$defs": defs,
    }
    content = json.dumps(document, indent=2, sort_keys=False, ensure_ascii=False) + "\n"
    return OutputFile(root="worker", path=worker.js.schema_file, content=content)


def _tracked(worker: Worker) -> dict[str, dict]:
    """What tracked requests add at the Elm ports (docs/wire-format.md): the commands on
    the outgoing port, and `[tracker, response]` on the tracked port."""
    names, elm = worker.schema, worker.elm
    return {
        names.port: _one_of(
            f"What Elm sends on {elm.send_port}: a request, or a command of tracked requests.",
            [names.requests, names.send, names.cancel, names.terminate],
        ),
        names.send: _array(
            f"{elm.send_with}: a request with its tracker and timeout (milliseconds).",
            {"const": "send"},
            {"type": ["string", "null"]},
            {"type": ["number", "null"]},
            _ref(names.requests),
        ),
        names.cancel: _array(
            f"{elm.cancel}: end the pending requests of a tracker.",
            {"const": "cancel"},
            {"type": "string"},
        ),
        names.terminate: _array(f"{elm.terminate}: stop the worker.", {"const": "terminate"}),
        names.tracked: _array(
            f"What Elm gets on {elm.tracked_port}: a response to a tracked request, "
            "after its tracker.",
            {"type": "string"},
            _ref(names.responses),
        ),
    }


def _array(description: str, *items: dict) -> dict:
    """A fixed-length array, its items in order."""
    return {
        "description": description,
        "type": "array",
        "prefixItems": list(items),
        "minItems": len(items),
        "maxItems": len(items),
        "items": False,
    }


def type_schema(t: Type) -> dict:
    """`Vec<Option<u32>>` -> {"type": "array", "items": {"anyOf": [{"type": "integer"},
    {"type": "null"}]}}."""
    if isinstance(t, PrimT):
        return dict(_PRIMS[t.prim])
    if isinstance(t, ListT):
        return {"type": "array", "items": type_schema(t.item)}
    if isinstance(t, MaybeT):
        return {"anyOf": [type_schema(t.item), {"type": "null"}]}
    if isinstance(t, DictT):
        return {"type": "object", "additionalProperties": type_schema(t.value)}
    if isinstance(t, TupleT):
        n = len(t.items)
        if not n:  # `V()`: `[]`; the draft has no empty `prefixItems`
            return {"type": "array", "maxItems": 0}
        return {
            "type": "array",
            "prefixItems": [type_schema(item) for item in t.items],
            "minItems": n,
            "maxItems": n,
            "items": False,
        }
    assert isinstance(t, NamedT)
    return _ref(t.name)


def type_def_schema(definition: TypeDef) -> dict:
    """The `$defs` entry of one domain type.

    `struct Pair(u32, String)` -> {"type": "array", "prefixItems": [..], ..};
    `pub type Labels = HashMap<String, Vec<String>>` -> {"type": "object", ..};
    `#[serde(tag = "t", content = "c")] enum E { A(f64), B }` -> {"oneOf": [
    {"properties": {"t": {"const": "A"}, "c": {"type": "number"}}, ..},
    {"properties": {"t": {"const": "B"}}, ..}]}.
    """
    if isinstance(definition, AliasDef):
        schema = type_schema(definition.type)
    elif isinstance(definition, StructDef):
        schema = _untagged(definition)
    else:
        schema = _enum(definition)
    return _described(schema, definition.docs)


def _enum(enum: EnumDef) -> dict:
    ctors = enum.constructors
    if enum.tagging is Tagging.STRING:
        return {"type": "string", "enum": [c.tag for c in ctors]}
    if enum.tagging is Tagging.UNTAGGED:
        # Branches may overlap (serde takes the first that fits): anyOf, not oneOf.
        return {"anyOf": [_described(_untagged(c), c.docs) for c in ctors]}
    if enum.tagging is Tagging.EXTERNAL:
        return {"oneOf": [_external_ctor(c) for c in ctors]}
    return {"oneOf": [_tagged_ctor(enum, c) for c in ctors]}


def _external_ctor(ctor: Constructor) -> dict:
    """serde's externally tagged variant as serde writes it: `"Dot"` for a unit
    variant, else an object whose one key is the name: `{"Square": 2.0}`."""
    if ctor.shape is Shape.UNIT:
        return _described({"const": ctor.tag}, ctor.docs)
    return _object({ctor.tag: _untagged(ctor)}, [ctor.tag], ctor.docs)


def _tagged_ctor(enum: EnumDef, ctor: Constructor) -> dict:
    """`{"type": "Circle", "radius": 2.5}` (INTERNAL) or `{"t": "Square", "c": 3}`
    (ADJACENT)."""
    if enum.tagging is Tagging.INTERNAL:
        properties, required = _fields(ctor)
    elif ctor.shape is Shape.UNIT:
        properties, required = {}, []
    else:
        properties, required = {enum.content: _untagged(ctor)}, [enum.content]
    return _object(
        {enum.tag: {"const": ctor.tag}, **properties}, [enum.tag, *required], ctor.docs
    )


def _untagged(case: StructDef | Constructor) -> dict:
    """A value without a tag: a struct's object, a newtype's inner value, a tuple's
    array, or null for a unit."""
    fields = case.fields
    if case.shape is Shape.UNIT:
        return {"type": "null"}
    if case.shape is Shape.TUPLE:
        if len(fields) == 1:
            return _field_schema(fields[0])
        return type_schema(TupleT(tuple(f.type for f in fields)))
    return _object(*_keys(case.keys))


def _fields(case: Variant | Constructor) -> tuple[dict, list[str]]:
    """The properties and required keys beside the tag of a message or of an internally
    tagged constructor: a struct's keys, a tuple's "value", nothing for a unit; a
    newtype of a flattened struct (serde's internally tagged newtype) puts that
    struct's keys beside the tag."""
    fields = case.fields
    if case.shape is Shape.UNIT:
        return {}, []
    if case.shape is Shape.TUPLE and not case.is_flat_newtype:
        if len(fields) == 1:
            value = _field_schema(fields[0])
            required = [] if fields[0].optional_key else ["value"]
        else:
            value = type_schema(TupleT(tuple(f.type for f in fields)))
            required = ["value"]
        return {"value": value}, required
    return _keys(case.keys)


def _keys(keys: tuple[Key, ...]) -> tuple[dict, list[str]]:
    """Properties and required keys of a record (a flattened struct's keys included,
    all optional when the flattened field is)."""
    properties = {key.name: _field_schema(key.field) for key in keys}
    return properties, [key.name for key in keys if not key.optional]


def _field_schema(field: Field) -> dict:
    return _described(type_schema(field.type), field.docs)


def _described(schema: dict, docs: str) -> dict:
    if docs:
        schema["description"] = _docs(docs)
    return schema


def _object(properties: dict, required: list[str], docs: str = "") -> dict:
    schema: dict = _described({"type": "object"}, docs)
    schema["properties"] = properties
    schema["required"] = required
    schema["additionalProperties"] = False
    return schema


def _message(variant: Variant) -> dict:
    properties, required = _fields(variant)
    return _object(
        {"type": {"const": variant.tag}, **properties}, ["type", *required], variant.docs
    )


def _envelope(variant: Variant) -> dict:
    properties, required = _fields(variant)
    return {
        "type": "object",
        "properties": {
            "id": {"type": "integer", "minimum": 1},
            "type": {"const": variant.tag},
            "data": _object(properties, required),
        },
        "required": ["id", "type", "data"],
        "additionalProperties": False,
    }


def _one_of(description: str, names: list[str]) -> dict:
    return {"description": description, "oneOf": [_ref(name) for name in names]}


def _ref(name: str) -> dict:
    return {"$ref": f"#/$defs/{name}"}


def _docs(text: str) -> str:
    return text.strip()
