//! A worker written in Rust: its handlers are the WebAssembly of ../wasm/, and its
//! entry is the generated one that runs it. Each request has one behaviour the tests
//! of test_browser_wasm.py need.

#[derive(BuildAmpWorker, Debug, Clone)]
#[worker(rust)]
pub enum WasmWorkerMessage {
    // Main → Worker
    /// Answered with `Echoed` carrying the same tag and text.
    Echo { tag: u32, text: String },
    /// `steps` times `CountProgress(tag, step)`, then `Counted(tag)`.
    Count { tag: u32, steps: u32 },
    /// The handler returns `Err(message)`.
    Refuse { message: String },
    /// The handler panics with `message`.
    Panic { message: String },
    /// The handler returns `Ok(())` without replying.
    Silent { tag: u32 },
    /// Replies `Counted(tag)`, then `Counted(tag + 1)`.
    Twice { tag: u32 },
    /// Answered with `Counted(count)`; serde rejects a count above 255.
    Small { count: u8 },
    /// Answered with `Sum(a + b)`.
    Add(i32, i32),
    /// Answered with `Pong`.
    Ping,

    // Worker → Main
    Echoed { tag: u32, text: String },
    CountProgress(u32, u32),
    Counted(u32),
    Sum(i32),
    Pong,
    WasmFailed { error: String },
}
