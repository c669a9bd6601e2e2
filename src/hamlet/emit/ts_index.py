"""`workers.d.ts`, the TypeScript declarations of `workers.js`, beside it, so that a
TypeScript file importing `workers.js` gets its types with nothing to set up.

    setupWorkers(app, options)  -> export declare function setupWorkers(app, options?: {
                                       csvWorker?: import('./csv_worker_main.js').CSVWorkerOptions, ..
                                   }): { csvWorker: import('./csv_worker_main.js').CSVWorkerHandle, .. };

Each worker's options and handle are the types its `<snake>_main.d.ts` declares.
"""

from __future__ import annotations

from hamlet.emit.header import sources_notice
from hamlet.emit.js_text import fill, js_string, one_line
from hamlet.model import OutputFile, Project, Worker

_INDEX = """
    {{notice}}
    //
    // TypeScript declarations of {{index_file}}, which sets up every worker at once. A
    // TypeScript file that imports {{index_file}} gets them.

    /**
     * Sets up every worker and returns their handles by name. Each key of `options` holds
     * the options of one worker's setup function; a worker without a key gets the defaults.
     *
     * @param app  what `Elm.<Main>.init` returned
     */
    export declare function {{index_setup}}(
        app: { ports?: object },
        options?: {
            {{options}}
        },
    ): {
        {{handles}}
    };
"""


def emit_index_types(project: Project) -> OutputFile | None:
    """`workers.d.ts`: `setupWorkers`, each worker's options and handle under its key,
    typed by that worker's `<snake>_main.d.ts`."""
    workers = project.workers
    if not workers:
        return None

    def imported(worker: Worker, name: str) -> str:
        return f"import({js_string('./' + worker.js.main_file)}).{name}"

    content = fill(
        _INDEX,
        notice="// " + sources_notice([one_line(w.source) for w in workers]),
        index_file=project.index.file,
        index_setup=project.index.setup,
        options="\n".join(f"{w.js.key}?: {imported(w, w.js.ts.options)};" for w in workers),
        handles="\n".join(f"{w.js.key}: {imported(w, w.js.ts.handle)};" for w in workers),
    )
    return OutputFile(root="js", path=project.index.declarations, content=content)
