// ImageWorker handlers: this file is yours to edit. Hamlet wrote it once, from
// input/lib.rs, and never overwrites it; `hamlet generate` warns when a request has no
// handler here, and prints the function to add.
//
// It runs inside the Web Worker (no DOM, no `window`), imported by image_worker.js.
// Each request from Elm calls the handler of the same name with
//
//     request  the request's fields (listed above each handler)
//     reply    one method per response:
//                  reply.processingComplete({ resultUrl: string, originalSize: [number, number], finalSize: [number, number] })
//                  reply.processingFailed({ error: string })
//                  reply.processingProgress({ percent: number })  (progress: any number of times)
//              and reply.signal, an AbortSignal that fires when Elm cancels the
//              request or its timeout passes (Elm has then had ProcessingFailed,
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
// throws, rejects, or resolves without a final reply, Elm gets ProcessingFailed
// with the reason, so await your work before returning. A handler whose promise
// never settles, and that sends no final reply, keeps its request pending for as
// long as the worker runs, unless the request has a timeout. Calling self.close()
// ends the worker: every pending request gets ProcessingFailed, and the next
// request starts a fresh worker. Replies carry JSON values only: a BigInt or a
// cycle ends the request with ProcessingFailed when Elm cannot read it.

/**
 * ProcessImage
 *
 * @param {object} request
 * @param {string} request.imageUrl  Rust `String`
 * @param {number} request.maxWidth  Rust `u32`
 * @param {number} request.quality  Rust `u8`
 * @param {object} reply  any number of progress replies, then one final reply:
 *     reply.processingComplete({ resultUrl, originalSize, finalSize })
 *     reply.processingFailed({ error })
 *     reply.processingProgress({ percent })  (progress)
 *     reply.signal  an AbortSignal: aborted when the request is cancelled or times out
 */
export async function handleProcessImage(request, reply) {
    const { imageUrl, maxWidth, quality } = request;

    // TODO: do the work (reporting progress if it helps), then send one final reply;
    // stop early when reply.signal.aborted.
    reply.processingFailed({ error: 'handleProcessImage is not implemented yet' });
}
