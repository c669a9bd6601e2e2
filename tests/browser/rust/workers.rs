//! The workers the browser tests drive. Their handlers are in ../handlers/: every
//! request variant has a handler with one behaviour the tests need, except `Orphan`,
//! whose handler is missing on purpose.

/// Struct, tuple and unit variants in both directions, a progress variant and the
/// failure variant.
#[derive(BuildAmpWorker, Debug, Clone)]
pub enum TestWorkerMessage {
    // Main → Worker
    /// Answered with `Echoed` carrying the same tag and text.
    Echo { tag: u32, text: String },
    /// `steps` times `CountProgress(tag, step)`, then `Counted(tag)`.
    Count { tag: u32, steps: u32 },
    /// Answered with `Sum(a + b)`.
    Add(i32, i32),
    /// Answered with `Pong`.
    Ping,
    /// The handler throws `Error(message)` synchronously.
    Explode { message: String },
    /// The handler returns a promise rejected with `Error(message)`.
    Refuse { message: String },
    /// The handler resolves without replying.
    Silent { tag: u32 },
    /// One `CountProgress(tag, 1)`, then never completes.
    Stall { tag: u32 },
    /// Never answers.
    Hang { tag: u32 },
    /// Answered with `Echoed { tag, text: "slept" }` after `ms` milliseconds.
    Sleep { tag: u32, ms: u32 },
    /// Throws `Error("boom <tag>")` out of band (in a timer): an uncaught worker error.
    Crash { tag: u32 },
    /// Leaves a promise rejected with `Error("abandoned <tag>")` unawaited, and never
    /// answers.
    Abandon { tag: u32 },
    /// No handler is exported for this one.
    Orphan { tag: u32 },
    /// Calls `self.close()`; when `first`, after answering with `Echoed { tag, text: "bye" }`.
    Quit { tag: u32, first: bool },
    /// Replies with what JSON cannot hold, as `what` says: "bigint" (an `Echoed` whose
    /// tag is a BigInt), "cycle" (an `Echoed` whose text is a cyclic object),
    /// "progress-bigint" (a `CountProgress` holding a BigInt, then `Counted(tag)`), or
    /// "bigint-unread" (an `Echoed` with a BigInt under a key Elm does not read).
    Misreply { tag: u32, what: String },
    /// Cooperative: `CountProgress(tag, 1)`, then waits for `reply.signal` to abort;
    /// then replies late (`CountProgress(tag, 2)`, `Counted(tag)`), and after that
    /// reports on the BroadcastChannel "hamlet-tests" that it stopped, and why.
    Work { tag: u32 },
    /// One of `jobs` requests that step together: `CountProgress(tag, step)` for each
    /// step, the next step only once every job has sent this one; then `Counted(tag)`.
    Lockstep { tag: u32, jobs: u32, steps: u32 },
    /// Fields named like what tracked requests add to the wire; answered with
    /// `Labelled` carrying the same values.
    Label { tracker: String, timeout: u32, cancel: bool, send: String },

    // Worker → Main
    Echoed { tag: u32, text: String },
    CountProgress(u32, u32),
    Counted(u32),
    Sum(i32),
    Pong,
    Labelled { tracker: String, timeout: u32, cancel: bool, send: String },
    TestFailed { error: String },
}

/// A second worker, for `setupWorkers`, with an acronym in its name.
#[derive(BuildAmpWorker)]
pub enum HTTPProbeWorkerMessage {
    // main -> worker
    Probe { path: String },
    // worker -> main
    Probed { path: String, status: u16 },
    ProbeFailed { error: String },
}
