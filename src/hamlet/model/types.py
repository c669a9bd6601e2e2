"""The types a field can have, and the one walk over them.

    Vec<Option<u32>>            -> ListT(MaybeT(PrimT(INT)))
    HashMap<String, (f64, f64)> -> DictT(TupleT((PrimT(FLOAT), PrimT(FLOAT))))
    geo::Point                  -> NamedT("Point", "encodePoint", "pointDecoder")
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Iterator


class Prim(Enum):
    BOOL = "Bool"
    INT = "Int"
    FLOAT = "Float"
    STRING = "String"
    UNIT = "()"


@dataclass(frozen=True)
class PrimT:
    prim: Prim


@dataclass(frozen=True)
class ListT:
    """`Vec<T>` and the other sequences -> `List T` / JSON array."""

    item: "Type"


@dataclass(frozen=True)
class MaybeT:
    """`Option<T>` -> `Maybe T` / value or null."""

    item: "Type"


@dataclass(frozen=True)
class DictT:
    """`HashMap<String, V>` -> `Dict String V` / JSON object."""

    value: "Type"


@dataclass(frozen=True)
class TupleT:
    """`(A, B)` or `(A, B, C)` -> Elm tuple / JSON array."""

    items: tuple["Type", ...]


@dataclass(frozen=True)
class NamedT:
    """A domain type defined in the scanned sources (a `TypeDef` of the project).

    Rust `shapes::Shape` -> NamedT(name="Shape", encoder="encodeShape",
    decoder="shapeDecoder"). The names are unqualified: they live in the shared
    `Workers.Types` module, and a worker module prints them qualified with it.
    """

    name: str
    encoder: str
    decoder: str


Type = PrimT | ListT | MaybeT | DictT | TupleT | NamedT


def parts(t: Type) -> tuple[Type, ...]:
    """The types `t` is made of, one level down: `Vec<(u8, String)>` -> `((u8, String),)`;
    a primitive or a domain type (whose definition is elsewhere) -> ()."""
    if isinstance(t, (ListT, MaybeT)):
        return (t.item,)
    if isinstance(t, DictT):
        return (t.value,)
    if isinstance(t, TupleT):
        return t.items
    return ()


def walk(t: Type) -> Iterator[Type]:
    """`t` and every type inside it, outermost first, without entering domain types:
    `Option<Vec<Point>>` -> MaybeT(..), ListT(..), NamedT("Point", ..)."""
    todo = [t]
    while todo:
        here = todo.pop()
        yield here
        todo.extend(reversed(parts(here)))


def mentions(t: Type, kind: type) -> bool:
    """Whether `t` holds a type of class `kind` anywhere: `mentions(Vec<HashMap<..>>, DictT)`."""
    return any(isinstance(inner, kind) for inner in walk(t))
