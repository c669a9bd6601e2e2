// @ts-check
// LibraryWorker handlers: this file is yours to edit. Hamlet wrote it once, from
// input/lib.rs, and never overwrites it; `hamlet generate` warns when a request has no
// handler here, and prints the function to add.
//
// It runs inside the Web Worker (no DOM, no `window`), imported by library_worker.js.
// Each request from Elm calls the handler of the same name with
//
//     request  the request's fields (listed above each handler)
//     reply    one method per response:
//                  reply.catalogued({ id: number })
//                  reply.catalogueFailed({ error: string })
//              and reply.signal, an AbortSignal that fires when Elm cancels the
//              request or its timeout passes (Elm has then had CatalogueFailed,
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
// throws, rejects, or resolves without a final reply, Elm gets CatalogueFailed
// with the reason, so await your work before returning. A handler whose promise
// never settles, and that sends no final reply, keeps its request pending for as
// long as the worker runs, unless the request has a timeout. Calling self.close()
// ends the worker: every pending request gets CatalogueFailed, and the next
// request starts a fresh worker. Replies carry JSON values only: a BigInt or a
// cycle ends the request with CatalogueFailed when Elm cannot read it.
//
// The types come from library_worker.d.ts, which Hamlet rewrites with the worker:
// VS Code and `tsc --checkJs` flag a reply that does not exist or has a wrong field,
// and a request field that does not exist. The typedef below also flags a handler
// that is missing, misspelled or of the wrong type.
/** @typedef {import('./library_worker.js').LibraryWorkerHandlersCheck<typeof import('./library_worker_handlers.js')>} LibraryWorkerHandlersChecked */

/**
 * Catalogue: The book's keys beside the message's own: `{"type": "Catalogue", "title": .., "pageCount": .., "created_by": .., "location": ..}`.
 *
 * @param {import('./library_worker.js').LibraryWorkerRequest['Catalogue']} request
 *     title: string  Rust `String`
 *     pageCount: number  Rust `u32`
 *     created_by: string  Rust `String`
 *     location: Location  Rust `Location`
 * @param {import('./library_worker.js').LibraryWorkerReply} reply
 *     one final reply:
 *     reply.catalogued({ id })
 *     reply.catalogueFailed({ error })
 *     reply.signal  an AbortSignal: aborted when the request is cancelled or times out
 */
export async function handleCatalogue(request, reply) {
    const { title, pageCount, created_by, location } = request;

    // TODO: do the work, then send one final reply;
    // stop early when reply.signal.aborted.
    reply.catalogueFailed({ error: 'handleCatalogue is not implemented yet' });
}
