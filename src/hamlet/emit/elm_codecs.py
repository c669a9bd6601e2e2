"""Elm types, JSON encoders and JSON decoders for a worker's messages.

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
tuples themselves are composed from `Tuple.mapBoth` instead of nested.

Names from Elm's default imports are written qualified (`Basics.identity`, `Result.Ok`,
`Maybe.Nothing`): a request `Identity` gets the command `identity`, and a variant `Ok`
is a constructor `Ok`, and the module's own names win over imported ones.
"""

from __future__ import annotations

from typing import NamedTuple

from hamlet.model import DictT, ListT, MaybeT, NamedT, Prim, PrimT, Shape, TupleT, Type, Variant, Worker

# How tightly an expression binds, to know when it needs parentheses.
LOOSE = 0  # operators and lambdas: `f >> g`, `\x -> y`
APP = 1  # function application: `Encode.list Encode.int`
ATOM = 2  # names, literals and anything bracketed

INDENT = "    "


class Expr(NamedTuple):
    text: str
    prec: int

    def arg(self) -> str:
        """As an argument of a function application."""
        return self.text if self.prec == ATOM else f"({self.text})"


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


def elm_type(t: Type, atomic: bool = False) -> str:
    """`Vec<Option<u32>>` -> `List (Maybe Int)`; `atomic` parenthesises an application."""
    if isinstance(t, PrimT):
        return t.prim.value
    if isinstance(t, NamedT):
        return t.name
    if isinstance(t, TupleT):
        return "( " + ", ".join(elm_type(item) for item in t.items) + " )"
    if isinstance(t, ListT):
        text = "List " + elm_type(t.item, True)
    elif isinstance(t, MaybeT):
        text = "Maybe " + elm_type(t.item, True)
    elif isinstance(t, DictT):
        text = "Dict String " + elm_type(t.value, True)
    else:
        raise TypeError(f"not a model type: {t!r}")
    return f"({text})" if atomic else text


def mentions_dict(t: Type) -> bool:
    """Whether printing `t` needs the `Dict` type in scope."""
    if isinstance(t, DictT):
        return True
    if isinstance(t, (ListT, MaybeT)):
        return mentions_dict(t.item)
    if isinstance(t, TupleT):
        return any(mentions_dict(item) for item in t.items)
    return False


def _holds_tuple(t: Type) -> bool:
    """Whether the encoder of `t` contains a lambda (only tuple encoders bind names)."""
    if isinstance(t, TupleT):
        return True
    if isinstance(t, (ListT, MaybeT)):
        return _holds_tuple(t.item)
    if isinstance(t, DictT):
        return _holds_tuple(t.value)
    return False


def _named(t: NamedT):
    raise NotImplementedError(f"codecs for the domain type `{t.name}` are not generated yet")


# ---- encoders ----------------------------------------------------------------------

_ENCODE_PRIM = {
    Prim.BOOL: "Encode.bool",
    Prim.INT: "Encode.int",
    Prim.FLOAT: "Encode.float",
    Prim.STRING: "Encode.string",
}


def encoder(t: Type, worker: Worker) -> Expr:
    """The encoding function for `t`: `Vec<u32>` -> `Encode.list Encode.int`."""
    if isinstance(t, PrimT):
        if t.prim is Prim.UNIT:
            return Expr("\\_ -> Encode.null", LOOSE)
        return Expr(_ENCODE_PRIM[t.prim], ATOM)
    if isinstance(t, ListT):
        return Expr("Encode.list " + encoder(t.item, worker).arg(), APP)
    if isinstance(t, DictT):
        return Expr("Encode.dict Basics.identity " + encoder(t.value, worker).arg(), APP)
    if isinstance(t, MaybeT):
        inner = encoder(t.item, worker).arg()
        return Expr(f"Maybe.map {inner} >> Maybe.withDefault Encode.null", LOOSE)
    if isinstance(t, TupleT):
        return _tuple_encoder(t, worker)
    return _named(t)


def _tuple_encoder(t: TupleT, worker: Worker) -> Expr:
    """`(u32, String)` -> `\\( a, b ) -> Encode.list Basics.identity [ Encode.int a, Encode.string b ]`.

    When a part holds a tuple, its encoder is a lambda too; so the parts are encoded by
    `Tuple.mapBoth` first and only the already-encoded values meet in the lambda."""
    names = [worker.elm.local(role) for role in ("a", "b", "c")[: len(t.items)]]
    if not any(_holds_tuple(item) for item in t.items):
        pattern = "( " + ", ".join(names) + " )"
        values = [encode(item, name, worker) for item, name in zip(t.items, names)]
        return Expr(f"\\{pattern} -> Encode.list Basics.identity [ {', '.join(values)} ]", LOOSE)
    parts = [encoder(item, worker).arg() for item in t.items]
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


def encode(t: Type, subject: str, worker: Worker) -> str:
    """An expression encoding `subject` (a name or `data.field`), for a list element:
    `u32`, `data.maxWidth` -> `Encode.int data.maxWidth`."""
    if isinstance(t, PrimT) and t.prim is Prim.UNIT:
        return "Encode.null"
    if isinstance(t, MaybeT):
        inner = encoder(t.item, worker).arg()
        return f"{subject} |> Maybe.map {inner} |> Maybe.withDefault Encode.null"
    function = encoder(t, worker)
    if function.prec == LOOSE:
        return f"{function.arg()} {subject}"
    return f"{function.text} {subject}"


# ---- decoders ----------------------------------------------------------------------

_DECODE_PRIM = {
    Prim.BOOL: "Decode.bool",
    Prim.INT: "Decode.int",
    Prim.FLOAT: "Decode.float",
    Prim.STRING: "Decode.string",
}


def decoder(t: Type, worker: Worker) -> Expr:
    """The decoder for `t`: `Option<u32>` -> `Decode.nullable Decode.int`."""
    if isinstance(t, PrimT):
        if t.prim is Prim.UNIT:
            return Expr("Decode.null ()", APP)
        return Expr(_DECODE_PRIM[t.prim], ATOM)
    if isinstance(t, ListT):
        return Expr("Decode.list " + decoder(t.item, worker).arg(), APP)
    if isinstance(t, DictT):
        return Expr("Decode.dict " + decoder(t.value, worker).arg(), APP)
    if isinstance(t, MaybeT):
        return Expr("Decode.nullable " + decoder(t.item, worker).arg(), APP)
    if isinstance(t, TupleT):
        indexed = " ".join(
            f"(Decode.index {i} {decoder(item, worker).arg()})" for i, item in enumerate(t.items)
        )
        if len(t.items) == 2:
            return Expr(f"Decode.map2 Tuple.pair {indexed}", APP)
        names = [worker.elm.local(role) for role in ("a", "b", "c")]
        build = f"(\\{' '.join(names)} -> ( {', '.join(names)} ))"
        return Expr(f"Decode.map3 {build} {indexed}", APP)
    return _named(t)


def _field_decoder(key: str, t: Type, worker: Worker) -> str:
    """`Decode.field "key" D`, or the optional-field helper for a Maybe: a missing key
    is Nothing, but a key holding the wrong type still fails."""
    if isinstance(t, MaybeT):
        inner = decoder(t.item, worker).arg()
        return f"{worker.elm.optional_field} {elm_string(key)} {inner}"
    return f"Decode.field {elm_string(key)} {decoder(t, worker).arg()}"


def needs_optional_field(worker: Worker) -> bool:
    """Whether any message has a Maybe that travels as its own key (a struct field or
    the only field of a tuple variant)."""
    for variant in worker.variants:
        top_level = variant.shape is Shape.STRUCT or len(variant.fields) == 1
        if top_level and any(isinstance(f.type, MaybeT) for f in variant.fields):
            return True
    return False


def optional_field_helper(worker: Worker) -> list[str]:
    """The private helper behind Maybe fields."""
    elm = worker.elm
    field, decoder_, maybe = elm.local("field"), elm.local("decoder"), elm.local("maybe")
    return [
        f"{elm.optional_field} : String -> Decode.Decoder a -> Decode.Decoder (Maybe a)",
        f"{elm.optional_field} {field} {decoder_} =",
        f"    Decode.maybe (Decode.field {field} Decode.value)",
        "        |> Decode.andThen",
        f"            (\\{maybe} ->",
        f"                case {maybe} of",
        "                    Maybe.Just _ ->",
        f"                        Decode.field {field} (Decode.nullable {decoder_})",
        "",
        "                    Maybe.Nothing ->",
        "                        Decode.succeed Maybe.Nothing",
        "            )",
    ]


# ---- whole codecs ------------------------------------------------------------------


def encode_function(
    name: str, type_name: str, role: str, variants: tuple[Variant, ...], worker: Worker
) -> list[str]:
    """`encodeImageWorkerRequest : ImageWorkerRequest -> Encode.Value`, a case per variant."""
    subject = worker.elm.local(role)
    lines = [
        f"{name} : {type_name} -> Encode.Value",
        f"{name} {subject} =",
        f"    case {subject} of",
    ]
    for index, variant in enumerate(variants):
        if index:
            lines.append("")
        lines.extend(INDENT * 2 + line for line in _encode_branch(variant, worker))
    return lines


def _encode_branch(variant: Variant, worker: Worker) -> list[str]:
    tag = f'( "type", Encode.string {elm_string(variant.tag)} )'
    if variant.shape is Shape.STRUCT:
        data = worker.elm.local("data") if variant.fields else "_"
        pattern = f"{variant.name} {data}"
        pairs = [
            (f.wire_name, encode(f.type, f"{data}.{f.elm_name}", worker)) for f in variant.fields
        ]
    elif variant.shape is Shape.TUPLE and variant.fields:
        pattern = " ".join([variant.name] + [f.elm_param for f in variant.fields])
        values = [encode(f.type, f.elm_param, worker) for f in variant.fields]
        if len(values) == 1:
            pairs = [("value", values[0])]
        else:
            pairs = [("value", "Encode.list Basics.identity [ " + ", ".join(values) + " ]")]
    else:
        pattern = variant.name
        pairs = []
    lines = [f"{pattern} ->"]
    if not pairs:
        lines.append(f"    Encode.object [ {tag} ]")
        return lines
    lines.append("    Encode.object")
    lines.append(f"        [ {tag}")
    lines.extend(f"        , ( {elm_string(key)}, {value} )" for key, value in pairs)
    lines.append("        ]")
    return lines


def decoder_function(
    name: str, type_name: str, variants: tuple[Variant, ...], worker: Worker
) -> list[str]:
    """`imageWorkerRequestDecoder : Decode.Decoder ImageWorkerRequest`: read "type",
    then the fields of that variant."""
    tag = worker.elm.local("tag")
    lines = [
        f"{name} : Decode.Decoder {type_name}",
        f"{name} =",
        '    Decode.field "type" Decode.string',
        "        |> Decode.andThen",
        f"            (\\{tag} ->",
        f"                case {tag} of",
    ]
    body = INDENT * 5
    for variant in variants:
        lines.append(f"{body}{elm_string(variant.tag)} ->")
        lines.extend(body + INDENT + line for line in _decode_branch(variant, worker))
        lines.append("")
    unknown = elm_string(f"Unknown {type_name} type: ")
    lines.append(f"{body}_ ->")
    lines.append(f"{body}{INDENT}Decode.fail ({unknown} ++ {tag})")
    lines.append("            )")
    return lines


def _decode_branch(variant: Variant, worker: Worker) -> list[str]:
    fields = variant.fields
    if variant.shape is Shape.STRUCT:
        if not fields:
            return [f"Decode.succeed ({variant.name} {{}})"]
        params = " ".join(f.elm_param for f in fields)
        record = ", ".join(f"{f.elm_name} = {f.elm_param}" for f in fields)
        start = f"Decode.succeed (\\{params} -> {variant.name} {{ {record} }})"
        steps = [_field_decoder(f.wire_name, f.type, worker) for f in fields]
    elif variant.shape is Shape.TUPLE and fields:
        start = f"Decode.succeed {variant.name}"
        if len(fields) == 1:
            steps = [_field_decoder("value", fields[0].type, worker)]
        else:
            steps = [
                f'Decode.field "value" (Decode.index {i} {decoder(f.type, worker).arg()})'
                for i, f in enumerate(fields)
            ]
    else:
        return [f"Decode.succeed {variant.name}"]
    return [start] + [f"    |> Decode.map2 (|>) ({step})" for step in steps]
