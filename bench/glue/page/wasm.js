// The driver of bench/glue/wasm_run.py: Hamlet's generated glue with a handler written
// in JavaScript against the same glue with a handler written in Rust (WebAssembly).
// Each setup connects a stand-in for an Elm app (two ports, as Elm's `app.ports` has
// them) to its own module worker:
//
//   js        /js/echo_worker_main.js: EchoWorker, its handler in JavaScript
//   wasm      /js/wasm_echo_worker_main.js: WasmEchoWorker, the same messages, its
//             handler in Rust
//   csv-js    /csv-js/: examples/csv-app's worker (workers/csv.js)
//   csv-rust  /csv-rust/: examples/csv-rust's worker (src/csv.rs)
//
// Echo requests are {type: 'Echo', text, n} and each reply must be {type: 'Echoed'}
// with the same text and n. A CSV request parses 10 MB of CSV that this page makes;
// its answer must be CSVParsed with every row, and the two CSV workers must agree.

import { setupEchoWorker } from '/js/echo_worker_main.js';
import { setupWasmEchoWorker } from '/js/wasm_echo_worker_main.js';
import { setupCSVWorker as setupCsvJs } from '/csv-js/js/csv_worker_main.js';
import { setupCSVWorker as setupCsvRust } from '/csv-rust/js/csv_worker_main.js';
import { parseCSV } from '/csv-js/workers/csv.js';

const SETUPS = {
  js: { setup: setupEchoWorker, out: 'sendToEchoWorkerPort', in: 'echoWorkerResponsePort' },
  wasm: { setup: setupWasmEchoWorker, out: 'sendToWasmEchoWorkerPort', in: 'wasmEchoWorkerResponsePort' },
  'csv-js': { setup: setupCsvJs, out: 'sendToCSVWorkerPort', in: 'csvWorkerResponsePort' },
  'csv-rust': { setup: setupCsvRust, out: 'sendToCSVWorkerPort', in: 'csvWorkerResponsePort' },
};

// An object shaped like Elm's `app` for two ports, and nothing more.
function makeApp(wire) {
  const subscribers = [];
  const stand = {
    onReply: null,
    app: {
      ports: {
        [wire.out]: { subscribe: (fn) => subscribers.push(fn), unsubscribe() {} },
        [wire.in]: { send: (value) => stand.onReply(value) },
      },
    },
    push(value) {
      for (let i = 0; i < subscribers.length; i += 1) subscribers[i](value);
    },
  };
  return stand;
}

const stands = {};
for (const [name, wire] of Object.entries(SETUPS)) {
  stands[name] = makeApp(wire);
  wire.setup(stands[name].app);
}

const LIMIT_MS = 300_000;

function bounded(what, executor) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what}: no answer after ${LIMIT_MS} ms`)), LIMIT_MS);
    executor((value) => {
      clearTimeout(timer);
      resolve(value);
    });
  });
}

function collectGarbage() {
  if (typeof globalThis.gc === 'function') globalThis.gc();
}

function echoes(reply, request) {
  return reply?.type === 'Echoed' && reply.text === request.text && reply.n === request.n;
}

function echoRequests(count, salt) {
  const reqs = new Array(count);
  for (let n = 0; n < count; n += 1) reqs[n] = { type: 'Echo', text: `message ${salt} ${n}`, n };
  return reqs;
}

// `count` echo requests one after another; the median round trip, in µs.
async function latency(name, count) {
  const stand = stands[name];
  const reqs = echoRequests(count, 'latency');
  const samples = new Float64Array(count);
  let bad = 0;
  collectGarbage();
  await bounded(`${name} latency`, (resolve) => {
    let i = 0;
    let t0 = 0;
    stand.onReply = (reply) => {
      samples[i] = (performance.now() - t0) * 1000;
      if (!echoes(reply, reqs[i])) bad += 1;
      i += 1;
      if (i === count) return resolve();
      t0 = performance.now();
      stand.push(reqs[i]);
    };
    t0 = performance.now();
    stand.push(reqs[0]);
  });
  samples.sort();
  return { count, bad, median_us: samples[Math.floor(count / 2)], p99_us: samples[Math.floor(count * 0.99)] };
}

// `count` echo requests pushed at once; timed to the last reply.
async function throughput(name, count) {
  const stand = stands[name];
  const reqs = echoRequests(count, 'throughput');
  let got = 0;
  let bad = 0;
  collectGarbage();
  let t0 = 0;
  const t1 = await bounded(`${name} throughput`, (resolve) => {
    stand.onReply = (reply) => {
      if (!echoes(reply, reqs[got])) bad += 1;
      got += 1;
      if (got === count) resolve(performance.now());
    };
    t0 = performance.now();
    for (let i = 0; i < count; i += 1) stand.push(reqs[i]);
  });
  const seconds = (t1 - t0) / 1000;
  return { count, bad, seconds, per_second: count / seconds };
}

// About `megabytes` MB of CSV with quoted fields, doubled quotes and commas in quotes,
// the same on every call.
let csvText = null;
function csv(megabytes) {
  if (csvText !== null && csvText.length >= megabytes * 1e6) return csvText;
  const parts = ['id,name,motto,score\n'];
  let size = parts[0].length;
  for (let i = 1; size < megabytes * 1e6; i += 1) {
    const line = `${i},Ada Lovelace ${i},"Hello, ""world"" ${i % 97}",${(i * 3.5).toFixed(1)}\n`;
    parts.push(line);
    size += line.length;
  }
  csvText = parts.join('');
  return csvText;
}

// One CSV request of `megabytes` MB: ms from the push to the CSVParsed reply, the rows'
// count, a checksum of every cell, and how many progress replies came first.
async function parse(name, megabytes) {
  const stand = stands[name];
  const text = csv(megabytes);
  let progress = 0;
  collectGarbage();
  const t0 = performance.now();
  const reply = await bounded(`${name} parse`, (resolve) => {
    stand.onReply = (value) => {
      if (value?.type === 'ParseProgress') progress += 1;
      else resolve(value);
    };
    stand.push({ type: 'ParseCSV', data: text });
  });
  const ms = performance.now() - t0;
  if (reply?.type !== 'CSVParsed') return { bad: 1, reply: JSON.stringify(reply).slice(0, 300) };
  let checksum = 0;
  for (const row of reply.rows) {
    for (const cell of row) {
      for (let k = 0; k < cell.length; k += 1) checksum = (checksum * 31 + cell.charCodeAt(k)) >>> 0;
    }
  }
  return { bad: 0, ms, bytes: text.length, rows: reply.rows.length, checksum, progress };
}

// What a Rust worker's request and reply cost as JSON text crossing into WebAssembly
// and back, measured on this thread with the same calls the generated entry makes:
// the request to UTF-8 JSON, and the rows' JSON (as serde writes it) back to values.
// The parse itself is not in it: the JavaScript parser runs once, untimed, for the rows.
async function boundary(_name, megabytes) {
  const text = csv(megabytes);
  collectGarbage();
  let t0 = performance.now();
  const request = new TextEncoder().encode(JSON.stringify({ type: 'ParseCSV', data: text }));
  const inMs = performance.now() - t0;
  const rows = parseCSV(text);
  const reply = new TextEncoder().encode(JSON.stringify({ type: 'CSVParsed', rows }));
  collectGarbage();
  t0 = performance.now();
  JSON.parse(new TextDecoder().decode(reply));
  const outMs = performance.now() - t0;
  return { bad: 0, in_ms: inMs, out_ms: outMs, request_bytes: request.length, reply_bytes: reply.length };
}

window.bench = {
  latency,
  throughput,
  parse,
  boundary,
  info: () => ({
    crossOriginIsolated: globalThis.crossOriginIsolated === true,
    gc: typeof globalThis.gc === 'function',
    userAgent: navigator.userAgent,
  }),
};
window.benchReady = true;
