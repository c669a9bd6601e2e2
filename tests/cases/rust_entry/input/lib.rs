//! A worker written in Rust beside one written in JavaScript: the Rust one gets the
//! WebAssembly entry and no handlers scaffold, the other its usual pair.

/// Image work, in Rust.
#[derive(BuildAmpWorker)]
#[worker(rust)]
pub enum ImageWorkerMessage {
    // Main → Worker
    ProcessImage { image_url: String, max_width: u32 },
    #[serde(rename = "resize")]
    Resize(u32, u32),
    CancelAll,

    // Worker → Main
    ProcessingProgress(u8),
    ProcessingComplete { result_url: String },
    Resized,
    ProcessingFailed { error: String },
}

/// Echoes, in JavaScript.
#[derive(BuildAmpWorker)]
pub enum EchoWorkerMessage {
    Echo(String),
    Echoed(String),
    EchoFailed(String),
}
