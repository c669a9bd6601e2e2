"""The one model builder of the tests: workers and domain types built by hand, named by
the resolver's own names module (`hamlet.resolve.names`), and the sets of them the
emitter tests share.

The builders stand in for the resolver so the tests can reach shapes and names the
seed enums do not have; `test_hand_built_image_worker_prints_like_the_resolved_one`
keeps them honest.

    build("ImageWorker", request("ProcessImage", field("image_url", STRING)),
          response("ProcessingFailed", field("error", STRING), failure=True))
    struct("Point", field("x", FLOAT), field("y", FLOAT))
    enum("Shape", ctor("Circle", field("radius", FLOAT)), ctor("Empty", shape=Shape.UNIT))
"""

from __future__ import annotations

import dataclasses

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

BOOL, INT, FLOAT, STRING, UNIT = (PrimT(p) for p in Prim)


# ---- a small model builder (names come from the resolver's names module) ---------------

# The names of `Workers.Types` for a worker module's tests: only its module name is used.
TYPES = TypesNames("Workers.Types", "Workers/Types.elm", helpers=names.ELM_HELPERS)


def field(name, type_, docs="", wire=None, default=False, omit=Omit.NEVER, flattened=None):
    """A named field; `flattened` (the fields of the struct `type_`, `()` for none)
    makes it serde's flatten, whose wire name is ""."""
    wire = "" if flattened is not None else names.wire_key(name, wire, None, serde=False)
    elm, js = names.field_names(wire, name, (set(), set()))
    return Field(
        name, wire, elm, elm, js, type_, "?", docs,
        Loc("lib.rs"), default=default, omit=omit,
        flattened=None if flattened is None else tuple(flattened),
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


# ---- domain types -------------------------------------------------------------------


def named(name):
    """A reference to the domain type `name`, named as the resolver names it."""
    return names.named_type(name)


def flatten(name, definition):
    """`#[serde(flatten)] name: Definition`: the struct's keys in this object."""
    return field(name, named(definition.name), flattened=definition.fields)


def struct(name, *fields, shape=Shape.STRUCT, wrapped=False, docs="", cycle=None, source="src/types.rs"):
    ref = named(name)
    # as if every default were the field's own: serde's array form may end before them
    least = max((i + 1 for i, f in enumerate(fields) if not f.default), default=0)
    return StructDef(ref.name, name, shape, tuple(fields), wrapped, docs, Loc(source), source,
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
    return EnumDef(ref.name, name, tuple(ctors), tagging, tag, content, docs, Loc(source), source,
                   ref.encoder, ref.decoder, cycle, serde)


def alias(name, type_, docs="", cycle=None, source="src/types.rs"):
    ref = named(name)
    return AliasDef(ref.name, name, type_, docs, Loc(source), source, ref.encoder, ref.decoder, cycle)


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
        request("Tracker", shape=Shape.UNIT),
        request("Options", field("timeout", FLOAT)),
        response("Answer", field("value", MaybeT(STRING))),
        response("Ok", shape=Shape.UNIT),
        response("Nothing", shape=Shape.UNIT),
        response("Failed", field("error", STRING), failure=True),
    )


# ---- a worker that reaches every kind of domain type (the JS and schema tests') ---------

GEO_POINT = struct("Point", field("lat", FLOAT), field("lon", FLOAT), docs="A point on the map.",
                   source="src/lib.rs")
PLACE = struct("Place", flatten("at", GEO_POINT), field("label", STRING), source="src/lib.rs")
ROUTE_TYPES = (
    GEO_POINT,
    PLACE,
    struct("Meters", *positional(FLOAT), shape=Shape.TUPLE, source="src/lib.rs"),
    struct("Pair", *positional(INT, STRING), shape=Shape.TUPLE, source="src/lib.rs"),
    struct("Marker", shape=Shape.UNIT, source="src/lib.rs"),
    enum("Surface", ctor("Paved", shape=Shape.UNIT), ctor("Gravel", shape=Shape.UNIT),
         ctor("Trail", shape=Shape.UNIT, tag="trail"), tagging=Tagging.STRING, source="src/lib.rs"),
    enum(
        "Shape",
        ctor("Circle", field("center", named("Point")), field("radius", FLOAT), docs="Round."),
        ctor("Polygon", *positional(ListT(named("Point"))), shape=Shape.TUPLE),
        ctor("Segment", *positional(named("Point"), named("Point")), shape=Shape.TUPLE),
        ctor("Empty", shape=Shape.UNIT),
        source="src/lib.rs",
    ),
    # serde's internally tagged newtype of a struct: its keys beside the tag.
    enum(
        "Event",
        ctor("Moved", flat_newtype(named("Point"), GEO_POINT.fields), shape=Shape.TUPLE),
        ctor("Stopped", field("at_ms", INT), tag="stopped"),
        ctor("Lost", shape=Shape.UNIT, tag="lost"),
        tag="kind", source="src/lib.rs",
    ),
    enum(
        "Tree",
        ctor("Leaf", *positional(INT), shape=Shape.TUPLE),
        ctor("Branch", field("left", named("Tree")), field("right", named("Tree"))),
        ctor("Span", *positional(INT, INT), shape=Shape.TUPLE),
        ctor("Nil", shape=Shape.UNIT),
        tagging=Tagging.ADJACENT, tag="t", content="c", cycle=1, source="src/lib.rs",
    ),
    # Named like Elm's `Value`: its Elm name is `Value_`, as the resolver names it.
    enum(
        "Value",
        ctor("Nothing", shape=Shape.UNIT),
        ctor("Number", *positional(FLOAT), shape=Shape.TUPLE),
        ctor("Text", *positional(STRING), shape=Shape.TUPLE),
        ctor("Pairs", *positional(INT, STRING), shape=Shape.TUPLE),
        ctor("Items", *positional(ListT(named("Value"))), shape=Shape.TUPLE),
        ctor("Object", field("key", STRING), field("inner", MaybeT(named("Value")))),
        tagging=Tagging.UNTAGGED, cycle=2, source="src/lib.rs",
    ),
    alias("Labels", DictT(ListT(STRING)), source="src/lib.rs"),
    struct("Node", field("name", STRING), field("children", ListT(named("Node"))),
           wrapped=True, cycle=3, source="src/lib.rs"),
    # Mutual recursion through an alias.
    struct("Dir", field("files", named("Files")), cycle=4, source="src/lib.rs"),
    alias("Files", DictT(MaybeT(named("Dir"))), cycle=4, source="src/lib.rs"),
    struct(
        "Options",
        field("name", STRING),
        field("tags", ListT(STRING), default=True),
        field("note", MaybeT(STRING), omit=Omit.NOTHING),
        field("extra", ListT(INT), omit=Omit.EMPTY),
        flatten("place", PLACE),
        source="src/lib.rs",
    ),
    struct("Unreached", field("x", INT), source="src/lib.rs"),
)


def route_project() -> Project:
    """RouteWorker, whose messages reach every type of ROUTE_TYPES but `Unreached`, and
    SmallWorker, which reaches `Surface` only."""
    route = build(
        "RouteWorker",
        request("PlanRoute", field("from", named("Point")), field("to", named("Point")),
                field("surface", named("Surface")), field("labels", named("Labels")),
                field("shape", named("Shape"))),
        request("Measure", *positional(named("Meters")), shape=Shape.TUPLE),
        request("Inspect", field("node", named("Node")), field("tree", named("Tree")),
                field("value", named("Value")), field("options", named("Options")),
                field("event", named("Event")), field("pair", named("Pair")),
                field("marker", MaybeT(named("Marker"))), field("dir", named("Dir"))),
        request("Locate", flatten("at", GEO_POINT), field("zoom", INT)),
        dataclasses.replace(request("Cancel", shape=Shape.UNIT), tag="cancel"),
        response("Planned", field("distance", named("Meters")), field("surfaces", ListT(named("Surface")))),
        response("Failed", field("error", STRING), failure=True),
    )
    small = build("SmallWorker", request("Pave", field("surface", named("Surface"))),
                  response("SmallFailed", field("error", STRING), failure=True))
    return project(*ROUTE_TYPES, workers=(route, small))
