"""The worker entry `<snake>.js` of a worker written in Rust (`#[worker(rust)]`),
rewritten on every run: it runs the user's WebAssembly instead of a handlers file.

    #[derive(BuildAmpWorker)]
    #[worker(rust)]
    pub enum CsvWorkerMessage {
        ParseCsv { csv_text: String },          // Main → Worker
        ParseProgress { percent: u8 },          // Worker → Main, progress
        CsvParsed { rows: Vec<Vec<String>> },
        ParseFailed { error: String },
    }

becomes `csv_worker.js`, which loads `csv_worker.wasm` once, turns the envelope

    {id: 7, type: "ParseCsv", data: {csvText: "a,b"}}

into the request JSON `{"type": "ParseCsv", "csvText": "a,b"}`, hands it to the
module's `hamlet_handle`, and posts each message the module passes to its `reply`
import as `{id: 7, type, data}`, under the same rules as the JavaScript entry
(`js_worker_common`). The boundary is docs/rust-workers.md's (no wasm-bindgen): the
exports `memory`, `hamlet_alloc(len)`, `hamlet_handle(ptr, len)`; the imports
`hamlet.reply`, `hamlet.fail`, `hamlet.panicked`, each `(ptr, len)` of UTF-8.
"""

from __future__ import annotations

from hamlet.emit.js_text import comment_block, fill, js_string, notice_comment
from hamlet.emit.js_worker_common import (
    answer_class,
    describe_function,
    receive_prologue,
    unknown_type,
)
from hamlet.model import OutputFile, Project, Variant, Worker

_ENTRY = """
    {{notice}}
    //
    {{intro}}
    //
    {{where}}
    //
    {{contract}}

    {{answer_class}}

    // Always a string, and never throws: what the module's code or the browser throws
    // ends up as a failure's text, which must be a string.
    {{describe}}

    // The requests, by their "type": the method of the Rust trait that handles each.
    const REQUESTS = new Map([
        {{requests}}
    ]);

    // The responses, by their "type": whether each ends its request.
    const RESPONSES = new Map([
        {{responses}}
    ]);

    const encoder = new TextEncoder();
    const decoder = new TextDecoder();

    let compiled = null; // the module, compiling or compiled: fetched once per worker
    let wasm = null; // the exports of the live instance; null before it is made, after a trap
    let call = null; // the request the module is handling now: { answer, panic }

    // The module's URL: the `wasm` parameter of this worker's own URL, or the file beside
    // this one (the form bundlers recognise as an asset, so keep it as it is).
    function wasmUrl() {
        const given = new URL(self.location.href).searchParams.get('wasm');
        return given === null ? new URL({{wasm_import}}, import.meta.url) : new URL(given, self.location.href);
    }

    // Streaming needs the server to send application/wasm; any other type (a server
    // that does not know .wasm) reads the whole file first.
    async function compile(url) {
        const response = await fetch(url);
        if (!response.ok) {
            throw new Error(`the server answered ${response.status} ${response.statusText}`.trim());
        }
        const type = (response.headers.get('Content-Type') ?? '').split(';')[0].trim();
        if (type.toLowerCase() === 'application/wasm') {
            return WebAssembly.compileStreaming(response);
        }
        return WebAssembly.compile(await response.arrayBuffer());
    }

    // A fresh instance of the module, compiled once: a failed load is forgotten, so that
    // the next request tries again.
    async function instantiate() {
        let url = {{wasm_import}};
        let module;
        try {
            url = String(wasmUrl());
            compiled ??= compile(url);
            module = await compiled;
        } catch (error) {
            compiled = null;
            throw new Error(`{{base}} could not load its WebAssembly from ${url}: ${describe(error)}`);
        }
        let exports;
        try {
            ({ exports } = await WebAssembly.instantiate(module, imports));
        } catch (error) {
            throw new Error(`{{base}} could not start its WebAssembly from ${url}: ${describe(error)}`);
        }
        for (const name of ['memory', 'hamlet_alloc', 'hamlet_handle']) {
            if (!(name in exports)) {
                throw new Error(
                    `{{base}}'s WebAssembly from ${url} does not export ${name}: ` +
                        'is it built from the crate that exports the {{base}} handlers?',
                );
            }
        }
        return exports;
    }

    function read(ptr, len) {
        return decoder.decode(new Uint8Array(wasm.memory.buffer, ptr >>> 0, len >>> 0));
    }

    // What the module calls while it handles a request. None of them throws: a throw
    // would unwind through the module's code as if it had trapped.
    const imports = {
        hamlet: {
            // One response, as the JSON {type, ...fields}: posted as {id, type, data}.
            reply(ptr, len) {
                if (call === null) {
                    return; // not during a request: there is nothing to answer
                }
                try {
                    const { type, ...data } = JSON.parse(read(ptr, len)) ?? {};
                    const final = RESPONSES.get(type);
                    if (final === undefined) {
                        const shown = typeof type === 'string' ? JSON.stringify(type) : 'no type';
                        call.answer.fail(`{{base}}'s WebAssembly replied with ${shown}, which is not one of its responses`);
                    } else {
                        call.answer.send(type, data, final);
                    }
                } catch (error) {
                    call.answer.fail(`{{base}}'s WebAssembly replied with what is not JSON: ${describe(error)}`);
                }
            },
            // The handler returned Err(text), or the request did not deserialize.
            fail(ptr, len) {
                if (call !== null) {
                    call.answer.fail(read(ptr, len));
                }
            },
            // The panic hook's message, just before the module traps.
            panicked(ptr, len) {
                if (call !== null) {
                    call.panic = read(ptr, len);
                }
            },
        },
    };

    // One request, start to end, while the module runs: a Rust handler is synchronous,
    // so its request is answered (or failed) when hamlet_handle returns.
    function handle(job) {
        const { name, type, data, answer } = job;
        if (!answer.open) {
            return; // cancelled while it waited for the module
        }
        let request;
        try {
            request = encoder.encode(JSON.stringify({ type, ...data }));
        } catch (error) {
            answer.fail(describe(error));
            return;
        }
        call = { answer, panic: null };
        try {
            const ptr = wasm.hamlet_alloc(request.length);
            new Uint8Array(wasm.memory.buffer, ptr >>> 0, request.length).set(request);
            wasm.hamlet_handle(ptr, request.length);
            answer.fail(`${name} finished without sending a response`); // a no-op once answered
        } catch (error) {
            // A trap (a panic, an out-of-bounds access, memory exhausted) stops the module
            // mid-call, its state half changed: the instance is dropped, and the next
            // request gets a fresh one.
            wasm = null;
            answer.fail(call.panic ?? `{{base}}'s WebAssembly trapped in ${name}: ${describe(error)}`);
        } finally {
            call = null;
        }
    }

    // Requests that came while the module was not ready (loading, or made afresh after a
    // trap), handled in the order they came.
    const waiting = [];
    let starting = false;

    function submit(job) {
        if (wasm !== null && !starting) {
            handle(job);
            return;
        }
        waiting.push(job);
        if (!starting) {
            start();
        }
    }

    async function start() {
        starting = true;
        while (waiting.length > 0) {
            if (wasm === null) {
                try {
                    wasm = await instantiate();
                } catch (error) {
                    for (const job of waiting.splice(0)) {
                        job.answer.fail(describe(error));
                    }
                    break;
                }
            }
            handle(waiting.shift());
        }
        starting = false;
    }

    self.onmessage = (event) => {
        {{receive}}
        const name = REQUESTS.get(type);
        if (name === undefined) {
            {{unknown_type}}
        } else {
            submit({ name, type, data, answer });
        }
        // Kept for a cancel only while it waits: a request the module handled at once is
        // done by now.
        if (answer.open) {
            running.set(id, answer);
        }
    };
"""


def emit_wasm_entry(project: Project, worker: Worker) -> OutputFile:
    js = worker.js
    failure = worker.failure
    wasm_file = js.snake + ".wasm"
    content = fill(
        _ENTRY,
        # tsc --checkJs over the worker folder skips this module: it is generated, and no
        # handlers of the user's import it.
        notice=notice_comment(worker) + "\n// @ts-nocheck: generated; TypeScript need not check it.",
        base=worker.base,
        wasm_import=js_string("./" + wasm_file),
        intro=comment_block(
            f"The {worker.base} Web Worker, written in Rust. It loads the WebAssembly "
            f"built from your crate, reads {{id, type, data}} from {js.main_file}, hands "
            "each request to the module as the JSON {type, ...data}, and posts each "
            "reply the module makes back as {id, type, data}."
        ),
        where=comment_block(
            f"The module is {wasm_file} beside this file, or the one the `wasm` query "
            "parameter of this worker's URL names, resolved against it: "
            f"`workerUrl: '/static/{js.worker_file}?wasm=/static/{wasm_file}'`."
        ),
        contract=comment_block(
            "Every request gets at most one final reply: the module's, or "
            f"{failure.name} when the type is unknown, the module cannot be loaded, "
            "the handler returns Err(text) (the text), panics (the panic's message), "
            "returns without a final reply, or the request does not deserialize. "
            "Replies after the final one are ignored, and so are replies after the main "
            "thread cancelled the request (a cancel or a timeout); a request cancelled "
            "before the module took it is never handed to it. After a panic the module "
            "is instantiated afresh for the next request."
        ),
        answer_class=answer_class(worker),
        describe=describe_function(),
        requests="\n".join(
            f"[{js_string(v.tag)}, {js_string(_method(worker, v))}]," for v in worker.requests
        ),
        responses="\n".join(
            f"[{js_string(v.tag)}, {'true' if v.is_terminal else 'false'}],"
            for v in worker.responses
        ),
        receive=receive_prologue(),
        unknown_type=unknown_type(worker),
    )
    return OutputFile(root="worker", path=js.worker_file, content=content)


def _method(worker: Worker, variant: Variant) -> str:
    """The trait method that handles `variant` ("parse_csv"), which the failures name;
    the variant's name for a worker whose Rust names are not set (a model built by hand)."""
    return worker.rust.method(variant.name).name if worker.rust is not None else variant.name
