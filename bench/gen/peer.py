"""The peer: quicktype generating Elm types and codecs from a JSON Schema of the same
messages, timed as a process beside `hamlet generate`.

    schema = merged_schema(Path("out/workers"))   # Hamlet's *.schema.json, merged
    -> {"$schema": draft-07, "properties": {"<Base>Request": {"$ref": ...}, ...},
        "definitions": {...every worker's definitions...}}

Hamlet writes one JSON Schema (draft 2020-12) per worker. quicktype reads draft-07, so
the merge rewrites the three 2020-12 forms Hamlet uses: `prefixItems` (tuples) becomes
`items` + `additionalItems: false`, `const` becomes a one-value `enum`, and `$defs`
becomes `definitions`. Every worker's definitions are named after the worker, so they
merge without clashes. The top level is an object with one property per message type,
so that quicktype generates every one of them.
"""

from __future__ import annotations

import json
from pathlib import Path


def draft07(node):
    if isinstance(node, list):
        return [draft07(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {}
    for key, value in node.items():
        if key == "prefixItems":
            out["items"] = draft07(value)
            out["additionalItems"] = False
        elif key == "items" and "prefixItems" in node:
            continue
        elif key == "const":
            out["enum"] = [value]
        elif key == "$ref" and isinstance(value, str):
            out[key] = value.replace("#/$defs/", "#/definitions/")
        elif key in ("$schema", "$id", "$comment"):
            continue
        else:
            out[key] = draft07(value)
    return out


def merged_schema(workers_out: Path) -> dict:
    definitions: dict = {}
    properties: dict = {}
    for path in sorted(workers_out.glob("*.schema.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        for name, definition in schema.get("$defs", {}).items():
            if name in definitions and definitions[name] != draft07(definition):
                raise ValueError(f"two workers define {name} differently")
            definitions[name] = draft07(definition)
        for ref in schema["anyOf"]:
            name = ref["$ref"].rsplit("/", 1)[-1]
            properties[name] = {"$ref": f"#/definitions/{name}"}
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "Messages",
        "type": "object",
        "properties": properties,
        "required": sorted(properties),
        "additionalProperties": False,
        "definitions": definitions,
    }


def quicktype_argv(quicktype: Path, schema: Path, out: Path) -> list[str]:
    return [str(quicktype), "--lang", "elm", "--src-lang", "schema", "--module", "Messages",
            "-o", str(out), str(schema)]
