"""`workers.js`: every worker's setup at once.

    import { setupWorkers } from './workers.js';
    const workers = setupWorkers(app, { imageWorker: { timeoutMs: 30000 } });
    workers.imageWorker.terminate();

Each worker's options and handle sit under its `JsNames.key`; the module's own names
are `Project.index`.
"""

from __future__ import annotations

from hamlet.emit.header import sources_notice
from hamlet.emit.js_text import fill, js_string, one_line, ts_nocheck
from hamlet.model import OutputFile, Project

_INDEX = """
    {{notice}}
    //
    // Sets up every worker at once and returns their handles by name:
    //
    //     import { {{index_setup}} } from './{{index_file}}';
    //
    //     const app = Elm.Main.init({ node: document.getElementById('app') });
    //     const workers = {{index_setup}}(app, {
    {{example_options}}
    //     });
    //
    // Each key of `options` holds the options of one worker's setup function (see its
    // `*_main.js`); a worker without a key gets the defaults.

    {{imports}}

    /**
     * @param {{ ports?: object }} app  what `Elm.<Main>.init` returned
     * @param {{{options_type}}} [options]
     * @returns {{{handles_type}}}
     */
    export function {{index_setup}}(app, options = {}) {
        return {
    {{calls}}
        };
    }
"""


def emit_index(project: Project) -> OutputFile | None:
    """`workers.js`: `setupWorkers(app, options)` calls every worker's setup, passing
    `options.imageWorker` to `setupImageWorker`, and returns `{ imageWorker: handle, .. }`."""
    workers = project.workers
    if not workers:
        return None
    keys = [w.js.key for w in workers]
    content = fill(
        _INDEX,
        index_file=project.index.file,
        index_setup=project.index.setup,
        notice="// " + sources_notice([one_line(w.source) for w in workers])
        + "\n" + ts_nocheck(project.index.declarations),
        example_options="\n".join(
            f"//         {key}: {{ timeoutMs: 30000 }},"
            for key in keys
        ),
        imports="\n".join(
            f"import {{ {w.js.setup} }} from {js_string('./' + w.js.main_file)};" for w in workers
        ),
        options_type="{ " + ", ".join(
            f"{key}?: {{ workerUrl?: string | URL, timeoutMs?: number }}" for key in keys
        ) + " }",
        handles_type="{ " + ", ".join(f"{key}: {{ terminate(): void }}" for key in keys) + " }",
        calls="\n".join(
            f"        {key}: {w.js.setup}(app, options?.{key}),"
            for key, w in zip(keys, workers)
        ),
    )
    return OutputFile(root="js", path=project.index.file, content=content)
