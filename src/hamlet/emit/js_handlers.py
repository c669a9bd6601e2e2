"""The user's handlers scaffold `<snake>_handlers.js`, and the stub of one handler,
which the scaffold holds and `hamlet.write.drift` suggests when one is missing.

    #[derive(BuildAmpWorker)]
    pub enum ImageWorkerMessage {
        // Main → Worker
        ProcessImage { image_url: String, max_width: u32, quality: u8 },
        ..
    }

becomes, once (the file is the user's afterwards):

    /**
     * ProcessImage
     *
     * @param {import('./image_worker.js').ImageWorkerRequest['ProcessImage']} request
     *     imageUrl: string  Rust `String`
     * ..
     */
    export async function handleProcessImage(request, reply) {
        const { imageUrl, maxWidth, quality } = request;
        ..

The types come from the worker's declarations `<snake>.d.ts` (`hamlet.emit.ts_worker`),
domain types included; a `@typedef` near the top checks the module's handlers against
them, so that a missing or misspelled handler is a type error.
"""

from __future__ import annotations

from hamlet.emit.js_text import (
    block_safe,
    comment_block,
    doc_safe,
    fill,
    js_key,
    js_property,
    js_string,
    one_line,
)
from hamlet.emit.js_types import js_type
from hamlet.model import Field, OutputFile, Project, Shape, Variant, Worker

_HANDLERS = """
    // @ts-check
    {{intro}}
    //
    // It runs inside the Web Worker (no DOM, no `window`), imported by {{worker_file}}.
    // Each request from Elm calls the handler of the same name with
    //
    //     request  the request's fields (listed above each handler)
    //     reply    one method per response:
    {{reply_list}}
    //              and reply.signal, an AbortSignal that fires when Elm cancels the
    //              request or its timeout passes (Elm has then had {{failure_name}},
    //              and every later reply is dropped)
    //
    // Long work should stop when the signal fires: check it as you go,
    //
    //     for (const item of items) {
    //         if (reply.signal.aborted) {
    //             return;
    //         }
    //         // ... one step of the work
    //     }
    //
    // listen for it (reply.signal.addEventListener('abort', () => ...)), or pass it on:
    // `await fetch(url, { signal: reply.signal })`.
    //
    // Answer each request with exactly one final reply (any but progress); Elm sees the
    // request as running until then, and replies after it are ignored. When a handler
    // throws, rejects, or resolves without a final reply, Elm gets {{failure_name}}
    // with the reason, so await your work before returning. A handler whose promise
    // never settles, and that sends no final reply, keeps its request pending for as
    // long as the worker runs, unless the request has a timeout. Calling self.close()
    // ends the worker: every pending request gets {{failure_name}}, and the next
    // request starts a fresh worker. Replies carry JSON values only: a BigInt or a
    // cycle ends the request with {{failure_name}} when Elm cannot read it.
    //
    // The types come from {{declarations_file}}, which Hamlet rewrites with the worker:
    // VS Code and `tsc --checkJs` flag a reply that does not exist or has a wrong field,
    // and a request field that does not exist. The typedef below also flags a handler
    // that is missing, misspelled or of the wrong type.
    /** @typedef {import({{entry_import}}).{{check}}<typeof import({{self_import}})>} {{checked}} */

    {{stubs}}
"""


def emit_handlers(project: Project, worker: Worker) -> OutputFile:
    """The scaffold; `project` holds the domain types the worker's messages reach."""
    content = fill(
        _HANDLERS,
        intro=comment_block(
            f"{worker.base} handlers: this file is yours to edit. Hamlet wrote it once, "
            f"from {worker.source}, and never overwrites it; `hamlet generate` warns when "
            "a request has no handler here, and prints the function to add."
        ),
        worker_file=worker.js.worker_file,
        reply_list="\n".join(
            f"//                  {_reply_signature(v)}"
            + ("" if v.is_terminal else "  (progress: any number of times)")
            for v in worker.responses
        ),
        failure_name=worker.failure.name,
        declarations_file=worker.js.ts.worker_file,
        entry_import=js_string("./" + worker.js.worker_file),
        check=worker.js.ts.check,
        self_import=js_string("./" + worker.js.handlers_file),
        checked=worker.js.ts.checked,
        stubs="\n\n".join(handler_stub(worker, v).rstrip("\n") for v in worker.requests),
    )
    return OutputFile(
        root="worker", path=worker.js.handlers_file, content=content, scaffold=True
    )


_STUB = """
    /**
     * {{summary}}
     *
     {{params}}
     */
    export async function {{handler}}(request, reply) {
        {{unpack}}
        // TODO: {{todo}}
        // stop early when reply.signal.aborted.
        {{placeholder}}
    }
"""


def handler_stub(worker: Worker, variant: Variant) -> str:
    """The scaffold's function for one request (also the text `hamlet.write.drift` suggests
    when a handler is missing), with its JSDoc and a body that answers with the
    failure variant until the user fills it in."""
    summary = variant.name + (f": {variant.docs}" if variant.docs else "")
    has_progress = any(not v.is_terminal for v in worker.responses)
    entry = js_string("./" + worker.js.worker_file)
    reply_lines = [
        f"@param {{import({entry}).{worker.js.ts.reply}}} reply",
        "    " + ("any number of progress replies, then one final reply:" if has_progress else "one final reply:"),
    ]
    reply_lines += [
        f"    {_reply_call(v)}" + ("" if v.is_terminal else "  (progress)")
        for v in worker.responses
    ]
    reply_lines.append("    reply.signal  an AbortSignal: aborted when the request is cancelled or times out")
    failure = worker.failure
    text = js_string(f"{variant.handler} is not implemented yet")
    placeholder = (
        f"reply.{failure.reply}({{ {js_property(failure.fields[0].wire_name)}: {text} }});"
        if failure.shape is Shape.STRUCT
        else f"reply.{failure.reply}({text});"
    )
    unpack = _unpack(variant)
    return fill(
        _STUB,
        summary=doc_safe(" ".join(summary.split())),
        params="\n".join(
            "* " + block_safe(line) for line in _request_params(worker, variant) + reply_lines
        ),
        handler=variant.handler,
        unpack=unpack + "\n" if unpack else "",
        todo=(
            "do the work (reporting progress if it helps), then send one final reply;"
            if has_progress
            else "do the work, then send one final reply;"
        ),
        placeholder=placeholder,
    )


def _request_params(worker: Worker, variant: Variant) -> list[str]:
    """JSDoc lines for `request`: its type from the declarations, then one line per
    field, by wire name, with the Rust type."""
    entry = js_string("./" + worker.js.worker_file)
    head = f"@param {{import({entry}).{worker.js.ts.requests}[{js_string(variant.name)}]}} request"
    if variant.shape is Shape.UNIT:
        return [f"{head}  {variant.name} carries no fields: {{}}"]
    lines = [head]
    if variant.shape is Shape.TUPLE and not variant.is_flat_newtype:
        if len(variant.fields) == 1:
            field = variant.fields[0]
            lines.append(f"    value: {js_type(field.type)}  {_rust(field)}")
        else:
            types = ", ".join(js_type(f.type) for f in variant.fields)
            rust = ", ".join(one_line(f.rust_type) for f in variant.fields)
            lines.append(f"    value: [{types}]  Rust `({rust})`")
        return lines
    # A `#[serde(flatten)]` field stands for its struct's keys (`request.lat`, not `request.at`).
    for key in variant.keys:
        field = key.field
        docs = f": {doc_safe(' '.join(field.docs.split()))}" if field.docs else ""
        lines.append(f"    {js_key(key.name)}: {js_type(field.type)}  {_rust(field)}{docs}")
    return lines


def _rust(field: Field) -> str:
    return f"Rust `{one_line(field.rust_type)}`"


def _unpack(variant: Variant) -> str:
    """`const { imageUrl, maxWidth } = request;`; a tuple: `const [a, b] = request.value;`."""
    if variant.shape is Shape.UNIT:
        return ""
    if variant.shape is Shape.TUPLE and not variant.is_flat_newtype:
        names = [f.js_name for f in variant.fields]
        if len(names) == 1:
            return f"const {names[0]} = request.value;"
        return f"const [{', '.join(names)}] = request.value;"
    return f"const {{ {_destructured(variant)} }} = request;"


def _reply_call(variant: Variant) -> str:
    """`reply.processingComplete({ resultUrl, originalSize, finalSize })`."""
    if variant.shape is Shape.UNIT:
        return f"reply.{variant.reply}()"
    if variant.shape is Shape.TUPLE:
        return f"reply.{variant.reply}({', '.join(f.js_name for f in variant.fields)})"
    return f"reply.{variant.reply}({{ {_destructured(variant)} }})"


def _destructured(variant: Variant) -> str:
    """`imageUrl, class: class_`: each key bound to its field's JS local."""
    return ", ".join(
        key.field.js_name if key.field.js_name == key.name
        else f"{js_key(key.name)}: {key.field.js_name}"
        for key in variant.keys
    )


def _reply_signature(variant: Variant) -> str:
    """`reply.processingComplete({ resultUrl: string, originalSize: [number, number] })`."""
    if variant.shape is Shape.UNIT:
        return f"reply.{variant.reply}()"
    if variant.shape is Shape.TUPLE:
        args = ", ".join(f"{f.js_name}: {js_type(f.type)}" for f in variant.fields)
        return f"reply.{variant.reply}({args})"
    keys = ", ".join(f"{js_key(k.name)}: {js_type(k.field.type)}" for k in variant.keys)
    return f"reply.{variant.reply}({{ {keys} }})"
