"""`Workers/Types.elm`: every domain type the messages reach, with its encoder and decoder.

    /// A point on the map.
    pub struct Point { pub lat: f64, pub lon: f64 }
    pub type Forest = Vec<Tree>;
    pub struct Tree { label: String, children: Forest }

becomes

    module Workers.Types exposing
        ( Forest, encodeForest, forestDecoder
        , Point, encodePoint, pointDecoder
        , Tree(..), encodeTree, treeDecoder
        )

    {-| A point on the map.
    -}
    type alias Point =
        { lat : Float
        , lon : Float
        }

    type Tree
        = Tree
            { label : String
            , children : Forest
            }

    forestDecoder =
        Decode.list (Decode.lazy (\\_ -> treeDecoder))

Types of one cycle (`cycle`) reach each other's decoders through `Decode.lazy`, and every
encoder takes its argument explicitly, because Elm rejects a top-level value defined in
terms of itself. Names are printed unqualified here; worker modules qualify them.
"""

from __future__ import annotations

from typing import NamedTuple

from hamlet.emit import header
from hamlet.emit.elm_decls import documented, record_lines, union_lines
from hamlet.emit.elm_docs import doc_comment
from hamlet.emit.elm_codecs import (
    decoder,
    elm_type,
    encode,
    pipeline,
    positional_value,
    tuple_of,
)
from hamlet.emit.elm_helpers import helpers
from hamlet.emit.elm_scope import APP, INDENT, Expr, Scope, types_scope
from hamlet.emit.elm_objects import entries, object_lines
from hamlet.emit.elm_tagged import record_decoder, union_decoder, union_encoder
from hamlet.model import (
    AliasDef, EnumDef, Field, OutputFile, Project, Shape, StructDef, TypeDef,
)


def emit_types(project: Project) -> OutputFile | None:
    """`Workers/Types.elm`, or None when the messages reach no domain type."""
    if not project.types:
        return None
    names = project.types_names
    scope = types_scope(project)
    declarations: list[list[str]] = []
    cycles: dict[int, set[str]] = {}
    for t in project.types:
        if t.cycle is not None:
            cycles.setdefault(t.cycle, set()).add(t.name)
    for t in project.types:
        here = scope.with_lazy(frozenset(cycles.get(t.cycle, ())) if t.cycle is not None else frozenset())
        declarations.append(doc_comment(t.docs if t.docs.strip() else _default_docs(t)) + _declaration(t))
        declarations.append(documented(f"Encode `{t.name}` as JSON.", _encoder(t, here)))
        declarations.append(
            documented(f"Decode `{t.name}` from JSON; the inverse of `{t.encoder}`.", _decoder(t, here))
        )
    declarations.extend(helpers(scope))
    preamble = [_module_line(project), _module_docs(project), _imports(scope)]
    sources = [" ".join(t.source.splitlines()) for t in project.types]
    text = "\n\n\n".join(
        [
            f"-- {header.sources_notice(sources)}",
            "\n\n".join("\n".join(part) for part in preamble),
            *("\n".join(declaration) for declaration in declarations),
        ]
    )
    return OutputFile(root="elm", path=names.path, content=text + "\n")


# ---- module header -----------------------------------------------------------------


def _exposed(t: TypeDef) -> str:
    """`Point` for a type alias, `Shape(..)` for a custom type, so users can build it."""
    alias = isinstance(t, AliasDef) or (isinstance(t, StructDef) and t.shape is Shape.STRUCT and not t.wrapped)
    return t.name if alias else f"{t.name}(..)"


def _module_line(project: Project) -> list[str]:
    """One line per @docs group; elm-format keeps a single group on the module line."""
    if len(project.types) == 1:
        (t,) = project.types
        return [f"module {project.types_names.module} exposing ({_exposed(t)}, {t.encoder}, {t.decoder})"]
    lines = [f"module {project.types_names.module} exposing"]
    for index, t in enumerate(project.types):
        lines.append(f"{INDENT}{'(' if index == 0 else ','} {_exposed(t)}, {t.encoder}, {t.decoder}")
    return lines + [f"{INDENT})"]


def _module_docs(project: Project) -> list[str]:
    """One @docs group per type, so elm-format keeps the exposing list in this order."""
    lines = ["{-| The domain types of the workers' messages, with their JSON encoders and decoders."]
    for t in project.types:
        # A markdown heading: elm-format escapes `_` there (`# Result\_`), so it is
        # written escaped to be kept as is.
        heading = t.name.replace("_", "\\_")
        lines += ["", "", f"# {heading}", "", f"@docs {t.name}, {t.encoder}, {t.decoder}"]
    return lines + ["", "-}"]


def _imports(scope: Scope) -> list[str]:
    """Dict when a type or a codec needs it (`scope.needs`, known beforehand)."""
    lines = ["import Dict exposing (Dict)"] if scope.imports_dict() else []
    return lines + ["import Json.Decode as Decode", "import Json.Encode as Encode"]


# ---- declarations ------------------------------------------------------------------


class _Case(NamedTuple):
    """The one constructor of a struct printed as a custom type."""

    name: str
    shape: Shape
    fields: tuple[Field, ...]
    docs: str = ""


def _declaration(t: TypeDef) -> list[str]:
    if isinstance(t, AliasDef):
        return [f"type alias {t.name} =", INDENT + elm_type(t.type)]
    if isinstance(t, EnumDef):
        return union_lines(t.name, t.constructors)
    if t.shape is Shape.STRUCT and not t.wrapped:
        return [f"type alias {t.name} ="] + record_lines(t.fields, INDENT)
    return union_lines(t.name, [_Case(t.name, t.shape, t.fields)])


def _encoder(t: TypeDef, scope: Scope) -> list[str]:
    """Every encoder names its argument: `encodeTree (Tree data) =`, never point-free."""
    value, data = scope.local("value"), scope.local("data")
    if isinstance(t, EnumDef):
        return union_encoder(t.encoder, t.name, value, t.constructors, scope, t.tags)
    head = f"{t.encoder} : {t.name} -> Encode.Value"
    if isinstance(t, AliasDef):
        return [head, f"{t.encoder} {value} =", INDENT + encode(t.type, value, scope)]
    fields = t.fields
    if t.shape is Shape.UNIT:
        argument, body = "_", ["Encode.null"]
    elif t.shape is Shape.TUPLE:
        argument = "(" + " ".join([t.name] + [f.elm_param for f in fields]) + ")" if fields else "_"
        body = [positional_value(fields, scope) if fields else "Encode.list Basics.identity []"]
    else:
        subject = data if t.wrapped else value
        argument = subject if fields else "_"
        if t.wrapped:
            argument = f"({t.name} {argument})"
        body = object_lines(entries(t.keys, subject, scope), scope)
    return [head, f"{t.encoder} {argument} ="] + _indented(body)


def _decoder(t: TypeDef, scope: Scope) -> list[str]:
    if isinstance(t, EnumDef):
        return union_decoder(t.decoder, t.name, t.constructors, scope, t.tags)
    head = [f"{t.decoder} : Decode.Decoder {t.name}", f"{t.decoder} ="]
    if isinstance(t, AliasDef):
        return head + [INDENT + decoder(t.type, scope).text]
    fields = t.fields
    if t.shape is Shape.UNIT:
        body = [f"Decode.null {t.name}"]
    elif t.shape is Shape.TUPLE and len(fields) == 1:
        body = [f"Decode.map {t.name} {decoder(fields[0].type, scope).arg()}"]
    elif t.shape is Shape.TUPLE:
        steps = [Expr(f"Decode.index {i} {decoder(f.type, scope).arg()}", APP) for i, f in enumerate(fields)]
        body = pipeline(tuple_of(len(fields), f"Decode.succeed {t.name}", scope).text, steps)
    else:
        body = _struct_body(t, scope)
    return head + _indented(body)


def _struct_body(t: StructDef, scope: Scope) -> list[str]:
    """A struct as serde reads it: see `record_decoder`."""
    return record_decoder(t.name if t.wrapped else "", t.fields, t.least_items, scope)


def _indented(lines: list[str]) -> list[str]:
    return [INDENT + line if line else "" for line in lines]


def _default_docs(t: TypeDef) -> str:
    return f"The Rust type `{t.rust_name}` of `{t.source}`."
