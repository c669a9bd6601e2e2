"""The main side's TypeScript declarations `<snake>_main.d.ts`, beside `<snake>_main.js`,
so that a TypeScript file importing the JS gets its types with nothing to set up.

    setupCSVWorker(app, options)  -> export interface CSVWorkerOptions { workerUrl?: .., timeoutMs?: .. }
                                     export interface CSVWorkerHandle { terminate(): void; }
                                     export declare function setupCSVWorker(
                                         app: { ports?: object },
                                         options?: CSVWorkerOptions,
                                     ): CSVWorkerHandle;
"""

from __future__ import annotations

from hamlet.emit.js_text import fill, notice_comment
from hamlet.model import OutputFile, Project, Worker

_MAIN = """
    {{notice}}
    //
    // TypeScript declarations of {{main_file}}, which connects an Elm app's {{base}}
    // ports to its Web Worker. A TypeScript file that imports {{main_file}} gets them.

    /** The options of `{{setup}}`. */
    export interface {{options}} {
        /**
         * Where the worker entry {{worker_file}} is loaded from, instead of the place
         * {{main_file}} takes by default.
         */
        workerUrl?: string | globalThis.URL;
        /**
         * A timeout in milliseconds for each request sent without a tracker and without a
         * timeout of its own (none by default): when it passes, the request ends with
         * {{failure_name}} "timed out after N ms". A number above 0.
         */
        timeoutMs?: number;
    }

    /** What `{{setup}}` returns. */
    export interface {{handle}} {
        /**
         * Stops the worker now: pending requests get {{failure_name}}, and the next request
         * starts a new worker.
         */
        terminate(): void;
    }

    /**
     * Connects an Elm app to the {{base}} Web Worker, which starts on the first request.
     * Calling it again for the same app returns the first call's handle.
     *
     * @param app  what `Elm.<Main>.init` returned; a port the app never uses is missing
     *     from `app.ports`, and that is fine
     */
    export declare function {{setup}}(app: { ports?: object }, options?: {{options}}): {{handle}};
"""

def emit_main_types(project: Project, worker: Worker) -> OutputFile:
    """`<snake>_main.d.ts`: `setup<Base>`'s options, and the handle it returns."""
    js, ts = worker.js, worker.js.ts
    content = fill(
        _MAIN,
        notice=notice_comment(worker),
        base=worker.base,
        main_file=js.main_file,
        worker_file=js.worker_file,
        setup=js.setup,
        options=ts.options,
        handle=ts.handle,
        failure_name=worker.failure.name,
    )
    return OutputFile(root="js", path=ts.main_file, content=content)
