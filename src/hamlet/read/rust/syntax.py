"""What the Rust parser hands on: plain frozen dataclasses, no tree-sitter objects.

These mirror the Rust source closely (paths, generics, attributes as written); turning
them into Hamlet's model, with naming and type mapping, is `hamlet.resolve`'s job.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hamlet.diagnostics import Diagnostic, Loc


# ---- types -------------------------------------------------------------------------


@dataclass(frozen=True)
class RPath:
    """A path type with optional generic arguments: `Vec<u8>`, `std::collections::HashMap<String, T>`.

    `segments` is the path split on `::` (`("std", "collections", "HashMap")`);
    `args` are the generic type arguments of the last segment, in order.
    """

    segments: tuple[str, ...]
    args: tuple["RType", ...]
    loc: Loc
    text: str

    @property
    def name(self) -> str:
        return self.segments[-1]


@dataclass(frozen=True)
class RTuple:
    """`(A, B)`; `()` is a tuple with no items."""

    items: tuple["RType", ...]
    loc: Loc
    text: str


@dataclass(frozen=True)
class RArray:
    """`[T; N]`, or a slice `[T]` (then `length` is None)."""

    item: "RType"
    length: str | None
    loc: Loc
    text: str


@dataclass(frozen=True)
class RRef:
    """`&T`, `&'a T`, `&mut T`."""

    item: "RType"
    lifetime: str | None
    mutable: bool
    loc: Loc
    text: str


# How deep types may nest (`Vec<Vec<...>>`, `[[T; 2]; 2]`, `&&T`, tuples in tuples):
# every stage walks a type recursively, so a deeper one stops at the reader, as an
# RUnsupported of kind TOO_DEEP at the first level past the limit.
TYPE_NESTING_LIMIT = 100
TOO_DEEP = "nesting"


@dataclass(frozen=True)
class RUnsupported:
    """Any type form Hamlet cannot map: trait objects, fn pointers, `impl Trait`, raw pointers...

    `kind` is a short description for the error message ("trait object"), or TOO_DEEP.
    """

    kind: str
    loc: Loc
    text: str


RType = RPath | RTuple | RArray | RRef | RUnsupported


# ---- items -------------------------------------------------------------------------


@dataclass(frozen=True)
class Arg:
    """One item of an attribute's list, as written.

    `rename = "x"` -> Arg("rename", "x", string=True); `default` -> Arg("default");
    `rename = 5` -> Arg("rename", "5") (a value that is not one string literal);
    `rename(serialize = "a")` -> Arg("rename", 'serialize = "a"', listed=True,
    nested=(Arg("serialize", "a", string=True, ..),)): for a list, `value` is the text
    inside its parentheses and `nested` its items. Lists nest one level (as serde's do);
    a deeper one is an item as written. String values are unquoted. `text` is the whole
    item as written, for messages.
    """

    key: str
    value: str | None = None
    string: bool = False  # `value` was one string literal (`"x"`, `r"x"`): serde reads no other
    listed: bool = False
    nested: tuple["Arg", ...] = ()
    text: str = ""


@dataclass(frozen=True)
class Attr:
    """An outer attribute: `#[serde(rename = "x", default)]` -> path "serde",
    args (Arg("rename", "x"), Arg("default")). `#[worker(request)]` -> (Arg("request"),).

    `args` is empty for attributes without a parenthesised list; `listed` says whether
    there was one (`#[serde()]` has, `#[serde]` has not).
    """

    path: str
    args: tuple[Arg, ...]
    loc: Loc
    text: str
    listed: bool = False


@dataclass(frozen=True)
class RField:
    """A named field (`name` set) or a positional one (`name` None) of a struct or variant.

    Raw identifiers keep their prefix stripped: `r#match` -> "match".
    """

    name: str | None
    ty: RType
    docs: str
    attrs: tuple[Attr, ...]
    loc: Loc


@dataclass(frozen=True)
class RVariant:
    """One enum variant.

    `kind` is "unit", "tuple" or "struct". `comments` are the plain (non-doc) comments
    between the previous variant (or the enum's opening brace) and this one, in source
    order, with the comment markers (`//`, `/* */`) removed and whitespace stripped.
    """

    name: str
    kind: str
    fields: tuple[RField, ...]
    docs: str
    attrs: tuple[Attr, ...]
    comments: tuple[str, ...]
    loc: Loc


@dataclass(frozen=True)
class REnum:
    """An enum; `derives` lists every derive in every `#[derive]` attribute, as written
    (`"hamlet::BuildAmpWorker"`). `module` is the inline module path inside the file."""

    name: str
    variants: tuple[RVariant, ...]
    derives: tuple[str, ...]
    generics: tuple[str, ...]
    docs: str
    attrs: tuple[Attr, ...]
    module: tuple[str, ...]
    loc: Loc


@dataclass(frozen=True)
class RStruct:
    """A struct; `kind` is "struct" (named fields), "tuple" or "unit"."""

    name: str
    kind: str
    fields: tuple[RField, ...]
    derives: tuple[str, ...]
    generics: tuple[str, ...]
    docs: str
    attrs: tuple[Attr, ...]
    module: tuple[str, ...]
    loc: Loc


@dataclass(frozen=True)
class RAlias:
    """`type Labels = HashMap<String, Vec<String>>;`"""

    name: str
    ty: RType
    generics: tuple[str, ...]
    docs: str
    module: tuple[str, ...]
    loc: Loc


RItem = REnum | RStruct | RAlias


@dataclass(frozen=True)
class ParsedFile:
    """Every enum, struct and type alias in one file, in source order, with the syntax
    errors tree-sitter found. `path` is the path as given to the parser."""

    path: str
    items: tuple[RItem, ...]
    diagnostics: tuple[Diagnostic, ...] = field(default=())
