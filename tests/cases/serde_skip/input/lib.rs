//! `skip`: not on the wire and not in the Elm type, on a field, a positional field
//! (two are left) and a variant of a domain enum.
use serde::{Deserialize, Serialize};

/// `{"name": "a"}`: no `cache` key, and no `cache` in Elm.
#[derive(Serialize, Deserialize)]
pub struct Document {
    pub name: String,
    #[serde(skip)]
    pub cache: Vec<u8>,
}

/// `[1.5, 2.5]`: the skipped middle field leaves two.
#[derive(Serialize, Deserialize)]
pub struct Span(pub f64, #[serde(skip)] pub u32, pub f64);

/// `"Ready"` or `"Done"`: serde can neither write nor read `Pending`, so Elm has no
/// constructor for it.
#[derive(Serialize, Deserialize)]
pub enum Phase {
    Ready,
    #[serde(skip)]
    Pending,
    Done,
}

#[derive(BuildAmpWorker)]
pub enum DocWorkerMessage {
    // Main → Worker
    Index { document: Document, span: Span, phase: Phase },
    // Worker → Main
    Indexed {
        words: u32,
        #[serde(skip)]
        elapsed_ms: u64,
    },
    IndexFailed { error: String },
}
