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
(`{"id": 1, "type": "ProcessImage", "data": {..}}`: what crosses `postMessage`). The
root schema accepts any request or response.
"""

from __future__ import annotations

import json

from hamlet.emit.header import notice
from hamlet.model import (
    DictT,
    Field,
    ListT,
    MaybeT,
    NamedT,
    OutputFile,
    Prim,
    PrimT,
    Shape,
    TupleT,
    Type,
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


def emit_schema(worker: Worker) -> OutputFile:
    named = sorted(
        {t.name for v in worker.variants for f in v.fields for t in _walk(f.type) if isinstance(t, NamedT)}
    )
    if named:
        # The model does not carry domain type definitions yet, and a `$ref` to a
        # missing definition would make every validation fail.
        raise NotImplementedError(
            f"JSON Schema for domain types ({', '.join(named)}) is not generated yet"
        )
    base = worker.base
    requests = f"{base}Request"
    responses = f"{base}Response"
    defs: dict[str, object] = {}
    for group, variants in ((requests, worker.requests), (responses, worker.responses)):
        direction = "main thread to the worker" if group == requests else "worker to the main thread"
        defs[group] = _one_of(
            f"A message from the {direction}, as it crosses the Elm port.",
            [f"{group}.{v.name}" for v in variants],
        )
        for v in variants:
            defs[f"{group}.{v.name}"] = _message(v)
    for group, variants in ((requests, worker.requests), (responses, worker.responses)):
        envelope = f"{group}Envelope"
        defs[envelope] = _one_of(
            f"{group} as posted between the main thread and the worker: "
            '{"id": <request id>, "type": <variant>, "data": <its fields>}.',
            [f"{envelope}.{v.name}" for v in variants],
        )
        for v in variants:
            defs[f"{envelope}.{v.name}"] = _envelope(v)
    document = {
        "$comment": notice(" ".join(worker.source.split())),
        "$schema": DRAFT,
        "$id": worker.js.schema_file,
        "title": f"{base} messages",
        "description": _docs(worker.docs)
        or f"The messages of the {base} worker (Rust enum {worker.enum_name}).",
        "anyOf": [_ref(requests), _ref(responses)],
        "$defs": defs,
    }
    content = json.dumps(document, indent=2, sort_keys=False, ensure_ascii=False) + "\n"
    return OutputFile(root="worker", path=worker.js.schema_file, content=content)


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
        return {
            "type": "array",
            "prefixItems": [type_schema(item) for item in t.items],
            "minItems": n,
            "maxItems": n,
            "items": False,
        }
    assert isinstance(t, NamedT)
    return _ref(t.name)


def _fields(variant: Variant) -> tuple[dict, list[str]]:
    """The properties and required keys of a variant's fields, without `type`."""
    if variant.shape is Shape.UNIT:
        return {}, []
    if variant.shape is Shape.TUPLE:
        if len(variant.fields) == 1:
            value = _field_schema(variant.fields[0])
            required = [] if isinstance(variant.fields[0].type, MaybeT) else ["value"]
        else:
            value = type_schema(TupleT(tuple(f.type for f in variant.fields)))
            required = ["value"]
        return {"value": value}, required
    properties = {f.wire_name: _field_schema(f) for f in variant.fields}
    required = [f.wire_name for f in variant.fields if not isinstance(f.type, MaybeT)]
    return properties, required


def _field_schema(field: Field) -> dict:
    schema = type_schema(field.type)
    if field.docs:
        schema["description"] = _docs(field.docs)
    return schema


def _message(variant: Variant) -> dict:
    properties, required = _fields(variant)
    schema: dict = {"type": "object"}
    if variant.docs:
        schema["description"] = _docs(variant.docs)
    schema["properties"] = {"type": {"const": variant.tag}, **properties}
    schema["required"] = ["type", *required]
    schema["additionalProperties"] = False
    return schema


def _envelope(variant: Variant) -> dict:
    properties, required = _fields(variant)
    return {
        "type": "object",
        "properties": {
            "id": {"type": "integer", "minimum": 1},
            "type": {"const": variant.tag},
            "data": {
                "type": "object",
                "properties": properties,
                "required": required,
                "additionalProperties": False,
            },
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


def _walk(t: Type):
    yield t
    if isinstance(t, (ListT, MaybeT)):
        yield from _walk(t.item)
    elif isinstance(t, DictT):
        yield from _walk(t.value)
    elif isinstance(t, TupleT):
        for item in t.items:
            yield from _walk(item)
