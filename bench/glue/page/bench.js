// The benchmark's driver. Each setup connects a stand-in for an Elm app to its own
// worker; the stand-in has exactly what Elm's `app.ports` has for two ports (an
// outgoing port to `subscribe` to, an incoming port to `send` on) and nothing more, so
// the three setups are driven by the same code and differ only in their glue:
//
//   raw      hand-written postMessage glue (raw_main.js, raw_worker.js)
//   envelope the same with Hamlet's envelope {id, type, data}, to tell the cost of
//            the wire format from the cost of the glue (raw_envelope_*.js)
//   hamlet   Hamlet's generated /js/echo_worker_main.js and /workers/echo_worker.js,
//            with the handlers in /workers/echo_worker_handlers.js
//   comlink  Comlink (comlink_main.js, comlink_worker.js)
//
// Requests are {type: 'Echo', text, n}, as Elm's encoder would send them; each reply
// must be {type: 'Echoed', text, n} with the same text and n, in order.

import { setupRaw } from '/page/raw_main.js';
import { setupRawEnvelope } from '/page/raw_envelope_main.js';
import { setupComlink } from '/page/comlink_main.js';
import { setupEchoWorker } from '/js/echo_worker_main.js';

const SETUPS = {
  raw: (app) => setupRaw(app, '/page/raw_worker.js'),
  envelope: (app) => setupRawEnvelope(app, '/page/raw_envelope_worker.js'),
  hamlet: (app) => setupEchoWorker(app, { workerUrl: '/workers/echo_worker.js' }),
  comlink: (app) => setupComlink(app, '/page/comlink_worker.js'),
};

// An object shaped like Elm's `app` for these two ports; `onReply` is the driver's.
function makeApp() {
  const subscribers = [];
  const stand = {
    onReply: null,
    app: {
      ports: {
        sendToEchoWorkerPort: {
          subscribe(fn) {
            subscribers.push(fn);
          },
          unsubscribe(fn) {
            const at = subscribers.indexOf(fn);
            if (at >= 0) subscribers.splice(at, 1);
          },
        },
        echoWorkerResponsePort: {
          send(value) {
            stand.onReply(value);
          },
        },
      },
    },
    // What Elm does with a value on an outgoing port: call each subscriber with it.
    push(value) {
      for (let i = 0; i < subscribers.length; i += 1) subscribers[i](value);
    },
  };
  return stand;
}

const stands = {};
for (const [name, setup] of Object.entries(SETUPS)) {
  stands[name] = makeApp();
  setup(stands[name].app);
}

// Built before timing, as Elm's encoder builds a fresh object per message.
function requests(count, salt) {
  const out = new Array(count);
  for (let n = 0; n < count; n += 1) {
    out[n] = { type: 'Echo', text: `message ${salt} ${n}`, n };
  }
  return out;
}

function correct(reply, request) {
  return (
    reply !== null &&
    typeof reply === 'object' &&
    reply.type === 'Echoed' &&
    reply.text === request.text &&
    reply.n === request.n
  );
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
  const reqs = requests(count, 'latency');
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
      if (!correct(reply, reqs[i])) bad += 1;
      i += 1;
      if (i === count) {
        resolve();
        return;
      }
      t0 = performance.now();
      stand.push(reqs[i]);
    };
    t0 = performance.now();
    stand.push(reqs[0]);
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
  const reqs = requests(count, 'throughput');
  let got = 0;
  let bad = 0;
  collectGarbage();
  let t0 = 0;
  const t1 = await bounded(`${name} throughput`, (resolve) => {
    stand.onReply = (reply) => {
      if (!correct(reply, reqs[got])) bad += 1;
      got += 1;
      if (got === count) resolve(performance.now());
    };
    t0 = performance.now();
    for (let i = 0; i < count; i += 1) stand.push(reqs[i]);
  });
  const seconds = (t1 - t0) / 1000;
  return { count, bad, seconds, per_second: count / seconds };
}

// For the smoke test: every reply, copied, for `count` sequential and `count` pipelined
// requests.
async function replies(name, count) {
  const stand = stands[name];
  const out = [];
  const reqs = requests(count, 'check');
  await bounded(`${name} replies`, (resolve) => {
    stand.onReply = (reply) => {
      out.push(structuredClone(reply));
      if (out.length < count) stand.push(reqs[out.length]);
      else resolve();
    };
    stand.push(reqs[0]);
  });
  await bounded(`${name} replies`, (resolve) => {
    stand.onReply = (reply) => {
      out.push(structuredClone(reply));
      if (out.length === 2 * count) resolve();
    };
    for (const request of reqs) stand.push(request);
  });
  return { requests: reqs, replies: out };
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
