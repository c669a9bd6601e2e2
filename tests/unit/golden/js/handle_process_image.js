/**
 * ProcessImage
 *
 * @param {import('./image_worker.js').ImageWorkerRequest['ProcessImage']} request
 *     imageUrl: string  Rust `String`
 *     maxWidth: number  Rust `u32`
 *     quality: number  Rust `u8`
 * @param {import('./image_worker.js').ImageWorkerReply} reply
 *     any number of progress replies, then one final reply:
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
