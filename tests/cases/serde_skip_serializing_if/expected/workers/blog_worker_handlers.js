// @ts-check
// BlogWorker handlers: this file is yours to edit. Hamlet wrote it once, from
// input/lib.rs, and never overwrites it; `hamlet generate` warns when a request has no
// handler here, and prints the function to add.
//
// It runs inside the Web Worker (no DOM, no `window`), imported by blog_worker.js.
// Each request from Elm calls the handler of the same name with
//
//     request  the request's fields (listed above each handler)
//     reply    one method per response:
//                  reply.published({ url: string })
//                  reply.publishFailed({ error: string })
//              and reply.signal, an AbortSignal that fires when Elm cancels the
//              request or its timeout passes (Elm has then had PublishFailed,
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
// throws, rejects, or resolves without a final reply, Elm gets PublishFailed
// with the reason, so await your work before returning. A handler whose promise
// never settles, and that sends no final reply, keeps its request pending for as
// long as the worker runs, unless the request has a timeout. Calling self.close()
// ends the worker: every pending request gets PublishFailed, and the next
// request starts a fresh worker. Replies carry JSON values only: a BigInt or a
// cycle ends the request with PublishFailed when Elm cannot read it.
//
// The types come from blog_worker.d.ts, which Hamlet rewrites with the worker:
// VS Code and `tsc --checkJs` flag a reply that does not exist or has a wrong field,
// and a request field that does not exist. The typedef below also flags a handler
// that is missing, misspelled or of the wrong type.
/** @typedef {import('./blog_worker.js').BlogWorkerHandlersCheck<typeof import('./blog_worker_handlers.js')>} BlogWorkerHandlersChecked */

/**
 * Publish
 *
 * @param {import('./blog_worker.js').BlogWorkerRequest['Publish']} request
 *     post: Post  Rust `Post`
 *     slug: string | null  Rust `Option<String>`
 * @param {import('./blog_worker.js').BlogWorkerReply} reply
 *     one final reply:
 *     reply.published({ url })
 *     reply.publishFailed({ error })
 *     reply.signal  an AbortSignal: aborted when the request is cancelled or times out
 */
export async function handlePublish(request, reply) {
    const { post, slug } = request;

    // TODO: do the work, then send one final reply;
    // stop early when reply.signal.aborted.
    reply.publishFailed({ error: 'handlePublish is not implemented yet' });
}
