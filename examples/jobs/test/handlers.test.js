// The handler on its own, with a reply that records what it is given and a signal the
// test aborts. The browser test (tests/toolchain/test_jobs_app.py) runs it behind the
// generated worker entry, with the page's trackers, cancels and timeouts.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { handleApplyFilter } from '../workers/photo_worker_handlers.js';
import { KERNELS, filterRows, makePhoto, summarize } from '../workers/photo.js';

function recorder(onProgress = () => {}) {
    const calls = [];
    const controller = new AbortController();
    return {
        calls,
        controller,
        reply: {
            filterProgress: (value) => {
                calls.push(['filterProgress', value]);
                onProgress(value, controller);
            },
            filterApplied: (value) => calls.push(['filterApplied', value]),
            filterFailed: (value) => calls.push(['filterFailed', value]),
            signal: controller.signal,
        },
    };
}

const REQUEST = { width: 600, height: 2000, filter: 'Sharpen', passes: 3, seed: 11 };

test('a job reports its progress, then the filtered photo', async () => {
    const { calls, reply } = recorder();
    await handleApplyFilter(REQUEST, reply);
    const progress = calls.filter(([name]) => name === 'filterProgress').map(([, value]) => value);
    const total = REQUEST.height * REQUEST.passes;
    assert.ok(progress.length >= 10, `${progress.length} progress replies`);
    assert.ok(progress.every((p) => p.total === total && p.done > 0 && p.done < total));
    const done = progress.map((p) => p.done);
    assert.deepEqual(done, [...done].sort((a, b) => a - b), 'progress only grows');
    const [name, applied] = calls.at(-1);
    assert.equal(name, 'filterApplied');
    assert.equal(calls.length, progress.length + 1, 'one final reply, last');

    // The same photo, filtered whole here, three times over.
    let photo = makePhoto(REQUEST.width, REQUEST.height, REQUEST.seed);
    for (let pass = 0; pass < REQUEST.passes; pass += 1) {
        const out = new Uint8ClampedArray(photo.length);
        filterRows(photo, out, REQUEST.width, REQUEST.height, KERNELS.Sharpen, 0, REQUEST.height);
        photo = out;
    }
    const { mean, histogram } = summarize(photo);
    assert.deepEqual({ ...applied, millis: 0 }, { width: 600, height: 2000, mean, histogram, millis: 0 });
    assert.ok(applied.millis > 0);
});

test('an aborted signal stops the job between bands, with no reply after it', async () => {
    let abortedAt = null;
    const { calls, reply } = recorder((value, controller) => {
        if (abortedAt === null && value.done >= value.total / 4) {
            abortedAt = calls.length;
            controller.abort();
        }
    });
    await handleApplyFilter(REQUEST, reply);
    assert.notEqual(abortedAt, null);
    assert.equal(calls.length, abortedAt, 'nothing was sent after the abort');
    assert.ok(calls.every(([name]) => name === 'filterProgress'));
});

test('a signal aborted before the job starts: no band is filtered, nothing is sent', async () => {
    const { calls, controller, reply } = recorder();
    controller.abort();
    await handleApplyFilter(REQUEST, reply);
    assert.deepEqual(calls, []);
});

test('a filter the handler does not know, and an empty photo, are answered with filterFailed', async () => {
    const unknown = recorder();
    await handleApplyFilter({ ...REQUEST, filter: 'Emboss' }, unknown.reply);
    assert.deepEqual(unknown.calls, [['filterFailed', { error: 'unknown filter "Emboss"' }]]);
    const empty = recorder();
    await handleApplyFilter({ ...REQUEST, height: 0 }, empty.reply);
    assert.deepEqual(empty.calls, [['filterFailed', { error: 'nothing to filter: 600 x 0 pixels, 3 passes' }]]);
});
