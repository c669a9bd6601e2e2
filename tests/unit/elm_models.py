"""Worker and domain type models for the Elm emitter's tests, and the check against
the real elm-format.

The builders stand in for the resolver so the tests can reach shapes and names the
seed enums do not have; `test_hand_built_image_worker_prints_like_the_resolved_one`
keeps them honest.
"""

from __future__ import annotations

import dataclasses
import re
import subprocess
from pathlib import Path

import pytest

from hamlet import naming
from hamlet.resolve import names
from hamlet.diagnostics import Loc
from hamlet.model import (
    AliasDef,
    Constructor,
    DictT,
    Direction,
    EnumDef,
    Field,
    ListT,
    MaybeT,
    NamedT,
    Omit,
    Prim,
    PrimT,
    Project,
    Rule,
    Shape,
    StructDef,
    Tagging,
    TupleT,
    TypesNames,
    Variant,
    Worker,
)

ROOT = Path(__file__).resolve().parents[2]
ELM_FORMAT = ROOT / "node_modules" / ".bin" / "elm-format"

BOOL, INT, FLOAT, STRING, UNIT = (PrimT(p) for p in Prim)


# ---- a small model builder (names come from the resolver's names module) ---------------

HELPERS = tuple(start for _, start in names.ELM_HELPERS)
TYPES = TypesNames("Workers.Types", "Workers/Types.elm", helpers=names.ELM_HELPERS)


def field(name, type_, docs="", wire=None, default=False, omit=Omit.NEVER, flattened=()):
    """A named field; `flattened` (the fields of the struct `type_`) makes it serde's
    flatten, whose wire name is ""."""
    wire = naming.serde_camel(name) if wire is None else wire
    wire = "" if flattened else wire
    elm, js = names.field_names(wire, name, (set(), set()))
    return Field(
        name, wire, elm, elm, js, type_, "?", docs,
        Loc("lib.rs"), default=default, omit=omit, flattened=tuple(flattened),
    )


def positional(*types):
    return tuple(Field(None, "", "", "", "", t, "?", "", Loc("lib.rs")) for t in types)


def flat_newtype(type_, fields):
    """The one positional field of serde's internally tagged newtype of a struct, whose
    keys (`fields`) sit beside the tag."""
    (only,) = positional(type_)
    return dataclasses.replace(only, flattened=tuple(fields))


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
        **names.variant_names(name),
    )


def request(name, *fields, shape=Shape.STRUCT, docs=""):
    return variant(name, Direction.REQUEST, shape, fields, docs)


def response(name, *fields, shape=Shape.STRUCT, docs="", failure=False):
    return variant(name, Direction.RESPONSE, shape, fields, docs, failure)


def build(base, *variants, source="src/lib.rs"):
    """A Worker named as the resolver names one: its locals and parameters avoid every
    top-level name."""
    elm = names.elm_names(base, [v.command for v in variants if v.direction is Direction.REQUEST])
    return Worker(
        enum_name=f"{base}Message",
        base=base,
        source=source,
        loc=Loc(source),
        docs="",
        variants=tuple(names.message_params(list(variants), elm)),
        elm=elm,
        js=names.js_names(base),
        schema=names.schema_names(elm),
    )


def elm_module(worker, types=()):
    """The worker's Elm module, in a project whose domain types are `types`."""
    from hamlet.emit.elm import emit_elm

    return emit_elm(Project((worker,), tuple(types), TYPES), worker)


# ---- domain types -------------------------------------------------------------------


def named(name):
    return NamedT(name, f"encode{name}", f"{naming.lower_camel(name)}Decoder")


def struct(name, *fields, shape=Shape.STRUCT, wrapped=False, docs="", cycle=None, source="src/types.rs"):
    ref = named(name)
    # as if every default were the field's own: serde's array form may end before them
    least = max((i + 1 for i, f in enumerate(fields) if not f.default), default=0)
    return StructDef(name, name, shape, tuple(fields), wrapped, docs, Loc(source), source,
                     ref.encoder, ref.decoder, cycle, least if shape is Shape.STRUCT else 0)


def ctor(name, *fields, shape=Shape.STRUCT, tag=None, docs=""):
    # as for `struct`: the array form of a struct variant may end before the defaults
    least = max((i + 1 for i, f in enumerate(fields) if not f.default), default=0)
    return Constructor(name, name, name if tag is None else tag, shape, tuple(fields), docs,
                       Loc("lib.rs"), least if shape is Shape.STRUCT else 0)


def enum(name, *ctors, tagging=Tagging.INTERNAL, tag="type", content="", docs="", cycle=None,
         source="src/types.rs"):
    ref = named(name)
    serde = tagging is Tagging.EXTERNAL
    if tagging is Tagging.EXTERNAL:
        tag = ""
    return EnumDef(name, name, tuple(ctors), tagging, tag, content, docs, Loc(source), source,
                   ref.encoder, ref.decoder, cycle, serde)


def alias(name, type_, docs="", cycle=None, source="src/types.rs"):
    ref = named(name)
    return AliasDef(name, name, type_, docs, Loc(source), source, ref.encoder, ref.decoder, cycle)


def project(*types, workers=()):
    """A Project holding `types` in Elm-name order, with the module's helper and local
    names and every parameter chosen as the resolver does."""
    resolved, module = names.types_module(sorted(types, key=lambda t: t.name))
    return Project(tuple(workers), tuple(resolved), module)


# ---- a set of domain types ----------------------------------------------------------

POINT = struct("Point", field("x", FLOAT), field("y", FLOAT), docs="A point on the map.")
TREE = struct("Tree", field("label", STRING), field("children", named("Forest")), field("at", named("Point")),
              wrapped=True, cycle=1)
FOREST = alias("Forest", ListT(named("Tree")), cycle=1)
SHAPE = enum(
    "Shape",
    ctor("ShapeCircle", field("center", named("Point")), field("radius", FLOAT), tag="Circle"),
    ctor("Polygon", *positional(ListT(named("Point"))), shape=Shape.TUPLE),
    ctor("Empty", shape=Shape.UNIT),
    docs="A shape.",
)
LABELS = alias("Labels", DictT(ListT(STRING)))
# serde's default for an enum that derives it: `{"Circle": {..}}`, `{"Square": 2}`, "Dot"
EXTERNAL = enum(
    "Ext",
    ctor("ExtCircle", field("center_point", named("Point"), wire="center_point"),
         field("note", MaybeT(STRING), wire="note", omit=Omit.NOTHING),
         field("tags", ListT(STRING), wire="tags", default=True), tag="Circle"),
    ctor("Square", *positional(FLOAT), shape=Shape.TUPLE),
    ctor("Pair", *positional(INT, TupleT((INT, STRING))), shape=Shape.TUPLE),
    ctor("Dot", shape=Shape.UNIT, docs="A *dot*."),
    ctor("NoFields", shape=Shape.TUPLE),
    ctor("EmptyRecord", shape=Shape.STRUCT),
    ctor("Framed", field("id", INT, wire="id"), field("at", named("Point"), flattened=POINT.fields)),
    ctor("Proto", *positional(MaybeT(INT)), shape=Shape.TUPLE, tag="__proto__"),
    tagging=Tagging.EXTERNAL,
)
OPTIONS = struct(
    "Options",
    field("tags", ListT(STRING), default=True),
    field("meta", DictT(INT), default=True),
    field("name", STRING, default=True),
    field("count", INT, default=True),
    field("ratio", FLOAT, default=True),
    field("on", BOOL, default=True),
    field("nothing", UNIT, default=True),
    field("note", MaybeT(STRING), default=True),
    field("labels", named("Labels"), default=True),
    field("pair", TupleT((INT, INT))),
)


def all_types():
    """One of every kind of type, with documented fields and constructors."""
    middle = struct("Middle", field("z", INT, docs="Height, *in metres*."),
                    field("point", named("Point"), flattened=POINT.fields))
    return project(
        POINT, TREE, FOREST, LABELS, OPTIONS, middle,
        struct("Meters", *positional(FLOAT), shape=Shape.TUPLE, source="src/units.rs"),
        struct("Marker", shape=Shape.UNIT, docs="Marks *nothing*:\n\n- a list\n- {- not a comment -}"),
        enum("Surface", ctor("Paved", shape=Shape.UNIT), ctor("Gravel", shape=Shape.UNIT), tagging=Tagging.STRING),
        SHAPE,
        enum("Adj", ctor("Circle", field("radius", FLOAT), field("tags", ListT(STRING), omit=Omit.EMPTY)),
             ctor("Square", *positional(FLOAT), shape=Shape.TUPLE, docs="A square.\n\n- side"),
             ctor("Blank", shape=Shape.UNIT), tagging=Tagging.ADJACENT, tag="t", content="c"),
        enum("Loose", ctor("LooseBlank", shape=Shape.UNIT, tag="Blank"),
             ctor("Num", *positional(MaybeT(FLOAT)), shape=Shape.TUPLE),
             ctor("Rec", field("middle", named("Middle"), flattened=middle.fields), field("n", INT, default=True)),
             tagging=Tagging.UNTAGGED),
        enum("Mark", ctor("At", flat_newtype(named("Point"), POINT.fields), shape=Shape.TUPLE)),
        EXTERNAL,
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


def assert_needs_exact(content: str, helper_names) -> None:
    """The module defines exactly the private helpers its code calls, and imports `Dict`
    exactly when it mentions it: what `elm_needs` worked out beforehand was neither too
    little (printing would have failed) nor too much. `helper_names`: every helper name
    the module may define."""
    blocks = content.split("\n\n\n")
    heads = {block: _head(block).split(" ")[0] for block in blocks}
    for block, name in heads.items():
        if name in helper_names:
            others = "\n".join(b for b in blocks if b is not block)
            assert re.search(rf"(?<![\w.]){name}(?!\w)", others), f"{name} is defined but not used"
    body = "\n\n\n".join(blocks[2:])  # after the header and the module line, docs, imports
    uses_dict = re.search(r"(?<![\w.])Dict\b", body) is not None
    assert ("import Dict exposing (Dict)" in content) == uses_dict


def declaration(content: str, start: str) -> str:
    """The top-level block (doc comment included) holding a line that starts with `start`."""
    blocks = [b for b in content.split("\n\n\n") if any(l.startswith(start) for l in b.splitlines())]
    assert len(blocks) == 1, f"{len(blocks)} blocks contain a line starting {start!r}"
    return blocks[0]


# ---- shadowing, checked without the Elm compiler ----------------------------------------

_TOKEN = re.compile(r"'(?:[^'\\]|\\.)*'|" r'"(?:[^"\\]|\\.)*"|[A-Za-z_][\w.]*|->|\\|[()\[\]]|\S')


def _binders(text: str) -> list[str]:
    """Lowercase names a pattern binds: `( a, b )` -> a, b; `Tree data` -> data."""
    text = re.sub(r'"(?:[^"\\]|\\.)*"', '""', text)
    return [t for t in re.findall(r"(?<![\w.])[a-z_]\w*", text) if t != "_"]


def assert_no_shadowing(content: str) -> None:
    """Elm 0.19 rejects a name bound where another of the same name is in scope (a
    top-level value, an argument, a lambda or case pattern). This checks every
    top-level definition of `content`: its arguments, lambdas (scoped by brackets) and
    case branches and multi-line lambdas (scoped by indentation)."""
    heads = {}
    for block in content.split("\n\n\n"):
        head = _head(block)
        if head:
            heads[head] = block
    top = {head.split()[0] for head in heads}
    for block in heads.values():
        _check_definition(block, top)


def _head(block: str) -> str:
    """`encodePoint value =`: the line defining a top-level value, or ""."""
    for line in block.splitlines():
        if re.match(r"[a-z]\w*( [^:]*)? =$", line) and not re.match(r"(type|port|module|import) ", line):
            return line
    return ""


def _check_definition(block: str, top: set[str]) -> None:
    lines = block.splitlines()
    head = _head(block)
    start = lines.index(head)
    scopes: list[tuple[set[str], int]] = []  # (names, end line) of branches in scope
    outer = set(top)
    for name in _binders(head.split(" ", 1)[1].rsplit("=", 1)[0]):
        assert name not in outer, f"argument `{name}` shadows in:\n{head}"
        outer.add(name)
    for index in range(start + 1, len(lines)):
        line = lines[index]
        scopes = [(names, end) for names, end in scopes if end > index]
        visible = outer.union(*(names for names, _ in scopes))
        stripped = line.strip()
        lambda_ = re.search(r"\\([^>]*)->$", stripped)
        if stripped.endswith("->"):
            # a case branch, or a lambda whose body is on the more indented lines below
            bound = set(_binders(lambda_.group(1) if lambda_ else stripped[:-2]))
            clash = bound & visible
            assert not clash, f"pattern binds {clash} already in scope:\n{line}"
            indent = len(line) - len(line.lstrip())
            end = next((j for j in range(index + 1, len(lines))
                        if lines[j].strip() and len(lines[j]) - len(lines[j].lstrip()) <= indent), len(lines))
            scopes.append((bound, end))
        _check_lambdas(lines, index, visible)


def _check_lambdas(lines: list[str], index: int, visible: set[str]) -> None:
    """Each lambda starting on line `index` binds nothing visible, nor anything that a
    lambda inside its body (up to its closing bracket) binds again."""
    tokens = _TOKEN.findall(lines[index])
    rest = [t for l in lines[index + 1:] for t in _TOKEN.findall(l)]
    for position, token in enumerate(tokens):
        if token != "\\":
            continue
        arrow = tokens.index("->", position)
        bound = set(_binders(" ".join(tokens[position + 1:arrow])))
        assert not bound & visible, f"lambda binds {bound & visible} already in scope:\n{lines[index]}"
        depth = 0
        for later, inner in enumerate((tokens + rest)[arrow + 1:], arrow + 1):
            if inner in "([":
                depth += 1
            elif inner in ")]":
                depth -= 1
                if depth < 0:
                    break
            elif inner == "\\":
                everything = tokens + rest
                nested = set(_binders(" ".join(everything[later + 1:everything.index("->", later)])))
                assert not bound & nested, f"nested lambda rebinds {bound & nested}:\n{lines[index]}"
