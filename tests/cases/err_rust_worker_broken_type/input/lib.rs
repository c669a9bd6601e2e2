// A Rust worker whose domain type has an error of its own (an unknown type): every
// error is reported, the Rust worker's checks pass over the broken type, no traceback.
use hamlet_derive::BuildAmpWorker;
use serde::{Deserialize, Serialize};

pub struct Point {
    pub x: f64,
}

#[derive(Serialize)]
pub struct Label {
    pub text: String,
}

#[derive(Serialize, Deserialize)]
pub struct Page {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub lines: VecVec<String>,
}

#[derive(BuildAmpWorker)]
#[worker(rust)]
pub enum PlotWorkerMessage {
    Plot { at: Point, label: Label, page: Page, name: &'static str },
    Plotted,
    PlotFailed { error: String },
}
