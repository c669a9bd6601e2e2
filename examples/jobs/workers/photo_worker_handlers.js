// @ts-check
// PhotoWorker handlers: this file is ours. Hamlet wrote it once as a scaffold, from
// src/lib.rs, and never overwrites it; `hamlet generate` warns when a request has no
// handler here. It runs inside the Web Worker, imported by the generated photo_worker.js.
//
// The page runs several jobs at once, and the worker runs them side by side: before
// each band of rows, a job awaits `nextTurn()`, which lets the worker read its messages
// (a new job, or the cancel of a running one) and run a band of another job. Then it
// checks `reply.signal`, which is aborted when the page cancels the job or the job's
// timeout passes, and stops. The page has already got FilterFailed ("cancelled", or
// "timed out after 3000 ms") by then, so the handler sends nothing more: a reply after
// that would be dropped anyway. ("Stop all" needs none of this: it ends the worker.)

import { KERNELS, filterRows, makePhoto, summarize } from './photo.js';

// Checked against the generated photo_worker.d.ts: a missing or misspelled handler, a
// reply that does not exist or a wrong field is an error in the editor and for `tsc --checkJs`.
/** @typedef {import('./photo_worker.js').PhotoWorkerHandlersCheck<typeof import('./photo_worker_handlers.js')>} PhotoWorkerHandlersChecked */

// About this many pixels per band: a few milliseconds of work, so that a cancel takes
// effect at once and jobs take turns often.
const BAND_PIXELS = 1 << 18;
// A progress reply for every hundredth of the job, not for every band: Elm redraws the
// page for each.
const PROGRESS_STEPS = 100;

/**
 * ApplyFilter: filter a made-up `width` x `height` photo, `passes` times over.
 *
 * @param {import('./photo_worker.js').PhotoWorkerRequest['ApplyFilter']} request
 *     { width: number, height: number, filter: 'Blur' | 'Sharpen' | 'Edges', passes: number, seed: number }
 * @param {import('./photo_worker.js').PhotoWorkerReply} reply  progress replies, then one final reply:
 *     reply.filterProgress({ done, total })  rows filtered so far, over every pass
 *     reply.filterApplied({ width, height, mean, histogram, millis })
 *     reply.filterFailed({ error })
 *     reply.signal  an AbortSignal, aborted when the job is cancelled or times out
 */
export async function handleApplyFilter(request, reply) {
    const { width, height, filter, passes, seed } = request;
    const kernel = KERNELS[filter];
    if (kernel === undefined) {
        reply.filterFailed({ error: `unknown filter ${JSON.stringify(filter)}` });
        return;
    }
    if (width < 1 || height < 1 || passes < 1) {
        reply.filterFailed({ error: `nothing to filter: ${width} x ${height} pixels, ${passes} passes` });
        return;
    }
    const started = performance.now();
    const band = Math.max(1, Math.floor(BAND_PIXELS / width));
    const total = height * passes;
    let done = 0;
    let reported = 0;
    let photo = makePhoto(width, height, seed);
    let spare = new Uint8ClampedArray(photo.length);
    for (let pass = 0; pass < passes; pass += 1) {
        for (let row = 0; row < height; row += band) {
            await nextTurn();
            if (reply.signal.aborted) {
                return; // cancelled, timed out or stopped: the page knows already
            }
            const end = Math.min(height, row + band);
            filterRows(photo, spare, width, height, kernel, row, end);
            done += end - row;
            if (done - reported >= total / PROGRESS_STEPS && done < total) {
                reply.filterProgress({ done, total });
                reported = done;
            }
        }
        [photo, spare] = [spare, photo];
    }
    const { mean, histogram } = summarize(photo);
    reply.filterApplied({ width, height, mean, histogram, millis: performance.now() - started });
}

// Resolves once the worker has read the messages that arrived in the meantime. A
// message to itself rather than `setTimeout(resolve, 0)`: browsers wait at least 4 ms
// for a timeout set from inside a timeout, and a job awaits this hundreds of times.
/** @returns {Promise<void>} */
function nextTurn() {
    return new Promise((resolve) => {
        const { port1, port2 } = new MessageChannel();
        port1.onmessage = () => {
            port1.close();
            resolve();
        };
        port2.postMessage(null);
    });
}
