"""Emitters: pure functions from the model to OutputFiles. No I/O here."""

from __future__ import annotations

from hamlet.model import OutputFile, Project


def emit_project(project: Project) -> list[OutputFile]:
    """Every file for every worker, plus `workers.js` and, when messages reach domain
    types, the shared `Workers/Types.elm`, in a fixed order."""
    from hamlet.emit.elm import emit_elm
    from hamlet.emit.elm_types import emit_types
    from hamlet.emit.js_main import emit_main, emit_workers_index
    from hamlet.emit.js_worker import emit_entry, emit_handlers
    from hamlet.emit.schema import emit_schema

    files: list[OutputFile] = []
    for worker in project.workers:
        files.append(emit_elm(worker, project.types_names, project.types))
        files.append(emit_main(worker))
        files.append(emit_entry(worker))
        files.append(emit_handlers(worker, project))
        files.append(emit_schema(worker, project))
    if project.workers:
        files.append(emit_workers_index(project))
    if project.types:
        files.append(emit_types(project))
    return sorted(files, key=lambda f: (f.root, f.path))
