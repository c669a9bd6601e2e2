"""The Rust reader: the only package that imports tree_sitter.

    parse_paths(["src"]) -> ([ParsedFile(path="src/lib.rs", items=(REnum(...), ...))], diagnostics)
    parse_source("lib.rs", b"pub enum E { A }") -> ParsedFile("lib.rs", (REnum("E", ...),))

What comes out is plain data (`hamlet.read.rust.syntax`); resolving it is `hamlet.resolve`'s job.
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hamlet.read.files import parse_paths
    from hamlet.read.rust.parse import parse_source
    from hamlet.read.rust.syntax import (
        Arg,
        Attr,
        ParsedFile,
        RAlias,
        RArray,
        REnum,
        RField,
        RItem,
        RPath,
        RRef,
        RStruct,
        RTuple,
        RType,
        RUnsupported,
        RVariant,
    )

__all__ = [
    "Arg",
    "Attr",
    "ParsedFile",
    "RAlias",
    "RArray",
    "REnum",
    "RField",
    "RItem",
    "RPath",
    "RRef",
    "RStruct",
    "RTuple",
    "RType",
    "RUnsupported",
    "RVariant",
    "parse_paths",
    "parse_source",
]


def __getattr__(name: str):
    """Imported on first use: a rerun that the cache answers only needs `files`, and
    `hamlet --version` none of it."""
    if name == "parse_paths":
        from hamlet.read.files import parse_paths

        return parse_paths
    if name == "parse_source":
        from hamlet.read.rust.parse import parse_source

        return parse_source
    if name in __all__:
        from hamlet.read.rust import syntax

        return getattr(syntax, name)
    raise AttributeError(f"module 'hamlet.read.rust' has no attribute {name!r}")
