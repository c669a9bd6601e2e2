//! A worker for the browser tests whose domain types derive serde and say nothing
//! else, so they travel as serde_json writes them: keys as written (`x_px`) and
//! externally tagged enums (`{"Dab": {..}}`, `"Erase"`). Its handlers are in
//! ../handlers/sketch_worker_handlers.js; the compiled Elm app ../elm/src/Sketch.elm
//! drives it.

use serde::{Deserialize, Serialize};

/// A position on the canvas: `{"x_px": 3, "y_px": 4}`.
#[derive(Serialize, Deserialize, Debug, Clone)]
pub struct Pixel {
    pub x_px: i32,
    pub y_px: i32,
}

/// Every variant shape of an externally tagged enum, and one that nests it.
#[derive(Serialize, Deserialize, Debug, Clone)]
pub enum Mark {
    /// `{"Stroke": {"from_px": .., "to_px": .., "line_width": null}}`
    Stroke { from_px: Pixel, to_px: Pixel, line_width: Option<f64> },
    /// `{"Dab": {"x_px": 1, "y_px": 2}}`
    Dab(Pixel),
    /// `{"Curve": [{..}, {..}, {..}]}`
    Curve(Pixel, Pixel, Pixel),
    /// `{"Layer": {"marks": [..]}}`
    Layer { marks: Vec<Mark> },
    /// `"Erase"`
    Erase,
    /// `{"Blank": []}`
    Blank(),
}

/// Unit variants only: `"Sepia"`.
#[derive(Serialize, Deserialize, Debug, Clone)]
pub enum Ink {
    Charcoal,
    Sepia,
}

/// The worker enum keeps Hamlet's message format: `{"type": "Shift", "mark": .., ..}`.
#[derive(BuildAmpWorker, Debug, Clone)]
pub enum SketchWorkerMessage {
    // Main → Worker
    /// Answered with `Shifted`: the mark moved by (dx, dy), its nesting kept, and how
    /// many drawn marks (strokes, dabs, curves) it holds.
    Shift { mark: Mark, dx: i32, dy: i32, ink: Ink },
    // Worker → Main
    Shifted { mark: Mark, drawn: u32, ink: Ink },
    SketchFailed { error: String },
}
