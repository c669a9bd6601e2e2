"""The codecs of tagged unions: worker messages and domain enums, one function per
serde representation (`Tagging`) and variant shape. Worker messages are INTERNAL with
the tag "type". The objects they write are `hamlet.emit.elm_objects`'s.

    enum Shape { Circle { radius: f64 }, Square(f64), Empty }

    INTERNAL  {"type": "Circle", "radius": 2.5}  {"type": "Square", "value": 3}  {"type": "Empty"}
    EXTERNAL  {"Circle": {"radius": 2.5}}  {"Square": 3}  "Empty"
    ADJACENT  {"t": "Circle", "c": {"radius": 2.5}}  {"t": "Square", "c": 3}  {"t": "Empty"}
    UNTAGGED  {"radius": 2.5}  3  null
    STRING    (unit variants only)  "Empty"

A tuple variant of 0 or 2+ fields is an array of exactly that many (`V()` is `[]`);
decoders read what serde reads (see `hamlet.emit.elm_helpers`): struct variants of
ADJACENT and UNTAGGED enums from objects only, and an ADJACENT unit variant's content
absent or null. An EXTERNAL enum is read as serde_json reads it: a unit variant from its
name or `{"Empty": null}`, any other variant from an object with exactly one key, its
name, and a struct variant's value, like a struct's, from an object or an array.

An INTERNAL tuple variant whose one field is flattened (serde's internally tagged
newtype of a struct) puts that struct's keys beside the tag: `{"type": "At", "x": 1}`.
"""

from __future__ import annotations

from typing import Protocol

from hamlet.emit.elm_codecs import (
    decoder,
    elm_string,
    field_decoder,
    key_decoder,
    pipeline,
    positional_value,
    record_start,
    record_steps,
    tuple_of,
)
from hamlet.emit.elm_needs import NULL_CONTENT
from hamlet.emit.elm_objects import Entry, entries, object_lines
from hamlet.emit.elm_scope import APP, ATOM, INDENT, Expr, Scope
from hamlet.model import MESSAGE_TAGS, Field, Key, Shape, Tagging, Tags


class Case(Protocol):
    """A worker `Variant` or a domain enum's `Constructor`."""

    name: str
    tag: str
    shape: Shape
    fields: tuple[Field, ...]
    keys: tuple[Key, ...]
    is_flat_newtype: bool


# ---- encoders ----------------------------------------------------------------------


def union_encoder(
    name: str,
    type_name: str,
    subject: str,
    cases: tuple[Case, ...],
    scope: Scope,
    tags: Tags = MESSAGE_TAGS,
) -> list[str]:
    """`encodeShape : Shape -> Encode.Value`, a case per variant."""
    lines = [
        f"{name} : {type_name} -> Encode.Value",
        f"{name} {subject} =",
        f"{INDENT}case {subject} of",
    ]
    for index, case in enumerate(cases):
        if index:
            lines.append("")
        lines.append(f"{INDENT * 2}{_pattern(case, scope)} ->")
        body = _encode_body(case, scope, tags)
        lines.extend(INDENT * 3 + line if line else "" for line in body)
    return lines


def _pattern(case: Case, scope: Scope) -> str:
    if case.shape is Shape.STRUCT:
        return f"{case.name} {scope.local('data') if case.fields else '_'}"
    if case.shape is Shape.TUPLE and case.fields:
        return " ".join([case.name] + [f.elm_param for f in case.fields])
    return case.name


def _encode_body(case: Case, scope: Scope, tags: Tags) -> list[str]:
    tagging, tag_key, content_key = tags.tagging, tags.tag, tags.content
    tag = elm_string(case.tag)
    if tagging is Tagging.STRING or (tagging is Tagging.EXTERNAL and case.shape is Shape.UNIT):
        return [f"Encode.string {tag}"]
    fields = case.fields
    data = scope.local("data")
    tag_entry = Entry(tag_key, [f"Encode.string {tag}"])
    unit = case.shape is Shape.UNIT
    if tagging is Tagging.INTERNAL:
        if case.shape is Shape.STRUCT:
            found = entries(case.keys, data, scope)
        elif case.is_flat_newtype:
            found = entries(case.keys, fields[0].elm_param, scope, within=1)
        elif case.shape is Shape.TUPLE:  # `V()` too: `"value": []`
            found = [Entry("value", [positional_value(fields, scope)])]
        else:
            found = []
        return object_lines([tag_entry] + found, scope)
    if case.shape is Shape.STRUCT:
        value = object_lines(entries(case.keys, data, scope), scope)
    elif unit:
        value = ["Encode.null"]
    else:
        value = [positional_value(fields, scope)]
    if tagging is Tagging.UNTAGGED:
        return value
    if tagging is Tagging.EXTERNAL:
        return object_lines([Entry(case.tag, value)], scope)
    return object_lines([tag_entry] + ([] if unit else [Entry(content_key, value)]), scope)


# ---- decoders ----------------------------------------------------------------------


def union_decoder(
    name: str,
    type_name: str,
    cases: tuple[Case, ...],
    scope: Scope,
    tags: Tags = MESSAGE_TAGS,
) -> list[str]:
    """`shapeDecoder : Decode.Decoder Shape`: read the tag, then that variant; or, for
    UNTAGGED, try each variant in order."""
    tagging, tag_key, content_key = tags.tagging, tags.tag, tags.content
    lines = [f"{name} : Decode.Decoder {type_name}", f"{name} ="]
    if tagging is Tagging.UNTAGGED:
        lines.append(f"{INDENT}Decode.oneOf")
        for index, case in enumerate(cases):
            item = _untagged_item(case, scope)
            lines.append(f"{INDENT * 2}{'[' if index == 0 else ','} {item[0]}")
            lines.extend(INDENT * 2 + line for line in item[1:])
        lines.append(f"{INDENT * 2}]")
        return lines
    tag = scope.local("tag")
    if tagging is Tagging.STRING:
        lines.append(INDENT + scope.helper("unit_variant"))
        unknown = elm_string(f"Unknown {type_name}: ")
    elif tagging is Tagging.EXTERNAL:
        lines.append(INDENT + scope.helper("external_tag"))
        unknown = elm_string(f"Unknown {type_name}: ")
    else:
        lines.append(INDENT + key_decoder(tag_key, Expr("Decode.string", ATOM), scope).text)
        unknown = elm_string(f"Unknown {type_name} {tag_key}: ")
    lines += [
        f"{INDENT * 2}|> Decode.andThen",
        f"{INDENT * 3}(\\{tag} ->",
        f"{INDENT * 4}case {tag} of",
    ]
    body = INDENT * 5
    for case in cases:
        lines.append(f"{body}{elm_string(case.tag)} ->")
        if tagging is Tagging.ADJACENT:
            branch = _adjacent_branch(case, content_key, scope)
        elif tagging is Tagging.EXTERNAL:
            branch = _external_branch(case, scope)
        else:
            branch = _internal_branch(case, scope)
        lines.extend(body + INDENT + line for line in branch)
        lines.append("")
    lines.append(f"{body}_ ->")
    lines.append(f"{body}{INDENT}Decode.fail ({unknown} ++ {tag})")
    lines.append(f"{INDENT * 3})")
    return lines


def _internal_branch(case: Case, scope: Scope) -> list[str]:
    """The fields beside the tag; a tuple's in "value" (an array of exactly its fields,
    `[]` for `V()`, or the one field's value), or a flattened struct's keys."""
    fields = case.fields
    if case.shape is Shape.STRUCT:
        return pipeline(record_start(case.name, fields), record_steps(fields, scope))
    if case.shape is Shape.UNIT:
        return [f"Decode.succeed {case.name}"]
    start = f"Decode.succeed {case.name}"
    if case.is_flat_newtype:
        return pipeline(start, [decoder(fields[0].type, scope)])
    if len(fields) == 1:
        return pipeline(start, [field_decoder("value", fields[0], scope)])
    return _positional("value", case, scope)


def _adjacent_branch(case: Case, content_key: str, scope: Scope) -> list[str]:
    """The variant's value at the content key; a unit variant has none, or null."""
    fields = case.fields
    if case.shape is Shape.STRUCT:
        start = key_decoder(content_key, _object_start(case, scope), scope).text
        steps = [_within(content_key, step, scope) for step in record_steps(fields, scope)]
        return pipeline(start, steps)
    if case.shape is Shape.UNIT:
        absent = field_decoder(content_key, NULL_CONTENT, scope)
        return [f"Decode.map (Basics.always {case.name}) {absent.arg()}"]
    if len(fields) == 1:  # an `Option` may be missing: serde reads that as None
        steps = [field_decoder(content_key, fields[0], scope)]
        return pipeline(f"Decode.succeed {case.name}", steps)
    return _positional(content_key, case, scope)


def _external_branch(case: Case, scope: Scope) -> list[str]:
    """The variant's value under its name, once `external_tag` has found the name: the
    one key of the object (so `Decode.field` reads that own key, whatever its name), or
    the string itself, which only a unit variant may be.

        "Dot"  ->  Decode.oneOf [ Decode.map (Basics.always Dot) Decode.string, Decode.field "Dot" (Decode.null Dot) ]
        {"Square": 2.0}  ->  Decode.field "Square" (Decode.map Square Decode.float)
    """
    key = elm_string(case.tag)
    fields = case.fields
    if case.shape is Shape.UNIT:
        name = case.name
        return [f"Decode.oneOf [ Decode.map (Basics.always {name}) Decode.string, "
                f"Decode.field {key} (Decode.null {name}) ]"]
    if case.shape is Shape.STRUCT:
        # a Constructor's: worker variants are never externally tagged
        value = record_decoder(case.name, fields, getattr(case, "least_items", 0), scope)
    elif len(fields) == 1:
        value = [f"Decode.map {case.name} {decoder(fields[0].type, scope).arg()}"]
    else:
        value = _positional("", case, scope)
    if len(value) == 1:
        return [f"Decode.field {key} ({value[0]})"]
    return [f"Decode.field {key}", f"{INDENT}({value[0]}"] + [INDENT + line for line in value[1:]] + [f"{INDENT})"]


def record_decoder(constructor: str, fields: tuple[Field, ...], least_items: int, scope: Scope) -> list[str]:
    """A struct (or an externally tagged struct variant) as serde reads it: a JSON
    object, or an array of its fields in order (`[1, 2]` is `Point { x: 1, y: 2 }` to
    serde too), holding at least `least_items`. With a flattened field serde reads an
    object only. `constructor` "" builds a bare record.

        objectOrArray 2
            [ "x", "y" ]
            (Decode.succeed (\\x y -> { x = x, y = y })
                |> Decode.map2 (|>) (Decode.field "x" Decode.float)
                ..
            )
    """
    start = record_start(constructor, fields)
    steps = record_steps(fields, scope)
    if any(f.flattened is not None for f in fields):
        return pipeline(f"{scope.helper('object_only')} ({start})", steps)
    keys = "[ " + ", ".join(elm_string(f.wire_name) for f in fields) + " ]" if fields else "[]"
    helper = f"{scope.helper('object_or_array')} {least_items}"
    if not steps:
        return [f"{helper} {keys} ({start})"]
    lines = pipeline(start, steps)
    return [helper, INDENT + keys, INDENT + "(" + lines[0]] + [INDENT + line for line in lines[1:]] + [INDENT + ")"]


def _untagged_item(case: Case, scope: Scope) -> list[str]:
    """One alternative of `Decode.oneOf`; continuation lines already indented."""
    fields = case.fields
    if case.shape is Shape.STRUCT:
        return pipeline(_object_start(case, scope).text, record_steps(fields, scope))
    if case.shape is Shape.TUPLE and len(fields) == 1:
        return [f"Decode.map {case.name} {decoder(fields[0].type, scope).arg()}"]
    if case.shape is Shape.TUPLE:
        return _positional("", case, scope)
    return [f"Decode.null {case.name}"]


def _object_start(case: Case, scope: Scope) -> Expr:
    """The record constructor, once the value is known to be an object: serde reads a
    struct variant of an untagged or adjacently tagged enum from an object only."""
    start = record_start(case.name, case.fields)
    return Expr(f"{scope.helper('object_only')} ({start})", APP)


def _positional(key: str, case: Case, scope: Scope) -> list[str]:
    """A tuple variant of 0 or 2+ fields, at `key` ("" for the value itself): an array
    of exactly that many elements, as serde reads it."""
    start = tuple_of(len(case.fields), f"Decode.succeed {case.name}", scope)
    if key:
        start = key_decoder(key, start, scope)
    steps = [_index(i, f, scope) for i, f in enumerate(case.fields)]
    if key:
        steps = [_within(key, step, scope) for step in steps]
    return pipeline(start.text, steps)




def _index(i: int, f: Field, scope: Scope) -> Expr:
    return Expr(f"Decode.index {i} {decoder(f.type, scope).arg()}", APP)


def _within(key: str, step: Expr, scope: Scope) -> Expr:
    """`step` run on the value at `key`: `Decode.field "c" (Decode.index 0 Decode.int)`."""
    return key_decoder(key, step, scope)
