// @ts-check
// TagWorker handlers: this file is yours to edit. Hamlet wrote it once, from
// input/lib.rs, and never overwrites it; `hamlet generate` warns when a request has no
// handler here, and prints the function to add.
//
// It runs inside the Web Worker (no DOM, no `window`), imported by tag_worker.js.
// Each request from Elm calls the handler of the same name with
//
//     request  the request's fields (listed above each handler)
//     reply    one method per response:
//                  reply.measured({ length: number })
//                  reply.measureFailed({ error: string })
//              and reply.signal, an AbortSignal that fires when Elm cancels the
//              request or its timeout passes (Elm has then had MeasureFailed,
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
// throws, rejects, or resolves without a final reply, Elm gets MeasureFailed
// with the reason, so await your work before returning. A handler whose promise
// never settles, and that sends no final reply, keeps its request pending for as
// long as the worker runs, unless the request has a timeout. Calling self.close()
// ends the worker: every pending request gets MeasureFailed, and the next
// request starts a fresh worker. Replies carry JSON values only: a BigInt or a
// cycle ends the request with MeasureFailed when Elm cannot read it.
//
// The types come from tag_worker.d.ts, which Hamlet rewrites with the worker:
// VS Code and `tsc --checkJs` flag a reply that does not exist or has a wrong field,
// and a request field that does not exist. The typedef below also flags a handler
// that is missing, misspelled or of the wrong type.
/** @typedef {import('./tag_worker.js').TagWorkerHandlersCheck<typeof import('./tag_worker_handlers.js')>} TagWorkerHandlersChecked */

/**
 * Measure: Measures it. \@returns {number} the length \@param {number} request
 *
 * @param {import('./tag_worker.js').TagWorkerRequest['Measure']} request
 *     at: Point  Rust `Point`: where \@type {number}, mailed to ops@example.com
 *     scale: number  Rust `f64`: \@deprecated \@satisfies {string}
 * @param {import('./tag_worker.js').TagWorkerReply} reply
 *     one final reply:
 *     reply.measured({ length })
 *     reply.measureFailed({ error })
 *     reply.signal  an AbortSignal: aborted when the request is cancelled or times out
 */
export async function handleMeasure(request, reply) {
    const { at, scale } = request;

    // TODO: do the work, then send one final reply;
    // stop early when reply.signal.aborted.
    reply.measureFailed({ error: 'handleMeasure is not implemented yet' });
}

/**
 * Ping: \@this {number}
 *
 * @param {import('./tag_worker.js').TagWorkerRequest['Ping']} request
 *     value: number  Rust `u8`
 * @param {import('./tag_worker.js').TagWorkerReply} reply
 *     one final reply:
 *     reply.measured({ length })
 *     reply.measureFailed({ error })
 *     reply.signal  an AbortSignal: aborted when the request is cancelled or times out
 */
export async function handlePing(request, reply) {
    const value = request.value;

    // TODO: do the work, then send one final reply;
    // stop early when reply.signal.aborted.
    reply.measureFailed({ error: 'handlePing is not implemented yet' });
}
