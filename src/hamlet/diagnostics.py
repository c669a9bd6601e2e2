"""Diagnostics: every problem Hamlet finds in its input, with a place and a hint.

The library collects them and returns them; only the CLI prints them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Severity(Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Loc:
    """A place in a source file; `line` and `col` count from 1.

    Without a line, a whole file or folder: `Loc("src")` prints as `src`, so that no
    diagnostic claims a `1:1` it does not mean (a missing PATH, a FIFO...).
    """

    path: str
    line: int | None = None
    col: int | None = None

    def __str__(self) -> str:
        if self.line is None:
            return self.path
        if self.col is None:
            return f"{self.path}:{self.line}"
        return f"{self.path}:{self.line}:{self.col}"


@dataclass(frozen=True)
class Diagnostic:
    loc: Loc
    message: str
    hint: str = ""
    severity: Severity = Severity.ERROR

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def render(self) -> str:
        """`src/lib.rs:3:5: error: message` (or `src: error: message` for a whole path)
        plus an indented hint line when there is one."""
        text = f"{self.loc}: {self.severity.value}: {self.message}"
        if self.hint:
            text += f"\n  hint: {self.hint}"
        return text


def error(loc: Loc, message: str, hint: str = "") -> Diagnostic:
    return Diagnostic(loc, message, hint, Severity.ERROR)


def warning(loc: Loc, message: str, hint: str = "") -> Diagnostic:
    return Diagnostic(loc, message, hint, Severity.WARNING)


def sort_key(diagnostic: Diagnostic) -> tuple:
    loc = diagnostic.loc
    return (loc.path, loc.line or 0, loc.col or 0, diagnostic.message)
