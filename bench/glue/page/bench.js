// The benchmark's driver. Each setup connects a stand-in for an Elm app to its own
// worker; the stand-in has exactly what Elm's `app.ports` has for two ports (an
// outgoing port to `subscribe` to, an incoming port to `send` on) and nothing more, so
// the setups are driven by the same code and differ only in their glue:
//
//   raw      hand-written postMessage glue (raw_main.js, raw_worker.js)
//   envelope the same with Hamlet's envelope {id, type, data}, to tell the cost of
//            the wire format from the cost of the glue (raw_envelope_*.js)
//   hamlet   Hamlet's generated /js/echo_worker_main.js and /workers/echo_worker.js,
//            with the handlers in /workers/echo_worker_handlers.js
//   tracked  the same generated glue, each request sent with a tracker of its own, as
//            `sendToEchoWorkerWith { tracker = Just "<run>-<n>", timeout = Nothing }` sends
//            it, and each reply read from the tracked port, as `echoWorkerTracked` does
//   timeout  the same as tracked, with `timeout = Just 60000` (a timer per request,
//            never due)
//   comlink  Comlink (comlink_main.js, comlink_worker.js)
//
// Requests are {type: 'Echo', text, n}, as Elm's encoder would send them; each reply
// must be {type: 'Echoed', text, n} with the same text and n, in order (for the
// tracked setups: [tracker, that reply], with the request's tracker).

import { setupRaw } from '/page/raw_main.js';
import { setupRawEnvelope } from '/page/raw_envelope_main.js';
import { setupComlink } from '/page/comlink_main.js';
import { setupEchoWorker } from '/js/echo_worker_main.js';
import { WIRES, makeApp } from '/page/wires.js';

const hamlet = (app) => setupEchoWorker(app, { workerUrl: '/workers/echo_worker.js' });
const SETUPS = {
  raw: (app) => setupRaw(app, '/page/raw_worker.js'),
  envelope: (app) => setupRawEnvelope(app, '/page/raw_envelope_worker.js'),
  hamlet,
  tracked: hamlet,
  timeout: hamlet,
  comlink: (app) => setupComlink(app, '/page/comlink_worker.js'),
};

const stands = {};
for (const [name, setup] of Object.entries(SETUPS)) {
  stands[name] = makeApp(WIRES[name]);
  setup(stands[name].app);
}

// Built before timing, as Elm's encoder builds a fresh value per message: the requests,
// each request's tracker, and what the app pushes for it.
function requests(name, count, salt) {
  const wire = WIRES[name];
  const reqs = new Array(count);
  const trackers = new Array(count);
  const pushed = new Array(count);
  for (let n = 0; n < count; n += 1) {
    reqs[n] = { type: 'Echo', text: `message ${salt} ${n}`, n };
    trackers[n] = `${salt}-${n}`;
    pushed[n] = wire.push(reqs[n], trackers[n]);
  }
  return { reqs, trackers, pushed, correct: wire.correct };
}

// A setup that stops answering must fail the run, not hang it.
const LIMIT_MS = 120_000;

function bounded(what, executor) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${what}: no answer after ${LIMIT_MS} ms`)),
      LIMIT_MS,
    );
    executor((value) => {
      clearTimeout(timer);
      resolve(value);
    });
  });
}

function collectGarbage() {
  if (typeof globalThis.gc === 'function') globalThis.gc();
}

// `count` requests one after another: each is pushed when the previous reply arrives.
// Returns round-trip times in µs, sorted, with their summary.
async function latency(name, count) {
  const stand = stands[name];
  const { reqs, trackers, pushed, correct } = requests(name, count, 'latency');
  const samples = new Float64Array(count);
  let bad = 0;
  collectGarbage();
  const started = performance.now();
  await bounded(`${name} latency`, (resolve) => {
    let i = 0;
    let t0 = 0;
    stand.onReply = (reply) => {
      const t1 = performance.now();
      samples[i] = (t1 - t0) * 1000;
      if (!correct(reply, reqs[i], trackers[i])) bad += 1;
      i += 1;
      if (i === count) {
        resolve();
        return;
      }
      t0 = performance.now();
      stand.push(pushed[i]);
    };
    t0 = performance.now();
    stand.push(pushed[0]);
  });
  const elapsed = performance.now() - started;
  samples.sort();
  const at = (q) => samples[Math.min(count - 1, Math.floor(q * count))];
  const quantiles = [];
  for (let k = 0; k <= 200; k += 1) quantiles.push(at(k / 200));
  return {
    count,
    bad,
    median_us: at(0.5),
    p99_us: at(0.99),
    mean_us: (elapsed * 1000) / count,
    quantiles_us: quantiles,
  };
}

// `count` requests pushed back to back without waiting; timed until the last reply.
async function throughput(name, count) {
  const stand = stands[name];
  const { reqs, trackers, pushed, correct } = requests(name, count, 'throughput');
  let got = 0;
  let bad = 0;
  collectGarbage();
  let t0 = 0;
  const t1 = await bounded(`${name} throughput`, (resolve) => {
    stand.onReply = (reply) => {
      if (!correct(reply, reqs[got], trackers[got])) bad += 1;
      got += 1;
      if (got === count) resolve(performance.now());
    };
    t0 = performance.now();
    for (let i = 0; i < count; i += 1) stand.push(pushed[i]);
  });
  const seconds = (t1 - t0) / 1000;
  return { count, bad, seconds, per_second: count / seconds };
}

// For the smoke test: every reply, copied, for `count` sequential and `count` pipelined
// requests (the same requests and trackers twice).
async function replies(name, count) {
  const stand = stands[name];
  const out = [];
  const { reqs, trackers, pushed } = requests(name, count, 'check');
  await bounded(`${name} replies`, (resolve) => {
    stand.onReply = (reply) => {
      out.push(structuredClone(reply));
      if (out.length < count) stand.push(pushed[out.length]);
      else resolve();
    };
    stand.push(pushed[0]);
  });
  await bounded(`${name} replies`, (resolve) => {
    stand.onReply = (reply) => {
      out.push(structuredClone(reply));
      if (out.length === 2 * count) resolve();
    };
    for (const value of pushed) stand.push(value);
  });
  return { requests: reqs, trackers, replies: out };
}

window.bench = {
  setups: Object.keys(SETUPS),
  latency,
  throughput,
  replies,
  info: () => ({
    crossOriginIsolated: globalThis.crossOriginIsolated === true,
    gc: typeof globalThis.gc === 'function',
    userAgent: navigator.userAgent,
  }),
};
window.benchReady = true;
