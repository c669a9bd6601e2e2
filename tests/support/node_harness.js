// Stand-ins for the browser, for running the generated JavaScript in node: `window`,
// `Worker` and an Elm app's ports on the main side; the worker's `self`, on which the
// generated entry installs `onmessage`. A FakeWorker delivers each envelope,
// structured-cloned and asynchronously, to that `self.onmessage` (when an entry is
// loaded), and the entry's `self.postMessage` back to the FakeWorker that is current,
// unless it has been terminated, like a real one.
//
// A scenario imports what it needs, acts, `await settle()`s and calls `done()`, which
// prints the log as JSON for the Python test to read.

// `via` holds the port of each value in `toElm`, in the same order.
export const log = { toElm: [], via: [], toWorker: [], fromWorker: [], workers: [], terminated: [] };
export const instances = [];
const clone = (value) => (value === undefined ? undefined : structuredClone(value));

// Messages posted and not yet delivered, either way.
let inFlight = 0;

function later(deliver) {
    inFlight += 1;
    setTimeout(() => {
        inFlight -= 1;
        deliver();
    }, 0);
}

// Until nothing is on its way: every message posted has been delivered, and what the
// deliveries set off (handlers, their replies, the main thread's answers to Elm) has
// been posted and delivered in turn. A delivery's consequences are posted within its
// own turn (microtasks included), so a turn that ends with nothing in flight ends the
// wait: no time limit, however slow the machine. (A handler's own timers are not
// waited for: nothing here depends on them.)
export async function settle() {
    do {
        await new Promise((resolve) => setTimeout(resolve, 0));
    } while (inFlight > 0);
}

globalThis.window = new EventTarget();

const workerSelf = new EventTarget();
let current = null;
workerSelf.postMessage = (message) => {
    log.fromWorker.push(clone(message));
    const target = current;
    const copy = clone(message);
    later(() => {
        if (target !== null && target.alive) {
            target.dispatchEvent(new MessageEvent('message', { data: copy }));
        }
    });
};
// A worker's close(): the worker that is current gets no more messages.
workerSelf.close = () => {
    if (current !== null) {
        current.closed = true;
    }
};
globalThis.self = workerSelf;

// This file sits at the site's root: a worker URL inside the site (the main JS's default,
// a file URL relative to its own) is logged as its path from there, `/workers/x.js`.
const SITE = new URL('./', import.meta.url).href;

function sitePath(url) {
    const text = String(url);
    return text.startsWith(SITE) ? '/' + text.slice(SITE.length) : text;
}

class FakeWorker extends EventTarget {
    constructor(url, options) {
        super();
        this.alive = true;
        this.index = instances.length;
        instances.push(this);
        log.workers.push({ url: sitePath(url), options: clone(options) });
        current = this;
    }

    postMessage(message) {
        log.toWorker.push(clone(message));
        const copy = clone(message);
        later(() => {
            if (this.alive && !this.closed && typeof workerSelf.onmessage === 'function') {
                workerSelf.onmessage(new MessageEvent('message', { data: copy }));
            }
        });
    }

    terminate() {
        this.alive = false;
        log.terminated.push(this.index);
    }
}
globalThis.Worker = FakeWorker;

// An Elm app: `outgoing` / `incoming` are the port names it has. `read`, when given,
// stands for Elm reading a value on an incoming port, and may throw as Elm would.
export function makeApp(outgoing, incoming, read = (value) => {}) {
    const subscribers = [];
    const ports = {};
    for (const name of outgoing) {
        ports[name] = { subscribe: (fn) => subscribers.push(fn) };
    }
    for (const name of incoming) {
        ports[name] = {
            send: (value) => {
                read(value);
                log.toElm.push(clone(value));
                log.via.push(name);
            },
        };
    }
    return {
        app: outgoing.length + incoming.length ? { ports } : {},
        push: (...values) => values.forEach((value) => subscribers.forEach((fn) => fn(clone(value)))),
    };
}

export function fire(instance, type, fields = {}) {
    const event = new Event(type, { cancelable: true });
    Object.assign(event, fields);
    instance.dispatchEvent(event);
    return event.defaultPrevented;
}

// A seeded generator of numbers in [0, 1) (mulberry32), so that a random run can be
// replayed from its seed.
export function random(seed) {
    return () => {
        seed = (seed + 0x6d2b79f5) | 0;
        let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

export function done(extra = {}) {
    console.log(JSON.stringify({ ...log, ...extra }));
}
