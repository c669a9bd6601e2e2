"""Handler drift: the user's handlers file against the worker's current requests.

The handlers file belongs to the user and is never rewritten, so when the enum changes
Hamlet says what no longer matches:

    src/w.rs gains `Resize { width: u32 }`  -> warning: no handler for request `Resize`,
                                               with the stub to paste
    `export async function handleCrop` stays -> warning: `handleCrop` handles no request

Warnings normally; errors under `--strict`. Pure: the CLI reads the file.
"""

from __future__ import annotations

import re

from hamlet.diagnostics import Diagnostic, Loc, Severity
from hamlet.model import Worker

_COMMENTS = re.compile(r"/\*.*?\*/|//[^\n]*", re.DOTALL)
_DECLARED = re.compile(
    r"\bexport\s+(?:async\s+)?(?:function\s*\*?\s*|(?:const|let|var)\s+)([A-Za-z_$][\w$]*)"
)
_LIST = re.compile(r"\bexport\s*\{([^}]*)\}")
_NOT_NEWLINE = re.compile(r"[^\n]")


def exported_names(source: str) -> dict[str, tuple[int, int]]:
    """Names a JS module exports, with the line and column where each is exported.

    `export async function handleA(request, reply) {` -> {"handleA": (1, 23)};
    `export { helper as handleB }` -> {"handleB": ...}. Comments are ignored.
    """
    blanked = _COMMENTS.sub(_blank, source)
    found: dict[str, tuple[int, int]] = {}
    for match in _DECLARED.finditer(blanked):
        found.setdefault(match.group(1), _line_col(blanked, match.start(1)))
    for match in _LIST.finditer(blanked):
        for part in match.group(1).split(","):
            name = part.split(" as ")[-1].strip()
            if name:
                found.setdefault(name, _line_col(blanked, match.start(1)))
    return found


def _blank(match: re.Match) -> str:
    """A comment as spaces, its line breaks kept (so positions stay where they were)."""
    text = match.group(0)
    return " " * len(text) if "\n" not in text else _NOT_NEWLINE.sub(" ", text)


def check_handlers(worker: Worker, path: str, source: str, strict: bool) -> list[Diagnostic]:
    """Compare the handlers file at `path` (its text is `source`) with the worker."""
    from hamlet.emit.js_worker import handler_stub

    severity = Severity.ERROR if strict else Severity.WARNING
    exported = exported_names(source)
    wanted = {v.handler: v for v in worker.requests}
    problems = []
    for handler, variant in wanted.items():
        if handler not in exported:
            stub = handler_stub(worker, variant)
            problems.append(
                Diagnostic(
                    Loc(path, 1, 1),
                    f"no handler for request `{variant.name}` ({variant.loc}): "
                    f"`{handler}` is not exported",
                    "add this to the file:\n" + _indent(stub),
                    severity,
                )
            )
    for name, (line, col) in sorted(exported.items(), key=lambda item: item[1]):
        if name.startswith("handle") and name not in wanted:
            problems.append(
                Diagnostic(
                    Loc(path, line, col),
                    f"`{name}` handles no request of `{worker.enum_name}` any more",
                    "remove it, or rename it after a current request: "
                    + ", ".join(sorted(wanted)),
                    severity,
                )
            )
    return problems


def _indent(text: str) -> str:
    return "\n".join("    " + line if line else line for line in text.rstrip("\n").split("\n"))


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col
