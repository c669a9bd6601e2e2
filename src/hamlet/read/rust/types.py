"""Rust type syntax -> `RType`.

    Vec<Option<u32>>          -> RPath(("Vec",), (RPath(("Option",), (RPath(("u32",)),)),))
    std::collections::HashMap<String, Vec<f64>>
                              -> RPath(("std", "collections", "HashMap"), (String, Vec<f64>))
    (u32, u32) / ()           -> RTuple((u32, u32)) / RTuple(())
    [u8; 4] / [T]             -> RArray(u8, "4") / RArray(T, None)
    &'a mut T                 -> RRef(T, "'a", mutable=True)
    Box<dyn Fn()>             -> RPath(("Box",), (RUnsupported("trait object"),))

Every form Hamlet cannot map becomes `RUnsupported` with a short kind, so the resolver
can name it in an error instead of guessing.
"""

from __future__ import annotations

from hamlet.read.rust.source import Source
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

COMMENTS = frozenset(("line_comment", "block_comment"))

# Node types that are never a mappable type, by the name users know them by.
_UNSUPPORTED = {
    "ERROR": "syntax error",
    "dynamic_type": "trait object",
    "bounded_type": "trait object",
    "abstract_type": "impl Trait",
    "pointer_type": "raw pointer",
    "never_type": "never type",
    "macro_invocation": "macro in type position",
    "qualified_type": "qualified path",
    "bracketed_type": "qualified path",
}


# The type nodes whose reading reads another type: one level of nesting each.
_NESTING = frozenset(("generic_type", "reference_type", "array_type", "tuple_type"))


def rtype(src: Source, node) -> RType:
    """The type `node`, or RUnsupported(TOO_DEEP) at the first level nested deeper than
    TYPE_NESTING_LIMIT (so that no later stage has to walk it)."""
    deep = _too_deep(node)
    if deep is not None:
        return RUnsupported(TOO_DEEP, src.loc(deep), "")
    return _rtype(src, node)


def field_type(src: Source, node, name: str = "type") -> RType:
    """The type in field `name` of `node`; error recovery can leave it out."""
    child = node.child_by_field_name(name)
    if child is None:
        return RUnsupported("syntax error", src.loc(node), src.text(node))
    return rtype(src, child)


def _too_deep(node):
    """The first node of `node` that sits more than TYPE_NESTING_LIMIT levels deep."""
    if node.end_byte - node.start_byte <= TYPE_NESTING_LIMIT:
        return None  # every level takes a byte at least: the common case skips the walk
    stack = [(node, 1 if node.type in _NESTING else 0)]
    while stack:
        here, depth = stack.pop()
        if depth > TYPE_NESTING_LIMIT:
            return here
        for child in here.named_children:
            stack.append((child, depth + (child.type in _NESTING)))
    return None


def _rtype(src: Source, node) -> RType:
    kind = node.type
    if kind == "type_identifier" or kind == "primitive_type":
        text = src.text(node)
        if not text:  # a MISSING node put in by error recovery
            return RUnsupported("syntax error", src.loc(node), text)
        return RPath((text,), (), src.loc(node), text)
    if kind == "generic_type":
        return _generic(src, node)
    if kind == "scoped_type_identifier":
        return _path(src, node, ())
    if kind == "reference_type":
        return _reference(src, node)
    if kind == "tuple_type":
        return _tuple(src, node)
    if kind == "unit_type":
        return RTuple((), src.loc(node), src.text(node))
    if kind == "array_type":
        length = node.child_by_field_name("length")
        return RArray(
            _field_type(src, node, "element"),
            None if length is None else src.text(length),
            src.loc(node),
            src.text(node),
        )
    if kind == "function_type":
        # `Fn(u8) -> u8` (a trait, only valid behind `dyn`/`impl`) parses as a
        # function type with a `trait` field; `fn(u8) -> u8` has none.
        has_trait = node.child_by_field_name("trait") is not None
        label = "trait object" if has_trait else "function pointer"
        return RUnsupported(label, src.loc(node), src.text(node))
    label = _UNSUPPORTED.get(kind) or kind.replace("_", " ")
    return RUnsupported(label, src.loc(node), src.text(node))


def _field_type(src: Source, node, name: str = "type") -> RType:
    child = node.child_by_field_name(name)
    if child is None:
        return RUnsupported("syntax error", src.loc(node), src.text(node))
    return _rtype(src, child)


def _path(src: Source, node, args: tuple[RType, ...], outer=None) -> RType:
    """`a::b::C` (with `args` of `C`); `outer` is the enclosing generic_type node."""
    whole = node if outer is None else outer
    text = src.text(node)
    whole_text = text if outer is None else src.text(outer)
    if "::" not in text:
        if not text:
            return RUnsupported("syntax error", src.loc(whole), whole_text)
        return RPath((text,), args, src.loc(whole), whole_text)
    if "<" in text:
        # `<T as Trait>::X` or `a::B<T>::C`: no plain path to look up.
        return RUnsupported("qualified path", src.loc(whole), whole_text)
    parts = ["".join(part.split()) for part in text.split("::")]
    # Only the first segment may be empty (`::std::String`); `::`, `a::` and `a::::b`
    # are syntax errors, which the parser reports.
    if node.has_error or not all(parts[1:]):
        return RUnsupported("syntax error", src.loc(whole), whole_text)
    return RPath(tuple(p for p in parts if p), args, src.loc(whole), whole_text)


def _generic(src: Source, node) -> RType:
    """`Vec<u8>`: lifetimes are dropped from the arguments (`Cow<'a, str>` -> `str`)."""
    args = []
    type_args = node.child_by_field_name("type_arguments")
    if type_args is not None:
        for child in type_args.named_children:
            kind = child.type
            if kind == "lifetime" or kind in COMMENTS:
                continue
            if kind == "type_binding":
                args.append(
                    RUnsupported("associated type binding", src.loc(child), src.text(child))
                )
            elif kind.endswith("_literal") or kind == "block" or kind == "negative_literal":
                args.append(RUnsupported("const generic argument", src.loc(child), src.text(child)))
            else:
                args.append(_rtype(src, child))
    base = node.child_by_field_name("type")
    if base is None:
        return RUnsupported("syntax error", src.loc(node), src.text(node))
    return _path(src, base, tuple(args), node)


def _reference(src: Source, node) -> RType:
    lifetime = None
    mutable = False
    for child in node.named_children:
        kind = child.type
        if kind == "lifetime":
            lifetime = src.text(child)
        elif kind == "mutable_specifier":
            mutable = True
    item = _field_type(src, node, "type")
    return RRef(item, lifetime, mutable, src.loc(node), src.text(node))


def _tuple(src: Source, node) -> RType:
    items = [_rtype(src, c) for c in node.named_children if c.type not in COMMENTS]
    if len(items) == 1 and not any(c.type == "," for c in node.children):
        return items[0]  # `(u8)` is a parenthesised `u8`, not a 1-tuple
    return RTuple(tuple(items), src.loc(node), src.text(node))
