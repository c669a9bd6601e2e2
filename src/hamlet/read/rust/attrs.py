"""Attributes, doc comments and plain comments, as `Attr`s and text.

    /// Resize an image.                  -> docs "Resize an image."
    #[derive(Debug)] #[derive(hamlet::BuildAmpWorker)]
                                          -> derives ("Debug", "hamlet::BuildAmpWorker")
    #[serde(rename = "x", default)]       -> Attr("serde", (Arg("rename", "x"), Arg("default")))
    #[serde(rename(serialize = "a"))]     -> Attr("serde", (Arg("rename", listed=True,
                                                      nested=(Arg("serialize", "a"),)),))
    // Main → Worker                      -> plain comment "Main → Worker"

Everything is read from the syntax tree: lists, items and string literals (their escapes
decoded one `escape_sequence` node at a time), so what comes out is plain data and no
later stage looks at Rust text again.
"""

from __future__ import annotations

import textwrap

from hamlet.diagnostics import error
from hamlet.read.rust.source import Source
from hamlet.read.rust.syntax import Arg, Attr

COMMENTS = frozenset(("line_comment", "block_comment"))
STRINGS = frozenset(("string_literal", "raw_string_literal"))

DOC, INNER, PLAIN = "doc", "inner", "plain"


def comment_kind(src: Source, node) -> str:
    """DOC for `///` and `/** */`, INNER for `//!` and `/*! */`, else PLAIN.

    By the text, as rustc decides it: `////` and `/***` are plain comments, `/**/` too.
    """
    head = src.data[node.start_byte : node.start_byte + 4]
    if node.type == "line_comment":
        if head.startswith(b"///") and not head.startswith(b"////"):
            return DOC
        return INNER if head.startswith(b"//!") else PLAIN
    if head.startswith(b"/**") and not head.startswith(b"/***") and head != b"/**/":
        return DOC
    return INNER if head.startswith(b"/*!") else PLAIN


def plain_comment(src: Source, node) -> str:
    """`// Main → Worker` -> "Main → Worker"; `/* x */` -> "x"."""
    text = src.text(node)
    if node.type == "block_comment":
        return text[2:-2].strip() if text.endswith("*/") else text[2:].strip()
    return text[2:].strip()


def _strip_space(line: str) -> str:
    return line[1:] if line.startswith(" ") else line


def doc_lines(src: Source, node) -> list[str]:
    """The lines one outer doc comment contributes, markers and one leading space removed.

    /**                      ->  ["First.", "Second."]
     * First.
     * Second.
     */
    """
    text = src.text(node)
    if node.type == "line_comment":
        return [_strip_space(text[3:].rstrip("\r\n"))]
    body = text[3:-2] if text.endswith("*/") else text[3:]
    lines = [line.rstrip("\r") for line in body.split("\n")]
    inline = bool(lines[0].strip())
    if not inline:
        lines = lines[1:]
    if len(lines) > 1 and not lines[-1].strip():
        lines = lines[:-1]
    if not lines:
        return [""]
    head = [_strip_space(lines[0])] if inline else []
    rest = lines[1:] if inline else lines
    if rest and all(_starred(line) for line in rest if line.strip()):
        rest = [_strip_space(line.lstrip(" \t")[1:]) if _starred(line) else line for line in rest]
    elif rest:
        rest = textwrap.dedent("\n".join(rest)).split("\n")
    return [line.rstrip() for line in head + rest]


def _starred(line: str) -> bool:
    """` * text`: a line of a block comment that starts with a star."""
    return line.lstrip(" \t").startswith("*")


def attribute_parts(node):
    """(path node, arguments token_tree or None, value node or None) of an attribute_item."""
    attr = next((c for c in node.named_children if c.type == "attribute"), None)
    if attr is None or attr.child_count == 0:
        return None, None, None
    return (
        attr.child(0),
        attr.child_by_field_name("arguments"),
        attr.child_by_field_name("value"),
    )


NO_META: tuple[tuple[str, ...], tuple[Attr, ...], str] = ((), (), "")


def read_meta(src: Source, pending: list) -> tuple[tuple[str, ...], tuple[Attr, ...], str]:
    """(derives, other attributes, docs) from the attribute and doc nodes before an item."""
    if not pending:
        return NO_META
    derives: list[str] = []
    attrs: list[Attr] = []
    docs: list[str] = []
    for node in pending:
        if node.type != "attribute_item":
            docs.extend(doc_lines(src, node))
            continue
        check_escapes(src, node)
        path_node, args, value = attribute_parts(node)
        if path_node is None:
            continue
        path = _compact(src.text(path_node))
        if path == "derive" and args is not None:
            derives.extend(_derives(src, args))
        elif path == "doc" and value is not None and args is None:
            docs.extend(_strip_space(line) for line in _literal(src, value).split("\n"))
        else:
            listed = args is not None and src.text(args).startswith("(")
            attrs.append(Attr(path, _args(src, args), src.loc(node), src.text(node), listed))
    return tuple(derives), tuple(attrs), "\n".join(docs)


def _derives(src: Source, tree) -> list[str]:
    """`(Debug, hamlet::BuildAmpWorker)` -> ["Debug", "hamlet::BuildAmpWorker"]."""
    text = src.text(tree)
    inner = text[1:-1]
    if text.endswith(")") and "/" not in inner and "(" not in inner:
        # No comments and no nesting: the text alone says it, without a wrapper per token.
        return [name for name in (_compact(part) for part in inner.split(",")) if name]
    return [_compact(src.span(g[0], g[-1])) for g in _groups(tree)]


def _compact(text: str) -> str:
    return "".join(text.split())


def _groups(tree) -> list[list]:
    """The comma-separated groups of tokens inside `( ... )`, comments left out."""
    groups: list[list] = []
    group: list = []
    for child in tree.children[1:]:
        kind = child.type
        if kind == ",":
            if group:
                groups.append(group)
            group = []
        elif kind not in COMMENTS and child.end_byte > child.start_byte:
            group.append(child)
    if group and group[-1].type in (")", "]", "}"):
        group.pop()
    if group:
        groups.append(group)
    return groups


def _args(src: Source, tree, nest: bool = True) -> tuple[Arg, ...]:
    """The items of an attribute's list: `key`, `key = value` or `key(...)`, the last
    read one level deep (`nest`)."""
    if tree is None:
        return ()
    out: list[Arg] = []
    for group in _groups(tree):
        text = src.span(group[0], group[-1])
        eq = next((i for i, c in enumerate(group) if c.type == "="), None)
        if eq is not None:
            key = _compact(src.span(group[0], group[eq - 1])) if eq else ""
            values = group[eq + 1 :]
            if not values:
                value = ""
            elif len(values) == 1:
                value = _literal(src, values[0])
            else:
                value = src.span(values[0], values[-1])
            out.append(Arg(key, value, len(values) == 1 and _is_str(src, values[0]), text=text))
        elif nest and _is_list(src, group):
            inner = src.text(group[1])[1:-1]
            items = _args(src, group[1], False)
            out.append(Arg(src.text(group[0]), inner, listed=True, nested=items, text=text))
        else:
            nested = any(c.type == "token_tree" for c in group)
            out.append(Arg(text if nested else _compact(text), text=text))
    return tuple(out)


def _is_list(src: Source, group: list) -> bool:
    """`rename(...)`: a name, then a parenthesised list."""
    if len(group) != 2 or group[1].type != "token_tree":
        return False
    inside = src.text(group[1])
    return src.text(group[0]).isidentifier() and inside.startswith("(") and inside.endswith(")")


def _is_str(src: Source, node) -> bool:
    """`"x"` and `r#"x"#`, as serde reads them; not `b"x"` or `c"x"`."""
    return node.type in STRINGS and src.data[node.start_byte : node.start_byte + 1] in (b'"', b"r")


def _literal(src: Source, node) -> str:
    """A string literal's value, `"a\\"b"` -> `a"b`, `r#"a"b"#` -> `a"b`, `b"x"` -> `x`;
    anything else as written."""
    if node.type == "raw_string_literal":
        return "".join(src.text(c) for c in node.children if c.type == "string_content")
    if node.type != "string_literal":
        return src.text(node)
    out: list[str] = []
    continued = False
    for child in node.children:
        if child.type == "string_content":
            text = src.text(child)
            # after `\` at the end of a line, the indentation of the next is skipped too
            out.append(text.lstrip(" \t\r\n") if continued else text)
            continued = False
        elif child.type == "escape_sequence":
            char = unescape(src.text(child))
            continued = char is None
            out.append(char or "")
    return "".join(out)


def check_escapes(src: Source, node) -> None:
    """Report, in `src.problems`, every escape rustc rejects in the string literals of
    `node` (an attribute), nested lists included: `#[serde(rename = "\\u{D800}")]`."""
    if b"\\" not in src.data[node.start_byte : node.end_byte]:
        return  # no escape at all: the common case skips the walk
    stack = [node]
    while stack:
        here = stack.pop()
        if here.type != "string_literal":
            stack.extend(reversed(here.children))
            continue
        text = src.text(here)
        prefix = text[:1] if text[:1] in ("b", "c") else ""
        for child in here.children:
            if child.type == "escape_sequence":
                escape = src.text(child)
                why = escape_problem(escape, prefix)
                if why:
                    src.problems.append(error(
                        src.loc(child), f"invalid escape `{escape}` in a string literal: {why}",
                        ESCAPE_HINT))


ESCAPE_HINT = (
    "rustc rejects it too: write the character itself; `\\\\` is a backslash, and "
    "`\\u{e9}` is é (1 to 6 hex digits, at most 10FFFF, not D800 to DFFF)"
)
_SIMPLE = {"n": "\n", "r": "\r", "t": "\t", "0": "\0", "\\": "\\", '"': '"', "'": "'"}
_HEX_DIGITS = frozenset("0123456789abcdefABCDEF")


def _hex_escape(body: str) -> str | None:
    """`x41` -> "41"; else None."""
    if len(body) == 3 and body[0] == "x" and all(c in _HEX_DIGITS for c in body[1:]):
        return body[1:]
    return None


def _unicode_escape(body: str) -> str | None:
    """`u{1F_600}` -> "1F600": the digits of a well-formed `\\u{...}`; else None."""
    if not (body.startswith("u{") and body.endswith("}")) or len(body) < 4:
        return None
    inside = body[2:-1]
    if inside[0] not in _HEX_DIGITS or not all(c in _HEX_DIGITS or c == "_" for c in inside):
        return None
    return inside.replace("_", "")


def escape_problem(escape: str, prefix: str = "") -> str:
    """Why rustc rejects the escape `escape` (backslash included) in a string literal
    with `prefix` ("", "b" or "c"), or "" when it is valid.
    `\\u{D800}` -> "a surrogate (D800 to DFFF) is not a character"."""
    body = escape[1:]
    if body[:1] in _SIMPLE or body[:1] in ("\n", "\r"):
        return ""
    hex2 = _hex_escape(body)
    if hex2 is not None:
        if not prefix and int(hex2, 16) > 0x7F:
            return "`\\x` escapes in a string go up to `\\x7f`"
        return ""
    digits = _unicode_escape(body)
    if digits is None:
        return "rustc knows no such escape"
    if prefix == "b":
        return "a byte string cannot hold `\\u{...}` escapes"
    if len(digits) > 6:
        return "more than 6 hex digits"
    value = int(digits, 16)
    if value > 0x10FFFF:
        return "above 10FFFF, the largest character"
    if 0xD800 <= value <= 0xDFFF:
        return "a surrogate (D800 to DFFF) is not a character"
    return ""


def unescape(escape: str) -> str | None:
    """The character one escape stands for: `\\n` -> "\\n", `\\x41` -> "A", `\\u{e9}` -> "é";
    None for `\\` at the end of a line, which skips the line break (and the indentation
    after it). One rustc rejects comes back as written: `escape_problem` reports it."""
    body = escape[1:]
    if body[:1] in ("\n", "\r"):
        return None
    if body in _SIMPLE:
        return _SIMPLE[body]
    hex2 = _hex_escape(body)
    if hex2 is not None:
        return chr(int(hex2, 16))
    digits = _unicode_escape(body)
    if digits is not None and int(digits, 16) <= 0x10FFFF:
        char = chr(int(digits, 16))
        # A surrogate cannot be written as UTF-8; `escape_problem` reports it.
        return "\ufffd" if "\ud800" <= char <= "\udfff" else char
    return escape
