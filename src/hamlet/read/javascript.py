"""The JavaScript reader: the names an ES module exports, read with tree-sitter's
JavaScript grammar. Beside `hamlet.read.rust`, this is the only module that imports
tree_sitter, and it does so on first use, so that `hamlet --version` stays fast.

    export async function handleA(request, reply) {}  -> name "handleA" at 1:23
    export const { handleB, b: handleC } = table;      -> "handleB", "handleC"
    export { helper as handleD, x as "a name" };       -> "handleD", "a name"
    export * as more from './more.js';                 -> "more"
    export * from './more.js';                         -> star "./more.js": names unknown
    export default function () {}                      -> nothing: not a named export

Only a module's top level can export, so only its top-level statements are read: the
cost is the parse's, linear in the file's length. Comments, strings and regular
expressions are the parser's business, so `'data/*.csv'` and `/\\/*/` are never taken
for comments.
"""

from __future__ import annotations

import bisect
import codecs
from dataclasses import dataclass

_parser = None


@dataclass(frozen=True)
class Exported:
    """One name the module exports, where its name is written (1-based line and column)."""

    name: str
    line: int
    col: int


@dataclass(frozen=True)
class ModuleExports:
    """What a module exports by name, the specifiers of its `export * from`, whose
    names only that module knows, and where its first syntax error is (or None)."""

    names: tuple[Exported, ...]
    stars: tuple[Exported, ...]  # Exported(specifier, line, col)
    error: tuple[int, int] | None


def _get_parser():
    """One parser per process; building the language is not free."""
    global _parser
    if _parser is None:
        import tree_sitter_javascript
        from tree_sitter import Language, Parser

        _parser = Parser(Language(tree_sitter_javascript.language()))
    return _parser


def read_exports(source: str) -> ModuleExports:
    """The named exports of the ES module `source`, in source order."""
    data = source.encode("utf-8", errors="surrogatepass")
    root = _get_parser().parse(data).root_node
    lines = _Lines(data)
    names: list[Exported] = []
    stars: list[Exported] = []
    for statement in root.named_children:
        if statement.type == "export_statement":
            _read_export(statement, lines, names, stars)
    error = _first_error(root, lines) if root.has_error else None
    return ModuleExports(tuple(names), tuple(stars), error)


class _Lines:
    """Byte offsets -> 1-based line and character column, the line starts found once."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.starts = [0]
        at = data.find(b"\n")
        while at != -1:
            self.starts.append(at + 1)
            at = data.find(b"\n", at + 1)

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset)
        start = self.starts[line - 1]
        return line, len(self.data[start:offset].decode("utf-8", errors="replace")) + 1


def _read_export(statement, lines: _Lines, names: list, stars: list) -> None:
    """One `export ...` statement: its names go to `names`, an `export *` to `stars`."""
    kinds = [child.type for child in statement.children]
    if "default" in kinds:
        return  # `export default ...`: the entry looks handlers up by name
    declaration = statement.child_by_field_name("declaration")
    if declaration is not None:
        for node in _declared(declaration):
            names.append(_at(node, lines, _text(node)))
        return
    source = statement.child_by_field_name("source")
    for child in statement.named_children:
        if child.type == "export_clause":
            for specifier in child.named_children:
                if specifier.type == "export_specifier":
                    node = specifier.child_by_field_name("alias") or specifier.child_by_field_name("name")
                    name = _name(node)
                    if name != "default":
                        names.append(_at(node, lines, name))
            return
        if child.type == "namespace_export":  # `export * as ns from '...'`
            node = child.named_children[-1]
            names.append(_at(node, lines, _name(node)))
            return
    if "*" in kinds and source is not None:
        stars.append(_at(source, lines, _name(source)))


def _declared(declaration):
    """The name nodes a declaration binds: `function f`, `class C`, and every name of
    `const a = 1, { b, c: d, ...e } = x, [f, , g = 1] = y`."""
    if declaration.type in ("lexical_declaration", "variable_declaration"):
        for declarator in declaration.named_children:
            if declarator.type == "variable_declarator":
                yield from _bound(declarator.child_by_field_name("name"))
        return
    name = declaration.child_by_field_name("name")
    if name is not None:
        yield name


def _bound(pattern):
    """The identifiers a binding pattern binds; keys and default values bind nothing.
    Iterative: a deeply nested pattern cannot exhaust the stack."""
    todo = [pattern]
    while todo:
        node = todo.pop()
        if node is None:
            continue
        kind = node.type
        if kind in ("identifier", "shorthand_property_identifier_pattern"):
            yield node
        elif kind == "pair_pattern":
            todo.append(node.child_by_field_name("value"))
        elif kind in ("object_assignment_pattern", "assignment_pattern"):
            todo.append(node.child_by_field_name("left"))
        elif kind in ("object_pattern", "array_pattern", "rest_pattern"):
            todo.extend(reversed(node.named_children))


def _name(node) -> str:
    """An identifier's text, or a string literal's value: `"a\\u0041"` -> "aA"."""
    if node.type != "string":
        return _text(node)
    parts = []
    for part in node.named_children:
        text = _text(part)
        if part.type == "escape_sequence":
            try:
                text = codecs.decode(text, "unicode_escape")
            except UnicodeDecodeError:
                pass  # `\u{1F600}` and the like: kept as written
        parts.append(text)
    return "".join(parts)


def _text(node) -> str:
    return node.text.decode("utf-8", errors="replace")


def _at(node, lines: _Lines, name: str) -> Exported:
    line, col = lines.position(node.start_byte)
    return Exported(name, line, col)


def _first_error(root, lines: _Lines) -> tuple[int, int]:
    """Where the first syntax error is: the first ERROR node or missing token, found by
    descending only into nodes that contain one."""
    node = root
    while True:
        for child in node.children:
            if child.type == "ERROR" or child.is_missing:
                return lines.position(child.start_byte)
            if child.has_error:
                node = child
                break
        else:
            return lines.position(node.start_byte)
