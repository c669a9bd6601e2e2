use serde::{Deserialize, Serialize};

/// Internally tagged: serde cannot put the tag inside an array or a bare number.
#[derive(Serialize, Deserialize)]
#[serde(tag = "kind")]
pub enum Geometry {
    Point { x: f64, y: f64 },
    Line(f64, f64, f64, f64),
    Radius(f64),
}

#[derive(BuildAmpWorker)]
pub enum DrawWorkerMessage {
    Draw { geometry: Geometry },
    Drawn { svg: String },
    DrawFailed { error: String },
}
