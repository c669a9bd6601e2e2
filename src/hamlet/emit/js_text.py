"""JavaScript text: the template filler, literals, keys and comments every JS output
is written with. No output of its own.

    fill("const x = {{value}};", value="1")   -> "const x = 1;\n"
    js_string("it's")                          -> "'it\\'s'"
    js_key("content-type")                     -> "'content-type'"
"""

from __future__ import annotations

import re
import textwrap

from hamlet import naming
from hamlet.emit.header import notice
from hamlet.model import Shape, Worker

_SLOT = re.compile(r"\{\{(\w+)\}\}")
_ALONE = re.compile(r"([ \t]*)\{\{(\w+)\}\}")


def fill(template: str, **values: str) -> str:
    """The dedented `template` with its `{{name}}` slots filled.

    A slot alone on its line takes a block of lines, each indented like the slot (an
    empty block removes the line); any other slot takes one line. Every slot needs a
    value and every value a slot, so a typo fails loudly instead of printing `{{x}}`.
    """
    used: set[str] = set()
    out: list[str] = []

    def inline(match: re.Match) -> str:
        used.add(match.group(1))
        value = values[match.group(1)]
        if "\n" in value:
            raise ValueError(f"slot {match.group(0)} is inline but its value has lines")
        return value

    for line in textwrap.dedent(template).strip("\n").split("\n"):
        alone = _ALONE.fullmatch(line)
        if alone:
            indent, name = alone.groups()
            used.add(name)
            if values[name]:
                out.extend(indent + part if part else part for part in values[name].split("\n"))
        else:
            out.append(_SLOT.sub(inline, line))
    unused = set(values) - used
    if unused:
        raise ValueError(f"unused template values: {sorted(unused)}")
    return "\n".join(out) + "\n"


def js_string(text: str) -> str:
    """A single-quoted JS string literal: "it's" -> 'it\\'s'."""
    escapes = {"\\": "\\\\", "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t"}
    out = []
    for char in text:
        if char in escapes:
            out.append(escapes[char])
        elif char < " " or char in "\u2028\u2029":
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return "'" + "".join(out) + "'"


def js_key(name: str) -> str:
    """An object key: `imageUrl` as is, a wire name like `content-type` quoted."""
    return name if naming.is_js_identifier(name) else js_string(name)


def js_property(name: str) -> str:
    """A key of an object literal in code, always an own key of the object: `__proto__`
    is written as a computed name, because `{ __proto__: v }` sets the prototype."""
    return '["__proto__"]' if name == "__proto__" else js_key(name)


def one_line(text: str) -> str:
    """Text for a `//` comment: line breaks would end the comment early."""
    return " ".join(text.split())


def block_safe(text: str) -> str:
    """Text for a `/** */` comment: `*/` would end the comment early."""
    return text.replace("*/", "*\\/")


# An `@` after anything but a letter or digit: tsc reads one after a space as a JSDoc
# tag, so a doc comment's `@returns {number}` would type the scaffold's handlers.
_TAG = re.compile(r"(?<!\w)@")


def doc_safe(text: str) -> str:
    """A Rust doc comment's text inside a JSDoc comment: `block_safe`, and `@returns` is
    written `\\@returns`, which is no tag (Markdown, as editors show it, reads `@returns`)."""
    return _TAG.sub(r"\\@", block_safe(text))


def notice_comment(worker: Worker) -> str:
    """Line 1 of every generated JS file; `hamlet.write` reads it back."""
    return "// " + notice(one_line(worker.source))


def ts_nocheck(declarations: str) -> str:
    """Line 2 of a generated JS file that has TypeScript declarations beside it: `tsc
    --checkJs` given the file itself skips it (a tsconfig's `include` already does)."""
    return f"// @ts-nocheck: TypeScript reads this module's types from {declarations}."


def failure_fields(worker: Worker, text_expr: str) -> str:
    """The failure variant's fields as a JS object literal carrying `text_expr`:
    `{ error: text }` for `ProcessingFailed { error: String }`, `{ value: text }` for
    `Failed(String)`."""
    failure = worker.failure
    key = "value" if failure.shape is Shape.TUPLE else js_property(failure.fields[0].wire_name)
    return f"{{ {key}: {text_expr} }}"


def failure_object(worker: Worker, text_expr: str) -> str:
    """The whole failure message: `{ type: 'ProcessingFailed', error: text }`."""
    fields = failure_fields(worker, text_expr)
    return f"{{ type: {js_string(worker.failure.tag)}, {fields[2:]}"


def comment_block(text: str, width: int = 88) -> str:
    """`text` wrapped as `//` comment lines; paths and names are never split."""
    lines = textwrap.wrap(
        one_line(text), width - 3, break_long_words=False, break_on_hyphens=False
    )
    return "\n".join("// " + line for line in lines)
