// @ts-check
// KeywordWorker handlers: this file is yours to edit. Hamlet wrote it once, from
// input/lib.rs, and never overwrites it; `hamlet generate` warns when a request has no
// handler here, and prints the function to add.
//
// It runs inside the Web Worker (no DOM, no `window`), imported by keyword_worker.js.
// Each request from Elm calls the handler of the same name with
//
//     request  the request's fields (listed above each handler)
//     reply    one method per response:
//                  reply.echoed({ request: string, reply: string, answer: number, await: boolean, arguments: Array<string>, eval: string | null })
//                  reply.found(value1: string, value2: number)
//                  reply.keywordFailed({ error: string })
//              and reply.signal, an AbortSignal that fires when Elm cancels the
//              request or its timeout passes (Elm has then had KeywordFailed,
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
// throws, rejects, or resolves without a final reply, Elm gets KeywordFailed
// with the reason, so await your work before returning. A handler whose promise
// never settles, and that sends no final reply, keeps its request pending for as
// long as the worker runs, unless the request has a timeout. Calling self.close()
// ends the worker: every pending request gets KeywordFailed, and the next
// request starts a fresh worker. Replies carry JSON values only: a BigInt or a
// cycle ends the request with KeywordFailed when Elm cannot read it.
//
// The types come from keyword_worker.d.ts, which Hamlet rewrites with the worker:
// VS Code and `tsc --checkJs` flag a reply that does not exist or has a wrong field,
// and a request field that does not exist. The typedef below also flags a handler
// that is missing, misspelled or of the wrong type.
/** @typedef {import('./keyword_worker.js').KeywordWorkerHandlersCheck<typeof import('./keyword_worker_handlers.js')>} KeywordWorkerHandlersChecked */

/**
 * Echo
 *
 * @param {import('./keyword_worker.js').KeywordWorkerRequest['Echo']} request
 *     request: string  Rust `String`
 *     reply: string  Rust `String`
 *     answer: number  Rust `u32`
 *     await: boolean  Rust `bool`
 *     arguments: Array<string>  Rust `Vec<String>`
 *     eval: string | null  Rust `Option<String>`
 *     yield: number  Rust `u8`
 *     let: number  Rust `i32`
 *     static: number  Rust `f64`
 *     implements: string  Rust `String`
 *     package: string  Rust `String`
 *     interface: string  Rust `String`
 *     enum: string  Rust `String`
 *     class: string  Rust `String`
 *     this: string  Rust `String`
 *     null: boolean  Rust `bool`
 *     default: string  Rust `String`
 * @param {import('./keyword_worker.js').KeywordWorkerReply} reply
 *     one final reply:
 *     reply.echoed({ request: request_, reply: reply_, answer: answer_, await: await_, arguments: arguments_, eval: eval_ })
 *     reply.found(value1, value2)
 *     reply.keywordFailed({ error })
 *     reply.signal  an AbortSignal: aborted when the request is cancelled or times out
 */
export async function handleEcho(request, reply) {
    const { request: request_, reply: reply_, answer: answer_, await: await_, arguments: arguments_, eval: eval_, yield: yield_, let: let_, static: static_, implements: implements_, package: package_, interface: interface_, enum: enum_, class: class_, this: this_, null: null_, default: default_ } = request;

    // TODO: do the work, then send one final reply;
    // stop early when reply.signal.aborted.
    reply.keywordFailed({ error: 'handleEcho is not implemented yet' });
}

/**
 * Lookup
 *
 * @param {import('./keyword_worker.js').KeywordWorkerRequest['Lookup']} request
 *     class: string  Rust `String`
 *     class_: string  Rust `String`
 *     reply: boolean  Rust `bool`
 * @param {import('./keyword_worker.js').KeywordWorkerReply} reply
 *     one final reply:
 *     reply.echoed({ request: request_, reply: reply_, answer: answer_, await: await_, arguments: arguments_, eval: eval_ })
 *     reply.found(value1, value2)
 *     reply.keywordFailed({ error })
 *     reply.signal  an AbortSignal: aborted when the request is cancelled or times out
 */
export async function handleLookup(request, reply) {
    const { class: class_, class_: class__, reply: reply_ } = request;

    // TODO: do the work, then send one final reply;
    // stop early when reply.signal.aborted.
    reply.keywordFailed({ error: 'handleLookup is not implemented yet' });
}

/**
 * Pair
 *
 * @param {import('./keyword_worker.js').KeywordWorkerRequest['Pair']} request
 *     value: [string, string]  Rust `(String, String)`
 * @param {import('./keyword_worker.js').KeywordWorkerReply} reply
 *     one final reply:
 *     reply.echoed({ request: request_, reply: reply_, answer: answer_, await: await_, arguments: arguments_, eval: eval_ })
 *     reply.found(value1, value2)
 *     reply.keywordFailed({ error })
 *     reply.signal  an AbortSignal: aborted when the request is cancelled or times out
 */
export async function handlePair(request, reply) {
    const [value1, value2] = request.value;

    // TODO: do the work, then send one final reply;
    // stop early when reply.signal.aborted.
    reply.keywordFailed({ error: 'handlePair is not implemented yet' });
}
