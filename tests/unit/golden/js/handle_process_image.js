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
