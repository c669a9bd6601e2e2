//! Types that derive serde travel as serde_json writes them: field names as written,
//! enums externally tagged. A type without the derive keeps Hamlet's convention.
use serde::{Deserialize, Serialize};

mod sketch;

/// A point: `{"x_pos": 1.5, "y_pos": 2}`.
#[derive(Serialize, Deserialize)]
pub struct Point {
    pub x_pos: f64,
    pub y_pos: f64,
}

/// Each variant shape, as serde writes it.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub enum Shape {
    /// `{"Circle": {"center_point": .., "radius": 1.0}}`
    Circle { center_point: Point, radius: f64 },
    /// `{"Square": 2.0}`
    Square(f64),
    /// `{"Segment": [{..}, {..}]}`
    Segment(Point, Point),
    /// `"Dot"`
    Dot,
    /// `{"Blank": []}`
    Blank(),
    /// `{"Group": {"children": [..]}}`
    Group {
        children: Vec<Shape>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        label_text: Option<String>,
    },
}

/// Only unit variants: `"Solid"`.
#[derive(Serialize, Deserialize)]
pub enum LineStyle {
    Solid,
    Dashed,
}

/// No serde derive: Hamlet's convention, `{"type": "Named", "colourName": ..}`.
pub enum Paint {
    Named { colour_name: String },
    Rgb(u8, u8, u8),
}

/// No serde derive on the worker or its types: Hamlet's convention throughout.
#[derive(BuildAmpWorker)]
pub enum PaletteWorkerMessage {
    Mix { first_paint: Paint, second_paint: Paint },
    Mixed { paint: Paint },
    MixFailed { error: String },
}

/// The worker derives serde too, but messages keep Hamlet's format: the `"type"` tag
/// and camelCase keys (`strokeWidth`).
#[derive(BuildAmpWorker, Serialize, Deserialize)]
#[serde(tag = "type")]
pub enum SketchWorkerMessage {
    // Main → Worker
    Draw { shape: Shape, style: LineStyle, stroke_width: Option<f64> },
    Load(sketch::Sketch),
    // Worker → Main
    Drawn { svg_text: String },
    SketchFailed { error: String },
}
