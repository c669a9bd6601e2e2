"""The main JS's deadlines (`hamlet.emit.js_deadlines`) against a model, in node.

The generated `createDeadlines` runs on a fake clock and a fake `setTimeout` that fires
each timer exactly when it is due. Random runs of sends (timeouts from 0.5 ms to past
`MAX_DELAY`, made small here so that long waits take steps), answers, and the clock
moving on are checked against what a timer per request would do: each request with a
deadline ends once, never before its deadline and within a millisecond after it, in
deadline order; an answered one never expires; there is never more than one timer, and
none once nothing is pending. A burst of answered requests makes the heap compact
itself, so the runs check the heap after compactions too.
"""

from __future__ import annotations

from hamlet.emit.js_deadlines import DEADLINES
from support.node import needs_node, run_node

MODEL = """
const MAX_DELAY = 50;
let clock = 0;
const timers = new Map(); // handle -> { due, fn }
let nextHandle = 1;
let mostTimers = 0;
const performance = { now: () => clock };
function setTimeout(fn, delay) {
    if (!(delay >= 0 && delay <= MAX_DELAY && Number.isInteger(delay))) {
        throw new Error(`bad delay ${delay}`);
    }
    timers.set(nextHandle, { due: clock + delay, fn });
    mostTimers = Math.max(mostTimers, timers.size);
    return nextHandle++;
}
function clearTimeout(handle) {
    timers.delete(handle);
}
// Counts the compactions: the heap's filter of the live entries.
let compactions = 0;
const filter = Array.prototype.filter;
Array.prototype.filter = function (...args) {
    if (this.length > 0 && this[0] !== null && typeof this[0] === 'object' && 'deadline' in this[0]) {
        compactions += 1;
    }
    return filter.apply(this, args);
};

// Seeded, so that a failure can be replayed.
import { random } from './harness.mjs';

const problems = [];
function check(ok, text) {
    if (!ok && problems.length < 20) problems.push(text);
}

// Fire every timer due by `until`, earliest first, moving the clock to each.
function advance(until) {
    for (;;) {
        let first = null;
        for (const [handle, timer] of timers) {
            if (timer.due <= until && (first === null || timer.due < timers.get(first).due)) {
                first = handle;
            }
        }
        if (first === null) break;
        const { due, fn } = timers.get(first);
        timers.delete(first);
        clock = due;
        fn();
    }
    clock = until;
}

const TIMEOUTS = [0.5, 1, 3.25, 10, 49, 50, 51, 120, 400];
let runs = 0;
let expiredInAll = 0;
for (let seed = 1; seed <= 40; seed += 1) {
    const next = random(seed);
    const pending = new Map();
    const ended = new Set();
    let expiredNow = [];
    const deadlines = createDeadlines(
        (entry) => pending.has(entry.id),
        (entry) => {
            check(pending.get(entry.id) === entry, `seed ${seed}: ${entry.id} expired but not pending`);
            check(!ended.has(entry.id), `seed ${seed}: ${entry.id} ended twice`);
            check(clock >= entry.deadline, `seed ${seed}: ${entry.id} expired at ${clock}, before ${entry.deadline}`);
            check(clock < entry.deadline + 1, `seed ${seed}: ${entry.id} expired late, at ${clock} for ${entry.deadline}`);
            ended.add(entry.id);
            expiredNow.push(entry);
            pending.delete(entry.id);
            deadlines.ended();
        },
    );
    let id = 0;
    // A burst of long requests, most of them answered below: the heap outgrows the
    // live entries, and is compacted.
    for (let burst = 0; burst < 150; burst += 1) {
        id += 1;
        const entry = { id, deadline: clock + 400 + next() * 50 };
        pending.set(id, entry);
        deadlines.add(entry);
    }
    for (const answered of [...pending.keys()].filter(() => next() < 0.8)) {
        pending.delete(answered);
        ended.add(answered);
        deadlines.ended();
    }
    for (let step = 0; step < 400; step += 1) {
        const roll = next();
        if (roll < 0.45) {
            id += 1;
            const timeout = TIMEOUTS[Math.floor(next() * TIMEOUTS.length)];
            const entry = { id, deadline: clock + timeout };
            pending.set(id, entry);
            deadlines.add(entry);
        } else if (roll < 0.75 && pending.size > 0) {
            const ids = [...pending.keys()];
            const answered = ids[Math.floor(next() * ids.length)];
            pending.delete(answered);
            ended.add(answered);
            deadlines.ended();
        } else {
            expiredNow = [];
            advance(clock + next() * 60);
            for (const entry of pending.values()) {
                check(entry.deadline + 1 > clock, `seed ${seed}: ${entry.id} missed its deadline ${entry.deadline} (now ${clock})`);
            }
            for (let i = 1; i < expiredNow.length; i += 1) {
                const [a, b] = [expiredNow[i - 1], expiredNow[i]];
                check(a.deadline < b.deadline || (a.deadline === b.deadline && a.id < b.id),
                      `seed ${seed}: ${b.id} expired after ${a.id}`);
            }
            expiredInAll += expiredNow.length;
        }
    }
    advance(clock + 1000);
    check(pending.size === 0, `seed ${seed}: ${pending.size} never ended`);
    check(timers.size === 0, `seed ${seed}: a timer is left with nothing pending`);
    runs += 1;
}
console.log(JSON.stringify({ problems, runs, expiredInAll, mostTimers, compactions }));
"""


@needs_node
def test_deadlines_behave_as_a_timer_per_request_would_with_one_timer(tmp_path):
    log = run_node(tmp_path, {}, DEADLINES + MODEL)
    assert log["problems"] == []
    assert log["runs"] == 40
    assert log["expiredInAll"] > 1000  # the runs did time requests out
    assert log["mostTimers"] == 1
    # Every run compacts the heap, and a compaction drops what has ended: one that did
    # not would run again on nearly every answer.
    assert 40 <= log["compactions"] < 400
