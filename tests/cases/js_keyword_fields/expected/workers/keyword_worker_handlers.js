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

// The domain types in requests and replies, as they travel (see keyword_worker.schema.json):
/**
 * @typedef {{ class_: string, reply: boolean }} Extra
 */

/**
 * Echo
 *
 * @param {object} request
 * @param {string} request.request  Rust `String`
 * @param {string} request.reply  Rust `String`
 * @param {number} request.answer  Rust `u32`
 * @param {boolean} request.await  Rust `bool`
 * @param {Array<string>} request.arguments  Rust `Vec<String>`
 * @param {string | null} request.eval  Rust `Option<String>`
 * @param {number} request.yield  Rust `u8`
 * @param {number} request.let  Rust `i32`
 * @param {number} request.static  Rust `f64`
 * @param {string} request.implements  Rust `String`
 * @param {string} request.package  Rust `String`
 * @param {string} request.interface  Rust `String`
 * @param {string} request.enum  Rust `String`
 * @param {string} request.class  Rust `String`
 * @param {string} request.this  Rust `String`
 * @param {boolean} request.null  Rust `bool`
 * @param {string} request.default  Rust `String`
 * @param {object} reply  one final reply:
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
 * @param {object} request
 * @param {string} request.class  Rust `String`
 * @param {string} request.class_  Rust `String`
 * @param {boolean} request.reply  Rust `bool`
 * @param {object} reply  one final reply:
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
 * @param {object} request
 * @param {[string, string]} request.value  Rust `(String, String)`
 * @param {object} reply  one final reply:
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
