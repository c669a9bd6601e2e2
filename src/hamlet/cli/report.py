"""The one way Hamlet's output reaches the user: every line the command line shows,
`hamlet watch` included, goes through a Reporter. Nothing else in Hamlet prints.

    report.out("wrote generated/elm/Workers/CSVWorker.elm")    standard output
    report.err("hamlet: 1 error; nothing written")              standard error
    report.diagnostics(found)                                   standard error: plain
                                                                lines, or rustc-style
                                                                snippets on a terminal

The streams are looked up when a line is shown, unless given: a test (or
`contextlib.redirect_stdout`) that swaps `sys.stdout` sees every line.
"""

from __future__ import annotations

import sys
from typing import TextIO


class Reporter:
    def __init__(self, stdout: TextIO | None = None, stderr: TextIO | None = None) -> None:
        self._stdout = stdout
        self._stderr = stderr

    @property
    def stdout(self) -> TextIO:
        return self._stdout or sys.stdout

    @property
    def stderr(self) -> TextIO:
        return self._stderr or sys.stderr

    def out(self, text: str, end: str = "\n") -> None:
        print(text, end=end, file=self.stdout)

    def err(self, text: str, end: str = "\n") -> None:
        print(text, end=end, file=self.stderr)

    def flush(self) -> None:
        """Now, not when the buffer fills: a pipe (an editor, a bundler's log) sees each
        run of `hamlet watch` as it happens."""
        self.stdout.flush()
        self.stderr.flush()

    def diagnostics(self, diagnostics) -> None:
        """Plain `path:line:col: severity: message` lines, or rustc-style snippets when
        standard error is a terminal."""
        if not diagnostics:
            return
        if not self.stderr.isatty():
            for diagnostic in diagnostics:
                self.err(diagnostic.render())
            return
        from rich.console import Console

        from hamlet.cli import render

        console = Console(file=self.stderr, highlight=False)
        for diagnostic in diagnostics:
            line = render.source_line(diagnostic.loc.path, diagnostic.loc.line)
            # soft_wrap: the terminal wraps long lines; rich's own wrapping would break a
            # long source line away from its caret.
            console.print(render.rich_text(diagnostic, line), end="", soft_wrap=True)
