"""Worker models for the Elm emitter's tests, and the check against the real elm-format.

The builder stands in for the resolver so the tests can reach shapes and names the
seed enums do not have; `test_hand_built_image_worker_prints_like_the_resolved_one`
keeps it honest.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from hamlet import naming
from hamlet.diagnostics import Loc
from hamlet.model import (
    DictT,
    Direction,
    ElmNames,
    Field,
    JsNames,
    ListT,
    MaybeT,
    Prim,
    PrimT,
    Rule,
    Shape,
    TupleT,
    Variant,
    Worker,
)

ROOT = Path(__file__).resolve().parents[2]
ELM_FORMAT = ROOT / "node_modules" / ".bin" / "elm-format"

BOOL, INT, FLOAT, STRING, UNIT = (PrimT(p) for p in Prim)


# ---- a small model builder (the resolver does this for real) --------------------------

ROLES = (
    "tag", "value", "data", "request", "response", "toMsg", "error", "field",
    "decoder", "maybe", "a", "b", "c", "item",
)


def field(name, type_, docs="", wire=None):
    wire = naming.serde_camel(name) if wire is None else wire
    elm = naming.elm_field(wire)
    return Field(name, wire, elm, elm, naming.js_local(wire), type_, "?", docs, Loc("lib.rs"))


def positional(*types):
    return tuple(Field(None, "", "", "", "", t, "?", "", Loc("lib.rs")) for t in types)


def variant(name, direction, shape, fields=(), docs="", failure=False):
    return Variant(
        name=name,
        tag=name,
        shape=shape,
        fields=tuple(fields),
        direction=direction,
        rule=Rule.CONVENTION,
        is_failure=failure,
        is_progress=False,
        docs=docs,
        loc=Loc("lib.rs"),
        command=naming.lower_camel(name),
        reply=naming.lower_camel(name),
        handler=f"handle{name}",
    )


def request(name, *fields, shape=Shape.STRUCT, docs=""):
    return variant(name, Direction.REQUEST, shape, fields, docs)


def response(name, *fields, shape=Shape.STRUCT, docs="", failure=False):
    return variant(name, Direction.RESPONSE, shape, fields, docs, failure)


def build(base, *variants, source="src/lib.rs"):
    """A Worker whose locals and parameters avoid every top-level name, as resolved."""
    lower = naming.lower_camel(base)
    top = dict(
        module=f"Workers.{base}",
        path=f"Workers/{base}.elm",
        request_type=f"{base}Request",
        response_type=f"{base}Response",
        send=f"sendTo{base}",
        subscribe=f"{lower}Response",
        send_port=f"sendTo{base}Port",
        response_port=f"{lower}ResponsePort",
        encode_request=f"encode{base}Request",
        request_decoder=f"{lower}RequestDecoder",
        encode_response=f"encode{base}Response",
        response_decoder=f"{lower}ResponseDecoder",
        optional_field=f"{lower}OptionalField",
    )
    taken = set(top.values()) | {v.command for v in variants if v.direction is Direction.REQUEST}
    locals_ = []
    for role in ROLES:
        local = naming.fresh(role, taken)
        taken.add(local)
        locals_.append((role, local))
    resolved = []
    for v in variants:
        if v.shape is Shape.TUPLE:
            wanted = ["value"] if len(v.fields) == 1 else [f"value{i + 1}" for i in range(len(v.fields))]
        else:
            wanted = [f.elm_name for f in v.fields]
        chosen = []
        for name in wanted:
            chosen.append(naming.fresh(name, taken | set(chosen)))
        fields = tuple(
            Field(f.rust_name, f.wire_name, f.elm_name, p, f.js_name, f.type, f.rust_type, f.docs, f.loc)
            for f, p in zip(v.fields, chosen)
        )
        resolved.append(v.__class__(**{**v.__dict__, "fields": fields}))
    snake = naming.snake(base)
    return Worker(
        enum_name=f"{base}Message",
        base=base,
        source=source,
        loc=Loc(source),
        docs="",
        variants=tuple(resolved),
        elm=ElmNames(**top, locals=tuple(locals_)),
        js=JsNames(snake, f"setup{base}", f"{snake}_main.js", f"{snake}.js",
                   f"{snake}_handlers.js", f"{snake}.schema.json", f"/workers/{snake}.js"),
    )


def image_worker():
    return build(
        "ImageWorker",
        request("ProcessImage", field("image_url", STRING), field("max_width", INT), field("quality", INT)),
        response(
            "ProcessingComplete",
            field("result_url", STRING),
            field("original_size", TupleT((INT, INT))),
            field("final_size", TupleT((INT, INT))),
        ),
        response("ProcessingFailed", field("error", STRING), failure=True),
        response("ProcessingProgress", field("percent", FLOAT)),
    )


def kitchen_sink():
    """Every shape and type the model has, docs, and names that need care."""
    pair = TupleT((INT, STRING))
    return build(
        "HTTPRouteWorker",
        request("CancelAll", shape=Shape.UNIT, docs="Stop *everything*.\n\n  Really.  \r\na -} b {- c\n---\n\ttabbed\n"),
        request("Resize", *positional(INT, INT), shape=Shape.TUPLE),
        request("Wrap", *positional(MaybeT(INT)), shape=Shape.TUPLE),
        request("Ping", shape=Shape.STRUCT),
        request(
            "Route",
            field("case", BOOL, docs="An Elm keyword."),
            field("value", ListT(MaybeT(INT))),
            field("headers", DictT(ListT(STRING))),
            field("content_type", STRING, wire='Content-"Type"\\ é\u00a0\x01'),
            field("nested", TupleT((pair, TupleT((INT, INT, UNIT)), MaybeT(pair)))),
            field("maybe_pairs", MaybeT(ListT(TupleT((FLOAT, BOOL))))),
            field("unit", UNIT),
            field("deep", ListT(ListT(MaybeT(MaybeT(DictT(INT)))))),
        ),
        response("RouteDone", field("status", INT, docs="HTTP status.\nSee RFC 9110."),
                 docs="The route ran."),
        response("Failed", *positional(STRING), shape=Shape.TUPLE, failure=True),
        response("Pair", *positional(pair, MaybeT(STRING)), shape=Shape.TUPLE),
        source="src/http routes/lib.rs",
    )


def clashing_names():
    """Requests named like the locals, which the model then renames (`tag` -> `tag_`)."""
    return build(
        "Clash",
        request("Tag", field("x", TupleT((INT, INT)))),
        request("Value", *positional(MaybeT(INT)), shape=Shape.TUPLE),
        request("Data", field("data", INT)),
        request("A", field("b", INT)),
        request("Request", shape=Shape.UNIT),
        request("ToMsg", shape=Shape.UNIT),
        request("Error", shape=Shape.UNIT),
        request("Field", shape=Shape.UNIT),
        request("Maybe", shape=Shape.UNIT),
        request("Response", shape=Shape.UNIT),
        request("Identity", field("pair", TupleT((INT, INT)))),
        response("Answer", field("value", MaybeT(STRING))),
        response("Ok", shape=Shape.UNIT),
        response("Nothing", shape=Shape.UNIT),
        response("Failed", field("error", STRING), failure=True),
    )


# ---- the real formatter ------------------------------------------------------------


def assert_elm_format_keeps(content: str, tmp_path: Path) -> None:
    if not ELM_FORMAT.exists():
        pytest.skip("node_modules/.bin/elm-format is missing: run `npm ci` at the repo root")
    formatted = subprocess.run(
        [str(ELM_FORMAT), "--stdin", "--elm-version=0.19"],
        input=content.encode("utf-8"),
        capture_output=True,
        check=True,
    ).stdout.decode("utf-8")
    assert formatted == content
    path = tmp_path / "Workers" / "Check.elm"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8", newline="\n")
    result = subprocess.run(
        [str(ELM_FORMAT), "--validate", "--elm-version=0.19", str(path)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def declaration(content: str, start: str) -> str:
    """The top-level block (doc comment included) holding a line that starts with `start`."""
    blocks = [b for b in content.split("\n\n\n") if any(l.startswith(start) for l in b.splitlines())]
    assert len(blocks) == 1, f"{len(blocks)} blocks contain a line starting {start!r}"
    return blocks[0]
