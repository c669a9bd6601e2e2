// Requests, fields and responses named like the words of tracked requests: the
// commands `tracker`, `options`, `request`, `cancel`, `terminate` and `send` keep
// their names and the generated functions' locals step aside; fields named
// `tracker`, `timeout`, `cancel` and `send` travel as they are (the commands of
// tracked requests are arrays, messages are objects); a response field `signal` is
// fine (only a reply method named `signal` would clash with `reply.signal`).
#[derive(BuildAmpWorker)]
pub enum JobWorkerMessage {
    // Main → Worker
    Tracker { tracker: String, timeout: f64 },
    Options { cancel: bool, send: String },
    Request(String),
    Cancel,
    Terminate,
    Send { id: u32 },
    // Worker → Main
    Done { tracker: String },
    SignalSent { signal: String },
    JobFailed { error: String },
}
