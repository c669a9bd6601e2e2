"""Emitters: pure functions from the model to OutputFiles. No I/O here.

The outputs are registered in `hamlet.emit.outputs`; `emit_project` runs each of them.
"""

from __future__ import annotations

from dataclasses import replace

from hamlet.model import OutputFile, Project


def emit_project(project: Project) -> list[OutputFile]:
    """Every registered output: the per-worker ones for each worker they serve (each file marked
    with its worker, so that two meeting at one path can be told apart), then the
    shared ones, in a fixed order."""
    from hamlet.emit.outputs import OUTPUTS

    files: list[OutputFile] = []
    for worker in project.workers:
        for output in OUTPUTS:
            if not output.shared and output.serves(worker):
                file = output.emit(project, worker)
                if file is not None:
                    files.append(replace(file, worker=worker.enum_name, loc=worker.loc))
    for output in OUTPUTS:
        if output.shared:
            file = output.emit(project)
            if file is not None:
                files.append(file)
    return sorted(files, key=lambda f: (f.root, f.path))
