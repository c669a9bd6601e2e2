"""Handler drift: the user's handlers file against the worker's current requests.

The handlers file belongs to the user and is never rewritten, so when the enum changes
Hamlet says what no longer matches:

    src/w.rs gains `Resize { width: u32 }`  -> warning: no handler for request `Resize`,
                                               with the stub to paste
    `export async function handleCrop` stays -> warning: `handleCrop` handles no request

Warnings normally; errors under `--strict`. The exports are read with a JavaScript
parser (`hamlet.read.javascript`). `export * from './more.js'` is followed to that file
when it lies inside the handlers file's folder; an `export *` that cannot be followed
(a package, a file outside the folder or missing) hides names Hamlet cannot see, so
no request is then reported as missing a handler. A file that does not parse gets one
warning at its first syntax error instead of claims about its handlers.

Pure: the CLI reads the files and hands them in through `load`.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from typing import Callable

from hamlet.diagnostics import Diagnostic, Loc, Severity
from hamlet.model import Implementation, Worker

# path -> the file's text, or None when there is no such file.
Loader = Callable[[str], "str | None"]


@dataclass
class HandlerExports:
    """What a handlers file exports, `export *` followed: each name with where it is
    exported; whether every name is known; and the syntax errors met on the way."""

    names: dict[str, Loc] = field(default_factory=dict)
    complete: bool = True
    errors: list[Loc] = field(default_factory=list)


def exported_names(source: str) -> dict[str, tuple[int, int]]:
    """Names a JS module exports itself, with the line and column where each is exported.

    `export async function handleA(request, reply) {` -> {"handleA": (1, 23)};
    `export { helper as handleB }` -> {"handleB": ...}. Comments are ignored.
    """
    from hamlet.read.javascript import read_exports

    found: dict[str, tuple[int, int]] = {}
    for name in read_exports(source).names:
        found.setdefault(name.name, (name.line, name.col))
    return found


def handler_exports(path: str, source: str, load: Loader | None = None) -> HandlerExports:
    """The exports of the handlers file at `path`, following each `export * from` with
    a relative specifier to a file inside `path`'s folder, each file once."""
    from hamlet.read.javascript import read_exports

    root = posixpath.dirname(path)
    found = HandlerExports()
    seen = {posixpath.normpath(path)}
    todo = [(path, source)]
    while todo:
        at, text = todo.pop()
        module = read_exports(text)
        if module.error is not None:
            found.errors.append(Loc(at, *module.error))
            continue
        for name in module.names:
            found.names.setdefault(name.name, Loc(at, name.line, name.col))
        for star in module.stars:
            target = _inside(root, at, star.name)
            if target in seen:
                continue  # a cycle, or a file met before: its names are in
            text = load(target) if target is not None and load is not None else None
            if text is None:
                found.complete = False
            else:
                seen.add(target)
                todo.append((target, text))
    return found


def _inside(root: str, importer: str, specifier: str) -> str | None:
    """The path `specifier` names from the module at `importer`, when it is relative
    and stays inside the folder `root`: "./more.js" from "w/h.js" -> "w/more.js"."""
    if not specifier.startswith(("./", "../")):
        return None  # a package or a URL: not the user's file beside the handlers
    target = posixpath.normpath(posixpath.join(posixpath.dirname(importer), specifier))
    inside = posixpath.relpath(target, root or ".")
    if inside == ".." or inside.startswith("../"):
        return None
    return target


def check_handlers(
    worker: Worker, path: str, source: str, strict: bool, load: Loader | None = None
) -> list[Diagnostic]:
    """Compare the handlers file at `path` (its text is `source`) with the worker.
    A worker written in Rust has no handlers file: one left from its JavaScript days is
    not read."""
    from hamlet.emit.js_handlers import handler_stub

    if worker.implementation is Implementation.RUST:
        return []

    severity = Severity.ERROR if strict else Severity.WARNING
    exported = handler_exports(path, source, load)
    if exported.errors:
        return [
            Diagnostic(
                loc,
                "the JavaScript does not parse here, so Hamlet cannot tell which handlers "
                f"`{worker.js.handlers_file}` exports",
                "fix the syntax: the worker could not load this file either",
                severity,
            )
            for loc in exported.errors
        ]
    wanted = {v.handler: v for v in worker.requests}
    problems = []
    for handler, variant in wanted.items():
        if handler not in exported.names and exported.complete:
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
    stale = [(name, loc) for name, loc in exported.names.items() if name.startswith("handle")]
    for name, loc in sorted(stale, key=lambda item: (item[1].path != path, item[1].path,
                                                     item[1].line, item[1].col)):
        if name not in wanted:
            problems.append(
                Diagnostic(
                    loc,
                    f"`{name}` handles no request of `{worker.enum_name}` any more",
                    "remove it, or rename it after a current request: "
                    + ", ".join(sorted(wanted)),
                    severity,
                )
            )
    return problems


def _indent(text: str) -> str:
    return "\n".join("    " + line if line else line for line in text.rstrip("\n").split("\n"))
