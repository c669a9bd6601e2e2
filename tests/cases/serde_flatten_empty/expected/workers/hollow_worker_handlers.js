// @ts-check
// HollowWorker handlers: this file is yours to edit. Hamlet wrote it once, from
// input/lib.rs, and never overwrites it; `hamlet generate` warns when a request has no
// handler here, and prints the function to add.
//
// It runs inside the Web Worker (no DOM, no `window`), imported by hollow_worker.js.
// Each request from Elm calls the handler of the same name with
//
//     request  the request's fields (listed above each handler)
//     reply    one method per response:
//                  reply.wrapped(value: Outer)
//                  reply.wrapFailed({ error: string })
//              and reply.signal, an AbortSignal that fires when Elm cancels the
//              request or its timeout passes (Elm has then had WrapFailed,
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
// throws, rejects, or resolves without a final reply, Elm gets WrapFailed
// with the reason, so await your work before returning. A handler whose promise
// never settles, and that sends no final reply, keeps its request pending for as
// long as the worker runs, unless the request has a timeout. Calling self.close()
// ends the worker: every pending request gets WrapFailed, and the next
// request starts a fresh worker. Replies carry JSON values only: a BigInt or a
// cycle ends the request with WrapFailed when Elm cannot read it.
//
// The types come from hollow_worker.d.ts, which Hamlet rewrites with the worker:
// VS Code and `tsc --checkJs` flag a reply that does not exist or has a wrong field,
// and a request field that does not exist. The typedef below also flags a handler
// that is missing, misspelled or of the wrong type.
/** @typedef {import('./hollow_worker.js').HollowWorkerHandlersCheck<typeof import('./hollow_worker_handlers.js')>} HollowWorkerHandlersChecked */

/**
 * Hollow: `{"type": "Hollow"}`: the message's newtype of `Nothing` is the tag alone.
 *
 * @param {import('./hollow_worker.js').HollowWorkerRequest['Hollow']} request
 * @param {import('./hollow_worker.js').HollowWorkerReply} reply
 *     one final reply:
 *     reply.wrapped(value)
 *     reply.wrapFailed({ error })
 *     reply.signal  an AbortSignal: aborted when the request is cancelled or times out
 */
export async function handleHollow(request, reply) {
    const {  } = request;

    // TODO: do the work, then send one final reply;
    // stop early when reply.signal.aborted.
    reply.wrapFailed({ error: 'handleHollow is not implemented yet' });
}

/**
 * Wrap: `{"type": "Wrap", "outer": {"a": 1}, "tagged": {"kind": "D"}}`.
 *
 * @param {import('./hollow_worker.js').HollowWorkerRequest['Wrap']} request
 *     outer: Outer  Rust `Outer`
 *     tagged: TaggedNothing  Rust `TaggedNothing`
 * @param {import('./hollow_worker.js').HollowWorkerReply} reply
 *     one final reply:
 *     reply.wrapped(value)
 *     reply.wrapFailed({ error })
 *     reply.signal  an AbortSignal: aborted when the request is cancelled or times out
 */
export async function handleWrap(request, reply) {
    const { outer, tagged } = request;

    // TODO: do the work, then send one final reply;
    // stop early when reply.signal.aborted.
    reply.wrapFailed({ error: 'handleWrap is not implemented yet' });
}
