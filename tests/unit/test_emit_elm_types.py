"""`Workers/Types.elm`: domain structs, enums and aliases with their codecs, for every
shape, serde tagging and field option (default, omit, flatten), recursive types
through `Decode.lazy`, doc comments elm-format keeps, and no shadowed names.
"""

from __future__ import annotations

import dataclasses

import pytest

from hamlet.emit.elm_types import emit_types
from hamlet.model import DictT, ListT, MaybeT, Omit, Shape, Tagging, TupleT
from support.elm import assert_elm_format_keeps, assert_no_shadowing, declaration
from support.models import (
    BOOL,
    EXTERNAL,
    FLOAT,
    FOREST,
    INT,
    LABELS,
    OPTIONS,
    POINT,
    SHAPE,
    STRING,
    TREE,
    all_types,
    ctor,
    enum,
    field,
    flat_newtype,
    named,
    positional,
    project,
    struct,
)

def types(*defs):
    return emit_types(project(*defs)).content


def codecs(content, name):
    """The type's declaration, encoder and decoder, without their doc comments."""
    lower = name[0].lower() + name[1:]
    return [
        declaration(content, start).split("-}\n", 1)[1].rstrip("\n")
        for start in (f"type {name}" if f"type {name}\n" in content else f"type alias {name} ",
                      f"encode{name} :", f"{lower}Decoder :")
    ]


def expect(golden, content, name, file):
    """The codecs of `name` against golden/elm_types/<file>.elm."""
    golden(f"elm_types/{file}.elm", "\n\n\n".join(codecs(content, name)) + "\n")


def expect_helper(golden, content, start, file):
    """A private helper's declaration against golden/elm_types/<file>.elm."""
    golden(f"elm_types/{file}.elm", declaration(content, start).rstrip("\n") + "\n")


# ---- structs -------------------------------------------------------------------------


def test_record_struct_is_a_type_alias_with_an_object_codec(golden):
    # serde reads a struct from an object, or from an array of its fields (`objectOrArray`)
    expect(golden, types(POINT), "Point", "point")


def test_a_recursive_pair_through_an_alias_decodes_lazily(golden):
    content = types(POINT, TREE, FOREST)
    # Tree is wrapped (an alias cannot reach itself) and reaches Forest lazily, Point
    # (another cycle) directly
    expect(golden, content, "Tree", "tree")
    # an explicit argument: a point-free encoder in a cycle is a cyclic value
    expect(golden, content, "Forest", "forest")
    assert "Decode.lazy (\\_ -> forestDecoder)" in codecs(content, "Tree")[2]
    assert "encodeForest value =" in codecs(content, "Forest")[1]
    assert "Decode.lazy" not in declaration(content, "pointDecoder :")


def test_a_self_recursive_wrapped_record_with_one_field(golden):
    node = struct("Node", field("next", MaybeT(named("Node"))), wrapped=True, cycle=7)
    expect(golden, types(node), "Node", "node")


def test_tuple_and_unit_structs(golden):
    meters = struct("Meters", *positional(FLOAT), shape=Shape.TUPLE)
    pair = struct("Pair", *positional(INT, MaybeT(STRING)), shape=Shape.TUPLE)
    marker = struct("Marker", shape=Shape.UNIT)
    content = types(meters, pair, marker)
    expect(golden, content, "Meters", "meters")  # a newtype: its inner value
    expect(golden, content, "Pair", "pair")  # an array of exactly its fields
    expect(golden, content, "Marker", "marker")  # null


def test_alias_of_a_container(golden):
    content = types(LABELS)
    assert "import Dict exposing (Dict)\n" in content
    expect(golden, content, "Labels", "labels")
    assert "import Dict" not in types(POINT)


# ---- enums ---------------------------------------------------------------------------


def test_unit_only_enum_is_a_string(golden):
    surface = enum("Surface", ctor("Paved", shape=Shape.UNIT), ctor("Gravel", shape=Shape.UNIT, tag="gravel"),
                   tagging=Tagging.STRING)
    content = types(surface)
    expect(golden, content, "Surface", "surface")
    # serde reads "Paved", and {"Paved": null} too
    assert codecs(content, "Surface")[2].split("\n")[2] == "    unitVariant"


def test_internal_enum_puts_the_tag_beside_the_fields(golden):
    expect(golden, types(POINT, SHAPE), "Shape", "shape_internal")


def test_internal_newtype_of_a_struct_puts_its_keys_beside_the_tag(golden):
    marked = enum(
        "Mark",
        ctor("At", flat_newtype(named("Point"), POINT.fields), shape=Shape.TUPLE),
        ctor("Pair", *positional(INT, INT), shape=Shape.TUPLE),
        tag="kind",
    )
    content = types(POINT, marked)
    expect(golden, content, "Mark", "mark_flat_newtype")
    encoder = codecs(content, "Mark")[1]
    assert '( "x", Encode.float value_.x )' in encoder  # beside the tag, not in "value"


def test_adjacent_enum_puts_the_value_under_the_content_key(golden):
    adjacent = enum(
        "Adj",
        ctor("Circle", field("radius", FLOAT), field("tags", ListT(STRING), omit=Omit.EMPTY)),
        ctor("Square", *positional(FLOAT), shape=Shape.TUPLE),
        ctor("Two", *positional(INT, BOOL), shape=Shape.TUPLE),
        ctor("Nothing_", shape=Shape.UNIT, tag="Nothing"),
        tagging=Tagging.ADJACENT, tag="t", content="c",
    )
    # as serde reads them: a struct variant's content is an object, a tuple variant's
    # an array of exactly its fields, and a unit variant's content absent or null
    expect(golden, types(adjacent), "Adj", "adjacent")


def test_external_enum_puts_the_value_under_the_variant_name(tmp_path, golden):
    """serde's default: `"Dot"`, `{"Square": 2.0}`, `{"Pair": [1, [2, "a"]]}`,
    `{"Circle": {..}}`, `{"NoFields": []}`, `{"EmptyRecord": {}}`."""
    content = types(POINT, EXTERNAL)
    # the name: the string itself, or the one key of an object (`externalTag`); a
    # struct variant from an object or an array of its fields; a "__proto__" key kept
    expect(golden, content, "Ext", "external")
    assert "\nexternalTag : Decode.Decoder String\n" in content
    assert_elm_format_keeps(content, tmp_path)
    assert_no_shadowing(content)


def test_untagged_enum_is_the_value_alone_tried_in_order(golden):
    untagged = enum(
        "Loose",
        ctor("Blank", shape=Shape.UNIT),
        ctor("Num", *positional(FLOAT), shape=Shape.TUPLE),
        ctor("Duo", *positional(INT, STRING), shape=Shape.TUPLE),
        ctor("Rec", field("name", STRING), field("note", MaybeT(STRING), omit=Omit.NOTHING)),
        tagging=Tagging.UNTAGGED,
    )
    expect(golden, types(untagged), "Loose", "untagged")


# ---- field options -------------------------------------------------------------------

def test_default_fields_decode_a_missing_key_as_the_zero_value(golden):
    content = types(LABELS, OPTIONS)
    # the array form needs every element up to the last field without a default; an
    # alias of a map has the zero value of the map
    expect(golden, content, "Options", "options_default")
    # a present key of the wrong type still fails: only a missing key takes the default
    expect_helper(golden, content, "defaultField :", "default_field_helper")
    assert content.index("\noptionalField :") < content.index("\ndefaultField :")
    assert "defaultField" not in types(POINT) and "optionalField" not in types(POINT)


def test_parameters_named_like_locals_do_not_shadow_them():
    """Fields named like the locals (`value`, `default`, `tag`) get other parameters from
    the model; printed with their own names instead, the check catches the shadowing."""
    clash = struct("Value", field("value", INT, default=True), field("default", MaybeT(INT)))
    tagged = enum("Tagged", ctor("Tag", field("tag", INT), field("data", INT)), ctor("One", *positional(INT), shape=Shape.TUPLE))
    resolved = project(clash, tagged)
    content = emit_types(resolved).content
    assert_no_shadowing(content)
    assert "Decode.succeed (\\value_ default_ -> { value = value_, default = default_ })" in content
    assert "Decode.succeed (\\tag_ data_ -> Tag { tag = tag_, data = data_ })" in content
    unresolved = dataclasses.replace(resolved, types=(tagged, clash))
    with pytest.raises(AssertionError, match="rebinds|already in scope"):
        assert_no_shadowing(emit_types(unresolved).content)


def test_omitted_keys_are_left_out_when_nothing_or_empty(golden):
    omitting = struct(
        "Sparse",
        field("tags", ListT(STRING), omit=Omit.EMPTY),
        field("meta", DictT(INT), omit=Omit.EMPTY),
        field("labels", named("Labels"), omit=Omit.EMPTY),
        field("name", STRING, omit=Omit.EMPTY),
        field("note", MaybeT(TupleT((INT, INT))), omit=Omit.NOTHING),
        field("count", INT),
    )
    content = types(LABELS, omitting)
    assert "import Dict exposing (Dict)\n" in content
    expect(golden, content, "Sparse", "sparse_omit")


def test_omit_and_default_reject_types_without_an_empty_or_zero_value():
    with pytest.raises(ValueError, match="omits empty"):
        types(struct("Bad", field("n", INT, omit=Omit.EMPTY)))
    with pytest.raises(ValueError, match="not a Maybe"):
        types(struct("Bad", field("n", INT, omit=Omit.NOTHING)))
    with pytest.raises(ValueError, match="no zero value"):
        types(POINT, struct("Bad", field("p", named("Point"), default=True)))


def test_flattened_structs_put_their_keys_in_the_outer_object(golden):
    middle = struct("Middle", field("z", INT), field("point", named("Point"), flattened=POINT.fields))
    outer = struct("Outer", field("name", STRING),
                   field("middle", named("Middle"), flattened=middle.fields),
                   field("note", MaybeT(STRING), omit=Omit.NOTHING))
    content = types(POINT, middle, outer)
    # serde reads a struct with a flattened field from an object only (`objectOnly`)
    expect(golden, content, "Outer", "outer_flatten")


def test_a_flattened_struct_of_the_same_cycle_decodes_lazily():
    inner = struct("Inner", field("shape", named("Wrap")), cycle=3)
    wrap = enum("Wrap", ctor("Holder", flat_newtype(named("Inner"), inner.fields), shape=Shape.TUPLE),
                cycle=3)
    content = types(inner, wrap)
    assert "                            |> Decode.map2 (|>) (Decode.lazy (\\_ -> innerDecoder))\n" in content
    assert '(Decode.field "shape" (Decode.lazy (\\_ -> wrapDecoder)))' in content


# ---- the module as a whole ----------------------------------------------------------


def test_elm_format_keeps_the_types_module(tmp_path):
    content = emit_types(all_types()).content
    assert_elm_format_keeps(content, tmp_path)
    assert_no_shadowing(content)


def test_elm_format_keeps_a_module_of_one_type(tmp_path):
    content = types(POINT)
    assert "module Workers.Types exposing (Point, encodePoint, pointDecoder)\n" in content
    assert_elm_format_keeps(content, tmp_path)


# ---- as serde reads JSON ---------------------------------------------------------------


def test_keys_named_like_object_prototype_members(tmp_path, golden):
    """`Decode.field` finds `constructor` on every object (`key in value`), and
    `Encode.object` turns a key `__proto__` into the prototype; these keys go through
    helpers that look at own keys, and build objects from their JSON text."""
    proto = struct(
        "Proto",
        field("constructor", MaybeT(INT), wire="constructor"),
        field("proto", STRING, wire="__proto__"),
        field("value_of", ListT(INT), wire="valueOf", default=True),
        field("plain", MaybeT(INT)),
    )
    content = types(proto)
    expect(golden, content, "Proto", "proto_keys")
    assert codecs(content, "Proto")[1].split("\n", 3)[2] == "    anyKeyObject"
    assert "\nownField : String -> Maybe a -> Decode.Decoder a -> Decode.Decoder a\n" in content
    assert "Decode.maybe (Decode.field field Decode.value)" in declaration(content, "ownField :")
    assert '    if Encode.encode 0 value == "undefined" || field == "__proto__" && ' in declaration(content, "ownValue :")
    assert "keyValuePairs" not in content  # it throws on an object with a key "hasOwnProperty"
    assert "ownField" not in types(POINT)
    assert codecs(types(POINT), "Point")[1].split("\n", 3)[2] == "    Encode.object"
    assert_elm_format_keeps(content, tmp_path)
    assert_no_shadowing(content)


def test_maps_encode_a_proto_key_as_an_own_key(golden):
    content = types(LABELS)
    expect_helper(golden, content, "encodeDict :", "encode_dict_helper")
    helper = declaration(content, "anyKeyObject :")
    assert '    if List.any (Tuple.first >> (==) "__proto__") pairs then\n' in helper
    assert "Decode.decodeString Decode.value" in helper


def test_empty_tuples_are_empty_arrays(tmp_path, golden):
    """`V()` and `struct Empty();` are `[]` to serde, in every tagging."""
    empty = struct("Empty", shape=Shape.TUPLE)
    internal = enum("Inner", ctor("InnerV", shape=Shape.TUPLE, tag="V"), ctor("U", shape=Shape.UNIT))
    adjacent = enum("Adj", ctor("AdjV", shape=Shape.TUPLE, tag="V"), ctor("AdjW", tag="W"),
                    tagging=Tagging.ADJACENT, tag="t", content="c")
    untagged = enum("Un", ctor("V", shape=Shape.TUPLE), ctor("W"), tagging=Tagging.UNTAGGED)
    content = types(empty, internal, adjacent, untagged)
    for name, file in (("Empty", "empty_tuple"), ("Inner", "empty_internal"),
                       ("Adj", "empty_adjacent"), ("Un", "empty_untagged")):
        expect(golden, content, name, file)
    assert "tupleOf 0 (Decode.succeed Empty)" in codecs(content, "Empty")[2]
    expect_helper(golden, content, "tupleOf :", "tuple_of_helper")
    assert_elm_format_keeps(content, tmp_path)
    assert_no_shadowing(content)


def test_a_struct_without_fields_is_an_empty_object_or_array():
    content = types(struct("Nothing_"))
    assert codecs(content, "Nothing_")[2].endswith("    objectOrArray 0 [] (Decode.succeed {})")
