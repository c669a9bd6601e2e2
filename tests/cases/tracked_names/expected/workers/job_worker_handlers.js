// @ts-check
// JobWorker handlers: this file is yours to edit. Hamlet wrote it once, from
// input/lib.rs, and never overwrites it; `hamlet generate` warns when a request has no
// handler here, and prints the function to add.
//
// It runs inside the Web Worker (no DOM, no `window`), imported by job_worker.js.
// Each request from Elm calls the handler of the same name with
//
//     request  the request's fields (listed above each handler)
//     reply    one method per response:
//                  reply.done({ tracker: string })
//                  reply.signalSent({ signal: string })
//                  reply.jobFailed({ error: string })
//              and reply.signal, an AbortSignal that fires when Elm cancels the
//              request or its timeout passes (Elm has then had JobFailed,
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
// throws, rejects, or resolves without a final reply, Elm gets JobFailed
// with the reason, so await your work before returning. A handler whose promise
// never settles, and that sends no final reply, keeps its request pending for as
// long as the worker runs, unless the request has a timeout. Calling self.close()
// ends the worker: every pending request gets JobFailed, and the next
// request starts a fresh worker. Replies carry JSON values only: a BigInt or a
// cycle ends the request with JobFailed when Elm cannot read it.
//
// The types come from job_worker.d.ts, which Hamlet rewrites with the worker:
// VS Code and `tsc --checkJs` flag a reply that does not exist or has a wrong field,
// and a request field that does not exist. The typedef below also flags a handler
// that is missing, misspelled or of the wrong type.
/** @typedef {import('./job_worker.js').JobWorkerHandlersCheck<typeof import('./job_worker_handlers.js')>} JobWorkerHandlersChecked */

/**
 * Tracker
 *
 * @param {import('./job_worker.js').JobWorkerRequest['Tracker']} request
 *     tracker: string  Rust `String`
 *     timeout: number  Rust `f64`
 * @param {import('./job_worker.js').JobWorkerReply} reply
 *     one final reply:
 *     reply.done({ tracker })
 *     reply.signalSent({ signal })
 *     reply.jobFailed({ error })
 *     reply.signal  an AbortSignal: aborted when the request is cancelled or times out
 */
export async function handleTracker(request, reply) {
    const { tracker, timeout } = request;

    // TODO: do the work, then send one final reply;
    // stop early when reply.signal.aborted.
    reply.jobFailed({ error: 'handleTracker is not implemented yet' });
}

/**
 * Options
 *
 * @param {import('./job_worker.js').JobWorkerRequest['Options']} request
 *     cancel: boolean  Rust `bool`
 *     send: string  Rust `String`
 * @param {import('./job_worker.js').JobWorkerReply} reply
 *     one final reply:
 *     reply.done({ tracker })
 *     reply.signalSent({ signal })
 *     reply.jobFailed({ error })
 *     reply.signal  an AbortSignal: aborted when the request is cancelled or times out
 */
export async function handleOptions(request, reply) {
    const { cancel, send } = request;

    // TODO: do the work, then send one final reply;
    // stop early when reply.signal.aborted.
    reply.jobFailed({ error: 'handleOptions is not implemented yet' });
}

/**
 * Request
 *
 * @param {import('./job_worker.js').JobWorkerRequest['Request']} request
 *     value: string  Rust `String`
 * @param {import('./job_worker.js').JobWorkerReply} reply
 *     one final reply:
 *     reply.done({ tracker })
 *     reply.signalSent({ signal })
 *     reply.jobFailed({ error })
 *     reply.signal  an AbortSignal: aborted when the request is cancelled or times out
 */
export async function handleRequest(request, reply) {
    const value = request.value;

    // TODO: do the work, then send one final reply;
    // stop early when reply.signal.aborted.
    reply.jobFailed({ error: 'handleRequest is not implemented yet' });
}

/**
 * Cancel
 *
 * @param {import('./job_worker.js').JobWorkerRequest['Cancel']} request  Cancel carries no fields: {}
 * @param {import('./job_worker.js').JobWorkerReply} reply
 *     one final reply:
 *     reply.done({ tracker })
 *     reply.signalSent({ signal })
 *     reply.jobFailed({ error })
 *     reply.signal  an AbortSignal: aborted when the request is cancelled or times out
 */
export async function handleCancel(request, reply) {
    // TODO: do the work, then send one final reply;
    // stop early when reply.signal.aborted.
    reply.jobFailed({ error: 'handleCancel is not implemented yet' });
}

/**
 * Terminate
 *
 * @param {import('./job_worker.js').JobWorkerRequest['Terminate']} request  Terminate carries no fields: {}
 * @param {import('./job_worker.js').JobWorkerReply} reply
 *     one final reply:
 *     reply.done({ tracker })
 *     reply.signalSent({ signal })
 *     reply.jobFailed({ error })
 *     reply.signal  an AbortSignal: aborted when the request is cancelled or times out
 */
export async function handleTerminate(request, reply) {
    // TODO: do the work, then send one final reply;
    // stop early when reply.signal.aborted.
    reply.jobFailed({ error: 'handleTerminate is not implemented yet' });
}

/**
 * Send
 *
 * @param {import('./job_worker.js').JobWorkerRequest['Send']} request
 *     id: number  Rust `u32`
 * @param {import('./job_worker.js').JobWorkerReply} reply
 *     one final reply:
 *     reply.done({ tracker })
 *     reply.signalSent({ signal })
 *     reply.jobFailed({ error })
 *     reply.signal  an AbortSignal: aborted when the request is cancelled or times out
 */
export async function handleSend(request, reply) {
    const { id } = request;

    // TODO: do the work, then send one final reply;
    // stop early when reply.signal.aborted.
    reply.jobFailed({ error: 'handleSend is not implemented yet' });
}
