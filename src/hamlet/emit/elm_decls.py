"""Elm type declarations as elm-format 0.8.8 lays them out: custom types, records and
the comments above them. No output of its own.

    union_lines("Shape", constructors)  ->  type Shape
                                                = Circle { radius : Float }
                                                | Empty
    record_lines(fields, "    ")         ->      { x : Float
                                                 , y : Float
                                                 }
"""

from __future__ import annotations

from hamlet.emit.elm_codecs import elm_type
from hamlet.emit.elm_scope import INDENT
from hamlet.model import Field, Shape


def documented(text: str, lines: list[str]) -> list[str]:
    return [f"{{-| {text}", "-}"] + lines


def comment_lines(docs: str, indent: str) -> list[str]:
    """Rust doc comments as Elm line comments: elm-format rewrites the markdown of doc
    comments (`*a*` -> `_a_`) but keeps line comments, trailing spaces aside."""
    return [f"{indent}-- {line}".rstrip() for line in docs.strip().splitlines()]


def union_lines(name: str, cases, qualifier: str = "") -> list[str]:
    """`type Shape` and its constructors, one a line, each after its docs as comments.
    `cases` are worker `Variant`s or domain `Constructor`s."""
    lines = [f"type {name}"]
    for index, case in enumerate(cases):
        lead = f"{INDENT}{'=' if index == 0 else '|'} "
        body = constructor_lines(case.name, case.shape, case.fields, qualifier)
        if case.docs.strip():
            comment = comment_lines(case.docs, INDENT + "  ")
            lines.append(lead + comment[0].lstrip())
            lines.extend(comment[1:])
            lead = INDENT + "  "
        lines.append(lead + body[0])
        lines.extend(body[1:])
    return lines


def constructor_lines(name: str, shape: Shape, fields: tuple[Field, ...], qualifier: str = "") -> list[str]:
    """`ProcessImage { imageUrl : String }`, `Resize Int Int` or `CancelAll`; a record
    of several (or documented) fields goes one field a line, as in the seed design."""
    if shape is Shape.TUPLE:
        return [" ".join([name] + [elm_type(f.type, True, qualifier) for f in fields])]
    if shape is Shape.UNIT:
        return [name]
    if not fields:
        return [f"{name} {{}}"]
    if len(fields) == 1 and not fields[0].docs.strip():
        field = fields[0]
        return [f"{name} {{ {field.elm_name} : {elm_type(field.type, False, qualifier)} }}"]
    return [name] + record_lines(fields, INDENT * 2, qualifier)


def record_lines(fields: tuple[Field, ...], pad: str, qualifier: str = "") -> list[str]:
    """A record type one field a line at `pad`, each field after its docs as comments."""
    if not fields:
        return [pad + "{}"]
    lines = []
    for index, field in enumerate(fields):
        lead = f"{pad}{'{' if index == 0 else ','} "
        if field.docs.strip():
            comment = comment_lines(field.docs, pad + "  ")
            lines.append(lead + comment[0].lstrip())
            lines.extend(comment[1:])
            lead = pad + "  "
        lines.append(f"{lead}{field.elm_name} : {elm_type(field.type, False, qualifier)}")
    lines.append(pad + "}")
    return lines
