"""The worker side: the generated entry `<snake>.js` and the user's `<snake>_handlers.js`.

    #[derive(BuildAmpWorker)]
    pub enum ImageWorkerMessage {
        // Main → Worker
        ProcessImage { image_url: String, max_width: u32, quality: u8 },
        // Worker → Main
        ProcessingComplete { result_url: String, .. },
        ProcessingFailed { error: String },
        ..
    }

becomes the entry `image_worker.js` (rewritten on every run), which dispatches

    {id: 7, type: "ProcessImage", data: {imageUrl, maxWidth, quality}}

to `handlers.handleProcessImage(data, reply)` and posts each `reply.processingComplete({..})`
back as `{id: 7, type: "ProcessingComplete", data: {..}}`; and the scaffold
`image_worker_handlers.js` (written once, then the user's), with one
`export async function handleProcessImage(request, reply)` per request.

Every name comes from the model: `variant.handler`, `variant.reply`, `field.wire_name`,
`field.js_name`, `worker.failure`. When messages reach domain types, the scaffold
also gets a JSDoc `@typedef` per type, in its wire shape:

    /**
     * @typedef {{ lat: number, lon: number }} Point
     * @typedef {'Paved' | 'Gravel'} Surface
     * @typedef {{ type: 'Circle', radius: number } | { type: 'Empty' }} Shape

and, for the same enum deriving serde, `{ Circle: { radius: number } } | 'Empty'`.
"""

from __future__ import annotations

from hamlet.emit.js_main import (
    block_safe,
    comment_block,
    failure_fields,
    fill,
    js_key,
    js_property,
    js_string,
    notice_comment,
    one_line,
)
from hamlet.model import (
    AliasDef,
    Constructor,
    DictT,
    EnumDef,
    Field,
    Key,
    ListT,
    MaybeT,
    NamedT,
    OutputFile,
    Prim,
    PrimT,
    Project,
    Shape,
    StructDef,
    Tagging,
    TupleT,
    Type,
    TypeDef,
    Variant,
    Worker,
)

# ---- the entry: <snake>.js ---------------------------------------------------------

_ENTRY = """
    {{notice}}
    //
    // The {{base}} Web Worker. It reads {id, type, data} from {{main_file}}, calls
    // the handler for `type` in {{handlers_file}} (your code) with `data` and a
    // `reply` object, and posts each reply back as {id, type, data}.
    //
    {{contract}}

    import * as handlers from {{handlers_import}};

    // One request's replies, posted until the first final one.
    class Answer {
        constructor(id) {
            this.id = id;
            this.open = true;
        }

        send(type, data, final) {
            if (this.open) {
                self.postMessage({ id: this.id, type, data });
                this.open = !final;
            }
        }

        fail(text) {
            this.send({{failure_name}}, {{failure_data}}, true);
        }
    }

    // The `reply` a handler gets: one method per response. Plain closures, so a
    // handler may destructure them: `async function handleX(request, { done })`.
    function replyTo(answer) {
        return {
            {{reply_methods}}
        };
    }

    function describe(error) {
        if (error instanceof Error) {
            return error.message || String(error);
        }
        try {
            return String(error);
        } catch {
            return 'a value that cannot be shown as text was thrown';
        }
    }

    function ignore() {}

    // Not an async function: most handlers reply before their promise settles, and
    // then the request needs no more promise work than a catch (see below).
    function run(handler, name, request, answer) {
        if (typeof handler !== 'function') {
            answer.fail(
                `${name} is not exported from {{handlers_file}}: ` +
                    `add \\`export async function ${name}(request, reply)\\` to it`,
            );
            return;
        }
        let result;
        try {
            result = handler(request, replyTo(answer));
        } catch (error) {
            answer.fail(describe(error));
            return;
        }
        if (answer.open) {
            Promise.resolve(result).then(
                // A no-op when the handler sent its final reply in the meantime.
                () => answer.fail(`${name} finished without sending a response`),
                (error) => answer.fail(describe(error)),
            );
        } else {
            // Already answered: a later rejection changes nothing, but left unhandled it
            // would fail every pending request (see `unhandledrejection` below).
            Promise.resolve(result).then(undefined, ignore);
        }
    }

    self.onmessage = (event) => {
        const { id, type, data } = event.data;
        const answer = new Answer(id);
        switch (type) {
            {{cases}}
            default:
                answer.fail(
                    `{{base}} has no request of type ${JSON.stringify(type)}; it handles {{request_names}}. ` +
                        'Were {{main_file}} and {{worker_file}} generated from the same enum?',
                );
        }
    };

    // A handler may end this worker with `self.close()` (or `close()`), and the main
    // thread gets no event for that: it is told first, so that it fails what is pending
    // and starts a fresh worker for the next request. Every reply has an `id`; the
    // notice has none.
    const closeWorker = self.close;
    self.close = function close() {
        self.postMessage({ closing: true });
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


def emit_entry(worker: Worker) -> OutputFile:
    js = worker.js
    failure = worker.failure
    content = fill(
        _ENTRY,
        notice=notice_comment(worker),
        base=worker.base,
        main_file=js.main_file,
        worker_file=js.worker_file,
        handlers_file=js.handlers_file,
        handlers_import=js_string("./" + js.handlers_file),
        contract=comment_block(
            "Every request gets at most one final reply: its handler's, or "
            f"{failure.name} when the type is unknown, or the handler is not exported, "
            "throws, rejects or finishes without a final reply. Replies after the final "
            "one are ignored. A handler whose promise never settles, and that sends no "
            "final reply, keeps its request pending."
        ),
        failure_name=js_string(failure.tag),
        failure_data=failure_fields(worker, "text"),
        reply_methods="\n".join(_reply_method(v) for v in worker.responses),
        cases="\n".join(
            f"case {js_string(v.tag)}:\n"
            f"    run(handlers.{v.handler}, {js_string(v.handler)}, data, answer);\n"
            "    break;"
            for v in worker.requests
        ),
        request_names=", ".join(v.name for v in worker.requests),
    )
    return OutputFile(root="worker", path=js.worker_file, content=content)


def _reply_method(variant: Variant) -> str:
    """`processingComplete: (fields) => answer.send('ProcessingComplete', fields, true),`"""
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
    return (
        f"{js_key(variant.reply)}: {params} => "
        f"answer.send({js_string(variant.tag)}, {data}, {final}),"
    )


# ---- the scaffold: <snake>_handlers.js ---------------------------------------------

_HANDLERS = """
    {{intro}}
    //
    // It runs inside the Web Worker (no DOM, no `window`), imported by {{worker_file}}.
    // Each request from Elm calls the handler of the same name with
    //
    //     request  the request's fields (listed above each handler)
    //     reply    one method per response:
    {{reply_list}}
    //
    // Answer each request with exactly one final reply (any but progress); Elm sees the
    // request as running until then, and replies after it are ignored. When a handler
    // throws, rejects, or resolves without a final reply, Elm gets {{failure_name}}
    // with the reason, so await your work before returning. A handler whose promise
    // never settles, and that sends no final reply, keeps its request pending for as
    // long as the worker runs. Calling self.close() ends the worker: every pending
    // request gets {{failure_name}}, and the next request starts a fresh worker.
    // Replies carry JSON values only: a BigInt or a cycle ends the request with
    // {{failure_name}} when Elm cannot read it.

    {{typedefs}}
    {{stubs}}
"""


def emit_handlers(worker: Worker, project: Project | None = None) -> OutputFile:
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
            "do the work (reporting progress if it helps), then send one final reply."
            if has_progress
            else "do the work, then send one final reply."
        ),
        placeholder=placeholder,
    )


def _one_of(calls: list[str]) -> str:
    return calls[0] if len(calls) == 1 else "one of " + ", ".join(calls)


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


def _typedefs(worker: Worker, project: Project | None) -> str:
    """The JSDoc block naming the domain types that `@param` lines refer to, followed
    by a blank line; "" when messages reach none."""
    definitions = project.reached_types(worker) if project is not None else ()
    if not definitions:
        return ""
    lines = [
        f"// The domain types in requests and replies, as they travel (see {worker.js.schema_file}):",
        "/**",
        *(" * " + block_safe(f"@typedef {{{_def_type(d)}}} {d.name}") for d in definitions),
        " */",
    ]
    return "\n".join(lines) + "\n"


def _def_type(definition: TypeDef) -> str:
    """`enum Shape { Circle { radius: f64 }, Empty }` ->
    `{ type: 'Circle', radius: number } | { type: 'Empty' }`."""
    if isinstance(definition, AliasDef):
        return js_type(definition.type)
    if isinstance(definition, StructDef):
        return _value_type(definition)
    return " | ".join(_ctor_type(definition, c) for c in definition.constructors)


def _ctor_type(enum: EnumDef, ctor: Constructor) -> str:
    """One constructor as it travels: `'Png'`, `{ type: 'Circle', radius: number }`,
    `{ t: 'Square', c: number }` (adjacent), `{ Square: number }` (serde's externally
    tagged), or its bare value (untagged)."""
    tag, shape, fields = ctor.tag, ctor.shape, ctor.fields
    if enum.tagging is Tagging.STRING or (enum.tagging is Tagging.EXTERNAL and shape is Shape.UNIT):
        return js_string(tag)
    if enum.tagging is Tagging.EXTERNAL:
        return f"{{ {js_key(tag)}: {_value_type(ctor)} }}"
    if enum.tagging is Tagging.UNTAGGED:
        return _value_type(ctor)
    keys = [f"{js_key(enum.tag)}: {js_string(tag)}"]
    if enum.tagging is Tagging.ADJACENT:
        if shape is not Shape.UNIT:
            keys.append(f"{js_key(enum.content)}: {_value_type(ctor)}")
    elif shape is Shape.STRUCT or ctor.is_flat_newtype:
        keys += _key_types(ctor.keys)
    elif shape is Shape.TUPLE:
        optional = len(fields) == 1 and fields[0].optional_key
        keys.append(("value?: " if optional else "value: ") + _value_type(ctor))
    return "{ " + ", ".join(keys) + " }"


def _value_type(case: StructDef | Constructor) -> str:
    """An untagged value: `null`, a newtype's inner type, `[A, B]`, or `{ a: A }`."""
    fields = case.fields
    if case.shape is Shape.UNIT:
        return "null"
    if case.shape is Shape.TUPLE:
        if len(fields) == 1:
            return js_type(fields[0].type)
        return js_type(TupleT(tuple(f.type for f in fields)))
    keys = _key_types(case.keys)
    return "{ " + ", ".join(keys) + " }" if keys else "{}"


def _key_types(keys: tuple[Key, ...]) -> list[str]:
    """`lat: number`, `note?: string | null`; a flattened field gives its struct's keys."""
    return [f"{js_key(k.name)}{'?' if k.optional else ''}: {js_type(k.field.type)}" for k in keys]


def js_type(t: Type) -> str:
    """A JSDoc type: `List (Maybe Int)` -> `Array<number | null>`; a domain type is
    its name (`Point`), which the scaffold's `@typedef`s define."""
    if isinstance(t, PrimT):
        return {
            Prim.BOOL: "boolean",
            Prim.INT: "number",
            Prim.FLOAT: "number",
            Prim.STRING: "string",
            Prim.UNIT: "null",
        }[t.prim]
    if isinstance(t, ListT):
        return f"Array<{js_type(t.item)}>"
    if isinstance(t, MaybeT):
        return f"{js_type(t.item)} | null"
    if isinstance(t, DictT):
        return f"Object<string, {js_type(t.value)}>"
    if isinstance(t, TupleT):
        return "[" + ", ".join(js_type(item) for item in t.items) + "]"
    assert isinstance(t, NamedT)
    return t.name
