"""How diagnostics look on a terminal.

Not a TTY (editors, CI):        A TTY, through rich, in colour:
    src/lib.rs:4:5: error: ...      error: ...
      hint: ...                       --> src/lib.rs:4:5
                                         |
                                       4 |     Bad { x: Foo },
                                         |              ^
                                         = hint: ...

A diagnostic about a whole path (no line) has no source line: `src: error: ...`, and
on a TTY `error: ...` then ` --> src`.
"""

from __future__ import annotations

from hamlet.diagnostics import Diagnostic

COLOURS = {"error": "bold red", "warning": "bold yellow"}


def rich_text(diagnostic: Diagnostic, source_line: str | None):
    """A `rich.text.Text` for one diagnostic, with the source line and a caret."""
    from rich.text import Text

    loc = diagnostic.loc
    severity = diagnostic.severity.value
    text = Text()
    text.append(f"{severity}", style=COLOURS[severity])
    text.append(f": {diagnostic.message}\n", style="bold")
    gutter = " " * len(str(loc.line)) if loc.line is not None else " "
    text.append(f"{gutter}--> ", style="bold blue")
    text.append(f"{loc}\n")
    if source_line is not None and loc.line is not None:
        raw = source_line.rstrip("\r\n")
        # `col` counts characters, a tab as one; the caret goes under the shown line.
        indent = len(raw[: max((loc.col or 1) - 1, 0)].expandtabs(4))
        text.append(f"{gutter} |\n", style="bold blue")
        text.append(f"{loc.line} | ", style="bold blue")
        text.append(f"{raw.expandtabs(4)}\n")
        text.append(f"{gutter} | ", style="bold blue")
        text.append(" " * indent + "^", style=COLOURS[severity])
        text.append("\n")
    if diagnostic.hint:
        text.append(f"{gutter} = ", style="bold blue")
        text.append("hint: ", style="bold")
        text.append(f"{diagnostic.hint}\n")
    return text


def source_line(path: str, line: int | None) -> str | None:
    """The text of one line of a file, or None when it can't be read or there is no
    line (then the path is not opened at all: it may be a folder or a FIFO)."""
    if line is None:
        return None
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            for number, text in enumerate(handle, start=1):
                if number == line:
                    return text
    except OSError:
        return None
    return None
