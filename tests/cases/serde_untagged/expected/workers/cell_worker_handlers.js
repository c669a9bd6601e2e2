// @ts-check
// CellWorker handlers: this file is yours to edit. Hamlet wrote it once, from
// input/lib.rs, and never overwrites it; `hamlet generate` warns when a request has no
// handler here, and prints the function to add.
//
// It runs inside the Web Worker (no DOM, no `window`), imported by cell_worker.js.
// Each request from Elm calls the handler of the same name with
//
//     request  the request's fields (listed above each handler)
//     reply    one method per response:
//                  reply.evaluated({ value: Value_ })
//                  reply.evaluateFailed({ error: string })
//              and reply.signal, an AbortSignal that fires when Elm cancels the
//              request or its timeout passes (Elm has then had EvaluateFailed,
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
// throws, rejects, or resolves without a final reply, Elm gets EvaluateFailed
// with the reason, so await your work before returning. A handler whose promise
// never settles, and that sends no final reply, keeps its request pending for as
// long as the worker runs, unless the request has a timeout. Calling self.close()
// ends the worker: every pending request gets EvaluateFailed, and the next
// request starts a fresh worker. Replies carry JSON values only: a BigInt or a
// cycle ends the request with EvaluateFailed when Elm cannot read it.
//
// The types come from cell_worker.d.ts, which Hamlet rewrites with the worker:
// VS Code and `tsc --checkJs` flag a reply that does not exist or has a wrong field,
// and a request field that does not exist. The typedef below also flags a handler
// that is missing, misspelled or of the wrong type.
/** @typedef {import('./cell_worker.js').CellWorkerHandlersCheck<typeof import('./cell_worker_handlers.js')>} CellWorkerHandlersChecked */

/**
 * Evaluate
 *
 * @param {import('./cell_worker.js').CellWorkerRequest['Evaluate']} request
 *     formula: string  Rust `String`
 *     inputs: Array<Value_>  Rust `Vec<Value>`
 * @param {import('./cell_worker.js').CellWorkerReply} reply
 *     one final reply:
 *     reply.evaluated({ value })
 *     reply.evaluateFailed({ error })
 *     reply.signal  an AbortSignal: aborted when the request is cancelled or times out
 */
export async function handleEvaluate(request, reply) {
    const { formula, inputs } = request;

    // TODO: do the work, then send one final reply;
    // stop early when reply.signal.aborted.
    reply.evaluateFailed({ error: 'handleEvaluate is not implemented yet' });
}
