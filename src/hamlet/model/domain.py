"""Domain types: the user's structs, enums and aliases that messages reach, each
generated once in the shared Elm module `Workers.Types`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Iterator

from hamlet.diagnostics import Loc
from hamlet.model.records import Field, Record, Shape
from hamlet.model.types import Type


class Tagging(Enum):
    """How a domain enum is written on the wire.

    STRING: every variant is a unit variant and there is no serde tag: `"Png"` (read
        from `{"Png": null}` too). For a type that derives serde this is its externally
        tagged form, which has nothing else to say for unit variants.
    INTERNAL: `{"<tag>": "Circle", ...fields}`: serde's `tag`, and Hamlet's convention
        for other enums without a serde derive, where a tuple variant carries its value
        in "value" like a message.
    EXTERNAL: serde's default for an enum that derives it: the variant's value under
        its name, `{"Circle": {"radius": 1.0}}`, `{"Square": 2.0}`, `{"Pair": [1, 2]}`;
        a unit variant is its name, `"Dot"`.
    ADJACENT: serde `tag` + `content`: `{"<tag>": "Circle", "<content>": <value>}`.
    UNTAGGED: serde `untagged`: the variant's value alone, decoded by trying each
        variant in order.
    """

    STRING = "string"
    INTERNAL = "internal"
    EXTERNAL = "external"
    ADJACENT = "adjacent"
    UNTAGGED = "untagged"


@dataclass(frozen=True)
class Tags:
    """How a union is told apart on the wire: its `Tagging`, the tag key (INTERNAL and
    ADJACENT) and the content key (ADJACENT). A domain enum's are its own
    (`EnumDef.tags`); worker messages are MESSAGE_TAGS, internally tagged by "type"."""

    tagging: Tagging
    tag: str = ""
    content: str = ""


MESSAGE_TAGS = Tags(Tagging.INTERNAL, "type")


@dataclass(frozen=True)
class Constructor(Record):
    """A variant of a domain enum. `name` is the Elm constructor (the Rust name, or
    `<Enum><Variant>` when another type in `Workers.Types` already uses it); `tag` is its
    wire name."""

    name: str
    rust_name: str
    tag: str
    shape: Shape
    fields: tuple[Field, ...]
    docs: str
    loc: Loc
    least_items: int = 0  # a STRUCT variant read from an array: see `StructDef`


@dataclass(frozen=True)
class StructDef(Record):
    """A domain struct.

    STRUCT shape: an object; an Elm record `type alias Point = { x : Float, y : Float }`,
    or, when `wrapped` (the record is part of a type cycle, which Elm aliases cannot
    be), `type Tree = Tree { children : List Tree }`.
    TUPLE shape: a custom type with one constructor named like the type,
    `type Meters = Meters Float`; on the wire the inner value for one field (serde
    newtype struct), else an array. UNIT shape: `type Marker = Marker`, `null` on the wire.

    `least_items`: serde also reads a STRUCT from an array of its fields in order; the
    array must hold every field up to the last one without a field-level `default`.

    `serde`: the type derives serde's `Serialize` or `Deserialize`, so it travels as
    serde_json writes it (keys as written); otherwise in Hamlet's convention (camelCase
    keys). `#[serde(...)]` attributes apply either way.
    """

    name: str
    rust_name: str
    shape: Shape
    fields: tuple[Field, ...]
    wrapped: bool
    docs: str
    loc: Loc
    source: str
    encoder: str
    decoder: str
    cycle: int | None  # types with the same number reach each other: decode lazily
    least_items: int = 0
    serde: bool = False


@dataclass(frozen=True)
class EnumDef:
    """A domain enum: `type Shape = Circle { .. } | Square Float`.

    `serde`: as for `StructDef`; such an enum without `tag` or `untagged` is EXTERNAL
    (or STRING, when every variant is a unit variant), and its struct variants' keys
    are as written. Without a serde derive it is INTERNAL with the tag "type" (or
    STRING), and its keys are camelCase."""

    name: str
    rust_name: str
    constructors: tuple[Constructor, ...]
    tagging: Tagging
    tag: str  # the tag key for INTERNAL and ADJACENT ("type" unless serde says)
    content: str  # the content key for ADJACENT, "" otherwise
    docs: str
    loc: Loc
    source: str
    encoder: str
    decoder: str
    cycle: int | None
    serde: bool = False

    @property
    def tags(self) -> Tags:
        return Tags(self.tagging, self.tag, self.content)


@dataclass(frozen=True)
class AliasDef:
    """`pub type Labels = HashMap<String, Vec<String>>;` ->
    `type alias Labels = Dict String (List String)` with its own codecs."""

    name: str
    rust_name: str
    type: Type
    docs: str
    loc: Loc
    source: str
    encoder: str
    decoder: str
    cycle: int | None


TypeDef = StructDef | EnumDef | AliasDef


@dataclass(frozen=True)
class TypesNames:
    """The shared Elm module for domain types: "Workers.Types", "Workers/Types.elm".

    Like `ElmNames`: the private helpers' names and the local names its codecs use,
    each distinct from every top-level name of the module.
    """

    module: str
    path: str
    optional_field: str = "optionalField"
    default_field: str = "defaultField"
    locals: tuple[tuple[str, str], ...] = ()
    helpers: tuple[tuple[str, str], ...] = ()  # the other private helpers, by role

    def local(self, role: str) -> str:
        return dict(self.locals)[role]


def field_types(fields: tuple[Field, ...]) -> Iterator[Type]:
    """The type of every field, a flattened field's own and its struct's fields' too."""
    for field in fields:
        yield field.type
        yield from field_types(field.flattened or ())


def def_types(definition: TypeDef) -> Iterator[Type]:
    """The types a definition is made of: an alias's, every field's, every variant's
    fields' (flattened ones included)."""
    if isinstance(definition, AliasDef):
        yield definition.type
    elif isinstance(definition, StructDef):
        yield from field_types(definition.fields)
    else:
        for ctor in definition.constructors:
            yield from field_types(ctor.fields)
