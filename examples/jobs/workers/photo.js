// The photo work the handler does, kept apart from the worker so that `node --test`
// can check it: make up a grey-scale photo, run a 3x3 filter over it a band of rows at
// a time, and sum up the result. Plain functions on typed arrays, no DOM.

// Each filter's 3x3 kernel, row by row, and what its sum is divided by.
export const KERNELS = {
    Blur: { weights: [1, 2, 1, 2, 4, 2, 1, 2, 1], divisor: 16 },
    Sharpen: { weights: [0, -1, 0, -1, 5, -1, 0, -1, 0], divisor: 1 },
    Edges: { weights: [-1, -1, -1, -1, 8, -1, -1, -1, -1], divisor: 1 },
};

// mulberry32: a small seeded random number generator, so that a seed always makes the
// same photo. Returns numbers in [0, 1).
/** @param {number} seed */
function random(seed) {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

/** A `width` x `height` grey-scale photo, one byte per pixel: a soft gradient, a few
 * bright blobs and some grain, all from `seed`.
 *
 * @param {number} width
 * @param {number} height
 * @param {number} seed
 */
export function makePhoto(width, height, seed) {
    const next = random(seed);
    const photo = new Uint8ClampedArray(width * height);
    const slope = 120 / Math.max(1, width + height);
    const salt = Math.imul(seed, 0x85ebca6b);
    for (let y = 0, i = 0; y < height; y += 1) {
        for (let x = 0; x < width; x += 1, i += 1) {
            // Grain from a hash of the pixel's index: as random as a photo needs, and
            // much cheaper than a call to `next` per pixel.
            const grain = (Math.imul(i ^ salt, 0x9e3779b1) >>> 24) / 256 - 0.5;
            photo[i] = 40 + slope * (x + y) + 24 * grain;
        }
    }
    for (let blob = 0; blob < 6; blob += 1) {
        const cx = next() * width;
        const cy = next() * height;
        const r = (0.05 + 0.2 * next()) * Math.min(width, height);
        const top = Math.max(0, Math.floor(cy - r));
        const bottom = Math.min(height, Math.ceil(cy + r));
        const left = Math.max(0, Math.floor(cx - r));
        const right = Math.min(width, Math.ceil(cx + r));
        for (let y = top; y < bottom; y += 1) {
            for (let x = left; x < right; x += 1) {
                const d2 = ((x - cx) ** 2 + (y - cy) ** 2) / (r * r);
                if (d2 < 1) photo[y * width + x] += 90 * (1 - d2);
            }
        }
    }
    return photo;
}

/** Filter rows `from` (included) to `to` (excluded) of `source` into `target`. Pixels
 * past the photo's edge count as the nearest pixel on it.
 *
 * @param {Uint8ClampedArray} source
 * @param {Uint8ClampedArray} target
 * @param {number} width
 * @param {number} height
 * @param {{ weights: number[], divisor: number }} kernel
 * @param {number} from
 * @param {number} to
 */
export function filterRows(source, target, width, height, kernel, from, to) {
    const [k0, k1, k2, k3, k4, k5, k6, k7, k8] = kernel.weights;
    const divisor = kernel.divisor;
    const last = width - 1;
    for (let y = from; y < to; y += 1) {
        const above = (y > 0 ? y - 1 : 0) * width;
        const here = y * width;
        const below = (y < height - 1 ? y + 1 : y) * width;
        for (let x = 0; x < width; x += 1) {
            const left = x > 0 ? x - 1 : 0;
            const right = x < last ? x + 1 : last;
            const sum =
                k0 * source[above + left] + k1 * source[above + x] + k2 * source[above + right] +
                k3 * source[here + left] + k4 * source[here + x] + k5 * source[here + right] +
                k6 * source[below + left] + k7 * source[below + x] + k8 * source[below + right];
            target[here + x] = sum / divisor;
        }
    }
}

/**
 * The photo's mean brightness (0 to 255) and a histogram of 16 bins of 16 levels.
 *
 * @param {Uint8ClampedArray} photo
 */
export function summarize(photo) {
    const histogram = new Array(16).fill(0);
    let total = 0;
    for (let i = 0; i < photo.length; i += 1) {
        total += photo[i];
        histogram[photo[i] >> 4] += 1;
    }
    return { mean: photo.length === 0 ? 0 : total / photo.length, histogram };
}
