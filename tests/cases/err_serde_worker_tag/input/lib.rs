use serde::{Deserialize, Serialize};

// The envelope between main thread and worker is keyed by "type".
#[derive(BuildAmpWorker, Serialize, Deserialize)]
#[serde(tag = "kind")]
pub enum PingWorkerMessage {
    Ping { at: u64 },
    PingResult { latency_ms: u32 },
    PingFailed { error: String },
}
