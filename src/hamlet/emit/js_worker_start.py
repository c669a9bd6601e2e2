"""How the main-thread JavaScript (see `hamlet.emit.js_main`) starts its worker:
`startWorker(workerUrl)` and `loadedFrom(workerUrl)`. No output of its own; kept apart
from the main JS's template, which it would make too long.

    --js-out generated/js, --worker-out generated/workers (JsNames.default_url)
    -> new Worker(new URL('../workers/image_worker.js', import.meta.url), { type: 'module' })

Vite, webpack 5 and Parcel find a worker by that expression, written out whole with a
string literal, and bundle the entry with the handlers and the packages they import;
without a bundler the browser loads the entry from the same relative path. Vite reads
the literal's raw text as a file path (webpack reads it as a URL): so the URL needs no
JS escape (`resolve.worker_url` sees to that) and is printed as it is.
"""

from __future__ import annotations

from hamlet.emit.js_text import fill, js_string
from hamlet.model import Worker

_START = """
    // The worker entry, relative to this file. Bundlers (Vite, webpack 5, Parcel) find
    // it by the expression `new Worker(new URL('<literal>', import.meta.url), { type:
    // 'module' })` in `startWorker`, written out whole: keep it so.
    const WORKER_PATH = {{url}};

    // `workerUrl`: the setup's options.workerUrl, or null for the entry beside this file.
    function startWorker(workerUrl) {
        if (workerUrl !== null) {
            return new Worker(workerUrl, { type: 'module' });
        }
        return new Worker(new URL({{url}}, import.meta.url), { type: 'module' });
    }

    // Where the worker entry was loaded from, for messages. Once bundled, the entry is
    // the bundler's copy, served from a place of its own. (webpackIgnore: webpack would
    // otherwise bundle every file that this URL, not a literal, might name.)
    function loadedFrom(workerUrl) {
        return workerUrl ?? new URL(/* webpackIgnore: true */ WORKER_PATH, import.meta.url).href;
    }
"""


def worker_start(worker: Worker) -> str:
    """The constant and the two functions, at the top level of `<snake>_main.js`."""
    return fill(_START, url=js_string(worker.js.default_url)).strip("\n")
