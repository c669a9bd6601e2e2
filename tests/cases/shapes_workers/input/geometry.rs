//! Domain types shared by the draw and measure workers.
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// A point in the plane.
#[derive(Serialize, Deserialize)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

/// A shape: `{"kind": "circle", "center": ..., "radius": 2}`.
#[derive(Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Shape {
    Circle { center: Point, radius: f64 },
    Polygon { points: Vec<Point> },
    /// Shapes drawn together; a group can hold groups.
    Group { children: Vec<Shape> },
}

/// Paint: a plain string on the wire.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Colour {
    Red,
    Green,
    Blue,
}

pub type Labels = HashMap<String, String>;

#[derive(Serialize, Deserialize)]
pub struct Style {
    pub fill: Colour,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stroke: Option<Colour>,
    #[serde(default, skip_serializing_if = "HashMap::is_empty")]
    pub labels: Labels,
    #[serde(skip)]
    pub cache: Vec<u8>,
}

/// Named like Elm's own `Result`, so it becomes `Result_` in Elm.
#[derive(Serialize, Deserialize)]
#[serde(tag = "status", content = "data")]
pub enum Result {
    Ok(f64),
    Err { reason: String },
}

/// A newtype: the bare number on the wire.
#[derive(Serialize, Deserialize)]
pub struct Meters(pub f64);
