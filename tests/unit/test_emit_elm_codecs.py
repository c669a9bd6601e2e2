"""The Elm emitter's codecs and names: encoders and decoders for every shape and type,
optional fields, tuples that must not nest lambdas (Elm rejects shadowing), names that
only come from the model, and string literals escaped as elm-format prints them.
"""

from __future__ import annotations

import re

import pytest

from hamlet.emit.elm_codecs import elm_string, elm_type
from hamlet.model import DictT, ListT, MaybeT, NamedT, Omit, Shape, TupleT
from support.elm import assert_elm_format_keeps, assert_no_shadowing, declaration, elm_module
from support.models import (
    BOOL,
    FLOAT,
    INT,
    LABELS,
    POINT,
    STRING,
    UNIT,
    build,
    clashing_names,
    field,
    flat_newtype,
    image_worker,
    kitchen_sink,
    named,
    positional,
    request,
    response,
    struct,
)


def test_elm_format_keeps_every_string_escape(tmp_path):
    tricky = 'q"b\\s\n\r\t é\u00a0\u200b\u2028\x01\x7f😀 -} {- --'
    module = f"module Workers.Check exposing (a)\n\n\na =\n    {elm_string(tricky)}\n"
    assert_elm_format_keeps(module, tmp_path)


def test_encoders_tag_each_message_with_its_type(golden):
    content = elm_module(image_worker()).content
    expect(golden, content, "encodeImageWorkerResponse :", "image_encode_response")
    sink = elm_module(kitchen_sink()).content
    encoder = declaration(sink, "encodeHTTPRouteWorkerRequest :")
    assert '        CancelAll ->\n            Encode.object [ ( "type", Encode.string "CancelAll" ) ]\n' in encoder
    assert '        Ping _ ->\n            Encode.object [ ( "type", Encode.string "Ping" ) ]\n' in encoder
    assert (
        '                , ( "value", Encode.list Basics.identity [ Encode.int value1, Encode.int value2 ] )\n'
    ) in encoder
    assert '                , ( "value", value_ |> Maybe.map Encode.int |> Maybe.withDefault Encode.null )\n' in encoder
    assert '                , ( "case", Encode.bool data.case_ )\n' in encoder  # wire name, not Elm name
    assert (
        '                , ( "headers", httpRouteWorkerEncodeDict (Encode.list Encode.string) data.headers )\n'
    ) in encoder
    assert '( "Content-\\"Type\\"\\\\ é\\u{00A0}\\u{0001}", Encode.string data.contentType )' in encoder
    assert '                , ( "unit", Encode.null )\n' in encoder


def expect(golden, content, start, file):
    """The declaration holding a line that starts with `start` (doc comment included)
    against golden/elm_codecs/<file>.elm."""
    golden(f"elm_codecs/{file}.elm", declaration(content, start).rstrip("\n") + "\n")


def test_decoders_read_the_tag_then_every_field(golden):
    content = elm_module(image_worker()).content
    expect(golden, content, "imageWorkerRequestDecoder :", "image_request_decoder")
    # the failure field's parameter is renamed by the model: `error` is a local
    assert "Decode.succeed (\\error_ -> ProcessingFailed { error = error_ })" in content
    sink = elm_module(kitchen_sink()).content
    decoder = declaration(sink, "httpRouteWorkerRequestDecoder :")
    assert '"CancelAll" ->\n                        Decode.succeed CancelAll\n' in decoder
    assert '"Ping" ->\n                        Decode.succeed (Ping {})\n' in decoder
    # a tuple variant's "value" holds exactly its fields, as serde reads a tuple
    assert (
        '                        Decode.field "value" (httpRouteWorkerTupleOf 2 (Decode.succeed Resize))\n'
        '                            |> Decode.map2 (|>) (Decode.field "value" (Decode.index 0 Decode.int))\n'
        '                            |> Decode.map2 (|>) (Decode.field "value" (Decode.index 1 Decode.int))\n'
    ) in decoder
    assert '|> Decode.map2 (|>) (Decode.field "unit" (Decode.null ()))' in decoder
    assert (
        '|> Decode.map2 (|>) (Decode.field "deep" (Decode.list (Decode.list '
        "(Decode.nullable (Decode.nullable (httpRouteWorkerDecodeDict Decode.int))))))"
    ) in decoder


def test_maybe_fields_may_be_absent_but_not_of_the_wrong_type(golden):
    sink = elm_module(kitchen_sink()).content
    expect(golden, sink, "httpRouteWorkerOptionalField :", "optional_field_helper")
    # a Maybe with its own key goes through the helper; one inside an array cannot be absent
    assert '(httpRouteWorkerOptionalField "value" Decode.int)' in sink
    assert '(httpRouteWorkerOptionalField "maybePairs" (Decode.list (httpRouteWorkerTupleOf 2 (Decode.map2 Tuple.pair' in sink
    assert '(Decode.field "value" (Decode.index 1 (Decode.nullable Decode.string)))' in sink
    assert "OptionalField" not in elm_module(image_worker()).content


def test_tuples_holding_tuples_never_nest_lambdas():
    """Elm rejects shadowing: a lambda binding `a` may not sit inside another one."""
    sink = elm_module(kitchen_sink()).content
    assert (
        '( "nested", ((\\( a, b, c ) -> ( a, ( b, c ) )) '
        ">> Tuple.mapBoth (\\( a, b ) -> Encode.list Basics.identity [ Encode.int a, Encode.string b ]) "
        "(Tuple.mapBoth (\\( a, b, c ) -> Encode.list Basics.identity [ Encode.int a, Encode.int b, Encode.null ]) "
        "(Maybe.map (\\( a, b ) -> Encode.list Basics.identity [ Encode.int a, Encode.string b ]) >> Maybe.withDefault Encode.null)) "
        ">> (\\( a, ( b, c ) ) -> Encode.list Basics.identity [ a, b, c ])) data.nested )"
    ) in sink
    for line in sink.splitlines():
        assert not re.search(r"\\\( a, b \) -> [^)]*\\", line), line


def test_every_local_name_comes_from_the_model():
    """Requests named like the locals push the locals aside (`tag` -> `tag_`)."""
    worker = clashing_names()
    assert worker.elm.local("tag") == "tag_"
    content = elm_module(worker).content
    for bound in ["\\tag_ ->", "case tag_ of", "Data data_ ->", "\\( a_, b ) ->",
                  "clashResponse toMsg_ =", "(\\value_ ->", "Result.Err error_ ->",
                  "sendToClash request_ =", "clashOptionalField field_ decoder =",
                  "(\\maybe_ ->", "encodeClashResponse response_ =",
                  "sendToClashWith options_ request_ =", "(Maybe.map Encode.string options_.tracker)",
                  "clashTracked toMsg_ =", "                tracker_ =\n", "toMsg_ tracker_ response_",
                  "cancelClash tracker_ =", '[ "cancel", tracker_ ]']:
        assert bound in content, bound
    for bare in ["\\tag ->", "case tag of", " data ->", "( a, b )", " toMsg ", "\\value ->",
                 " error ->", " request =", " field ", "\\maybe ->", " response =",
                 "With options ", "toMsg_ tracker ", "(options.", " tracker =", "tracker ]"]:
        assert bare not in content, bare
    # the record field `data` keeps its name; its parameter does not shadow the local
    assert "data = data__" in content
    # constructors `Ok`/`Nothing` and the command `identity` would shadow Elm's own
    assert "\nidentity pair =\n" in content
    assert "Result.Ok response_ ->" in content and "Decode.succeed Maybe.Nothing" in content
    ours = declaration(content, "clashResponse :") + declaration(content, "clashOptionalField :")
    assert not re.search(r"(?<![.\w])(Ok|Err|Just|Nothing)\b", ours)
    assert not re.search(r"(?<![.\w])identity\b", declaration(content, "encodeClashRequest :"))
    assert not re.search(r"(?<![.\w])identity\b", declaration(content, "sendToClashWith :"))
    # the commands `tracker` and `options` keep their names; the locals step aside
    assert "\ntracker : Cmd msg\n" in content and "\noptions : Float -> Cmd msg\n" in content


def test_elm_types_are_parenthesised_where_elm_needs_it():
    assert elm_type(ListT(MaybeT(INT))) == "List (Maybe Int)"
    assert elm_type(MaybeT(TupleT((INT, ListT(STRING))))) == "Maybe ( Int, List String )"
    assert elm_type(DictT(DictT(UNIT))) == "Dict String (Dict String ())"
    assert elm_type(ListT(INT), atomic=True) == "(List Int)"
    assert elm_type(TupleT((INT, FLOAT, BOOL)), atomic=True) == "( Int, Float, Bool )"
    assert elm_type(NamedT("Shape", "encodeShape", "shapeDecoder"), atomic=True) == "Shape"
    point = NamedT("Point", "encodePoint", "pointDecoder")
    assert elm_type(ListT(point), qualifier="Workers.Types.") == "List Workers.Types.Point"
    assert elm_type(MaybeT(point), True, "Workers.Types.") == "(Maybe Workers.Types.Point)"


@pytest.mark.parametrize("make", [image_worker, kitchen_sink, clashing_names])
def test_no_generated_name_shadows_another(make):
    assert_no_shadowing(elm_module(make()).content)


# ---- domain types in a worker module ---------------------------------------------------

def shapes_worker():
    return build(
        "Shapes",
        request("Draw", field("shape", named("Shape")), field("points", ListT(named("Point")))),
        request("Move", *positional(named("Point"), TupleT((named("Point"), INT))), shape=Shape.TUPLE),
        response("Drawn", *positional(MaybeT(named("Shape"))), shape=Shape.TUPLE),
        response("Failed", field("error", STRING), failure=True),
    )


def test_domain_types_are_qualified_in_a_worker_module():
    content = elm_module(shapes_worker()).content
    assert "import Json.Encode as Encode\nimport Workers.Types\n\n\n" in content
    assert "    = Draw\n        { shape : Workers.Types.Shape\n        , points : List Workers.Types.Point\n" in content
    assert "    | Move Workers.Types.Point ( Workers.Types.Point, Int )\n" in content
    assert "    = Drawn (Maybe Workers.Types.Shape)\n" in content
    assert "\ndraw : Workers.Types.Shape -> List Workers.Types.Point -> Cmd msg\n" in content
    assert '                , ( "shape", Workers.Types.encodeShape data.shape )\n' in content
    assert '                , ( "points", Encode.list Workers.Types.encodePoint data.points )\n' in content
    assert (
        '                , ( "value", Encode.list Basics.identity [ Workers.Types.encodePoint value1, '
        "(\\( a, b ) -> Encode.list Basics.identity [ Workers.Types.encodePoint a, Encode.int b ]) value2 ] )\n"
    ) in content
    assert '|> Decode.map2 (|>) (Decode.field "shape" Workers.Types.shapeDecoder)' in content
    assert (
        '(Decode.field "value" (Decode.index 1 (shapesTupleOf 2 (Decode.map2 Tuple.pair '
        "(Decode.index 0 Workers.Types.pointDecoder)"
    ) in content
    assert '|> Decode.map2 (|>) (shapesOptionalField "value" Workers.Types.shapeDecoder)' in content
    assert "Decode.lazy" not in content
    # every mention is qualified: nothing is exposed from Workers.Types
    assert not re.search(r"(?<![.\w])(Point|Shape|encodePoint|pointDecoder|shapeDecoder)\b", content)
    assert "Workers.Types" not in elm_module(image_worker()).content


def routes_worker():
    return build(
        "RouteWorker",
        request(
            "PlanRoute",
            field("from", named("Point")),
            field("labels", DictT(STRING), default=True, omit=Omit.EMPTY),
            field("note", MaybeT(STRING), omit=Omit.NOTHING),
            field("at", named("Point"), flattened=POINT.fields),
            field("tags", named("Labels"), default=True, omit=Omit.EMPTY),
        ),
        request("Jump", flat_newtype(named("Point"), POINT.fields), shape=Shape.TUPLE),
        request("Count", field("n", INT, default=True)),
        response("Failed", field("error", STRING), failure=True),
    )


def test_worker_message_fields_take_default_omit_and_flatten(golden):
    content = elm_module(routes_worker(), (POINT, LABELS)).content
    # a map left out when empty, a Maybe when Nothing, a flattened struct's keys beside
    # the others (and a flat newtype's beside the tag); defaults through an alias too
    expect(golden, content, "encodeRouteWorkerRequest :", "route_encode_request")
    expect(golden, content, "routeWorkerRequestDecoder :", "route_request_decoder")
    assert declaration(content, "routeWorkerDefaultField :").startswith(
        "routeWorkerDefaultField : String -> a -> Decode.Decoder a -> Decode.Decoder a\n"
        "routeWorkerDefaultField field default decoder =\n"
    )
    assert "import Dict exposing (Dict)\n" in content
    assert "DefaultField" not in elm_module(shapes_worker()).content


def test_a_default_through_an_alias_needs_the_projects_types():
    with pytest.raises(ValueError, match="omits empty"):
        elm_module(routes_worker())


def test_flattened_dicts_need_the_dict_import():
    meta = struct("Meta", field("extra", DictT(INT), omit=Omit.EMPTY))
    worker = build(
        "Meta",
        request("Put", field("meta", named("Meta"), flattened=meta.fields)),
        response("Failed", field("error", STRING), failure=True),
    )
    content = elm_module(worker).content
    assert "if Dict.isEmpty data.meta.extra then" in content
    assert "import Dict exposing (Dict)\n" in content


@pytest.mark.parametrize("make", [shapes_worker, routes_worker])
def test_elm_format_keeps_workers_with_domain_types(make, tmp_path):
    content = elm_module(make(), (POINT, LABELS)).content
    assert_elm_format_keeps(content, tmp_path)
    assert_no_shadowing(content)
