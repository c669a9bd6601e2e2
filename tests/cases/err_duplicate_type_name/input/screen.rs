use serde::{Deserialize, Serialize};

/// A pixel position: another `Point`, which both reach the worker.
#[derive(Serialize, Deserialize)]
pub struct Point {
    pub x: u32,
    pub y: u32,
}
