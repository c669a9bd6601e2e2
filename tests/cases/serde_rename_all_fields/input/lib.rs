//! `rename_all_fields` on an enum: the keys of every struct variant, unless the
//! variant has a `rename_all` of its own. Tags keep their names.
use serde::{Deserialize, Serialize};

/// `{"Move": {"delta-x": 1, "delta-y": 2}}`, `{"Zoom": {"scaleFactor": 2.0}}`, `"Reset"`.
#[derive(Serialize, Deserialize)]
#[serde(rename_all_fields = "kebab-case")]
pub enum Gesture {
    Move { delta_x: i32, delta_y: i32 },
    #[serde(rename_all = "camelCase")]
    Zoom { scale_factor: f64 },
    Rotate(f64),
    Reset,
}

#[derive(BuildAmpWorker)]
pub enum GestureWorkerMessage {
    // Main → Worker
    Perform { gesture: Gesture },
    // Worker → Main
    Performed { gesture: Gesture },
    PerformFailed { error: String },
}
