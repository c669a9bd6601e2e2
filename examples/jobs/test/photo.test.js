// The photo work on its own: the same seed makes the same photo, and each filter does
// what its kernel says, at the edges too.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { KERNELS, filterRows, makePhoto, summarize } from '../workers/photo.js';

function filtered(photo, width, height, filter, bands) {
    const out = new Uint8ClampedArray(photo.length);
    for (let row = 0; row < height; row += bands) {
        filterRows(photo, out, width, height, KERNELS[filter], row, Math.min(height, row + bands));
    }
    return out;
}

test('a seed always makes the same photo, and another seed another one', () => {
    const a = makePhoto(64, 48, 7);
    assert.equal(a.length, 64 * 48);
    assert.deepEqual(makePhoto(64, 48, 7), a);
    assert.notDeepEqual(makePhoto(64, 48, 8), a);
    // Not flat: a gradient, blobs and grain.
    assert.ok(new Set(a).size > 40, `only ${new Set(a).size} levels`);
});

test('every filter leaves a flat photo flat, but Edges, which makes it black', () => {
    const flat = new Uint8ClampedArray(5 * 4).fill(100);
    assert.deepEqual([...filtered(flat, 5, 4, 'Blur', 1)], Array(20).fill(100));
    assert.deepEqual([...filtered(flat, 5, 4, 'Sharpen', 3)], Array(20).fill(100));
    assert.deepEqual([...filtered(flat, 5, 4, 'Edges', 2)], Array(20).fill(0));
});

test('a 3x3 kernel, with the pixels past the edge taken from the edge', () => {
    // 3 x 2: [0 16 32 / 48 64 80]
    const photo = new Uint8ClampedArray([0, 16, 32, 48, 64, 80]);
    const blur = filtered(photo, 3, 2, 'Blur', 1);
    // Top left: the 3x3 around it is [0 0 16 / 0 0 16 / 48 48 64] (the row above and the
    // column to the left are the edge's), so Blur gives (16 + 32 + 48 + 96 + 64) / 16.
    assert.equal(blur[0], 16);
    const edges = filtered(photo, 3, 2, 'Edges', 2);
    // Middle of the top row: 8 * 16 - (0 + 16 + 32 + 0 + 32 + 48 + 64 + 80) = 128 - 272 < 0 -> 0
    assert.equal(edges[1], 0);
    // Bottom right: 8 * 80 - (16 + 32 + 32 + 64 + 80 + 64 + 80 + 80) = 640 - 448 = 192
    assert.equal(edges[5], 192);
});

test('filtering in bands gives the same photo as filtering it whole', () => {
    const photo = makePhoto(50, 37, 3);
    for (const filter of Object.keys(KERNELS)) {
        assert.deepEqual(filtered(photo, 50, 37, filter, 5), filtered(photo, 50, 37, filter, 37), filter);
    }
});

test('summarize: the mean, and 16 bins of 16 levels each', () => {
    const { mean, histogram } = summarize(new Uint8ClampedArray([0, 15, 16, 255]));
    assert.equal(mean, (0 + 15 + 16 + 255) / 4);
    assert.equal(histogram.length, 16);
    assert.deepEqual(histogram, [2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
});
