"""Rust source -> `ParsedFile`: every enum, struct and type alias, with syntax errors.

    #[derive(BuildAmpWorker, Debug)]      REnum(name="DataWorkerMessage",
    pub enum DataWorkerMessage {                derives=("BuildAmpWorker", "Debug"),
        // Main → Worker                        variants=(RVariant("ProcessCSV", "struct",
        ProcessCSV { data: String },                fields=(RField("data", RPath(("String",))),),
    }                                               comments=("Main → Worker",)),))

Only the top level and inline `mod` bodies are walked (items inside functions, impls and
traits are not types Hamlet can see), and only enum, struct and type items are
descended into: the rest of the tree is never visited, which keeps a large file close
to the cost of the tree-sitter parse itself.
"""

from __future__ import annotations

import gc

from hamlet.diagnostics import Diagnostic, error
from hamlet.read.rust.attrs import (
    COMMENTS,
    DOC,
    NO_META,
    PLAIN,
    comment_kind,
    plain_comment,
    read_meta,
)
from hamlet.read.rust.source import Source, position
from hamlet.read.rust.syntax import (
    ParsedFile,
    RAlias,
    REnum,
    RField,
    RItem,
    RStruct,
    RVariant,
)
from hamlet.read.rust.types import field_type, rtype

SYNTAX_HINT = "fix the Rust syntax; Hamlet reads the file as rustc would"

_parser = None


def _get_parser():
    """One tree-sitter parser per process; building the language is not free."""
    global _parser
    if _parser is None:
        import tree_sitter_rust
        from tree_sitter import Language, Parser

        _parser = Parser(Language(tree_sitter_rust.language()))
    return _parser


def parse_source(path: str, source: bytes) -> ParsedFile:
    """Every enum, struct and type alias in `source`, in source order.

    Syntax errors become diagnostics and whatever parsed is still returned; a file
    that is not UTF-8 gives one diagnostic at its first bad byte and no items.
    """
    src = Source(path, source)
    if not src.ascii:
        try:
            source.decode("utf-8")
        except UnicodeDecodeError as bad:
            where = position(source, bad.start, path)
            message = f"file is not valid UTF-8 (byte 0x{source[bad.start]:02x})"
            return ParsedFile(
                path, (), (error(where, message, "save the file as UTF-8, as rustc requires"),)
            )
    # The walk allocates hundreds of thousands of small acyclic objects; the cyclic GC
    # would rescan the growing heap again and again during it (a quarter to a half of
    # the walk's time on a large file) and find nothing to free.
    pause = gc.isenabled()
    if pause:
        gc.disable()
    try:
        items, errors = _read(src)
    finally:
        if pause:
            gc.enable()
    return ParsedFile(path, items, errors)


def _read(src: Source) -> tuple[tuple[RItem, ...], tuple[Diagnostic, ...]]:
    root = _get_parser().parse(src.data).root_node
    items: list[RItem] = []
    _scan(src, root, (), items)
    errors = _syntax_errors(src, root) if root.has_error else []
    return tuple(items), tuple(errors + src.problems)


def _scan(src: Source, root, module: tuple[str, ...], items: list[RItem]) -> None:
    """Collect the items among `root`'s children, and inside its inline modules, in
    source order; attributes and doc comments before an item belong to it.

    A stack instead of recursion: modules (or error-recovery nodes) nest as deep as a
    file likes, and Python's call stack is short. The module path is built only for a
    level that holds an item, so 20,000 nested modules cost no 20,000 tuples."""
    path = list(module)
    # One frame per level: [children left, whether it is a module, its path or None].
    stack: list[list] = [[iter(root.children), False, module]]
    pending: list = []
    while stack:
        frame = stack[-1]
        for child in frame[0]:
            if _gathered(src, child, pending):
                continue
            kind = child.type
            if kind in _ITEMS:
                if frame[2] is None:
                    frame[2] = tuple(path)
                item = _ITEMS[kind](src, child, pending, frame[2])
                if item is not None:
                    items.append(item)
            elif kind == "mod_item":
                body = child.child_by_field_name("body")
                name = _name(src, child)
                if body is not None and name is not None:
                    path.append(name)
                    stack.append([iter(body.children), True, None])
                    pending = []
                    break
            elif kind == "ERROR":
                # Recovery can wrap whole items in an ERROR node; they still count.
                stack.append([iter(child.children), False, frame[2]])
                pending = []
                break
            elif kind == "inner_attribute_item":
                continue
            if pending:
                pending = []
        else:
            stack.pop()
            if frame[1]:
                path.pop()
            pending = []


def _gathered(src: Source, child, pending: list) -> bool:
    """Keep an attribute or a doc comment in `pending`, for the item that follows it.
    True for those, and for any other comment: none of them is an item."""
    kind = child.type
    if kind == "attribute_item":
        pending.append(child)
        return True
    if kind in COMMENTS:
        if comment_kind(src, child) == DOC:
            pending.append(child)
        return True
    return False


def _name(src: Source, node) -> str | None:
    name = node.child_by_field_name("name")
    if name is None or name.is_missing:
        return None
    return _unraw(src.text(name))


def _unraw(name: str) -> str:
    return name[2:] if name.startswith("r#") else name


def _generics(src: Source, node) -> tuple[str, ...]:
    """`<'a, T: Clone, const N: usize>` -> ("'a", "T", "N")."""
    params = node.child_by_field_name("type_parameters")
    if params is None:
        return ()
    names = []
    for child in params.named_children:
        kind = child.type
        if kind in COMMENTS or kind == "ERROR":
            continue
        if kind in ("lifetime", "type_identifier", "identifier"):
            names.append(src.text(child))
            continue
        # lifetime_parameter / type_parameter / const_parameter; `left` in older grammars
        name = child.child_by_field_name("name") or child.child_by_field_name("left")
        names.append(src.text(name if name is not None else child))
    return tuple(names)


def _enum(src: Source, node, pending: list, module: tuple[str, ...]) -> REnum | None:
    name = _name(src, node)
    if name is None:
        return None
    derives, attrs, docs = read_meta(src, pending)
    body = node.child_by_field_name("body")
    variants = _variants(src, body) if body is not None else ()
    return REnum(name, variants, derives, _generics(src, node), docs, attrs, module, src.loc(node))


def _struct(src: Source, node, pending: list, module: tuple[str, ...]) -> RStruct | None:
    name = _name(src, node)
    if name is None:
        return None
    derives, attrs, docs = read_meta(src, pending)
    kind, fields = _fields(src, node.child_by_field_name("body"))
    return RStruct(
        name, kind, fields, derives, _generics(src, node), docs, attrs, module, src.loc(node)
    )


def _alias(src: Source, node, pending: list, module: tuple[str, ...]) -> RAlias | None:
    name = _name(src, node)
    if name is None:
        return None
    _, _, docs = read_meta(src, pending)
    ty = field_type(src, node)
    return RAlias(name, ty, _generics(src, node), docs, module, src.loc(node))


def _variants(src: Source, body) -> tuple[RVariant, ...]:
    variants = []
    pending: list = []
    comments: list[str] = []
    for child in body.children:
        kind = child.type
        if kind == "enum_variant":
            name = _name(src, child)
            if name is not None:
                _, attrs, docs = read_meta(src, pending) if pending else NO_META
                shape, fields = _fields(src, child.child_by_field_name("body"))
                variants.append(
                    RVariant(name, shape, fields, docs, attrs, tuple(comments), src.loc(child))
                )
            pending = []
            comments = []
        elif kind == "attribute_item":
            pending.append(child)
        elif kind in COMMENTS:
            which = comment_kind(src, child)
            if which == DOC:
                pending.append(child)
            elif which == PLAIN:
                comments.append(plain_comment(src, child))
    return tuple(variants)


def _fields(src: Source, body) -> tuple[str, tuple[RField, ...]]:
    """("struct" | "tuple" | "unit", fields) of a struct or variant body."""
    if body is None:
        return "unit", ()
    named = body.type == "field_declaration_list"
    fields = []
    pending: list = []
    for child in body.children:
        if _gathered(src, child, pending):
            continue
        kind = child.type
        if named:
            if kind != "field_declaration":
                continue
            name = _name(src, child)
            ty = field_type(src, child)
        else:
            if not child.is_named or kind == "visibility_modifier" or kind == "ERROR":
                continue
            name = None
            ty = rtype(src, child)
        if pending:
            _, attrs, docs = read_meta(src, pending)
            pending = []
        else:
            attrs, docs = (), ""
        fields.append(RField(name, ty, docs, attrs, src.loc(child)))
    return ("struct" if named else "tuple"), tuple(fields)


_ITEMS = {"enum_item": _enum, "struct_item": _struct, "type_item": _alias}


def _syntax_errors(src: Source, root) -> list[Diagnostic]:
    """One diagnostic per top-most ERROR or MISSING node, in source order."""
    found = []
    stack = [root]
    while stack:
        node = stack.pop()
        if node.is_error:
            found.append(error(src.loc(node), _unexpected(src, node), SYNTAX_HINT))
        elif node.is_missing:
            what = node.type.replace("_", " ") if node.is_named else f"`{node.type}`"
            found.append(error(src.loc(node), f"syntax error: expected {what}", SYNTAX_HINT))
        else:
            stack.extend(c for c in reversed(node.children) if c.has_error)
    return found


def _unexpected(src: Source, node) -> str:
    lines = src.text(node).strip().splitlines()
    if not lines:
        return "syntax error"
    text = lines[0].strip()
    if len(text) > 40 or len(lines) > 1:
        text = text[:40].rstrip() + " ..."
    return f"syntax error: unexpected `{text}`"
