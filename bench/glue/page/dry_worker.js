// The worker half of dry.js: one setup's worker code (?setup=raw|envelope|hamlet|
// tracked|timeout|comlink) with a `postMessage` that only counts. The page talks to this
// file over a MessageChannel sent in the first message, so the setup's own `message`
// handler never sees it.

// The tracked setups run Hamlet's worker entry too: a tracker never reaches the worker.
const SAME = { tracked: 'hamlet', timeout: 'hamlet' };
const named = new URL(self.location.href).searchParams.get('setup');
const setup = SAME[named] ?? named;

const MODULES = {
  raw: '/page/raw_worker.js',
  envelope: '/page/raw_envelope_worker.js',
  hamlet: '/workers/echo_worker.js',
  comlink: '/page/comlink_worker.js',
};

// The envelope each setup's main side posts for request n.
const ENVELOPE = {
  raw: (n, text) => ({ id: n + 1, type: 'Echo', text, n }),
  envelope: (n, text) => ({ id: n + 1, type: 'Echo', data: { text, n } }),
  hamlet: (n, text) => ({ id: n + 1, type: 'Echo', data: { text, n } }),
  comlink: (n, text) => ({
    id: `${n}-comlink`,
    type: 'APPLY',
    path: ['echo'],
    argumentList: [
      { type: 'RAW', value: text },
      { type: 'RAW', value: n },
    ],
  }),
};

// The id and fields of each setup's reply, to check it.
const READ = {
  raw: (m) => [m.id, m.type, m.text, m.n],
  envelope: (m) => [m.id, m.type, m.data.text, m.data.n],
  hamlet: (m) => [m.id, m.type, m.data.text, m.data.n],
  comlink: (m) => [m.id, m.value.type, m.value.text, m.value.n],
};
const ID = {
  raw: (n) => n + 1,
  envelope: (n) => n + 1,
  hamlet: (n) => n + 1,
  comlink: (n) => `${n}-comlink`,
};

const port = await new Promise((resolve) => {
  self.addEventListener('message', (event) => resolve(event.data.port), { once: true });
});

// Whatever the setup registers for `message`: `self.onmessage` or a listener.
const listeners = [];
const addEventListener = self.addEventListener.bind(self);
self.addEventListener = (type, fn, options) => {
  if (type === 'message') listeners.push(fn);
  else addEventListener(type, fn, options);
};

// Envelopes go in by batches, each awaited before the next: a real worker drains its
// promise jobs after every message, so a handler's promises must not pile up by the
// hundred thousand here either.
const BATCH = 100;
let posted = 0;
let expected = 0;
let bad = 0;
let texts = null;
let finish = null;
self.postMessage = (message) => {
  const [id, type, text, n] = READ[setup](message);
  if (id !== ID[setup](n) || type !== 'Echoed' || text !== texts[n]) bad += 1;
  posted += 1;
  if (posted === expected) finish();
};

await import(MODULES[setup]);
const handler = self.onmessage ?? listeners[0];

port.onmessage = async ({ data: { count } }) => {
  texts = [];
  const events = [];
  for (let n = 0; n < count; n += 1) {
    texts.push(`message dry ${n}`);
    events.push({ data: ENVELOPE[setup](n, texts[n]), origin: '' });
  }
  posted = 0;
  bad = 0;
  if (typeof globalThis.gc === 'function') globalThis.gc();
  const t0 = performance.now();
  for (let start = 0; start < count; start += BATCH) {
    const end = Math.min(count, start + BATCH);
    expected = end;
    const done = new Promise((resolve) => {
      finish = resolve;
    });
    for (let i = start; i < end; i += 1) handler(events[i]);
    await done;
  }
  const t1 = performance.now();
  port.postMessage({ bad: bad + (posted === count ? 0 : count), ns: ((t1 - t0) * 1e6) / count });
};
