"""The private helpers that generated codecs call, printed once per module that uses
them, each laid out as elm-format 0.8.8 prints it. Their names (`Scope.helper`) and
local names (`Scope.local`) are chosen per module so that they shadow nothing.

    optionalField "note" Decode.string        a missing key is Nothing
    defaultField "tags" [] (Decode.list ..)    a missing key is the zero value
    ownField "constructor" Maybe.Nothing D    a key named like an Object.prototype member
      (ownValue)                              (an own key, not the inherited member)
    objectOnly D                              D, on a JSON object only
    objectOrArray 1 [ "x", "y" ] D            a struct: an object, or an array of fields
    tupleOf 2 D                               D, on an array of exactly 2 elements
    unitVariant                               a unit variant: "Png", or {"Png": null}
    externalTag                               serde's externally tagged variant name:
                                              "Dot", or the one key of {"Circle": ..}
    decodeDict D                              Decode.dict that takes a key "hasOwnProperty"
      (objectKeys, keyStep)                   (the keys of such an object, from its text)
    anyKeyObject pairs                        Encode.object that keeps "__proto__"
    encodeDict encodeValue dict               Encode.dict that keeps "__proto__"

elm/json reads keys with `key in value` and `value.hasOwnProperty(key)`, and writes
them with `object[key] = value`: JavaScript's own members get in the way of JSON keys
named like them. These helpers go around that, at a cost only where such a key can be.
"""

from __future__ import annotations

from hamlet.emit.elm_scope import Scope


def optional_field_helper(scope: Scope) -> list[str]:
    """The private helper behind Maybe fields."""
    return _key_helper(
        scope.helper("optional_field"),
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
        scope.helper("default_field"),
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
    `__proto__`...): `Decode.field` finds the inherited member on every object, so the
    key counts as present only when the own-value helper says it is the object's own."""
    name, field_, default = scope.helper("own_field"), scope.local("field"), scope.local("default")
    decoder_, found, value = scope.local("decoder"), scope.local("found"), scope.local("value")
    return [
        f"{name} : String -> Maybe a -> Decode.Decoder a -> Decode.Decoder a",
        f"{name} {field_} {default} {decoder_} =",
        f"    Decode.maybe (Decode.field {field_} Decode.value)",
        "        |> Decode.andThen",
        f"            (\\{found} ->",
        f"                case ( Maybe.andThen ({scope.helper('own_value')} {field_}) {found}, {default} ) of",
        "                    ( Maybe.Just _, _ ) ->",
        f"                        Decode.field {field_} {decoder_}",
        "",
        f"                    ( Maybe.Nothing, Maybe.Just {value} ) ->",
        f"                        Decode.succeed {value}",
        "",
        "                    ( Maybe.Nothing, Maybe.Nothing ) ->",
        f'                        Decode.fail ("Expecting an OBJECT with a field named `" ++ {field_} ++ "`")',
        "            )",
    ]


def own_value_helper(scope: Scope) -> list[str]:
    """The value found at `field`, unless it is what every object inherits there: a
    method (a function, which JSON.stringify leaves out: "undefined"), or for
    `__proto__` Object.prototype itself, the one value that prints as `{}` and has a null
    `__proto__` (a JSON `{}` has the prototype; a JSON object whose own `__proto__` is
    null prints it)."""
    name, field_, value = scope.helper("own_value"), scope.local("field"), scope.local("value")
    test = (
        f'{field_} == "__proto__" && Encode.encode 0 {value} == "{{}}" && Result.toMaybe '
        f'(Decode.decodeValue (Decode.field "__proto__" (Decode.null ())) {value}) == Maybe.Just ()'
    )
    return [
        f"{name} : String -> Decode.Value -> Maybe Decode.Value",
        f"{name} {field_} {value} =",
        f'    if Encode.encode 0 {value} == "undefined" || {test} then',
        "        Maybe.Nothing",
        "",
        "    else",
        f"        Maybe.Just {value}",
    ]


def object_only_helper(scope: Scope) -> list[str]:
    """Runs a decoder on a JSON object only, never on an array, null or a scalar: serde
    reads a struct variant of an untagged or adjacently tagged enum from an object. (Not
    through `Decode.keyValuePairs`, which throws on a key "hasOwnProperty".)"""
    name, decoder_, object_ = scope.helper("object_only"), scope.local("decoder"), scope.local("object")
    return [
        f"{name} : Decode.Decoder a -> Decode.Decoder a",
        f"{name} {decoder_} =",
        "    Decode.oneOf",
        "        [ Decode.map (\\_ -> Basics.False) (Decode.list (Decode.succeed ()))",
        '        , Decode.map (\\_ -> Basics.True) (Decode.field "toString" (Decode.succeed ()))',
        "        ]",
        "        |> Decode.andThen",
        f"            (\\{object_} ->",
        f"                if {object_} then",
        f"                    {decoder_}",
        "",
        "                else",
        '                    Decode.fail "Expecting an OBJECT"',
        "            )",
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
        '        , Decode.map (\\_ -> Maybe.Nothing) (Decode.field "toString" (Decode.succeed ()))',
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


def decode_dict_helper(scope: Scope) -> list[str]:
    """`Decode.dict`, which calls `value.hasOwnProperty(key)` and so throws on an object
    with a key "hasOwnProperty": such an object (one whose `hasOwnProperty` is JSON, not
    the inherited method) has its keys read from its JSON text. No decoder fails on the
    way for other objects, so a map costs what `Decode.dict` costs."""
    name, decoder_, found = scope.helper("decode_dict"), scope.local("decoder"), scope.local("found")
    value, key = scope.local("value"), scope.local("key")
    return [
        f"{name} : Decode.Decoder a -> Decode.Decoder (Dict String a)",
        f"{name} {decoder_} =",
        "    Decode.value",
        "        |> Decode.andThen",
        f"            (\\{value} ->",
        f'                case Decode.decodeValue (Decode.field "hasOwnProperty" Decode.value) {value} of',
        f"                    Result.Ok {found} ->",
        f'                        if Encode.encode 0 {found} == "undefined" then',
        f"                            Decode.dict {decoder_}",
        "",
        "                        else",
        f"                            {scope.helper('object_keys')} (Encode.encode 0 {value})",
        f"                                |> List.foldr (\\{key} -> Decode.map2 (::) (Decode.map (Tuple.pair {key}) (Decode.field {key} {decoder_}))) (Decode.succeed [])",
        "                                |> Decode.map Dict.fromList",
        "",
        "                    Result.Err _ ->",
        f"                        Decode.dict {decoder_}",
        "            )",
    ]


def unit_variant_helper(scope: Scope) -> list[str]:
    """The name of a unit variant as serde reads it: `"Png"`, or `{"Png": null}`."""
    return _variant_name(scope.helper("unit_variant"), "(Decode.null ())", scope)


def external_tag_helper(scope: Scope) -> list[str]:
    """The variant name of an externally tagged enum as serde_json reads it: the string
    itself (`"Dot"`), or the one key of an object (`{"Circle": ..}`); an object of
    another number of keys is no variant. The branch for the name reads the rest."""
    return _variant_name(scope.helper("external_tag"), "Decode.value", scope)


def _variant_name(name: str, content: str, scope: Scope) -> list[str]:
    """A string, or the key of an object with one key whose value `content` decodes."""
    found, tag = scope.local("found"), scope.local("tag")
    return [
        f"{name} : Decode.Decoder String",
        f"{name} =",
        "    Decode.oneOf",
        "        [ Decode.string",
        f"        , {scope.helper('decode_dict')} {content}",
        "            |> Decode.andThen",
        f"                (\\{found} ->",
        f"                    case Dict.keys {found} of",
        f"                        [ {tag} ] ->",
        f"                            Decode.succeed {tag}",
        "",
        "                        _ ->",
        '                            Decode.fail "Expecting a STRING, or an OBJECT with one key"',
        "                )",
        "        ]",
    ]


_KEY_STATE = "{ depth : Int, quoted : Bool, escaped : Bool, current : List Char, last : String, keys : List String }"


def object_keys_helper(scope: Scope) -> list[str]:
    """The keys of a JSON object, from its text (`Encode.encode 0`): each string at the
    object's own level that a `:` follows."""
    name, json_, key = scope.helper("object_keys"), scope.local("json"), scope.local("key")
    start = "{ depth = 0, quoted = Basics.False, escaped = Basics.False, current = [], last = \"\", keys = [] }"
    return [
        f"{name} : String -> List String",
        f"{name} {json_} =",
        f"    (String.foldl {scope.helper('key_step')} {start} {json_}).keys",
        f'        |> List.filterMap (\\{key} -> Result.toMaybe (Decode.decodeString Decode.string ("\\"" ++ {key} ++ "\\"")))',
        "        |> List.reverse",
    ]


def key_step_helper(scope: Scope) -> list[str]:
    """One character of the key scan: strings, escapes, nesting, and `:` at depth 1."""
    name, char, state = scope.helper("key_step"), scope.local("char"), scope.local("state")
    return [
        f"{name} : Char -> {_KEY_STATE} -> {_KEY_STATE}",
        f"{name} {char} {state} =",
        f"    if {state}.quoted then",
        f"        if {state}.escaped then",
        f"            {{ {state} | escaped = Basics.False, current = {char} :: {state}.current }}",
        "",
        f"        else if {char} == '\\\\' then",
        f"            {{ {state} | escaped = Basics.True, current = {char} :: {state}.current }}",
        "",
        f"        else if {char} == '\"' then",
        f"            {{ {state} | quoted = Basics.False, last = String.fromList (List.reverse {state}.current) }}",
        "",
        "        else",
        f"            {{ {state} | current = {char} :: {state}.current }}",
        "",
        f"    else if {char} == '\"' then",
        f"        {{ {state} | quoted = Basics.True, current = [] }}",
        "",
        f"    else if {char} == '{{' || {char} == '[' then",
        f"        {{ {state} | depth = {state}.depth + 1 }}",
        "",
        f"    else if {char} == '}}' || {char} == ']' then",
        f"        {{ {state} | depth = {state}.depth - 1 }}",
        "",
        f"    else if {char} == ':' && {state}.depth == 1 then",
        f"        {{ {state} | keys = {state}.last :: {state}.keys }}",
        "",
        "    else",
        f"        {state}",
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
    ("unit_variant", unit_variant_helper),
    ("external_tag", external_tag_helper),
    ("optional_field", optional_field_helper),
    ("default_field", default_field_helper),
    ("own_field", own_field_helper),
    ("own_value", own_value_helper),
    ("object_only", object_only_helper),
    ("object_or_array", object_or_array_helper),
    ("tuple_of", tuple_of_helper),
    ("decode_dict", decode_dict_helper),
    ("object_keys", object_keys_helper),
    ("key_step", key_step_helper),
    ("any_key_object", any_key_object_helper),
    ("encode_dict", encode_dict_helper),
)

def helpers(scope: Scope) -> list[list[str]]:
    """The private helpers the module needs (`scope.needs`), in a fixed order."""
    return [make(scope) for role, make in _HELPERS if role in scope.needs]
