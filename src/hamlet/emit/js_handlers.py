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
     * @param {object} request
     * @param {string} request.imageUrl  Rust `String`
     * ..
     */
    export async function handleProcessImage(request, reply) {
        const { imageUrl, maxWidth, quality } = request;
        ..

When messages reach domain types, the scaffold also gets a JSDoc `@typedef` per type,
in its wire shape (see `hamlet.emit.js_types`).
"""

from __future__ import annotations

from hamlet.emit.js_text import (
    block_safe,
    comment_block,
    fill,
    js_key,
    js_property,
    js_string,
    one_line,
)
from hamlet.emit.js_types import def_type, js_type
from hamlet.model import Field, OutputFile, Project, Shape, Variant, Worker

_HANDLERS = """
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

    {{typedefs}}
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
        typedefs=_typedefs(worker, project),
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
    reply_lines = [
        "@param {object} reply  "
        + ("any number of progress replies, then one final reply:" if has_progress else "one final reply:")
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
        summary=block_safe(" ".join(summary.split())),
        params="\n".join(
            "* " + block_safe(line) for line in _request_params(variant) + reply_lines
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


def _request_params(variant: Variant) -> list[str]:
    """JSDoc lines for `request`: one per field, by wire name, with the Rust type."""
    if variant.shape is Shape.UNIT:
        return [f"@param {{object}} request  {variant.name} carries no fields: {{}}"]
    lines = ["@param {object} request"]
    if variant.shape is Shape.TUPLE and not variant.is_flat_newtype:
        if len(variant.fields) == 1:
            field = variant.fields[0]
            lines.append(f"@param {{{js_type(field.type)}}} request.value  {_rust(field)}")
        else:
            types = ", ".join(js_type(f.type) for f in variant.fields)
            rust = ", ".join(one_line(f.rust_type) for f in variant.fields)
            lines.append(f"@param {{[{types}]}} request.value  Rust `({rust})`")
        return lines
    # A `#[serde(flatten)]` field stands for its struct's keys (`request.lat`, not `request.at`).
    for key in variant.keys:
        field = key.field
        name = js_key(key.name)
        name = f".{name}" if name == key.name else f"[{name}]"
        docs = f": {' '.join(field.docs.split())}" if field.docs else ""
        lines.append(f"@param {{{js_type(field.type)}}} request{name}  {_rust(field)}{docs}")
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


def _typedefs(worker: Worker, project: Project) -> str:
    """The JSDoc block naming the domain types that `@param` lines refer to, followed
    by a blank line; "" when messages reach none."""
    definitions = project.reached_types(worker)
    if not definitions:
        return ""
    lines = [
        f"// The domain types in requests and replies, as they travel (see {worker.js.schema_file}):",
        "/**",
        *(" * " + block_safe(f"@typedef {{{def_type(d)}}} {d.name}") for d in definitions),
        " */",
    ]
    return "\n".join(lines) + "\n"
