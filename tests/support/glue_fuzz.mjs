// A model-based fuzz of ShapesWorker's main-thread glue (`shapes_worker_main.js`), run
// by tests/unit/test_emit_js_fuzz.py, whose docstring says how to replay one seed.
//
// The glue runs on a fake clock with fake timers, a fake Worker that replies only when
// a step says so, and a stand-in Elm app whose ports re-enter the glue. Each seed is a
// run of random steps. Beside the glue, the fuzz keeps a model of what each request
// may still get; every broken promise becomes a problem that names its seed.
//
//     import { fuzz } from './glue_fuzz.mjs';
//     const { setupShapesWorker } = await import('./js/shapes_worker_main.js');
//     const { problems, stats, trace } = await fuzz(setupShapesWorker, { seeds: [1, 2], steps: 300 });
//
// The invariants, each checked in one function named check...: a request ends once
// and gets nothing after its end; only a request with a deadline times out, with its
// own timeout's text, no earlier than its deadline and less than a millisecond after
// it; the glue never throws at an event of its worker's; it never has more than one
// timer, never asks setTimeout for a delay it cannot take, and never rings again and
// again without letting time pass; at the end of a run every request has ended and no
// timer is left.

import { inspect } from 'node:util';
import { makeApp, random } from './harness.mjs';

// The longest delay setTimeout takes (the glue waits for a later deadline in steps).
const MAX_DELAY = 2147483647;
const MOST_PROBLEMS = 30;
const MOST_RINGS_AT_ONCE = 100;

// Timeouts as Elm's ports may hand them over (docs/wire-format.md, Timeouts): none,
// the time up already, not a number, never, past MAX_DELAY, and a fraction of a ms.
const TIMEOUTS = [null, null, 0, -1, NaN, Infinity, 1e300, 0.5, 3, 10, 10, 40, 3e9];
// Trackers several requests share: the model can only count their ends.
const SHARED_TRACKERS = ['', 'x'];
// The fake worker never runs a handler, so what is asked does not matter.
const REQUEST = { type: 'Run', mode: 'fuzz', note: null };
// How deep the app's code may re-enter the glue from inside a `send` of the glue's.
const MOST_NESTED = 3;

// ---- The run's state: what is reported, and the seed running -----------------------

const problems = [];
const stats = {
    steps: 0,
    updates: 0, // sets of commands Elm handed over, re-entrant ones included
    sends: 0,
    cancels: 0, // cancel commands, of live trackers and of shared ones
    replies: 0, // replies the worker sent, progress and unreadable included
    crossedReplies: 0, // replies that crossed a cancel: the glue must drop them
    workers: 0,
    crashes: 0,
    closings: 0,
    jsTerminates: 0, // terminate() from a step, not from inside a `send`
    reentrantTerminates: 0, // terminate() from inside a `send` of the glue's
    reentrantUpdates: 0, // Elm's commands handed over from inside a `send`
    timersSet: 0,
    timersRung: 0,
    // How requests ended, as Elm saw it: completed, or the failure by its text.
    ended: 0,
    completed: 0,
    timedOut: 0,
    cancelled: 0,
    unreadable: 0,
    terminated: 0,
    crashed: 0,
    closed: 0,
    notANumber: 0,
};

let seed = 0;
let next = null; // the seed's random numbers in [0, 1)
let trace = null; // the events of the run, when asked for (to replay one seed)

function problem(text) {
    if (problems.length < MOST_PROBLEMS) {
        problems.push(`seed ${seed}: ${text}`);
    }
}

function note(text) {
    if (trace !== null) {
        trace.push(`seed ${seed} at ${now}: ${text}`);
    }
}

const show = (value) => inspect(value, { depth: 5, breakLength: Infinity });

function pick(items) {
    return items[Math.floor(next() * items.length)];
}

// ---- The fake clock and timers -----------------------------------------------------
// The glue reads performance.now() and keeps one setTimeout for its earliest deadline.
// Time moves only when a step lets it, and a timer fires exactly when it is due.

let now = 1000;
const timers = new Map(); // handle -> { due, ring }
let nextHandle = 1;

globalThis.performance = { now: () => now };
globalThis.setTimeout = (ring, delay) => {
    checkDelay(delay);
    stats.timersSet += 1;
    timers.set(nextHandle, { due: now + delay, ring });
    checkOneTimer();
    return nextHandle++;
};
globalThis.clearTimeout = (handle) => {
    timers.delete(handle);
};

// Everything the current turn set off runs: the glue handles Elm's commands in a
// microtask, and Elm's next update comes in a later task.
function turnEnds() {
    return new Promise((resolve) => setImmediate(resolve));
}

function earliestTimer(until) {
    let earliest = null;
    for (const [handle, timer] of timers) {
        if (timer.due <= until && (earliest === null || timer.due < earliest.due)) {
            earliest = { handle, ...timer };
        }
    }
    return earliest;
}

// Let `ms` pass: each timer due by then fires at its due time, earliest first, and
// what it set off runs before the next one (a timer may set the next one itself).
async function timePasses(ms) {
    const until = now + ms;
    let ringsNow = 0; // rings at this same instant, to stop a timer that never lets go
    for (let timer = earliestTimer(until); timer !== null; timer = earliestTimer(until)) {
        timers.delete(timer.handle);
        ringsNow = timer.due > now ? 1 : ringsNow + 1;
        now = Math.max(now, timer.due);
        if (!checkTimerLetsTimePass(ringsNow)) {
            break;
        }
        stats.timersRung += 1;
        note('the timer rings');
        timer.ring();
        await turnEnds();
    }
    now = until;
}

// ---- The fake Worker ---------------------------------------------------------------
// It keeps the envelopes it was sent and replies only when a step says so. A cancel
// stops the handler, so that no reply of its comes after it; but a reply posted before
// the cancel arrived is still on its way: those envelopes are `crossed`.

let current = null; // the newest worker

class FuzzWorker {
    constructor() {
        this.inbox = new Map(); // id -> envelope, for each request it has not answered
        this.crossed = [];
        this.listeners = {};
        this.terminated = false;
        current = this;
        stats.workers += 1;
    }

    addEventListener(type, listener) {
        this.listeners[type] = listener;
    }

    postMessage(message) {
        if (this.terminated) {
            return;
        }
        if (Array.isArray(message)) {
            // ['cancel', id, name, text]
            const envelope = this.inbox.get(message[1]);
            if (envelope !== undefined) {
                this.inbox.delete(message[1]);
                this.crossed.push(envelope);
            }
        } else {
            this.inbox.set(message.id, message);
        }
    }

    terminate() {
        this.terminated = true;
    }
}
globalThis.Worker = FuzzWorker;

function liveWorker() {
    return current !== null && !current.terminated ? current : null;
}

// An event of the worker's reaches the glue, as the browser dispatches it.
function glueGets(worker, type, fields) {
    const event = { ...fields, target: worker, preventDefault() {} };
    let thrown = null;
    try {
        worker.listeners[type](event);
    } catch (error) {
        thrown = error;
    }
    checkGlueDidNotThrow(type, thrown);
}

// The worker answers a request it holds: with progress (the request stays pending),
// a final reply, or a final reply Elm cannot read (a BigInt, which JSON has no number
// for, so the glue must end the request with the failure variant).
function workerReplies(worker) {
    const id = pick([...worker.inbox.keys()]);
    const roll = next();
    let message;
    if (roll < 0.3) {
        message = { id, type: 'StepProgress', data: { value: 1 } };
    } else {
        worker.inbox.delete(id);
        message = { id, type: 'Ran', data: { mode: 'fuzz', note: roll < 0.35 ? 5n : null } };
    }
    stats.replies += 1;
    note(`the worker replies ${show(message)}`);
    glueGets(worker, 'message', { data: message });
}

// A final reply the handler posted before its cancel arrived.
function workerRepliesAcrossACancel(worker) {
    const envelope = worker.crossed.shift();
    stats.crossedReplies += 1;
    note(`the worker replies to ${envelope.id} across its cancel`);
    glueGets(worker, 'message', { data: { id: envelope.id, type: 'Ran', data: { mode: 'late', note: null } } });
}

function workerCrashes(worker) {
    stats.crashes += 1;
    note('the worker crashes');
    glueGets(worker, 'error', { message: 'boom' });
}

// A handler called self.close(): the entry's notice, the only word the main thread gets.
function workerClosesItself(worker) {
    stats.closings += 1;
    note('the worker closes itself');
    glueGets(worker, 'message', { data: ['closing'] });
}

// ---- The model: what each request may still get --------------------------------------
// A request with a tracker of its own is followed one by one. Untracked requests, and
// those on a shared tracker, can only be counted: as many ends as sends by the end.

let own = new Map(); // tracker -> { timeout, deadline, ended, missed }; deadline null if none
let untracked = { sent: 0, ended: 0 };
let shared = { sent: 0, ended: 0 };
let trackers = 0;

// When a request must time out, from the timeout Elm gave it: only a number above 0
// and below Infinity sets a deadline (the others end at once, or never time out).
function deadlineOf(timeout) {
    return typeof timeout === 'number' && timeout > 0 && timeout !== Infinity ? now + timeout : null;
}

function isFinal(response) {
    return response.type !== 'StepProgress';
}

// The failure texts the glue makes (docs/wire-format.md), by the kind of end they say.
const FAILURES = [
    ['timedOut', (text) => text.startsWith('timed out after ')],
    ['cancelled', (text) => text === 'cancelled'],
    ['unreadable', (text) => text.includes('which Elm cannot read')],
    ['terminated', (text) => text.endsWith('was terminated')],
    ['crashed', (text) => text.includes('crashed')],
    ['closed', (text) => text.includes('closed itself')],
    ['notANumber', (text) => text.endsWith('is not a number of milliseconds')],
];

function countEnd(response) {
    stats.ended += 1;
    if (response.type !== 'Failed') {
        stats.completed += 1;
        return;
    }
    const failure = FAILURES.find(([, says]) => says(response.value));
    if (failure === undefined) {
        problem(`a failure the fuzz does not know: ${show(response.value)}`);
    } else {
        stats[failure[0]] += 1;
    }
}

// ---- The stand-in Elm app ----------------------------------------------------------
// Elm reads each value the glue sends with a decoder, which fails on what JSON cannot
// hold: JSON.stringify throws for a BigInt the same way. The app may act from inside
// `send` (Elm's update runs there): it may call terminate(), or Elm may hand over a
// new update's commands, which the glue must queue rather than act on half way
// through a delivery.

let elm = null;
let glue = null; // what setupShapesWorker returned
let reentering = true;
let nested = 0;

function elmReads(value) {
    JSON.stringify(value);
    note(`Elm gets ${show(value)}`);
    if (Array.isArray(value)) {
        const [tracker, response] = value;
        const request = own.get(tracker);
        if (request !== undefined) {
            checkResponse(tracker, request, response);
        } else if (isFinal(response)) {
            shared.ended += 1;
        }
        if (isFinal(response)) {
            countEnd(response);
        }
    } else if (isFinal(value)) {
        untracked.ended += 1;
        countEnd(value);
    }
    appReacts();
}

function appReacts() {
    if (!reentering || nested >= MOST_NESTED) {
        return;
    }
    const roll = next();
    if (roll < 0.05) {
        stats.reentrantTerminates += 1;
        note('the app calls terminate() inside send');
        nested += 1;
        glue.terminate();
        nested -= 1;
    } else if (roll < 0.1) {
        stats.reentrantUpdates += 1;
        note('Elm hands over an update inside send');
        elmSendsAnUpdate();
    }
}

// One update's commands, handed over together: one to four sends (untracked, on a
// tracker of their own, or on a shared one), cancels (of a live tracker, which may be
// one sent in this very update and must then stay pending, or of a shared one) and
// terminates.
function elmSendsAnUpdate() {
    const commands = [];
    const count = 1 + Math.floor(next() * 4);
    for (let i = 0; i < count; i += 1) {
        const roll = next();
        if (roll < 0.15) {
            const live = [...own.entries()].filter(([, request]) => !request.ended);
            if (live.length > 0) {
                commands.push(['cancel', pick(live)[0]]);
                stats.cancels += 1;
            }
        } else if (roll < 0.18) {
            commands.push(['terminate']);
        } else if (roll < 0.25) {
            commands.push(['cancel', pick(SHARED_TRACKERS)]);
            stats.cancels += 1;
        } else {
            commands.push(aSend());
        }
    }
    stats.updates += 1;
    note(`Elm hands over ${show(commands)}`);
    elm.push(...commands);
}

function aSend() {
    const timeout = pick(TIMEOUTS);
    const roll = next();
    stats.sends += 1;
    if (roll < 0.2) {
        untracked.sent += 1;
        return ['send', null, timeout, REQUEST];
    }
    if (roll < 0.3) {
        shared.sent += 1;
        return ['send', pick(SHARED_TRACKERS), timeout, REQUEST];
    }
    trackers += 1;
    const tracker = `t${trackers}`;
    own.set(tracker, { timeout, deadline: deadlineOf(timeout), ended: false, missed: false });
    return ['send', tracker, timeout, REQUEST];
}

// ---- The invariants ----------------------------------------------------------------

function checkDelay(delay) {
    if (!(Number.isInteger(delay) && delay >= 0 && delay <= MAX_DELAY)) {
        problem(`setTimeout got a delay it cannot take: ${delay}`);
    }
}

function checkOneTimer() {
    if (timers.size > 1) {
        problem(`${timers.size} timers at once`);
    }
}

// A timer that rings again and again at one instant would hang the run: the glue must
// wait for a deadline, not poll for it.
function checkTimerLetsTimePass(ringsNow) {
    if (ringsNow > MOST_RINGS_AT_ONCE) {
        problem(`the timer rang ${ringsNow} times at ${now}`);
        return false;
    }
    return true;
}

function checkGlueDidNotThrow(type, thrown) {
    if (thrown !== null) {
        problem(`the glue threw at a worker's ${type} event: ${thrown}`);
    }
}

// A request ends once, and gets nothing after its end. Only a request with a
// deadline times out, with its timeout's text, and not before its deadline.
function checkResponse(tracker, request, response) {
    if (request.ended) {
        problem(`${tracker} got ${show(response)} after its end`);
        return;
    }
    if (!isFinal(response)) {
        return;
    }
    request.ended = true;
    const text = response.type === 'Failed' ? response.value : '';
    if (!text.startsWith('timed out after ') || !(request.timeout > 0)) {
        return; // not a timeout, or one that ends the request at once
    }
    if (request.deadline === null) {
        problem(`${tracker} timed out with the timeout ${request.timeout}`);
    } else if (now < request.deadline) {
        problem(`${tracker} timed out at ${now}, before its deadline ${request.deadline}`);
    } else if (text !== `timed out after ${request.timeout} ms`) {
        problem(`${tracker} with the timeout ${request.timeout} ended with ${show(text)}`);
    }
}

// After each step, every request still pending is within a millisecond of its deadline
// (the glue rounds the timer's delay up to whole milliseconds).
function checkNoDeadlineMissed() {
    for (const [tracker, request] of own) {
        if (!request.ended && !request.missed && request.deadline !== null && now >= request.deadline + 1) {
            request.missed = true; // said once
            problem(`${tracker} missed its deadline ${request.deadline}: still pending at ${now}`);
        }
    }
}

function checkEverythingEnded() {
    for (const [tracker, request] of own) {
        if (!request.ended) {
            problem(`${tracker} never ended`);
        }
    }
    if (untracked.sent !== untracked.ended) {
        problem(`${untracked.sent} untracked requests sent, ${untracked.ended} ended`);
    }
    if (shared.sent !== shared.ended) {
        problem(`${shared.sent} requests on shared trackers sent, ${shared.ended} ended`);
    }
    if (timers.size > 0) {
        problem(`${timers.size} timers left with nothing pending`);
    }
}

// ---- A run -------------------------------------------------------------------------

// What happens in a step, from its roll: an event of Elm's, the worker's or the app's,
// in bands of the roll. An event that cannot happen now (no worker, nothing to reply
// to) lets time pass instead, as does the rest of the roll.
function chooseEvent(roll, worker) {
    if (roll < 0.35) {
        return elmSendsAnUpdate;
    }
    if (roll < 0.37) {
        return jsTerminates;
    }
    if (worker === null) {
        return null;
    }
    if (roll < 0.57) {
        return worker.inbox.size > 0 ? () => workerReplies(worker) : null;
    }
    if (roll < 0.62) {
        return worker.crossed.length > 0 ? () => workerRepliesAcrossACancel(worker) : null;
    }
    if (roll < 0.64) {
        return () => workerCrashes(worker);
    }
    if (roll < 0.66) {
        return () => workerClosesItself(worker);
    }
    return null;
}

function jsTerminates() {
    stats.jsTerminates += 1;
    note('terminate()');
    glue.terminate();
}

async function step() {
    stats.steps += 1;
    const event = chooseEvent(next(), liveWorker());
    if (event !== null) {
        event();
    } else {
        await timePasses(next() * 30);
    }
    await turnEnds();
    checkNoDeadlineMissed();
}

// The app stops acting, so that its terminate() ends everything; a second one finds
// nothing to end, and must deliver nothing.
async function windDown() {
    reentering = false;
    await turnEnds();
    glue.terminate();
    await turnEnds();
    glue.terminate();
    await turnEnds();
}

// Each seed starts from the same state, so that a seed replayed alone does the same.
async function runSeed(steps) {
    next = random(seed);
    now = 1000;
    current = null;
    trackers = 0;
    own = new Map();
    untracked = { sent: 0, ended: 0 };
    shared = { sent: 0, ended: 0 };
    reentering = true;
    nested = 0;
    elm = makeApp(['sendToShapesWorkerPort'], ['shapesWorkerResponsePort', 'shapesWorkerTrackedPort'], elmReads);
    glue = setup(elm.app);
    for (let i = 0; i < steps; i += 1) {
        await step();
    }
    await windDown();
    checkEverythingEnded();
    timers.clear(); // a timer left is reported: the next seed starts without it
}

let setup = null;

export async function fuzz(setupWorker, { seeds, steps, traced = false }) {
    setup = setupWorker;
    trace = traced ? [] : null;
    for (seed of seeds) {
        await runSeed(steps);
    }
    return { problems, stats, trace: trace ?? [] };
}
