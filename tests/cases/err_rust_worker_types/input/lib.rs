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
    pub lines: Vec<String>,
}

#[derive(BuildAmpWorker)]
#[worker(rust)]
pub enum PlotWorkerMessage {
    Plot { at: Point, label: Label, page: Page, name: &'static str },
    Plotted,
    PlotFailed { error: String },
}
