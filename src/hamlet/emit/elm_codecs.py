"""Elm types, JSON encoders and JSON decoders: the pieces every codec is made of.

Every function returns Elm source already laid out the way elm-format 0.8.8 prints it.

    ProcessingComplete { result_url: String, original_size: (u32, u32) }
    -> encoder branch
        ProcessingComplete data ->
            Encode.object
                [ ( "type", Encode.string "ProcessingComplete" )
                , ( "resultUrl", Encode.string data.resultUrl )
                , ( "originalSize", (\\( a, b ) -> Encode.list Basics.identity [ Encode.int a, Encode.int b ]) data.originalSize )
                ]
    -> decoder branch
        "ProcessingComplete" ->
            Decode.succeed (\\resultUrl originalSize -> ProcessingComplete { resultUrl = resultUrl, originalSize = originalSize })
                |> Decode.map2 (|>) (Decode.field "resultUrl" Decode.string)
                |> Decode.map2 (|>) (Decode.field "originalSize" (Decode.map2 Tuple.pair (Decode.index 0 Decode.int) (Decode.index 1 Decode.int)))

Elm 0.19 rejects a local name that shadows another, so no generated lambda ever sits
inside the body of another lambda that binds names: tuple encoders whose parts hold
tuples themselves are composed from `Tuple.mapBoth` instead of nested, and a key left
out when empty is chosen with `if`, not a lambda.

Names from Elm's default imports are written qualified (`Basics.identity`, `Result.Ok`,
`Maybe.Nothing`): a request `Identity` gets the command `identity`, and a variant `Ok`
is a constructor `Ok`, and the module's own names win over imported ones.

JSON objects (with keys left out) and tagged unions built from these pieces are in
`hamlet.emit.elm_objects` and `hamlet.emit.elm_tagged`; the private helpers the pieces call (`tupleOf`, `ownField`,
`decodeDict`, ...: serde's reading of JSON, and keys named like Object.prototype
members) are in `hamlet.emit.elm_helpers`.
"""

from __future__ import annotations

from hamlet.emit.elm_needs import PROTOTYPE_KEYS
from hamlet.emit.elm_scope import APP, ATOM, INDENT, LOOSE, Expr, Scope
from hamlet.model import DictT, Field, ListT, MaybeT, NamedT, Prim, PrimT, TupleT, Type, mentions


# ---- literals ----------------------------------------------------------------------


def elm_string(text: str) -> str:
    """An Elm string literal, escaped the way elm-format prints it (so it keeps it):
    `\\n`, `\\t`, `\\\\`, `\\"`, and `\\u{XXXX}` for anything unprintable or a space
    other than " "."""
    out = []
    for char in text:
        if char == "\n":
            out.append("\\n")
        elif char == "\t":
            out.append("\\t")
        elif char == "\\":
            out.append("\\\\")
        elif char == '"':
            out.append('\\"')
        elif char == " " or char.isprintable():
            out.append(char)
        else:
            out.append("\\u{%04X}" % ord(char))
    return '"' + "".join(out) + '"'


# ---- types -------------------------------------------------------------------------


def elm_type(t: Type, atomic: bool = False, qualifier: str = "") -> str:
    """`Vec<Option<u32>>` -> `List (Maybe Int)`; `atomic` parenthesises an application;
    `qualifier` goes before domain type names (`Workers.Types.Point`)."""
    if isinstance(t, PrimT):
        return t.prim.value
    if isinstance(t, NamedT):
        return qualifier + t.name
    if isinstance(t, TupleT):
        return "( " + ", ".join(elm_type(item, False, qualifier) for item in t.items) + " )"
    if isinstance(t, ListT):
        text = "List " + elm_type(t.item, True, qualifier)
    elif isinstance(t, MaybeT):
        text = "Maybe " + elm_type(t.item, True, qualifier)
    elif isinstance(t, DictT):
        text = "Dict String " + elm_type(t.value, True, qualifier)
    else:
        raise TypeError(f"not a model type: {t!r}")
    return f"({text})" if atomic else text


# ---- encoders ----------------------------------------------------------------------

_ENCODE_PRIM = {
    Prim.BOOL: "Encode.bool",
    Prim.INT: "Encode.int",
    Prim.FLOAT: "Encode.float",
    Prim.STRING: "Encode.string",
}


def encoder(t: Type, scope: Scope) -> Expr:
    """The encoding function for `t`: `Vec<u32>` -> `Encode.list Encode.int`;
    `Point` -> `encodePoint` (or `Workers.Types.encodePoint` in a worker module)."""
    if isinstance(t, PrimT):
        if t.prim is Prim.UNIT:
            return Expr("\\_ -> Encode.null", LOOSE)
        return Expr(_ENCODE_PRIM[t.prim], ATOM)
    if isinstance(t, ListT):
        return Expr("Encode.list " + encoder(t.item, scope).arg(), APP)
    if isinstance(t, DictT):
        # Not `Encode.dict`: it sets a key "__proto__" as the object's prototype.
        return Expr(scope.helper("encode_dict") + " " + encoder(t.value, scope).arg(), APP)
    if isinstance(t, MaybeT):
        inner = encoder(t.item, scope).arg()
        return Expr(f"Maybe.map {inner} >> Maybe.withDefault Encode.null", LOOSE)
    if isinstance(t, TupleT):
        return _tuple_encoder(t, scope)
    if isinstance(t, NamedT):
        return Expr(scope.qualifier + t.encoder, ATOM)
    raise TypeError(f"not a model type: {t!r}")


def _tuple_encoder(t: TupleT, scope: Scope) -> Expr:
    """`(u32, String)` -> `\\( a, b ) -> Encode.list Basics.identity [ Encode.int a, Encode.string b ]`.

    When a part holds a tuple, its encoder is a lambda too; so the parts are encoded by
    `Tuple.mapBoth` first and only the already-encoded values meet in the lambda."""
    names = [scope.local(role) for role in ("a", "b", "c")[: len(t.items)]]
    # Only tuple encoders bind names: a part holding a tuple holds a lambda.
    if not any(mentions(item, TupleT) for item in t.items):
        pattern = "( " + ", ".join(names) + " )"
        values = [encode(item, name, scope) for item, name in zip(t.items, names)]
        return Expr(f"\\{pattern} -> Encode.list Basics.identity [ {', '.join(values)} ]", LOOSE)
    parts = [encoder(item, scope).arg() for item in t.items]
    listed = "Encode.list Basics.identity [ " + ", ".join(names) + " ]"
    if len(t.items) == 2:
        a, b = names
        return Expr(f"Tuple.mapBoth {parts[0]} {parts[1]} >> (\\( {a}, {b} ) -> {listed})", LOOSE)
    a, b, c = names
    nested = f"( {a}, ( {b}, {c} ) )"
    return Expr(
        f"(\\( {a}, {b}, {c} ) -> {nested}) "
        f">> Tuple.mapBoth {parts[0]} (Tuple.mapBoth {parts[1]} {parts[2]}) "
        f">> (\\{nested} -> {listed})",
        LOOSE,
    )


def encode(t: Type, subject: str, scope: Scope) -> str:
    """An expression encoding `subject` (a name or `data.field`), for a list element:
    `u32`, `data.maxWidth` -> `Encode.int data.maxWidth`."""
    if isinstance(t, PrimT) and t.prim is Prim.UNIT:
        return "Encode.null"
    if isinstance(t, MaybeT):
        inner = encoder(t.item, scope).arg()
        return f"{subject} |> Maybe.map {inner} |> Maybe.withDefault Encode.null"
    function = encoder(t, scope)
    return f"{function.arg() if function.prec == LOOSE else function.text} {subject}"


def positional_value(fields: tuple[Field, ...], scope: Scope) -> str:
    """The value of positional fields bound to their `elm_param`s: the inner value for
    one (`Encode.float value`), an array for several, `[]` for none (`V()`)."""
    values = [encode(f.type, f.elm_param, scope) for f in fields]
    if len(values) == 1:
        return values[0]
    if not values:
        return "Encode.list Basics.identity []"
    return "Encode.list Basics.identity [ " + ", ".join(values) + " ]"


# ---- decoders ----------------------------------------------------------------------

_DECODE_PRIM = {
    Prim.BOOL: "Decode.bool",
    Prim.INT: "Decode.int",
    Prim.FLOAT: "Decode.float",
    Prim.STRING: "Decode.string",
}


def decoder(t: Type, scope: Scope) -> Expr:
    """The decoder for `t`: `Option<u32>` -> `Decode.nullable Decode.int`; a domain type
    of the cycle being printed -> `Decode.lazy (\\_ -> treeDecoder)`."""
    if isinstance(t, PrimT):
        if t.prim is Prim.UNIT:
            return Expr("Decode.null ()", APP)
        return Expr(_DECODE_PRIM[t.prim], ATOM)
    if isinstance(t, ListT):
        return Expr("Decode.list " + decoder(t.item, scope).arg(), APP)
    if isinstance(t, DictT):
        # Not `Decode.dict` alone: it throws on an object with a key "hasOwnProperty".
        return Expr(scope.helper("decode_dict") + " " + decoder(t.value, scope).arg(), APP)
    if isinstance(t, MaybeT):
        return Expr("Decode.nullable " + decoder(t.item, scope).arg(), APP)
    if isinstance(t, TupleT):
        indexed = " ".join(
            f"(Decode.index {i} {decoder(item, scope).arg()})" for i, item in enumerate(t.items)
        )
        if len(t.items) == 2:
            return tuple_of(2, f"Decode.map2 Tuple.pair {indexed}", scope)
        names = [scope.local(role) for role in ("a", "b", "c")]
        build = f"(\\{' '.join(names)} -> ( {', '.join(names)} ))"
        return tuple_of(3, f"Decode.map3 {build} {indexed}", scope)
    if isinstance(t, NamedT):
        if t.name in scope.lazy:
            return Expr(f"Decode.lazy (\\_ -> {scope.qualifier}{t.decoder})", APP)
        return Expr(scope.qualifier + t.decoder, ATOM)
    raise TypeError(f"not a model type: {t!r}")


def tuple_of(size: int, decoder_text: str, scope: Scope) -> Expr:
    """`decoder_text` run on an array of exactly `size` elements, as serde reads a tuple:
    `[1, 2, 3]` is no `(u32, u32)`."""
    return Expr(f"{scope.helper('tuple_of')} {size} ({decoder_text})", APP)


def key_decoder(key: str, inner: Expr, scope: Scope) -> Expr:
    """The value at `key`, which must be there: `Decode.field "c" D`."""
    if key in PROTOTYPE_KEYS:
        return Expr(f"{scope.helper('own_field')} {elm_string(key)} Maybe.Nothing {inner.arg()}", APP)
    return Expr(f"Decode.field {elm_string(key)} {inner.arg()}", APP)


def field_decoder(key: str, f: Field, scope: Scope) -> Expr:
    """`Decode.field "key" D`; for a Maybe the optional-field helper (a missing key is
    Nothing, but a key holding the wrong type still fails); for a serde default the
    default-field helper with the type's zero value. A key named like a member of
    Object.prototype goes through the own-field helper."""
    t = f.type
    if isinstance(scope.alias(t), MaybeT):  # `type Note = Option<String>`: may be missing too
        t = scope.alias(t)
    if key in PROTOTYPE_KEYS:
        own = scope.helper("own_field")
        if isinstance(t, MaybeT):
            inner = "Decode.nullable " + decoder(t.item, scope).arg()
            return Expr(f"{own} {elm_string(key)} (Maybe.Just Maybe.Nothing) ({inner})", APP)
        if f.default:
            zero = zero_value(t, scope)
            return Expr(f"{own} {elm_string(key)} (Maybe.Just {zero}) {decoder(t, scope).arg()}", APP)
        return key_decoder(key, decoder(t, scope), scope)
    if isinstance(t, MaybeT):
        optional = scope.helper("optional_field")
        return Expr(f"{optional} {elm_string(key)} {decoder(t.item, scope).arg()}", APP)
    if f.default:
        default = scope.helper("default_field")
        zero = zero_value(t, scope)
        return Expr(f"{default} {elm_string(key)} {zero} {decoder(t, scope).arg()}", APP)
    return Expr(f"Decode.field {elm_string(key)} {decoder(t, scope).arg()}", APP)


def zero_value(t: Type, scope: Scope) -> str:
    """The value of a missing key with a serde default: `[]`, `Dict.empty`, `""`, ..."""
    t = scope.alias(t)
    if isinstance(t, MaybeT):
        return "Maybe.Nothing"
    if isinstance(t, ListT):
        return "[]"
    if isinstance(t, DictT):
        scope.need("Dict")
        return "Dict.empty"
    if isinstance(t, PrimT):
        return {
            Prim.BOOL: "Basics.False", Prim.INT: "0", Prim.FLOAT: "0.0", Prim.STRING: '""', Prim.UNIT: "()",
        }[t.prim]
    raise ValueError(f"`{elm_type(t)}` has no zero value for a serde default")


def record_steps(fields: tuple[Field, ...], scope: Scope) -> list[Expr]:
    """A decoder per record field, in order: its key, or for a flattened field the
    flattened struct's decoder run on the same object."""
    return [decoder(f.type, scope) if f.flattened is not None else field_decoder(f.wire_name, f, scope) for f in fields]


def record_start(constructor: str, fields: tuple[Field, ...]) -> str:
    """`Decode.succeed (\\x y -> Point { x = x, y = y })`; constructor "" builds a bare
    record (a record alias)."""
    lead = f"{constructor} " if constructor else ""
    if not fields:
        return f"Decode.succeed ({lead}{{}})" if constructor else "Decode.succeed {}"
    params = " ".join(f.elm_param for f in fields)
    record = ", ".join(f"{f.elm_name} = {f.elm_param}" for f in fields)
    return f"Decode.succeed (\\{params} -> {lead}{{ {record} }})"


def pipeline(start: str, steps: list[Expr]) -> list[str]:
    """`start` then one `|> Decode.map2 (|>) step` line per step."""
    return [start] + [f"{INDENT}|> Decode.map2 (|>) {step.arg()}" for step in steps]
