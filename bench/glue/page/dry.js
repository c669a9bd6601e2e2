// The glue alone: what each setup's own code costs per message, with the browser's
// messaging (postMessage, structured clone, the thread hop) taken out.
//
// Main thread: `Worker` is replaced by a fake that keeps what the glue posts, and
// hands the glue the reply the real worker would send, as a fresh object (as
// structured clone makes one). The timed part is the glue turning N requests from the
// stand-in Elm app into posts, then N replies into values on the incoming port.
//
// Worker: each setup's worker code runs in a real worker (dry_worker.js) whose
// `postMessage` only counts; it gets N request envelopes, built before timing, and the
// timed part ends when it has posted N replies.

import { WIRES, makeApp } from '/page/wires.js';

const fakes = [];

class FakeWorker {
  constructor(url) {
    this.url = String(url);
    this.onmessage = null;
    this.listeners = [];
    this.inbox = [];
    fakes.push(this);
  }

  addEventListener(type, fn) {
    if (type === 'message') this.listeners.push(fn);
  }

  removeEventListener(type, fn) {
    const at = this.listeners.indexOf(fn);
    if (at >= 0) this.listeners.splice(at, 1);
  }

  postMessage(message) {
    this.inbox.push(message);
  }

  terminate() {}

  deliver(event) {
    if (this.onmessage) this.onmessage(event);
    for (let i = 0; i < this.listeners.length; i += 1) this.listeners[i](event);
  }
}

const NativeWorker = window.Worker;
window.Worker = FakeWorker;

// What each setup's real worker answers to an envelope its main side posted.
const ANSWER = {
  raw: (m) => ({ id: m.id, type: 'Echoed', text: m.text, n: m.n }),
  envelope: (m) => ({ id: m.id, type: 'Echoed', data: { text: m.data.text, n: m.data.n } }),
  hamlet: (m) => ({ id: m.id, type: 'Echoed', data: { text: m.data.text, n: m.data.n } }),
  comlink: (m) => ({
    id: m.id,
    type: 'RAW',
    value: { type: 'Echoed', text: m.argumentList[0].value, n: m.argumentList[1].value },
  }),
};

ANSWER.tracked = ANSWER.hamlet;
ANSWER.timeout = ANSWER.hamlet;

const imports = {
  raw: () =>
    import('/page/raw_main.js').then((m) => (app) => m.setupRaw(app, '/page/raw_worker.js')),
  envelope: () =>
    import('/page/raw_envelope_main.js').then(
      (m) => (app) => m.setupRawEnvelope(app, '/page/raw_envelope_worker.js'),
    ),
  hamlet: () =>
    import('/js/echo_worker_main.js').then(
      (m) => (app) => m.setupEchoWorker(app, { workerUrl: '/workers/echo_worker.js' }),
    ),
  comlink: () =>
    import('/page/comlink_main.js').then(
      (m) => (app) => m.setupComlink(app, '/page/comlink_worker.js'),
    ),
};
imports.tracked = imports.hamlet;
imports.timeout = imports.hamlet;

// Until `ready()` holds, waiting one promise job at a time: a glue may post what it got
// in a promise job (tracked requests are sent together, once per turn), not at once.
async function settled(what, ready) {
  for (let jobs = 0; !ready(); jobs += 1) {
    if (jobs > 1000) throw new Error(`${what}: still not there after 1000 promise jobs`);
    await null;
  }
}

const mains = {};

async function mainSide(name) {
  if (!mains[name]) {
    const wire = WIRES[name];
    const stand = makeApp(wire);
    const before = fakes.length;
    (await imports[name]())(stand.app);
    // Hamlet starts its worker on the first request; answered, so that nothing is left
    // pending (a pending request with a timeout would time out during a later run).
    const start = { type: 'Echo', text: 'start', n: 0 };
    let answered = false;
    stand.onReply = (reply) => {
      answered = wire.correct(reply, start, 'start');
    };
    stand.push(wire.push(start, 'start'));
    await settled(`${name} (dry, main)`, () => fakes.length > before && fakes[before].inbox.length === 1);
    const fake = fakes[before];
    fake.deliver({ data: ANSWER[name](fake.inbox.pop()), target: fake });
    await settled(`${name} (dry, main)`, () => answered);
    mains[name] = { stand, fake, wire };
  }
  return mains[name];
}

// A setup that stops answering must fail the run, not hang it.
const LIMIT_MS = 120_000;

function withLimit(what, promise) {
  let timer;
  const limit = new Promise((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what}: no answer after ${LIMIT_MS} ms`)),
      LIMIT_MS,
    );
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

function gc() {
  if (typeof globalThis.gc === 'function') globalThis.gc();
}

// Replies go in by batches, each awaited before the next, as in dry_worker.js.
const BATCH = 100;

// ns per message of the main side's glue: requests out, then replies in.
async function main(name, count) {
  const { stand, fake, wire } = await mainSide(name);
  const reqs = [];
  const trackers = [];
  const pushed = [];
  for (let n = 0; n < count; n += 1) {
    reqs.push({ type: 'Echo', text: `message dry ${n}`, n });
    trackers.push(`dry-${n}`);
    pushed.push(wire.push(reqs[n], trackers[n]));
  }
  let got = 0;
  let bad = 0;
  gc();
  const t0 = performance.now();
  for (let i = 0; i < count; i += 1) stand.push(pushed[i]);
  await settled(`${name} (dry, main)`, () => fake.inbox.length === count);
  const t1 = performance.now();
  const events = fake.inbox.map((m) => ({ data: ANSWER[name](m), target: fake }));
  fake.inbox.length = 0;
  let expected = 0;
  let finish = null;
  stand.onReply = (reply) => {
    if (!wire.correct(reply, reqs[got], trackers[got])) bad += 1;
    got += 1;
    if (got === expected) finish();
  };
  gc();
  const t2 = performance.now();
  const feed = async () => {
    for (let start = 0; start < events.length; start += BATCH) {
      const end = Math.min(events.length, start + BATCH);
      expected = end;
      const done = new Promise((resolve) => {
        finish = resolve;
      });
      for (let i = start; i < end; i += 1) fake.deliver(events[i]);
      await done;
    }
  };
  await withLimit(`${name} (dry, main)`, feed());
  const t3 = performance.now();
  return {
    bad: bad + (events.length === count && got === count ? 0 : count),
    out_ns: ((t1 - t0) * 1e6) / count,
    in_ns: ((t3 - t2) * 1e6) / count,
  };
}

const workers = {};

function workerSide(name) {
  if (!workers[name]) {
    const worker = new NativeWorker(`/page/dry_worker.js?setup=${name}`, { type: 'module' });
    const channel = new MessageChannel();
    worker.postMessage({ port: channel.port2 }, [channel.port2]);
    let waiting = null;
    channel.port1.onmessage = (event) => waiting(event.data);
    workers[name] = (count) =>
      new Promise((resolve) => {
        waiting = resolve;
        channel.port1.postMessage({ count });
      });
  }
  return workers[name];
}

// ns per message of the worker side's glue, envelope in to reply posted.
function worker(name, count) {
  return withLimit(`${name} (dry, worker)`, workerSide(name)(count));
}

window.dry = { main, worker };
window.dryReady = true;
