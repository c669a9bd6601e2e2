"""Rust types -> model types, per the contract's mapping table.

    Vec<Option<u32>>            -> ListT(MaybeT(PrimT(INT)))
    HashMap<String, (f64, f64)> -> DictT(TupleT((FLOAT, FLOAT)))
    Box<str>, &'static str      -> PrimT(STRING)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from hamlet.diagnostics import Diagnostic, error
from hamlet.model import DictT, ListT, MaybeT, Prim, PrimT, TupleT, Type
from hamlet.read.rust.parse import SYNTAX_HINT
from hamlet.read.rust.syntax import (
    TOO_DEEP,
    TYPE_NESTING_LIMIT,
    RArray,
    RPath,
    RRef,
    RTuple,
    RType,
    RUnsupported,
)

INTS = frozenset("i8 i16 i32 i64 u8 u16 u32 u64 isize usize".split())
FLOATS = frozenset(["f32", "f64"])
STRINGS = frozenset(["String", "str", "char"])
SEQUENCES = frozenset(["Vec", "VecDeque", "HashSet", "BTreeSet"])
MAPS = frozenset(["HashMap", "BTreeMap"])
POINTERS = frozenset(["Box", "Rc", "Arc"])

SUPPORTED = (
    "bool, integers up to 64 bits, f32/f64, String, &str, char, Vec, VecDeque, "
    "HashSet, BTreeSet, arrays, slices, Option, HashMap/BTreeMap with String keys, "
    "2- and 3-tuples, Box, Rc and Arc"
)


NOT_FOUND = object()


@dataclass
class TypeContext:
    """Where a type is used, for error messages: "field `size` of variant `Resize`".

    `named` looks up a name defined in the scanned sources (see `resolve.domain`): it
    returns a NamedT, None after reporting why the type cannot be used, or NOT_FOUND.
    """

    owner: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    named: Callable[[RPath, "TypeContext"], object] | None = None

    def fail(self, node: RType, message: str, hint: str) -> None:
        self.diagnostics.append(error(node.loc, f"{self.owner}: {message}", hint))


def map_type(node: RType, ctx: TypeContext) -> Type | None:
    """Map one Rust type; on failure, record a diagnostic and return None."""
    if isinstance(node, RPath):
        return _map_path(node, ctx)
    if isinstance(node, RTuple):
        return _map_tuple(node, ctx)
    if isinstance(node, RArray):
        item = map_type(node.item, ctx)
        return ListT(item) if item is not None else None
    if isinstance(node, RRef):
        return _map_ref(node, ctx)
    assert isinstance(node, RUnsupported)
    if node.kind == "syntax error":
        # The parser reports the syntax error itself; this says which field it breaks.
        what = f"the type `{node.text}` is not valid Rust" if node.text.strip() else "a type is missing"
        ctx.fail(node, what, SYNTAX_HINT)
        return None
    if node.kind == TOO_DEEP:
        ctx.fail(
            node,
            f"type nested too deeply (more than {TYPE_NESTING_LIMIT} levels)",
            "give an inner part a name with a `type` alias or a struct",
        )
        return None
    ctx.fail(
        node,
        f"{'an' if node.kind[:1] in 'aeiou' else 'a'} {node.kind} (`{node.text}`) "
        "cannot cross to a worker",
        "messages are data: use owned data types such as " + SUPPORTED,
    )
    return None


def _map_path(node: RPath, ctx: TypeContext) -> Type | None:
    name = node.name
    prim = _primitive(name)
    if prim is not None and not node.args:
        if name == "str":
            ctx.fail(node, "bare `str` is unsized", "use `String` (or `&str`)")
            return None
        return PrimT(prim)
    if name in ("i128", "u128"):
        ctx.fail(
            node,
            f"`{name}` does not fit in a JSON number",
            "use a 64-bit integer, or a String holding the digits",
        )
        return None
    if name in POINTERS and len(node.args) == 1 and _is_string(node.args[0]):
        return PrimT(Prim.STRING)  # `Box<str>`, `Arc<str>`: an owned string
    if name in SEQUENCES | {"Option"} | POINTERS:
        item = _one_arg(node, ctx)
        if item is None:
            return None
        if name in POINTERS:
            return item
        return MaybeT(item) if name == "Option" else ListT(item)
    if name in MAPS:
        return _map_map(node, ctx)
    if ctx.named is not None:
        found = ctx.named(node, ctx)
        if found is not NOT_FOUND:
            return found  # type: ignore[return-value]
    ctx.fail(
        node,
        f"unknown type `{node.text}`",
        f"Hamlet maps {SUPPORTED}; define `{name}` in the scanned sources "
        "or use one of those",
    )
    return None


def _primitive(name: str) -> Prim | None:
    if name == "bool":
        return Prim.BOOL
    if name in INTS:
        return Prim.INT
    if name in FLOATS:
        return Prim.FLOAT
    if name in STRINGS:
        return Prim.STRING
    return None


def _one_arg(node: RPath, ctx: TypeContext) -> Type | None:
    if len(node.args) != 1:
        ctx.fail(
            node,
            f"`{node.name}` takes one type argument, found {len(node.args)} in `{node.text}`",
            f"write `{node.name}<T>`",
        )
        return None
    return map_type(node.args[0], ctx)


def _map_map(node: RPath, ctx: TypeContext) -> Type | None:
    if len(node.args) != 2:
        ctx.fail(
            node,
            f"`{node.name}` takes a key and a value type, found `{node.text}`",
            f"write `{node.name}<String, V>`",
        )
        return None
    key, value = node.args
    if not _is_string(key):
        ctx.fail(
            key,
            f"map key `{key.text}` is not `String`",
            "JSON object keys are strings: use `String` keys, "
            "or a Vec of (key, value) tuples",
        )
        map_type(value, ctx)  # still report every problem in the value type
        return None
    mapped = map_type(value, ctx)
    return DictT(mapped) if mapped is not None else None


def _is_string(node: RType) -> bool:
    if isinstance(node, RRef):
        return _is_string(node.item)
    return isinstance(node, RPath) and node.name in ("String", "str") and not node.args


def _map_tuple(node: RTuple, ctx: TypeContext) -> Type | None:
    count = len(node.items)
    if count == 0:
        return PrimT(Prim.UNIT)
    if count == 1 or count > 3:
        ctx.fail(
            node,
            f"a tuple of {count} (`{node.text}`) has no Elm equivalent",
            "Elm has 2- and 3-tuples only: use a struct with named fields",
        )
        return None
    items = [map_type(item, ctx) for item in node.items]
    if any(item is None for item in items):
        return None
    return TupleT(tuple(items))  # type: ignore[arg-type]


def _map_ref(node: RRef, ctx: TypeContext) -> Type | None:
    """`&str`, `&'static str` and `&[T]` map like `String` and `Vec<T>`; a reference
    with any other lifetime, or to anything else, is an error."""
    if node.lifetime not in (None, "'static"):
        ctx.fail(
            node,
            f"reference with lifetime {node.lifetime} (`{node.text}`)",
            "worker messages are owned data: use `String` or `Vec<T>` instead",
        )
        return None
    inner = node.item
    if isinstance(inner, RPath) and inner.name == "str" and not inner.args:
        return PrimT(Prim.STRING)
    if isinstance(inner, RArray) and inner.length is None:
        return map_type(inner, ctx)
    ctx.fail(
        node,
        f"reference `{node.text}` cannot cross to a worker",
        "use the owned type instead (drop the `&`)",
    )
    return None
