"""The main-thread JavaScript of one worker: `<snake>_main.js`.

    #[derive(BuildAmpWorker)]
    pub enum ImageWorkerMessage {
        // Main → Worker
        ProcessImage { image_url: String, max_width: u32, quality: u8 },
        // Worker → Main
        ProcessingFailed { error: String },
        ProcessingProgress { percent: f32 },
        ..
    }

becomes `image_worker_main.js`, exporting `setupImageWorker(app, options = {})`:

    Elm  --sendToImageWorkerPort-->   {type: "ProcessImage", imageUrl, ..}
    main --postMessage-->             {id: 7, type: "ProcessImage", data: {imageUrl, ..}}
    main <--message--                 {id: 7, type: "ProcessingProgress", data: {percent}}
    Elm  <--imageWorkerResponsePort-- {type: "ProcessingProgress", percent}

and tracked requests (docs/wire-format.md), one update's commands handled together:

    Elm  --sendToImageWorkerPort-->   ["send", "a", 5000, {..}], ["cancel", "a"], ["terminate"]
    main --postMessage-->             ["cancel", 7, "AbortError", "cancelled"]
    Elm  <--imageWorkerTrackedPort--  ["a", {type: "ProcessingProgress", percent}]

A request stays pending until its first terminal (non-progress) response, a cancel or a
timeout; a worker `error` or `messageerror`, the entry's notice that a handler called
`self.close()`, or a terminate answers every pending request with the failure variant
and drops the worker, so the next request starts a fresh one. A second `setup<Base>`
for the same app returns the first one's handle.

Every name comes from the model (`worker.js`, `worker.elm`, `variant.name`,
`field.wire_name`); the text helpers are `hamlet.emit.js_text`'s.
"""

from __future__ import annotations

from hamlet import naming
from hamlet.emit.js_deadlines import DEADLINES
from hamlet.emit.js_not_json import NOT_JSON
from hamlet.emit.js_worker_start import worker_start
from hamlet.emit.js_text import comment_block, failure_object, fill, js_string, notice_comment, ts_nocheck
from hamlet.model import OutputFile, Project, Worker

_MAIN = """
    {{notice}}
    //
    // Connects an Elm app's {{base}} ports to a module Web Worker:
    //
    //     import { {{setup}} } from './{{main_file}}';
    //
    //     const app = Elm.Main.init({ node: document.getElementById('app') });
    //     const {{handle}} = {{setup}}(app);
    //
    // The worker entry is {{default_url}} from this file, which bundlers
    // (Vite, webpack 5, Parcel) bundle with the packages it imports; without a bundler
    // it loads from the folders as on disk. `options.workerUrl` overrides it.
    //
    // Elm sends {type, ...fields} on `{{send_port}}`; the worker gets
    // {id, type, data} and answers {id, type, data}; Elm gets {type, ...data} on
    // `{{response_port}}`. Tracked requests travel on the same outgoing port as
    // ["send", tracker, timeout, request], ["cancel", tracker] and ["terminate"], and
    // their responses reach Elm as [tracker, response] on `{{tracked_port}}`.
    //
    {{lifecycle}}

    // The longest delay setTimeout takes; a later deadline is waited for in steps.
    const MAX_DELAY = 2147483647;

    // Where an app keeps the handle of its {{base}} glue. A registered symbol, so a
    // copy of this module evaluated again (a hot module reload) finds it too.
    const CONNECTED = Symbol.for({{connected_key}});

    /**
     * Connect an Elm app to the {{base}} Web Worker, which starts on the first request.
     *
     * Calling it again for the same app (a hot module reload, or setupWorkers after it)
     * connects nothing more: it returns the first call's handle, and its options are
     * ignored. Each response still reaches Elm once.
     *
     * @param {{ ports?: object }} app  what `Elm.<Main>.init` returned; a port the app
     *     never uses is missing from `app.ports`, and that is fine
     * @param {{ workerUrl?: string | URL, timeoutMs?: number }} [options]  workerUrl:
     *     where the worker entry `{{worker_file}}` is served instead of {{default_url}}
     *     (from this file); like any `new Worker(url)`, relative to the page's URL;
     *     timeoutMs: a timeout in milliseconds for each request sent without a tracker
     *     and without a timeout of its own (none by default): when it passes, the
     *     request ends with {{failure_name}} "timed out after N ms"
     * @returns {{ terminate(): void }}  terminate() stops the worker now; pending requests
     *     get {{failure_name}} and the next request starts a new worker
     */
    export function {{setup}}(app, options = {}) {
        const connected = app?.[CONNECTED];
        if (connected !== undefined) {
            return connected;
        }
        const workerUrl = options?.workerUrl ?? null;
        const defaultTimeout = options?.timeoutMs ?? null;
        if (defaultTimeout !== null && !(typeof defaultTimeout === 'number' && defaultTimeout > 0)) {
            throw new TypeError(
                '{{setup}}: options.timeoutMs must be a number of milliseconds above 0, ' +
                    `or undefined for none; got ${typeof defaultTimeout === 'number' ? defaultTimeout : typeof defaultTimeout}`,
            );
        }
        const ports = app?.ports;
        const fromElm = ports?.{{send_port}};
        const toElm = ports?.{{response_port}};
        const toTracked = ports?.{{tracked_port}};
        // Request id -> null for a request with no tracker and no timeout (most), or
        // { id, tracker, timeout, deadline }: tracker null or a string; timeout and
        // deadline (on performance.now()'s clock) null when it has none.
        const pending = new Map();
        const deadlines = createDeadlines(
            (entry) => pending.has(entry.id),
            (entry) => end(entry.id, entry, 'TimeoutError', `timed out after ${entry.timeout} ms`),
        );
        let nextId = 1;
        let worker = null;
        // The commands Elm sent in this turn: one update's (see `flush`); `controls`
        // when a cancel or terminate is among them.
        let queue = [];
        let controls = false;

        function failure(text) {
            return {{failure_object}};
        }

        // A response to Elm, on the port of its request. A port the app does not use
        // is missing: the response is dropped.
        function deliver(entry, value) {
            if (entry !== null && entry.tracker !== null) {
                if (toTracked) {
                    toTracked.send([entry.tracker, value]);
                }
            } else if (toElm) {
                toElm.send(value);
            }
        }

        // A failure the glue made itself, which Elm can always read: what is thrown while
        // it is delivered is the app's own (its update, a port subscriber). That is thrown
        // again after the glue is done, so that the other requests a timeout, cancel or
        // terminate ends still get theirs, and the timer is set again.
        function deliverFailure(entry, text) {
            try {
                deliver(entry, failure(text));
            } catch (error) {
                queueMicrotask(() => {
                    throw error;
                });
            }
        }

        // Once per request: a reply Elm cannot read ends a request that its reply
        // already ended, and the deadlines must count it out only once.
        function forget(id, entry) {
            if (pending.delete(id) && entry !== null && entry.deadline !== null) {
                deadlines.ended();
            }
        }

        // End one pending request now, with the failure variant: a cancel, a timeout,
        // or a reply Elm cannot read. The worker is told, so that the handler's
        // reply.signal fires and its later replies are dropped.
        function end(id, entry, name, text) {
            forget(id, entry);
            if (worker !== null) {
                worker.postMessage(['cancel', id, name, text]);
            }
            deliverFailure(entry, text);
        }

        // Drop the worker and answer each pending request once with the failure
        // variant. State is reset first: Elm may send the next request from inside
        // `send`, and that request must start a fresh worker.
        function stop(text) {
            if (worker !== null) {
                worker.terminate();
                worker = null;
            }
            const ended = [...pending.values()];
            pending.clear();
            deadlines.clear();
            for (const entry of ended) {
                deliverFailure(entry, text);
            }
        }

        function cancel(tracker) {
            for (const [id, entry] of pending) {
                if (entry !== null && entry.tracker === tracker) {
                    end(id, entry, 'AbortError', 'cancelled');
                }
            }
        }

        function onMessage(event) {
            const message = event.data;
            const id = message?.id;
            const entry = pending.get(id);
            if (entry === undefined) {
                // Not pending: the request already ended (a failure, a cancel, a
                // timeout, or terminate()). Or no reply at all: the entry's notice that
                // a handler called self.close(), which the main thread gets no event for.
                if (Array.isArray(message) && message[0] === 'closing' && event.target === worker) {
                    stop('{{base}} closed itself: a handler called self.close()');
                }
                return;
            }
            const type = message.type;
            {{end_request}}
            // `data` is this message's own copy (structured clone made it), so it
            // becomes Elm's value as is, with the type added: no copy per reply.
            const data = message.data;
            const value = data !== null && typeof data === 'object' ? data : {};
            value.type = type;
            try {
                deliver(entry, value);
            } catch (error) {
                unreadable(id, entry, type, value, error);
            }
        }

        // Elm's port threw while reading a reply. A value JSON cannot hold (a BigInt, a
        // cycle) makes Elm's decoder, or its error message, throw, and so does a value
        // nested too deep for its stack: then the reply is at fault, and its request
        // ends with the failure variant. Checked only here, so a good reply costs
        // nothing. Anything else the app threw is not the reply's.
        function unreadable(id, entry, type, value, error) {
            const problem = notJson(value) ?? tooDeep(value, error);
            if (problem === null) {
                throw error;
            }
            end(id, entry, 'AbortError', `{{base}} replied ${type}, which Elm cannot read: ${problem}`);
        }

        // Also fired, with no message, when the worker script fails to load.
        function onError(event) {
            event.preventDefault();
            if (event.target === worker) {
                const reason = event.message
                    ? `{{base}} crashed: ${event.message}`
                    : `{{base}} could not be loaded from ${loadedFrom(workerUrl)}, or stopped without an error message`;
                stop(reason);
            }
        }

        function onMessageError(event) {
            if (event.target === worker) {
                stop('{{base}} sent a message that could not be read (messageerror)');
            }
        }

        function send(request, tracker, timeout) {
            const id = nextId;
            const entry =
                tracker === null && timeout === null ? null : { id, tracker, timeout, deadline: null };
            if (timeout !== null && !(typeof timeout === 'number' && timeout > 0)) {
                // No time at all, or no number: the request ends before it starts.
                const text =
                    typeof timeout === 'number' && !Number.isNaN(timeout)
                        ? `timed out after ${timeout} ms`
                        : `timeout ${String(timeout)} is not a number of milliseconds`;
                deliverFailure(entry, text);
                return;
            }
            const { type, ...data } = request;
            if (worker === null) {
                try {
                    worker = startWorker(workerUrl);
                } catch (error) {
                    deliverFailure(entry, `{{base}} could not start from ${loadedFrom(workerUrl)}: ${error?.message ?? error}`);
                    return;
                }
                worker.addEventListener('message', onMessage);
                worker.addEventListener('error', onError);
                worker.addEventListener('messageerror', onMessageError);
            }
            nextId += 1;
            pending.set(id, entry);
            if (timeout !== null && timeout !== Infinity) {
                entry.deadline = performance.now() + timeout;
                deadlines.add(entry);
            }
            worker.postMessage({ id, type, data });
        }

        // Elm hands over all the commands of one update on this port in one turn, and
        // those of the next update in a later task, so a microtask sees exactly one
        // update's. Its cancels and terminates apply first: they end the requests of
        // earlier updates, never one sent beside them, whatever the order in the batch.
        function flush() {
            const batch = queue;
            queue = [];
            if (controls) {
                controls = false;
                for (const command of batch) {
                    if (Array.isArray(command) && command[0] === 'cancel') {
                        cancel(command[1]);
                    } else if (Array.isArray(command) && command[0] === 'terminate') {
                        stop('{{base}} was terminated');
                    }
                }
            }
            for (const command of batch) {
                if (!Array.isArray(command)) {
                    send(command, null, defaultTimeout);
                } else if (command[0] === 'send') {
                    const tracker = command[1] ?? null;
                    const timeout = command[2] ?? (tracker === null ? defaultTimeout : null);
                    send(command[3], tracker, timeout);
                }
            }
        }

        function onCommand(command) {
            if (Array.isArray(command) && command[0] !== 'send') {
                controls = true;
            }
            queue.push(command);
            if (queue.length === 1) {
                queueMicrotask(flush);
            }
        }

        if (fromElm) {
            fromElm.subscribe(onCommand);
        }
        if (typeof window !== 'undefined') {
            window.addEventListener('beforeunload', () => stop('{{base}} stopped: the page is unloading'));
        }
        const handle = {
            terminate() {
                stop('{{base}} was terminated');
            },
        };
        if (app !== null && typeof app === 'object' && Object.isExtensible(app)) {
            Object.defineProperty(app, CONNECTED, { value: handle });
        }
        return handle;
    }

    {{helpers}}
"""


def emit_main(project: Project, worker: Worker) -> OutputFile:
    js, elm = worker.js, worker.elm
    content = fill(
        _MAIN,
        notice=notice_comment(worker) + "\n" + ts_nocheck(worker.js.ts.main_file),
        base=worker.base,
        setup=js.setup,
        handle=js.key,
        main_file=js.main_file,
        worker_file=js.worker_file,
        default_url=js_string(js.default_url),
        send_port=elm.send_port,
        response_port=elm.response_port,
        tracked_port=elm.tracked_port,
        lifecycle=_lifecycle(worker),
        failure_name=worker.failure.name,
        connected_key=js_string(js.symbol),
        failure_object=failure_object(worker, "text"),
        end_request=_end_request(worker),
        helpers="\n\n".join((worker_start(worker), DEADLINES.rstrip("\n"), NOT_JSON.rstrip("\n"))),
    )
    return OutputFile(root="js", path=js.main_file, content=content)


def _lifecycle(worker: Worker) -> str:
    progress = [v.name for v in worker.responses if not v.is_terminal]
    if progress:
        ends = (
            "A request is pending until its first response that is not progress ("
            + naming.pluralize_list(progress)
            + ")."
        )
    else:
        ends = "A request is pending until its first response."
    failure = worker.failure.name
    return comment_block(
        f"{ends} If the worker fails, or a handler closes it (self.close()), or Elm "
        f"terminates it, every pending request gets {failure} once, and the next "
        f"request starts a fresh worker. A cancel or a timeout ends its request at once "
        f"with {failure}, and the worker aborts the handler's reply.signal. A reply Elm "
        f"cannot read (a BigInt, a cycle) ends its request with {failure}. A handler "
        "whose promise never settles, and that sends no final reply, keeps its request "
        "pending unless it has a timeout."
    )


def _end_request(worker: Worker) -> str:
    """Forget the request on its first terminal response; progress keeps it pending."""
    progress = [v for v in worker.responses if not v.is_terminal]
    if not progress:
        return "forget(id, entry);"
    test = " && ".join(f"type !== {js_string(v.tag)}" for v in progress)
    return f"if ({test}) {{\n    forget(id, entry);\n}}"
