//! The worker the glue benchmark drives: one small request, answered by one response
//! carrying the same fields. The raw `postMessage` and Comlink setups of the benchmark
//! send the same messages by hand.

#[derive(BuildAmpWorker)]
pub enum EchoWorkerMessage {
    // Main → Worker
    Echo { text: String, n: u32 },

    // Worker → Main
    Echoed { text: String, n: u32 },
    EchoFailed { error: String },
}
