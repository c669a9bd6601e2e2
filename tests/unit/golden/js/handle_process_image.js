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
 */
export async function handleProcessImage(request, reply) {
    const { imageUrl, maxWidth, quality } = request;

    // TODO: do the work (reporting progress if it helps), then send one final reply.
    reply.processingFailed({ error: 'handleProcessImage is not implemented yet' });
}
