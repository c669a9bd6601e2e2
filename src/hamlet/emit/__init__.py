"""Emitters: pure functions from the model to OutputFiles. No I/O here."""

from __future__ import annotations

from dataclasses import replace

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
        own = [
            emit_elm(worker, project.types_names, project.types),
            emit_main(worker),
            emit_entry(worker),
            emit_handlers(worker, project),
            emit_schema(worker, project),
        ]
        files.extend(replace(f, worker=worker.enum_name, loc=worker.loc) for f in own)
    if project.workers:
        files.append(emit_workers_index(project))
    if project.types:
        files.append(emit_types(project))
    return sorted(files, key=lambda f: (f.root, f.path))
