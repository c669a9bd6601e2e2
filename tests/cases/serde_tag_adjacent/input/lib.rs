//! `tag` with `content`: adjacently tagged, `{"t": "Variant", "c": value}`.
use serde::{Deserialize, Serialize};

/// `{"t": "Stop"}`, `{"t": "Wait", "c": 5}`, `{"t": "Goto", "c": [1, 2]}`,
/// `{"t": "Say", "c": {"text": "hi"}}`, `{"t": "Skip", "c": []}`.
#[derive(Serialize, Deserialize)]
#[serde(tag = "t", content = "c")]
pub enum Step {
    Stop,
    Wait(u32),
    Goto(i32, i32),
    Say { text: String },
    Skip(),
    /// A newtype of an `Option`: its content may be missing.
    Hint(Option<String>),
}

/// Without a serde derive, the same keys: Hamlet's convention only sets the defaults.
#[serde(tag = "op", content = "arg")]
pub enum Op {
    Push(f64),
    Pop,
}

#[derive(BuildAmpWorker)]
pub enum ScriptWorkerMessage {
    // Main → Worker
    Run { steps: Vec<Step>, op: Op },
    // Worker → Main
    Ran { last: Step },
    RunFailed { error: String },
}
