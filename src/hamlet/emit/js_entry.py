"""The worker entry `<snake>.js`, rewritten on every run.

    #[derive(BuildAmpWorker)]
    pub enum ImageWorkerMessage {
        // Main → Worker
        ProcessImage { image_url: String, max_width: u32, quality: u8 },
        // Worker → Main
        ProcessingComplete { result_url: String, .. },
        ProcessingFailed { error: String },
        ..
    }

becomes `image_worker.js`, which dispatches

    {id: 7, type: "ProcessImage", data: {imageUrl, maxWidth, quality}}

to `handlers.handleProcessImage(data, reply)` (from the user's `image_worker_handlers.js`)
and posts each `reply.processingComplete({..})` back as
`{id: 7, type: "ProcessingComplete", data: {..}}`.

Every name comes from the model: `variant.handler`, `variant.reply`, `field.js_name`,
`worker.failure`.
"""

from __future__ import annotations

from hamlet import naming
from hamlet.emit.js_text import (
    comment_block,
    fill,
    js_string,
    notice_comment,
    ts_nocheck,
)
from hamlet.emit.js_worker_common import (
    answer_class,
    describe_function,
    receive_prologue,
    unknown_type,
)
from hamlet.model import OutputFile, Project, Shape, Variant, Worker

_ENTRY = """
    {{notice}}
    //
    // The {{base}} Web Worker. It reads {id, type, data} from {{main_file}}, calls
    // the handler for `type` in {{handlers_file}} (your code) with `data` and a
    // `reply` object, and posts each reply back as {id, type, data}.
    //
    {{contract}}

    import * as handlers from {{handlers_import}};

    {{answer_class}}

    // The `reply` a handler gets: one method per response, and `signal`, an AbortSignal
    // that fires when the request is cancelled or times out. The methods are plain
    // closures and `signal` a getter on the class, so a handler may destructure them:
    // `async function handleX(request, { done, signal })`. (A class: an object literal
    // with a getter costs a runtime call per request.)
    class Reply {
        #answer;

        constructor(answer) {
            this.#answer = answer;
            {{reply_methods}}
        }

        get signal() {
            return this.#answer.signal;
        }
    }

    // Always a string, and never throws: a handler may throw anything, even a value on
    // which `instanceof` throws (a revoked Proxy) or an Error whose message is not text.
    // A throw from here would escape as an uncaught error of the worker, which fails
    // every pending request, and a message that is not a string breaks the contract.
    {{describe}}

    // Not an async function: most handlers reply before their promise settles, and
    // then the request needs no more promise work than a catch (see below).
    function run(handler, name, request, answer) {
        if (typeof handler !== 'function') {
            answer.fail(
                handler === undefined
                    ? `${name} is not exported from {{handlers_file}}: ` +
                          `add \\`export async function ${name}(request, reply)\\` to it`
                    : `${name} is exported from {{handlers_file}} but is not a function: ` +
                          `make it \\`export async function ${name}(request, reply)\\``,
            );
            return;
        }
        // One try for the call and the promise work after it: a sync handler may return
        // a promise whose own `then` throws, which `Promise.resolve(..).then` calls now.
        try {
            const result = handler(request, new Reply(answer));
            if (answer.open) {
                Promise.resolve(result).then(
                    // A no-op when the handler sent its final reply in the meantime.
                    () => answer.fail(`${name} finished without sending a response`),
                    (error) => answer.fail(describe(error)),
                );
            } else {
                // Already answered: a later rejection changes nothing, and left unhandled
                // it would fail every pending request (see `unhandledrejection` below);
                // but it is a bug of the handler's, so the console shows it.
                Promise.resolve(result).then(undefined, (error) =>
                    console.error(`{{base}}: ${name} failed after its final reply:`, error),
                );
            }
        } catch (error) {
            answer.fail(describe(error));
        }
    }

    self.onmessage = (event) => {
        {{receive}}
        switch (type) {
            {{cases}}
            default: {
                {{unknown_type}}
            }
        }
        // Kept for a cancel only while it runs: a cancel comes in a later task, and most
        // handlers that reply at once are done by now.
        if (answer.open) {
            running.set(id, answer);
        }
    };

    // A handler may end this worker with `self.close()` (or `close()`), and the main
    // thread gets no event for that: it is told first, so that it fails what is pending
    // and starts a fresh worker for the next request. Every reply is an object; the
    // notice is an array.
    const closeWorker = self.close;
    self.close = function close() {
        self.postMessage(['closing']);
        closeWorker.call(self);
    };

    // A rejected promise no handler awaited: thrown again so that it reaches the main
    // thread as this worker's `error` event, which fails every pending request. Marked
    // handled first, so it is reported once, as that error, not also as a rejection.
    self.addEventListener('unhandledrejection', (event) => {
        event.preventDefault();
        throw event.reason;
    });
"""


def emit_entry(project: Project, worker: Worker) -> OutputFile:
    js = worker.js
    failure = worker.failure
    content = fill(
        _ENTRY,
        notice=notice_comment(worker) + "\n" + ts_nocheck(worker.js.ts.worker_file),
        base=worker.base,
        main_file=js.main_file,
        handlers_file=js.handlers_file,
        handlers_import=js_string("./" + js.handlers_file),
        contract=comment_block(
            "Every request gets at most one final reply: its handler's, or "
            f"{failure.name} when the type is unknown, or the handler is not exported, "
            "throws, rejects or finishes without a final reply. Replies after the final "
            "one are ignored, and so are replies after the main thread cancelled the "
            "request (a cancel or a timeout), which aborts the handler's reply.signal. A "
            "handler whose promise never settles, and that sends no final reply, keeps "
            "its request pending."
        ),
        answer_class=answer_class(worker),
        describe=describe_function(),
        receive=receive_prologue(),
        unknown_type=unknown_type(worker),
        reply_methods="\n".join(_reply_method(v) for v in worker.responses),
        cases="\n".join(
            f"case {js_string(v.tag)}:\n"
            f"    run(handlers.{v.handler}, {js_string(v.handler)}, data, answer);\n"
            "    break;"
            for v in worker.requests
        ),
    )
    return OutputFile(root="worker", path=js.worker_file, content=content)


def _reply_method(variant: Variant) -> str:
    """`this.processingComplete = (fields) => answer.send('ProcessingComplete', fields, true);`"""
    final = "true" if variant.is_terminal else "false"
    if variant.shape is Shape.STRUCT:
        params, data = "(fields)", "fields"
    elif variant.shape is Shape.UNIT:
        params, data = "()", "{}"
    else:
        names = [f.js_name for f in variant.fields]
        params = "(" + ", ".join(names) + ")"
        value = names[0] if len(names) == 1 else "[" + ", ".join(names) + "]"
        data = "{ value }" if value == "value" else f"{{ value: {value} }}"
        if variant.is_flat_newtype:  # serde: the struct's keys sit beside the tag
            data = value
    name = variant.reply
    member = f".{name}" if naming.is_js_identifier(name) else f"[{js_string(name)}]"
    return f"this{member} = {params} => answer.send({js_string(variant.tag)}, {data}, {final});"
