// @ts-check
// FileWorker handlers: this file is yours to edit. Hamlet wrote it once, from
// input/lib.rs, and never overwrites it; `hamlet generate` warns when a request has no
// handler here, and prints the function to add.
//
// It runs inside the Web Worker (no DOM, no `window`), imported by file_worker.js.
// Each request from Elm calls the handler of the same name with
//
//     request  the request's fields (listed above each handler)
//     reply    one method per response:
//                  reply.stored({ fileId: string })
//                  reply.listed({ fileNames: Array<string> })
//                  reply.fileFailed({ error: string })
//              and reply.signal, an AbortSignal that fires when Elm cancels the
//              request or its timeout passes (Elm has then had FileFailed,
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
// throws, rejects, or resolves without a final reply, Elm gets FileFailed
// with the reason, so await your work before returning. A handler whose promise
// never settles, and that sends no final reply, keeps its request pending for as
// long as the worker runs, unless the request has a timeout. Calling self.close()
// ends the worker: every pending request gets FileFailed, and the next
// request starts a fresh worker. Replies carry JSON values only: a BigInt or a
// cycle ends the request with FileFailed when Elm cannot read it.
//
// The types come from file_worker.d.ts, which Hamlet rewrites with the worker:
// VS Code and `tsc --checkJs` flag a reply that does not exist or has a wrong field,
// and a request field that does not exist. The typedef below also flags a handler
// that is missing, misspelled or of the wrong type.
/** @typedef {import('./file_worker.js').FileWorkerHandlersCheck<typeof import('./file_worker_handlers.js')>} FileWorkerHandlersChecked */

/**
 * Store: `{"type": "Store", "fileName": .., "byteCount": ..}`
 *
 * @param {import('./file_worker.js').FileWorkerRequest['Store']} request
 *     fileName: string  Rust `String`
 *     byteCount: number  Rust `u64`
 * @param {import('./file_worker.js').FileWorkerReply} reply
 *     one final reply:
 *     reply.stored({ fileId })
 *     reply.listed({ fileNames })
 *     reply.fileFailed({ error })
 *     reply.signal  an AbortSignal: aborted when the request is cancelled or times out
 */
export async function handleStore(request, reply) {
    const { fileName, byteCount } = request;

    // TODO: do the work, then send one final reply;
    // stop early when reply.signal.aborted.
    reply.fileFailed({ error: 'handleStore is not implemented yet' });
}

/**
 * Delete: `{"type": "Delete", "filePath": ..}`
 *
 * @param {import('./file_worker.js').FileWorkerRequest['Delete']} request
 *     filePath: string  Rust `String`
 * @param {import('./file_worker.js').FileWorkerReply} reply
 *     one final reply:
 *     reply.stored({ fileId })
 *     reply.listed({ fileNames })
 *     reply.fileFailed({ error })
 *     reply.signal  an AbortSignal: aborted when the request is cancelled or times out
 */
export async function handleDelete(request, reply) {
    const { filePath } = request;

    // TODO: do the work, then send one final reply;
    // stop early when reply.signal.aborted.
    reply.fileFailed({ error: 'handleDelete is not implemented yet' });
}

/**
 * ListAll: `{"type": "list-all"}`
 *
 * @param {import('./file_worker.js').FileWorkerRequest['ListAll']} request  ListAll carries no fields: {}
 * @param {import('./file_worker.js').FileWorkerReply} reply
 *     one final reply:
 *     reply.stored({ fileId })
 *     reply.listed({ fileNames })
 *     reply.fileFailed({ error })
 *     reply.signal  an AbortSignal: aborted when the request is cancelled or times out
 */
export async function handleListAll(request, reply) {
    // TODO: do the work, then send one final reply;
    // stop early when reply.signal.aborted.
    reply.fileFailed({ error: 'handleListAll is not implemented yet' });
}

/**
 * Move: `{"type": "Move", "from_path": .., "to_path": ..}`: the variant's own style wins.
 *
 * @param {import('./file_worker.js').FileWorkerRequest['Move']} request
 *     from_path: string  Rust `String`
 *     to_path: string  Rust `String`
 * @param {import('./file_worker.js').FileWorkerReply} reply
 *     one final reply:
 *     reply.stored({ fileId })
 *     reply.listed({ fileNames })
 *     reply.fileFailed({ error })
 *     reply.signal  an AbortSignal: aborted when the request is cancelled or times out
 */
export async function handleMove(request, reply) {
    const { from_path, to_path } = request;

    // TODO: do the work, then send one final reply;
    // stop early when reply.signal.aborted.
    reply.fileFailed({ error: 'handleMove is not implemented yet' });
}
