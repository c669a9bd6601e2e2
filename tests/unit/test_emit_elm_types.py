"""`Workers/Types.elm`: domain structs, enums and aliases with their codecs, for every
shape, serde tagging and field option (default, omit, flatten), recursive types
through `Decode.lazy`, doc comments elm-format keeps, and no shadowed names.
"""

from __future__ import annotations

import dataclasses

import pytest

from elm_models import (
    flat_newtype,
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
    assert_elm_format_keeps,
    assert_no_shadowing,
    ctor,
    declaration,
    enum,
    field,
    named,
    positional,
    project,
    struct,
)
from hamlet.emit.elm_types import emit_types
from hamlet.model import DictT, ListT, MaybeT, Omit, Shape, Tagging, TupleT

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


# ---- structs -------------------------------------------------------------------------


def test_record_struct_is_a_type_alias_with_an_object_codec():
    assert codecs(types(POINT), "Point") == [
        "type alias Point =\n    { x : Float\n    , y : Float\n    }",
        "encodePoint : Point -> Encode.Value\n"
        "encodePoint value =\n"
        "    Encode.object\n"
        '        [ ( "x", Encode.float value.x )\n'
        '        , ( "y", Encode.float value.y )\n'
        "        ]",
        # serde reads a struct from an object, or from an array of its fields
        "pointDecoder : Decode.Decoder Point\n"
        "pointDecoder =\n"
        "    objectOrArray 2\n"
        '        [ "x", "y" ]\n'
        "        (Decode.succeed (\\x y -> { x = x, y = y })\n"
        '            |> Decode.map2 (|>) (Decode.field "x" Decode.float)\n'
        '            |> Decode.map2 (|>) (Decode.field "y" Decode.float)\n'
        "        )",
    ]


def test_a_recursive_pair_through_an_alias_decodes_lazily():
    content = types(POINT, TREE, FOREST)
    assert codecs(content, "Tree") == [
        "type Tree\n"
        "    = Tree\n"
        "        { label : String\n"
        "        , children : Forest\n"
        "        , at : Point\n"
        "        }",
        "encodeTree : Tree -> Encode.Value\n"
        "encodeTree (Tree data) =\n"
        "    Encode.object\n"
        '        [ ( "label", Encode.string data.label )\n'
        '        , ( "children", encodeForest data.children )\n'
        '        , ( "at", encodePoint data.at )\n'
        "        ]",
        "treeDecoder : Decode.Decoder Tree\n"
        "treeDecoder =\n"
        "    objectOrArray 3\n"
        '        [ "label", "children", "at" ]\n'
        "        (Decode.succeed (\\label children at -> Tree { label = label, children = children, at = at })\n"
        '            |> Decode.map2 (|>) (Decode.field "label" Decode.string)\n'
        '            |> Decode.map2 (|>) (Decode.field "children" (Decode.lazy (\\_ -> forestDecoder)))\n'
        '            |> Decode.map2 (|>) (Decode.field "at" pointDecoder)\n'  # another cycle: direct
        "        )",
    ]
    assert codecs(content, "Forest") == [
        "type alias Forest =\n    List Tree",
        # an explicit argument: a point-free encoder in a cycle is a cyclic value
        "encodeForest : Forest -> Encode.Value\nencodeForest value =\n    Encode.list encodeTree value",
        "forestDecoder : Decode.Decoder Forest\nforestDecoder =\n    Decode.list (Decode.lazy (\\_ -> treeDecoder))",
    ]
    assert "Decode.lazy" not in declaration(content, "pointDecoder :")


def test_a_self_recursive_wrapped_record_with_one_field():
    node = struct("Node", field("next", MaybeT(named("Node"))), wrapped=True, cycle=7)
    assert codecs(types(node), "Node") == [
        "type Node\n    = Node { next : Maybe Node }",
        "encodeNode : Node -> Encode.Value\n"
        "encodeNode (Node data) =\n"
        '    Encode.object [ ( "next", data.next |> Maybe.map encodeNode |> Maybe.withDefault Encode.null ) ]',
        "nodeDecoder : Decode.Decoder Node\n"
        "nodeDecoder =\n"
        "    objectOrArray 1\n"
        '        [ "next" ]\n'
        "        (Decode.succeed (\\next -> Node { next = next })\n"
        '            |> Decode.map2 (|>) (optionalField "next" (Decode.lazy (\\_ -> nodeDecoder)))\n'
        "        )",
    ]


def test_tuple_and_unit_structs():
    meters = struct("Meters", *positional(FLOAT), shape=Shape.TUPLE)
    pair = struct("Pair", *positional(INT, MaybeT(STRING)), shape=Shape.TUPLE)
    marker = struct("Marker", shape=Shape.UNIT)
    content = types(meters, pair, marker)
    assert codecs(content, "Meters") == [
        "type Meters\n    = Meters Float",
        "encodeMeters : Meters -> Encode.Value\nencodeMeters (Meters value_) =\n    Encode.float value_",
        "metersDecoder : Decode.Decoder Meters\nmetersDecoder =\n    Decode.map Meters Decode.float",
    ]
    assert codecs(content, "Pair") == [
        "type Pair\n    = Pair Int (Maybe String)",
        "encodePair : Pair -> Encode.Value\n"
        "encodePair (Pair value1 value2) =\n"
        "    Encode.list Basics.identity [ Encode.int value1, value2 |> Maybe.map Encode.string |> Maybe.withDefault Encode.null ]",
        "pairDecoder : Decode.Decoder Pair\n"
        "pairDecoder =\n"
        "    tupleOf 2 (Decode.succeed Pair)\n"
        "        |> Decode.map2 (|>) (Decode.index 0 Decode.int)\n"
        "        |> Decode.map2 (|>) (Decode.index 1 (Decode.nullable Decode.string))",
    ]
    assert codecs(content, "Marker") == [
        "type Marker\n    = Marker",
        "encodeMarker : Marker -> Encode.Value\nencodeMarker _ =\n    Encode.null",
        "markerDecoder : Decode.Decoder Marker\nmarkerDecoder =\n    Decode.null Marker",
    ]


def test_alias_of_a_container():
    content = types(LABELS)
    assert "import Dict exposing (Dict)\n" in content
    assert codecs(content, "Labels") == [
        "type alias Labels =\n    Dict String (List String)",
        "encodeLabels : Labels -> Encode.Value\n"
        "encodeLabels value =\n"
        "    encodeDict (Encode.list Encode.string) value",
        "labelsDecoder : Decode.Decoder Labels\nlabelsDecoder =\n    decodeDict (Decode.list Decode.string)",
    ]
    assert "import Dict" not in types(POINT)


# ---- enums ---------------------------------------------------------------------------


def test_unit_only_enum_is_a_string():
    surface = enum("Surface", ctor("Paved", shape=Shape.UNIT), ctor("Gravel", shape=Shape.UNIT, tag="gravel"),
                   tagging=Tagging.STRING)
    encoder, decoder = codecs(types(surface), "Surface")[1:]
    assert encoder.endswith(
        "    case value of\n"
        "        Paved ->\n"
        '            Encode.string "Paved"\n'
        "\n"
        "        Gravel ->\n"
        '            Encode.string "gravel"'
    )
    assert decoder == (
        "surfaceDecoder : Decode.Decoder Surface\n"
        "surfaceDecoder =\n"
        "    unitVariant\n"  # serde reads "Paved", and {"Paved": null} too
        "        |> Decode.andThen\n"
        "            (\\tag ->\n"
        "                case tag of\n"
        '                    "Paved" ->\n'
        "                        Decode.succeed Paved\n"
        "\n"
        '                    "gravel" ->\n'
        "                        Decode.succeed Gravel\n"
        "\n"
        "                    _ ->\n"
        '                        Decode.fail ("Unknown Surface: " ++ tag)\n'
        "            )"
    )


def test_internal_enum_puts_the_tag_beside_the_fields():
    declaration_, encoder, decoder = codecs(types(POINT, SHAPE), "Shape")
    assert declaration_ == (
        "type Shape\n"
        "    = ShapeCircle\n"
        "        { center : Point\n"
        "        , radius : Float\n"
        "        }\n"
        "    | Polygon (List Point)\n"
        "    | Empty"
    )
    assert encoder == (
        "encodeShape : Shape -> Encode.Value\n"
        "encodeShape value =\n"
        "    case value of\n"
        "        ShapeCircle data ->\n"
        "            Encode.object\n"
        '                [ ( "type", Encode.string "Circle" )\n'
        '                , ( "center", encodePoint data.center )\n'
        '                , ( "radius", Encode.float data.radius )\n'
        "                ]\n"
        "\n"
        "        Polygon value_ ->\n"
        "            Encode.object\n"
        '                [ ( "type", Encode.string "Polygon" )\n'
        '                , ( "value", Encode.list encodePoint value_ )\n'
        "                ]\n"
        "\n"
        "        Empty ->\n"
        '            Encode.object [ ( "type", Encode.string "Empty" ) ]'
    )
    assert decoder == (
        "shapeDecoder : Decode.Decoder Shape\n"
        "shapeDecoder =\n"
        '    Decode.field "type" Decode.string\n'
        "        |> Decode.andThen\n"
        "            (\\tag ->\n"
        "                case tag of\n"
        '                    "Circle" ->\n'
        "                        Decode.succeed (\\center radius -> ShapeCircle { center = center, radius = radius })\n"
        '                            |> Decode.map2 (|>) (Decode.field "center" pointDecoder)\n'
        '                            |> Decode.map2 (|>) (Decode.field "radius" Decode.float)\n'
        "\n"
        '                    "Polygon" ->\n'
        "                        Decode.succeed Polygon\n"
        '                            |> Decode.map2 (|>) (Decode.field "value" (Decode.list pointDecoder))\n'
        "\n"
        '                    "Empty" ->\n'
        "                        Decode.succeed Empty\n"
        "\n"
        "                    _ ->\n"
        '                        Decode.fail ("Unknown Shape type: " ++ tag)\n'
        "            )"
    )


def test_internal_newtype_of_a_struct_puts_its_keys_beside_the_tag():
    marked = enum(
        "Mark",
        ctor("At", flat_newtype(named("Point"), POINT.fields), shape=Shape.TUPLE),
        ctor("Pair", *positional(INT, INT), shape=Shape.TUPLE),
        tag="kind",
    )
    encoder, decoder = codecs(types(POINT, marked), "Mark")[1:]
    assert (
        "        At value_ ->\n"
        "            Encode.object\n"
        '                [ ( "kind", Encode.string "At" )\n'
        '                , ( "x", Encode.float value_.x )\n'
        '                , ( "y", Encode.float value_.y )\n'
        "                ]\n"
    ) in encoder
    assert '                , ( "value", Encode.list Basics.identity [ Encode.int value1, Encode.int value2 ] )\n' in encoder
    assert (
        '                    "At" ->\n'
        "                        Decode.succeed At\n"
        "                            |> Decode.map2 (|>) pointDecoder\n"
    ) in decoder
    assert '    Decode.field "kind" Decode.string\n' in decoder
    assert 'Decode.fail ("Unknown Mark kind: " ++ tag)' in decoder


def test_adjacent_enum_puts_the_value_under_the_content_key():
    adjacent = enum(
        "Adj",
        ctor("Circle", field("radius", FLOAT), field("tags", ListT(STRING), omit=Omit.EMPTY)),
        ctor("Square", *positional(FLOAT), shape=Shape.TUPLE),
        ctor("Two", *positional(INT, BOOL), shape=Shape.TUPLE),
        ctor("Nothing_", shape=Shape.UNIT, tag="Nothing"),
        tagging=Tagging.ADJACENT, tag="t", content="c",
    )
    content = types(adjacent)
    encoder, decoder = codecs(content, "Adj")[1:]
    assert encoder.split("\n", 3)[3] == (
        "        Circle data ->\n"
        "            Encode.object\n"
        '                [ ( "t", Encode.string "Circle" )\n'
        '                , ( "c"\n'
        "                  , Encode.object\n"
        "                        (List.filterMap Basics.identity\n"
        '                            [ Maybe.Just ( "radius", Encode.float data.radius )\n'
        "                            , if List.isEmpty data.tags then\n"
        "                                Maybe.Nothing\n"
        "\n"
        "                              else\n"
        '                                Maybe.Just ( "tags", Encode.list Encode.string data.tags )\n'
        "                            ]\n"
        "                        )\n"
        "                  )\n"
        "                ]\n"
        "\n"
        "        Square value_ ->\n"
        "            Encode.object\n"
        '                [ ( "t", Encode.string "Square" )\n'
        '                , ( "c", Encode.float value_ )\n'
        "                ]\n"
        "\n"
        "        Two value1 value2 ->\n"
        "            Encode.object\n"
        '                [ ( "t", Encode.string "Two" )\n'
        '                , ( "c", Encode.list Basics.identity [ Encode.int value1, Encode.bool value2 ] )\n'
        "                ]\n"
        "\n"
        "        Nothing_ ->\n"
        '            Encode.object [ ( "t", Encode.string "Nothing" ) ]'
    )
    # as serde reads them: a struct variant's content is an object, a tuple variant's
    # an array of exactly its fields, and a unit variant's content absent or null
    assert (
        '                    "Circle" ->\n'
        '                        Decode.field "c" (objectOnly (Decode.succeed (\\radius tags -> Circle { radius = radius, tags = tags })))\n'
        '                            |> Decode.map2 (|>) (Decode.field "c" (Decode.field "radius" Decode.float))\n'
        '                            |> Decode.map2 (|>) (Decode.field "c" (Decode.field "tags" (Decode.list Decode.string)))\n'
        "\n"
        '                    "Square" ->\n'
        "                        Decode.succeed Square\n"
        '                            |> Decode.map2 (|>) (Decode.field "c" Decode.float)\n'
        "\n"
        '                    "Two" ->\n'
        '                        Decode.field "c" (tupleOf 2 (Decode.succeed Two))\n'
        '                            |> Decode.map2 (|>) (Decode.field "c" (Decode.index 0 Decode.int))\n'
        '                            |> Decode.map2 (|>) (Decode.field "c" (Decode.index 1 Decode.bool))\n'
        "\n"
        '                    "Nothing" ->\n'
        '                        Decode.map (Basics.always Nothing_) (optionalField "c" (Decode.null ()))\n'
    ) in decoder
    assert '    Decode.field "t" Decode.string\n' in decoder


def test_external_enum_puts_the_value_under_the_variant_name(tmp_path):
    """serde's default: `"Dot"`, `{"Square": 2.0}`, `{"Pair": [1, [2, "a"]]}`,
    `{"Circle": {..}}`, `{"NoFields": []}`, `{"EmptyRecord": {}}`."""
    content = types(POINT, EXTERNAL)
    encoder, decoder = codecs(content, "Ext")[1:]
    assert (
        "        ExtCircle data ->\n"
        "            Encode.object\n"
        '                [ ( "Circle"\n'
        "                  , Encode.object\n"
        "                        (List.filterMap Basics.identity\n"
        '                            [ Maybe.Just ( "center_point", encodePoint data.centerPoint )\n'
    ) in encoder
    assert (
        "        Square value_ ->\n"
        '            Encode.object [ ( "Square", Encode.float value_ ) ]\n'
    ) in encoder
    assert '        Dot ->\n            Encode.string "Dot"\n' in encoder
    assert '            Encode.object [ ( "NoFields", Encode.list Basics.identity [] ) ]\n' in encoder
    assert '            Encode.object [ ( "EmptyRecord", Encode.object [] ) ]\n' in encoder
    # a "__proto__" key stays a key
    assert '            anyKeyObject [ ( "__proto__", value_ |> Maybe.map Encode.int' in encoder
    assert decoder.startswith(
        "extDecoder : Decode.Decoder Ext\n"
        "extDecoder =\n"
        "    externalTag\n"  # the string, or the one key of an object
        "        |> Decode.andThen\n"
        "            (\\tag ->\n"
        "                case tag of\n"
        '                    "Circle" ->\n'
        '                        Decode.field "Circle"\n'
        "                            (objectOrArray 2\n"  # serde reads an array of its fields too
        '                                [ "center_point", "note", "tags" ]\n'
        "                                (Decode.succeed (\\centerPoint note tags -> ExtCircle { centerPoint = centerPoint, note = note, tags = tags })\n"
        '                                    |> Decode.map2 (|>) (Decode.field "center_point" pointDecoder)\n'
        '                                    |> Decode.map2 (|>) (optionalField "note" Decode.string)\n'
        '                                    |> Decode.map2 (|>) (defaultField "tags" [] (Decode.list Decode.string))\n'
        "                                )\n"
        "                            )\n"
        "\n"
        '                    "Square" ->\n'
        '                        Decode.field "Square" (Decode.map Square Decode.float)\n'
        "\n"
        '                    "Pair" ->\n'
        '                        Decode.field "Pair"\n'
        "                            (tupleOf 2 (Decode.succeed Pair)\n"
    )
    assert (
        '                    "Dot" ->\n'  # "Dot", or {"Dot": null}
        '                        Decode.oneOf [ Decode.map (Basics.always Dot) Decode.string, '
        'Decode.field "Dot" (Decode.null Dot) ]\n'
        "\n"
        '                    "NoFields" ->\n'
        '                        Decode.field "NoFields" (tupleOf 0 (Decode.succeed NoFields))\n'
        "\n"
        '                    "EmptyRecord" ->\n'
        '                        Decode.field "EmptyRecord" (objectOrArray 0 [] (Decode.succeed (EmptyRecord {})))\n'
        "\n"
        '                    "Framed" ->\n'
        '                        Decode.field "Framed"\n'
        "                            (objectOnly (Decode.succeed (\\id at -> Framed { id = id, at = at }))\n"
    ) in decoder
    assert decoder.endswith('                        Decode.fail ("Unknown Ext: " ++ tag)\n            )')
    assert "\nexternalTag : Decode.Decoder String\n" in content
    assert_elm_format_keeps(content, tmp_path)
    assert_no_shadowing(content)


def test_untagged_enum_is_the_value_alone_tried_in_order():
    untagged = enum(
        "Loose",
        ctor("Blank", shape=Shape.UNIT),
        ctor("Num", *positional(FLOAT), shape=Shape.TUPLE),
        ctor("Duo", *positional(INT, STRING), shape=Shape.TUPLE),
        ctor("Rec", field("name", STRING), field("note", MaybeT(STRING), omit=Omit.NOTHING)),
        tagging=Tagging.UNTAGGED,
    )
    encoder, decoder = codecs(types(untagged), "Loose")[1:]
    assert encoder.split("\n", 3)[3] == (
        "        Blank ->\n"
        "            Encode.null\n"
        "\n"
        "        Num value_ ->\n"
        "            Encode.float value_\n"
        "\n"
        "        Duo value1 value2 ->\n"
        "            Encode.list Basics.identity [ Encode.int value1, Encode.string value2 ]\n"
        "\n"
        "        Rec data ->\n"
        "            Encode.object\n"
        "                (List.filterMap Basics.identity\n"
        '                    [ Maybe.Just ( "name", Encode.string data.name )\n'
        '                    , Maybe.map (Encode.string >> Tuple.pair "note") data.note\n'
        "                    ]\n"
        "                )"
    )
    assert decoder == (
        "looseDecoder : Decode.Decoder Loose\n"
        "looseDecoder =\n"
        "    Decode.oneOf\n"
        "        [ Decode.null Blank\n"
        "        , Decode.map Num Decode.float\n"
        "        , tupleOf 2 (Decode.succeed Duo)\n"
        "            |> Decode.map2 (|>) (Decode.index 0 Decode.int)\n"
        "            |> Decode.map2 (|>) (Decode.index 1 Decode.string)\n"
        "        , objectOnly (Decode.succeed (\\name note -> Rec { name = name, note = note }))\n"
        '            |> Decode.map2 (|>) (Decode.field "name" Decode.string)\n'
        '            |> Decode.map2 (|>) (optionalField "note" Decode.string)\n'
        "        ]"
    )


# ---- field options -------------------------------------------------------------------

def test_default_fields_decode_a_missing_key_as_the_zero_value():
    content = types(LABELS, OPTIONS)
    assert codecs(content, "Options")[2].split("\n", 2)[2] == (
        # the array form needs every element up to the last field without a default
        "    objectOrArray 10\n"
        '        [ "tags", "meta", "name", "count", "ratio", "on", "nothing", "note", "labels", "pair" ]\n'
        "        (Decode.succeed (\\tags meta name count ratio on nothing note labels pair -> "
        "{ tags = tags, meta = meta, name = name, count = count, ratio = ratio, on = on, "
        "nothing = nothing, note = note, labels = labels, pair = pair })\n"
        '            |> Decode.map2 (|>) (defaultField "tags" [] (Decode.list Decode.string))\n'
        '            |> Decode.map2 (|>) (defaultField "meta" Dict.empty (decodeDict Decode.int))\n'
        '            |> Decode.map2 (|>) (defaultField "name" "" Decode.string)\n'
        '            |> Decode.map2 (|>) (defaultField "count" 0 Decode.int)\n'
        '            |> Decode.map2 (|>) (defaultField "ratio" 0.0 Decode.float)\n'
        '            |> Decode.map2 (|>) (defaultField "on" Basics.False Decode.bool)\n'
        '            |> Decode.map2 (|>) (defaultField "nothing" () (Decode.null ()))\n'
        '            |> Decode.map2 (|>) (optionalField "note" Decode.string)\n'
        '            |> Decode.map2 (|>) (defaultField "labels" Dict.empty labelsDecoder)\n'  # through the alias
        '            |> Decode.map2 (|>) (Decode.field "pair" (tupleOf 2 (Decode.map2 Tuple.pair (Decode.index 0 Decode.int) (Decode.index 1 Decode.int))))\n'
        "        )"
    )
    # a present key of the wrong type still fails: only a missing key takes the default
    assert declaration(content, "defaultField :") + "\n" == (
        "defaultField : String -> a -> Decode.Decoder a -> Decode.Decoder a\n"
        "defaultField field default decoder =\n"
        "    Decode.maybe (Decode.field field Decode.value)\n"
        "        |> Decode.andThen\n"
        "            (\\maybe ->\n"
        "                case maybe of\n"
        "                    Maybe.Just _ ->\n"
        "                        Decode.field field decoder\n"
        "\n"
        "                    Maybe.Nothing ->\n"
        "                        Decode.succeed default\n"
        "            )\n"
    )
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


def test_omitted_keys_are_left_out_when_nothing_or_empty():
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
    assert codecs(content, "Sparse")[1].split("\n", 2)[2] == (
        "    Encode.object\n"
        "        (List.filterMap Basics.identity\n"
        "            [ if List.isEmpty value.tags then\n"
        "                Maybe.Nothing\n"
        "\n"
        "              else\n"
        '                Maybe.Just ( "tags", Encode.list Encode.string value.tags )\n'
        "            , if Dict.isEmpty value.meta then\n"
        "                Maybe.Nothing\n"
        "\n"
        "              else\n"
        '                Maybe.Just ( "meta", encodeDict Encode.int value.meta )\n'
        "            , if Dict.isEmpty value.labels then\n"
        "                Maybe.Nothing\n"
        "\n"
        "              else\n"
        '                Maybe.Just ( "labels", encodeLabels value.labels )\n'
        "            , if String.isEmpty value.name then\n"
        "                Maybe.Nothing\n"
        "\n"
        "              else\n"
        '                Maybe.Just ( "name", Encode.string value.name )\n'
        '            , Maybe.map ((\\( a, b ) -> Encode.list Basics.identity [ Encode.int a, Encode.int b ]) >> Tuple.pair "note") value.note\n'
        '            , Maybe.Just ( "count", Encode.int value.count )\n'
        "            ]\n"
        "        )"
    )


def test_omit_and_default_reject_types_without_an_empty_or_zero_value():
    with pytest.raises(ValueError, match="omits empty"):
        types(struct("Bad", field("n", INT, omit=Omit.EMPTY)))
    with pytest.raises(ValueError, match="not a Maybe"):
        types(struct("Bad", field("n", INT, omit=Omit.NOTHING)))
    with pytest.raises(ValueError, match="no zero value"):
        types(POINT, struct("Bad", field("p", named("Point"), default=True)))


def test_flattened_structs_put_their_keys_in_the_outer_object():
    middle = struct("Middle", field("z", INT), field("point", named("Point"), flattened=POINT.fields))
    outer = struct("Outer", field("name", STRING),
                   field("middle", named("Middle"), flattened=middle.fields),
                   field("note", MaybeT(STRING), omit=Omit.NOTHING))
    content = types(POINT, middle, outer)
    assert codecs(content, "Outer") == [
        "type alias Outer =\n    { name : String\n    , middle : Middle\n    , note : Maybe String\n    }",
        "encodeOuter : Outer -> Encode.Value\n"
        "encodeOuter value =\n"
        "    Encode.object\n"
        "        (List.filterMap Basics.identity\n"
        '            [ Maybe.Just ( "name", Encode.string value.name )\n'
        '            , Maybe.Just ( "z", Encode.int value.middle.z )\n'
        '            , Maybe.Just ( "x", Encode.float value.middle.point.x )\n'
        '            , Maybe.Just ( "y", Encode.float value.middle.point.y )\n'
        '            , Maybe.map (Encode.string >> Tuple.pair "note") value.note\n'
        "            ]\n"
        "        )",
        "outerDecoder : Decode.Decoder Outer\n"
        "outerDecoder =\n"
        # serde reads a struct with a flattened field from an object only
        "    objectOnly (Decode.succeed (\\name middle note -> { name = name, middle = middle, note = note }))\n"
        '        |> Decode.map2 (|>) (Decode.field "name" Decode.string)\n'
        "        |> Decode.map2 (|>) middleDecoder\n"
        '        |> Decode.map2 (|>) (optionalField "note" Decode.string)',
    ]


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


def test_keys_named_like_object_prototype_members(tmp_path):
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
    assert codecs(content, "Proto")[2].split("\n", 2)[2] == (
        "    objectOrArray 4\n"  # `plain` has no default: serde wants every element
        '        [ "constructor", "__proto__", "valueOf", "plain" ]\n'
        "        (Decode.succeed (\\constructor proto valueOf plain -> "
        "{ constructor = constructor, proto = proto, valueOf = valueOf, plain = plain })\n"
        '            |> Decode.map2 (|>) (ownField "constructor" (Maybe.Just Maybe.Nothing) (Decode.nullable Decode.int))\n'
        '            |> Decode.map2 (|>) (ownField "__proto__" Maybe.Nothing Decode.string)\n'
        '            |> Decode.map2 (|>) (ownField "valueOf" (Maybe.Just []) (Decode.list Decode.int))\n'
        '            |> Decode.map2 (|>) (optionalField "plain" Decode.int)\n'
        "        )"
    )
    assert codecs(content, "Proto")[1].split("\n", 3)[2] == "    anyKeyObject"
    assert "\nownField : String -> Maybe a -> Decode.Decoder a -> Decode.Decoder a\n" in content
    assert "Decode.maybe (Decode.field field Decode.value)" in declaration(content, "ownField :")
    assert '    if Encode.encode 0 value == "undefined" || field == "__proto__" && ' in declaration(content, "ownValue :")
    assert "keyValuePairs" not in content  # it throws on an object with a key "hasOwnProperty"
    assert "ownField" not in types(POINT)
    assert codecs(types(POINT), "Point")[1].split("\n", 3)[2] == "    Encode.object"
    assert_elm_format_keeps(content, tmp_path)
    assert_no_shadowing(content)


def test_maps_encode_a_proto_key_as_an_own_key():
    content = types(LABELS)
    assert declaration(content, "encodeDict :").rstrip("\n") == (
        "encodeDict : (a -> Encode.Value) -> Dict String a -> Encode.Value\n"
        "encodeDict encoder dict =\n"
        '    if Dict.member "__proto__" dict then\n'
        "        anyKeyObject (List.map (Tuple.mapSecond encoder) (Dict.toList dict))\n"
        "\n"
        "    else\n"
        "        Encode.dict Basics.identity encoder dict"
    )
    helper = declaration(content, "anyKeyObject :")
    assert '    if List.any (Tuple.first >> (==) "__proto__") pairs then\n' in helper
    assert "Decode.decodeString Decode.value" in helper


def test_empty_tuples_are_empty_arrays(tmp_path):
    """`V()` and `struct Empty();` are `[]` to serde, in every tagging."""
    empty = struct("Empty", shape=Shape.TUPLE)
    internal = enum("Inner", ctor("V", shape=Shape.TUPLE), ctor("U", shape=Shape.UNIT))
    adjacent = enum("Adj", ctor("V", shape=Shape.TUPLE), ctor("W"), tagging=Tagging.ADJACENT,
                    tag="t", content="c")
    untagged = enum("Un", ctor("V", shape=Shape.TUPLE), ctor("W"), tagging=Tagging.UNTAGGED)
    content = types(empty, dataclasses.replace(internal, constructors=(
        ctor("InnerV", shape=Shape.TUPLE, tag="V"), ctor("U", shape=Shape.UNIT))),
        dataclasses.replace(adjacent, constructors=(
            ctor("AdjV", shape=Shape.TUPLE, tag="V"), ctor("AdjW", tag="W"))),
        untagged)
    assert codecs(content, "Empty")[1:] == [
        "encodeEmpty : Empty -> Encode.Value\nencodeEmpty _ =\n    Encode.list Basics.identity []",
        "emptyDecoder : Decode.Decoder Empty\nemptyDecoder =\n    tupleOf 0 (Decode.succeed Empty)",
    ]
    inner = codecs(content, "Inner")
    assert '                , ( "value", Encode.list Basics.identity [] )\n' in inner[1]
    assert '                        Decode.field "value" (tupleOf 0 (Decode.succeed InnerV))\n' in inner[2]
    adj = codecs(content, "Adj")
    assert '                , ( "c", Encode.list Basics.identity [] )\n' in adj[1]
    assert '                        Decode.field "c" (tupleOf 0 (Decode.succeed AdjV))\n' in adj[2]
    assert '( "c", Encode.object [] )' in adj[1]
    assert 'Decode.field "c" (objectOnly (Decode.succeed (AdjW {})))' in adj[2]
    un = codecs(content, "Un")
    assert "        V ->\n            Encode.list Basics.identity []\n" in un[1]
    assert "        [ tupleOf 0 (Decode.succeed V)\n        , objectOnly (Decode.succeed (W {}))\n" in un[2]
    assert declaration(content, "tupleOf :").rstrip("\n") == (
        "tupleOf : Int -> Decode.Decoder a -> Decode.Decoder a\n"
        "tupleOf size decoder =\n"
        "    Decode.list Decode.value\n"
        "        |> Decode.andThen\n"
        "            (\\items ->\n"
        "                if List.length items == size then\n"
        "                    decoder\n"
        "\n"
        "                else\n"
        '                    Decode.fail ("Expecting an ARRAY of " ++ String.fromInt size ++ " elements")\n'
        "            )"
    )
    assert_elm_format_keeps(content, tmp_path)
    assert_no_shadowing(content)


def test_a_struct_without_fields_is_an_empty_object_or_array():
    content = types(struct("Nothing_"))
    assert codecs(content, "Nothing_")[2].endswith("    objectOrArray 0 [] (Decode.succeed {})")
