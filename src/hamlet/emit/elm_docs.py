"""Rust doc comments as Elm doc comments that elm-format 0.8.8 keeps byte for byte.
No output of its own.

    /// A point.                         {-| A point.
    ///                            ->
    /// - x: east                        ```text
                                         - x: east
                                         ```

                                         -}
"""

from __future__ import annotations

import re
import textwrap

from hamlet.emit.elm_scope import INDENT


# A line that markdown could read as something other than text: a heading, list item,
# quote, rule, table, fence, link definition, HTML block or (to elm-format) @docs.
_BLOCK = re.compile(r"^([#>*+=|_~<@\[-]|\d+[.)]|`{3})")
# What elm-format rewrites inside text: autolinks, backslash escapes, runs of spaces
# (tabs become those), anything in square brackets (links, whose text it may print
# twice), and `<...>` holding `:` or `@`.
_REWRITTEN = re.compile(r"https?://|www\.|\\|  |[\[\]]|<[^>]*[:@][^>]*>")
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
# Characters Python's splitlines() breaks lines at and elm-format does not: one rule.
_LINE_BREAKS = re.compile("\r\n?|[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
# A line that would close a ``` fence early.
_FENCE_CLOSE = re.compile(r" {0,3}`{3}")


def doc_comment(docs: str) -> list[str]:
    """Rust docs as an Elm doc comment that elm-format keeps byte for byte.

    Plain paragraphs stay text, with `*` and `_` escaped outside code spans; any other
    paragraph (a list, a heading, indented or fenced code...) becomes a ```text block,
    shown as written (an indented block would be formatted by elm-format as Elm code
    wherever it parses as Elm). `{-` and `-}` are broken up so the comment stays closed.

        "A point.\\n\\n- x: east"  ->  {-| A point.
                                      (blank)
                                      ```text
                                      - x: east
                                      ```
                                      (blank)
                                      -}
    """
    docs = _LINE_BREAKS.sub("\n", docs)
    blocks = _blocks(docs.replace("{-", "{ -").replace("-}", "- }"))
    if not blocks:
        return ["{-| -}"]
    lines: list[str] = []
    for index, (is_code, block) in enumerate(blocks):
        if index:
            lines.append("")
        if is_code:
            if index == 0:
                lines += ["{-|", ""]
            lines += ["```text", *(_fenced(line) for line in block), "```"]
        else:
            text = [_escape(line) for line in block]
            lines += (["{-| " + text[0]] + text[1:]) if index == 0 else text
    if len(blocks) > 1 or blocks[0][0]:
        lines.append("")
    return lines + ["-}"]


def _blocks(docs: str) -> list[tuple[bool, list[str]]]:
    """(is_code, lines) per paragraph; fenced code is one block whatever its blank lines."""
    raw = textwrap.dedent("\n".join(line.expandtabs(4).rstrip() for line in docs.splitlines()))
    blocks: list[tuple[bool, list[str]]] = []
    paragraph: list[str] = []
    fence: list[str] | None = None

    def close() -> None:
        if paragraph:
            blocks.append(_paragraph(paragraph))
            paragraph.clear()

    for line in raw.splitlines():
        if fence is not None:
            if _FENCE.match(line):
                blocks.append((True, textwrap.dedent("\n".join(fence)).strip("\n").splitlines() or [""]))
                fence = None
            else:
                fence.append(line)
        elif _FENCE.match(line):
            close()
            fence = []
        elif not line:
            close()
        else:
            paragraph.append(line)
    close()
    if fence is not None and any(fence):
        blocks.append((True, textwrap.dedent("\n".join(fence)).strip("\n").splitlines()))
    return _merge_code([(code, lines) for code, lines in blocks if any(lines)])


def _paragraph(lines: list[str]) -> tuple[bool, list[str]]:
    stripped = [line.strip() for line in lines]
    prose = (
        not lines[0].startswith(INDENT)
        and not any(_BLOCK.match(line) or _REWRITTEN.search(line) for line in stripped)
        and all(_plain_spans(line) for line in stripped)
    )
    return (False, stripped) if prose else (True, textwrap.dedent("\n".join(lines)).splitlines())


def _plain_spans(line: str) -> bool:
    """Whether elm-format keeps the line's code spans: paired backticks, each span
    neither empty nor padded with spaces (`` ` b ` `` would become `` `b` ``)."""
    parts = line.split("`")
    if len(parts) % 2 == 0:
        return False
    return all(span and span == span.strip() for span in parts[1::2])


def _fenced(line: str) -> str:
    """A line inside a ```text block; one that would close the fence is indented."""
    return "    " + line.lstrip() if _FENCE_CLOSE.match(line) else line


def _merge_code(blocks: list[tuple[bool, list[str]]]) -> list[tuple[bool, list[str]]]:
    """Adjacent code blocks are one block to markdown; say so, blank line and all."""
    merged: list[tuple[bool, list[str]]] = []
    for code, lines in blocks:
        if code and merged and merged[-1][0]:
            merged[-1] = (True, merged[-1][1] + [""] + lines)
        else:
            merged.append((code, lines))
    return merged


def _escape(line: str) -> str:
    """`*` and `_` escaped outside code spans, as elm-format writes them."""
    parts = line.split("`")
    for i in range(0, len(parts), 2):
        parts[i] = parts[i].replace("*", "\\*").replace("_", "\\_")
    return "`".join(parts)
