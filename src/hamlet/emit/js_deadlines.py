"""`createDeadlines(live, expire)`, the timeouts of the main-thread JavaScript (see
`hamlet.emit.js_main`): requests with a timeout in a binary heap, earliest deadline
first, and one `setTimeout` for the earliest. No output of its own; kept apart from
the main JS's template, which it would make too long.

Why not a timer per request: in Chromium a `setTimeout` when a request is sent and a
`clearTimeout` when it is answered cost more than the rest of the request's glue
together, and cut the throughput of requests with a timeout to about two thirds of
those without (docs/benchmarks.md). A heap push costs a few comparisons; when every
request has the same timeout, deadlines come in order and a push costs one.

    const deadlines = createDeadlines((entry) => pending.has(entry.id), expire);
    deadlines.add({ id: 7, deadline: performance.now() + 5000, .. });  // on send
    deadlines.ended();   // when a request that had a deadline ends
    deadlines.clear();   // terminate: no timer left
"""

DEADLINES = """\
// The deadlines of the requests with a timeout, and one timer for the earliest.
// `live(entry)` says whether its request is still pending: one that ended stays in
// the heap until its deadline passes or the heap is compacted. `expire(entry)` ends
// a request whose deadline passed; it calls `ended()`, as any end of a request does.
function createDeadlines(live, expire) {
    let heap = []; // entries {id, deadline}, earliest deadline (then lowest id) first
    let count = 0; // the live entries in `heap`
    let timer = null;
    let timerAt = Infinity;

    function before(a, b) {
        return a.deadline < b.deadline || (a.deadline === b.deadline && a.id < b.id);
    }

    function push(entry) {
        let i = heap.length;
        heap.push(entry);
        while (i > 0 && before(entry, heap[(i - 1) >> 1])) {
            heap[i] = heap[(i - 1) >> 1];
            i = (i - 1) >> 1;
        }
        heap[i] = entry;
    }

    function pop() {
        const first = heap[0];
        const last = heap.pop();
        if (heap.length > 0) {
            let i = 0;
            for (;;) {
                const left = 2 * i + 1;
                if (left >= heap.length) {
                    break;
                }
                const right = left + 1;
                const child = right < heap.length && before(heap[right], heap[left]) ? right : left;
                if (!before(heap[child], last)) {
                    break;
                }
                heap[i] = heap[child];
                i = child;
            }
            heap[i] = last;
        }
        return first;
    }

    // Set the timer for the earliest live deadline, unless it is set for one as early.
    // setTimeout waits at most MAX_DELAY: a later deadline is waited for in steps.
    function arm() {
        while (heap.length > 0 && !live(heap[0])) {
            pop();
        }
        if (heap.length === 0 || heap[0].deadline >= timerAt) {
            return;
        }
        if (timer !== null) {
            clearTimeout(timer);
        }
        timerAt = heap[0].deadline;
        const wait = Math.ceil(timerAt - performance.now());
        timer = setTimeout(ring, Math.min(Math.max(wait, 0), MAX_DELAY));
    }

    // Expire each live entry whose deadline has passed, earliest first. `heap` is read
    // afresh each time round: `expire` may clear or compact it.
    function ring() {
        timer = null;
        timerAt = Infinity;
        const now = performance.now();
        while (heap.length > 0 && heap[0].deadline <= now) {
            const entry = pop();
            if (live(entry)) {
                expire(entry);
            }
        }
        arm();
    }

    function clear() {
        heap = [];
        count = 0;
        if (timer !== null) {
            clearTimeout(timer);
        }
        timer = null;
        timerAt = Infinity;
    }

    return {
        add(entry) {
            push(entry);
            count += 1;
            if (entry.deadline < timerAt) {
                arm();
            }
        },
        // No request with a deadline left: no timer either (node would wait for it).
        // Ended entries outnumber live ones: drop them, so memory follows the live.
        ended() {
            count -= 1;
            if (count <= 0) {
                clear();
            } else if (heap.length > 2 * count + 64) {
                heap = heap.filter(live).sort((a, b) => a.deadline - b.deadline || a.id - b.id);
            }
        },
        clear,
    };
}
"""
