//! `tag = "..."` on an enum: internally tagged, the tag beside the variant's keys.
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize)]
pub struct Size {
    pub width: u32,
    pub height: u32,
}

/// `{"kind": "Blank"}`, `{"kind": "Image", "width": 2, "height": 3}` (a newtype of a
/// struct: its keys beside the tag), `{"kind": "Text", "body": "hi"}`.
#[derive(Serialize, Deserialize)]
#[serde(tag = "kind")]
pub enum Block {
    Blank,
    Image(Size),
    Text { body: String },
    /// `{"kind": "Note", "lines": []}`: a struct variant with nothing but defaults
    /// is still an object.
    Note {
        #[serde(default)]
        lines: Vec<String>,
    },
}

/// Without a serde derive: Hamlet's convention, with another tag key.
#[serde(tag = "shape")]
pub enum Mark {
    Dot { x: f64, y: f64 },
    Clear,
}

#[derive(BuildAmpWorker)]
pub enum PageWorkerMessage {
    // Main → Worker
    Render { blocks: Vec<Block>, mark: Mark },
    // Worker → Main
    Rendered { html: String },
    RenderFailed { error: String },
}
