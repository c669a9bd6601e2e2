"""The private helpers that generated codecs call, printed once per module that uses
them, each laid out as elm-format 0.8.8 prints it. Their names (`Scope.helper`) and
local names (`Scope.local`) are chosen per module so that they shadow nothing.

    optionalField "note" Decode.string        a missing key is Nothing
    defaultField "tags" [] (Decode.list ..)    a missing key is the zero value
    ownField "constructor" Maybe.Nothing D    a key named like an Object.prototype member
    objectOnly D                              D, on a JSON object only
    objectOrArray 1 [ "x", "y" ] D            a struct: an object, or an array of fields
    tupleOf 2 D                               D, on an array of exactly 2 elements
    anyKeyObject pairs                        Encode.object that keeps "__proto__"
    encodeDict encodeValue dict               Encode.dict that keeps "__proto__"
"""

from __future__ import annotations

from hamlet.emit.elm_codecs import Scope


def optional_field_helper(scope: Scope) -> list[str]:
    """The private helper behind Maybe fields."""
    return _key_helper(
        scope.optional_field,
        "String -> Decode.Decoder a -> Decode.Decoder (Maybe a)",
        [scope.local("field"), scope.local("decoder")],
        "Decode.nullable " + scope.local("decoder"),
        "Maybe.Nothing",
        scope,
    )


def default_field_helper(scope: Scope) -> list[str]:
    """The private helper behind serde defaults: a missing key gives the zero value, a
    key of the wrong type still fails."""
    default = scope.local("default")
    return _key_helper(
        scope.default_field,
        "String -> a -> Decode.Decoder a -> Decode.Decoder a",
        [scope.local("field"), default, scope.local("decoder")],
        scope.local("decoder"),
        default,
        scope,
    )


def _key_helper(
    name: str, signature: str, params: list[str], present: str, absent: str, scope: Scope
) -> list[str]:
    field_, maybe = scope.local("field"), scope.local("maybe")
    return [
        f"{name} : {signature}",
        f"{name} {' '.join(params)} =",
        f"    Decode.maybe (Decode.field {field_} Decode.value)",
        "        |> Decode.andThen",
        f"            (\\{maybe} ->",
        f"                case {maybe} of",
        "                    Maybe.Just _ ->",
        f"                        Decode.field {field_} {_parens(present)}",
        "",
        "                    Maybe.Nothing ->",
        f"                        Decode.succeed {_parens(absent)}",
        "            )",
    ]


def _parens(text: str) -> str:
    return f"({text})" if " " in text else text


def own_field_helper(scope: Scope) -> list[str]:
    """Decodes a key named like a member of Object.prototype (`constructor`,
    `__proto__`...): present only when the object has it as its own key."""
    name, field_, default = scope.helper("own_field"), scope.local("field"), scope.local("default")
    decoder_, pairs, value = scope.local("decoder"), scope.local("pairs"), scope.local("value")
    return [
        f"{name} : String -> Maybe a -> Decode.Decoder a -> Decode.Decoder a",
        f"{name} {field_} {default} {decoder_} =",
        "    Decode.keyValuePairs (Decode.succeed ())",
        "        |> Decode.andThen",
        f"            (\\{pairs} ->",
        f"                if List.any (Tuple.first >> (==) {field_}) {pairs} then",
        f"                    Decode.field {field_} {decoder_}",
        "",
        "                else",
        f"                    case {default} of",
        f"                        Maybe.Just {value} ->",
        f"                            Decode.succeed {value}",
        "",
        "                        Maybe.Nothing ->",
        f'                            Decode.fail ("Expecting an OBJECT with a field named `" ++ {field_} ++ "`")',
        "            )",
    ]


def object_only_helper(scope: Scope) -> list[str]:
    """Runs a decoder on a JSON object only, never on an array, null or a scalar: serde
    reads a struct variant of an untagged or adjacently tagged enum from an object."""
    name, decoder_ = scope.helper("object_only"), scope.local("decoder")
    return [
        f"{name} : Decode.Decoder a -> Decode.Decoder a",
        f"{name} {decoder_} =",
        "    Decode.keyValuePairs (Decode.succeed ())",
        f"        |> Decode.andThen (\\_ -> {decoder_})",
    ]


def object_or_array_helper(scope: Scope) -> list[str]:
    """A struct as serde reads it: an object, or an array of its fields in order (at
    least the ones without a default), which it reads as the object of those keys."""
    name, least, keys = scope.helper("object_or_array"), scope.local("least"), scope.local("keys")
    decoder_, items, values = scope.local("decoder"), scope.local("items"), scope.local("values")
    value, error_ = scope.local("value"), scope.local("error")
    any_key = scope.helper("any_key_object")
    return [
        f"{name} : Int -> List String -> Decode.Decoder a -> Decode.Decoder a",
        f"{name} {least} {keys} {decoder_} =",
        "    Decode.oneOf",
        "        [ Decode.map Maybe.Just (Decode.list Decode.value)",
        "        , Decode.map (\\_ -> Maybe.Nothing) (Decode.keyValuePairs (Decode.succeed ()))",
        "        ]",
        "        |> Decode.andThen",
        f"            (\\{items} ->",
        f"                case {items} of",
        "                    Maybe.Nothing ->",
        f"                        {decoder_}",
        "",
        f"                    Maybe.Just {values} ->",
        f"                        if List.length {values} < {least} || List.length {values} > List.length {keys} then",
        f'                            Decode.fail ("Expecting an OBJECT, or an ARRAY of " ++ String.fromInt {least} ++ " to " ++ String.fromInt (List.length {keys}) ++ " elements")',
        "",
        "                        else",
        f"                            case Decode.decodeValue {decoder_} ({any_key} (List.map2 Tuple.pair {keys} {values})) of",
        f"                                Result.Ok {value} ->",
        f"                                    Decode.succeed {value}",
        "",
        f"                                Result.Err {error_} ->",
        f"                                    Decode.fail (Decode.errorToString {error_})",
        "            )",
    ]


def tuple_of_helper(scope: Scope) -> list[str]:
    """Runs a decoder on an array of exactly `size` elements."""
    name, size, decoder_ = scope.helper("tuple_of"), scope.local("size"), scope.local("decoder")
    items = scope.local("items")
    return [
        f"{name} : Int -> Decode.Decoder a -> Decode.Decoder a",
        f"{name} {size} {decoder_} =",
        "    Decode.list Decode.value",
        "        |> Decode.andThen",
        f"            (\\{items} ->",
        f"                if List.length {items} == {size} then",
        f"                    {decoder_}",
        "",
        "                else",
        f'                    Decode.fail ("Expecting an ARRAY of " ++ String.fromInt {size} ++ " elements")',
        "            )",
    ]


def any_key_object_helper(scope: Scope) -> list[str]:
    """`Encode.object` that keeps a key "__proto__": elm/json assigns each key, and
    assigning "__proto__" sets the object's prototype instead. Such an object is built
    from its JSON text, whose parse makes every key an own key."""
    name, pairs = scope.helper("any_key_object"), scope.local("pairs")
    key, value = scope.local("key"), scope.local("value")
    each = f"(\\( {key}, {value} ) -> Encode.encode 0 (Encode.string {key}) ++ \":\" ++ Encode.encode 0 {value})"
    return [
        f"{name} : List ( String, Encode.Value ) -> Encode.Value",
        f"{name} {pairs} =",
        f'    if List.any (Tuple.first >> (==) "__proto__") {pairs} then',
        f'        Decode.decodeString Decode.value ("{{" ++ String.join "," (List.map {each} {pairs}) ++ "}}")',
        f"            |> Result.withDefault (Encode.object {pairs})",
        "",
        "    else",
        f"        Encode.object {pairs}",
    ]


def encode_dict_helper(scope: Scope) -> list[str]:
    """`Encode.dict` that keeps a key "__proto__" (see the any-key object helper)."""
    name, encoder_, dict_ = scope.helper("encode_dict"), scope.local("encoder"), scope.local("dict")
    any_key = scope.helper("any_key_object")
    scope.used.add("Dict")
    return [
        f"{name} : (a -> Encode.Value) -> Dict String a -> Encode.Value",
        f"{name} {encoder_} {dict_} =",
        f'    if Dict.member "__proto__" {dict_} then',
        f"        {any_key} (List.map (Tuple.mapSecond {encoder_}) (Dict.toList {dict_}))",
        "",
        "    else",
        f"        Encode.dict Basics.identity {encoder_} {dict_}",
    ]


_HELPERS = (
    ("optional_field", optional_field_helper),
    ("default_field", default_field_helper),
    ("own_field", own_field_helper),
    ("object_only", object_only_helper),
    ("object_or_array", object_or_array_helper),
    ("tuple_of", tuple_of_helper),
    ("any_key_object", any_key_object_helper),
    ("encode_dict", encode_dict_helper),
)


def helpers(scope: Scope) -> list[list[str]]:
    """The private helpers the printed codecs used, in a fixed order (with the ones
    those helpers use in turn)."""
    if scope.used & {"object_or_array", "encode_dict"}:
        scope.used.add("any_key_object")
    return [make(scope) for role, make in _HELPERS if role in scope.used]
