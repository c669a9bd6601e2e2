"""The worker side's TypeScript declarations `<snake>.d.ts`, beside the worker entry
`<snake>.js`, which they declare: types only, for the handlers to be checked against.

    #[derive(BuildAmpWorker)]
    pub enum CSVWorkerMessage {
        ParseCSV { data: String },
        CSVParsed { rows: Vec<Vec<String>> },
        ParseError { error: String },
    }

becomes `csv_worker.d.ts`:

    export interface CSVWorkerRequest { ParseCSV: { data: string }; }
    export interface CSVWorkerResponse { CSVParsed: { rows: Array<Array<string>> }; .. }
    export interface CSVWorkerReply {
        csvParsed(fields: CSVWorkerResponse['CSVParsed']): void;
        ..
        readonly signal: globalThis.AbortSignal;
    }
    export interface CSVWorkerHandlers {
        handleParseCSV: (request: CSVWorkerRequest['ParseCSV'], reply: CSVWorkerReply) => ..;
    }
    export type CSVWorkerHandlersCheck<Module extends ..> = Module;

with the domain types the messages reach, as they travel (`hamlet.emit.js_types`). The
scaffold's handlers refer to these with JSDoc `import()` types. Global types are written
`globalThis.AbortSignal`, so that a domain type named `AbortSignal` shadows nothing.
"""

from __future__ import annotations

from hamlet.emit.js_text import doc_safe, fill, js_key, js_string, notice_comment, one_line
from hamlet.emit.js_types import def_type, js_type, payload_type
from hamlet.model import Field, OutputFile, Project, Shape, Variant, Worker

_DECLARATIONS = """
    {{notice}}
    //
    // TypeScript declarations of the {{base}} worker entry {{worker_file}}: the types that
    // the handlers in {{handlers_file}} are checked against, by VS Code and by
    // `tsc --checkJs`. The entry exports nothing; these are types only. A handlers file
    // uses them with JSDoc `import()` types (the scaffold starts this way):
    //
    //     // @ts-check
    //     /** @typedef {import('./{{worker_file}}').{{check}}<typeof import('./{{handlers_file}}')>} {{checked}} */
    //
    //     /**
    //      * @param {import('./{{worker_file}}').{{requests}}['{{first_request}}']} request
    //      * @param {import('./{{worker_file}}').{{reply}}} reply
    //      */
    //     export async function {{first_handler}}(request, reply) { ... }

    {{domain_types}}
    /** Each request's fields, by variant: what its handler gets as `request`. */
    export interface {{requests}} {
        {{request_payloads}}
    }

    /** Each response's fields, by variant: what its `reply` method sends. */
    export interface {{responses}} {
        {{response_payloads}}
    }

    /**
     * The `reply` a handler gets: one method per response, and `signal`. Send any number
     * of progress replies, then exactly one final reply; replies after it are dropped.
     */
    export interface {{reply}} {
        {{reply_methods}}
        /**
         * Aborted when Elm cancels the request or its timeout passes: Elm has then had
         * {{failure_name}}, and every later reply is dropped.
         */
        readonly signal: globalThis.AbortSignal;
    }

    /** The functions {{handlers_file}} exports: one per request. */
    export interface {{handlers}} {
        {{handler_types}}
    }

    /**
     * `{{check}}<typeof import('./{{handlers_file}}')>` is an error when that
     * module lacks a handler, exports one of the wrong type, or exports a `handle...`
     * function that no request calls (a misspelled name).
     */
    export type {{check}}<
        // The misspelled names first: tsc reports the first part that fails, and the
        // name is the better clue than the handler it leaves missing.
        Module extends {
            [Name in keyof Module as Name extends `handle${string}`
                ? Name extends keyof {{handlers}}
                    ? never
                    : Name
                : never]: 'no request calls this handler: is its name misspelled?';
        } & {{handlers}},
    > = Module;
"""


def emit_worker_types(project: Project, worker: Worker) -> OutputFile:
    """`<snake>.d.ts`; `project` holds the domain types the worker's messages reach."""
    js, ts = worker.js, worker.js.ts
    first = worker.requests[0]
    content = fill(
        _DECLARATIONS,
        notice=notice_comment(worker),
        base=worker.base,
        worker_file=js.worker_file,
        handlers_file=js.handlers_file,
        check=ts.check,
        checked=ts.checked,
        requests=ts.requests,
        responses=ts.responses,
        reply=ts.reply,
        handlers=ts.handlers,
        first_request=first.name,
        first_handler=first.handler,
        domain_types=_domain_types(project, worker),
        request_payloads="\n".join(_payload(v) for v in worker.requests),
        response_payloads="\n".join(_payload(v) for v in worker.responses),
        reply_methods="\n".join(_reply_method(worker, v) for v in worker.responses),
        failure_name=worker.failure.name,
        handler_types="\n".join(
            (_doc(_variant_summary(v)) + "\n" if v.docs else "")
            + f"{v.handler}: (request: {ts.requests}[{js_string(v.name)}], reply: {ts.reply})"
            " => void | globalThis.Promise<void>;"
            for v in worker.requests
        ),
    )
    return OutputFile(root="worker", path=ts.worker_file, content=content)


def _domain_types(project: Project, worker: Worker) -> str:
    """`export type Point = { lat: number, lon: number };` per domain type, each with
    its docs, then a blank line; "" when the messages reach none."""
    definitions = project.reached_types(worker)
    if not definitions:
        return ""
    lines = [
        "// The domain types in requests and replies, as they travel "
        f"(see {worker.js.schema_file}).",
    ]
    for d in definitions:
        if d.docs:
            lines.append(_doc(d.docs))
        lines.append(f"export type {d.name} = {def_type(d)};")
    return "\n".join(lines) + "\n"


def _payload(variant: Variant) -> str:
    """`ParseCSV: { data: string };` with the variant's docs and each field's Rust type."""
    head = _doc(_variant_summary(variant)) + "\n" if variant.docs else ""
    if variant.shape is Shape.UNIT:
        return head + f"{js_key(variant.name)}: {{}};"
    if variant.shape is Shape.TUPLE and not variant.is_flat_newtype:
        return head + f"{js_key(variant.name)}: {payload_type(variant)};"
    lines = [f"{js_key(variant.name)}: {{"]
    for key in variant.keys:
        lines.append("    " + _doc(_field_summary(key.field)))
        optional = "?" if key.optional else ""
        lines.append(f"    {js_key(key.name)}{optional}: {js_type(key.field.type)};")
    lines.append("};")
    return head + "\n".join(lines)


def _reply_method(worker: Worker, variant: Variant) -> str:
    """`csvParsed(fields: CSVWorkerResponse['CSVParsed']): void;`; a tuple response takes
    its values (`resized(value: number): void;`), a unit one nothing."""
    ts = worker.js.ts
    if variant.shape is Shape.UNIT:
        params = ""
    elif variant.shape is Shape.TUPLE:
        params = ", ".join(f"{f.js_name}: {js_type(f.type)}" for f in variant.fields)
    else:
        params = f"fields: {ts.responses}[{js_string(variant.name)}]"
    role = (
        f"Final: sends {variant.name} and ends the request."
        if variant.is_terminal
        else f"Progress: sends {variant.name}, any number of times before the final reply."
    )
    docs = f"{role} {one_line(variant.docs)}" if variant.docs else role
    return _doc(docs) + f"\n{js_key(variant.reply)}({params}): void;"


def _variant_summary(variant: Variant) -> str:
    return f"{variant.name}: {one_line(variant.docs)}" if variant.docs else variant.name


def _field_summary(field: Field) -> str:
    rust = f"Rust `{one_line(field.rust_type)}`"
    return f"{rust}: {one_line(field.docs)}" if field.docs else rust


def _doc(text: str) -> str:
    return f"/** {doc_safe(one_line(text))} */"

