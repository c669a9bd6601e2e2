"""One Rust file being read: its path, its bytes, and tree-sitter positions as `Loc`s.

tree-sitter reports columns in bytes; a `Loc` counts characters, so a line holding
`→` before the node shifts the column. ASCII files (the common case) skip the decode.
"""

from __future__ import annotations

from hamlet.diagnostics import Diagnostic, Loc


class Source:
    """`problems`: what reading found wrong besides the syntax errors tree-sitter marks
    (an escape rustc rejects), as diagnostics in the order found."""

    __slots__ = ("path", "data", "ascii", "problems")

    def __init__(self, path: str, data: bytes) -> None:
        self.path = path
        self.data = data
        self.ascii = data.isascii()
        self.problems: list[Diagnostic] = []

    def loc(self, node) -> Loc:
        row, col = node.start_point
        if col and not self.ascii:
            start = node.start_byte
            before = self.data[start - col : start]
            if not before.isascii():
                col = len(before.decode("utf-8", "replace"))
        return Loc(self.path, row + 1, col + 1)

    def text(self, node) -> str:
        return self.data[node.start_byte : node.end_byte].decode("utf-8", "replace")

    def span(self, first, last) -> str:
        """The source from the start of `first` to the end of `last`."""
        return self.data[first.start_byte : last.end_byte].decode("utf-8", "replace")


def position(data: bytes, offset: int, path: str) -> Loc:
    """The `Loc` of byte `offset`, for places found without tree-sitter (bad UTF-8)."""
    line_start = data.rfind(b"\n", 0, offset) + 1
    col = len(data[line_start:offset].decode("utf-8", "replace"))
    return Loc(path, data.count(b"\n", 0, offset) + 1, col + 1)
