"""Hamlet: Elm ports and Web Worker glue from Rust `#[derive(BuildAmpWorker)]` enums.

The pipeline is parse -> resolve (model) -> emit -> write. This module is the library
entry point; it never prints and never writes files (see `hamlet.cli` for that).
"""

from __future__ import annotations

from dataclasses import dataclass

from hamlet.diagnostics import Diagnostic, Loc, warning
from hamlet.model import OutputFile, Project

__version__ = "0.1.0"


@dataclass(frozen=True)
class Result:
    """What `generate` returns: the files to write (empty when there is any error),
    every diagnostic, and the project model (None when parsing failed outright)."""

    files: tuple[OutputFile, ...]
    diagnostics: tuple[Diagnostic, ...]
    project: Project | None

    @property
    def ok(self) -> bool:
        return not any(d.is_error for d in self.diagnostics)


def load(paths: list[str]) -> tuple[Project | None, tuple[Diagnostic, ...]]:
    """Parse the Rust sources under `paths` and resolve them into a Project."""
    from hamlet.resolve import resolve
    from hamlet.rust import parse_paths

    parsed, diagnostics = parse_paths(paths)
    project, more = resolve(parsed)
    found = tuple(diagnostics) + tuple(more)
    if not project.workers and not any(d.is_error for d in found):
        found += tuple(
            warning(
                Loc(path),
                "no #[derive(BuildAmpWorker)] enum found here",
                "derive BuildAmpWorker on a message enum, or pass the folder that holds it",
            )
            for path in paths
        )
    return project, found


def generate(paths: list[str]) -> Result:
    """Parse, resolve and emit. No I/O beyond reading the sources."""
    from hamlet.emit import emit_project

    project, diagnostics = load(paths)
    if project is None or any(d.is_error for d in diagnostics):
        return Result((), diagnostics, project)
    return Result(tuple(emit_project(project)), diagnostics, project)
