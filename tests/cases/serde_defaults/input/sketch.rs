use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use crate::{LineStyle, Shape};

/// A saved sketch; serde reads it from an object or from an array of its fields.
#[derive(Serialize, Deserialize)]
pub struct Sketch {
    pub sketch_name: String,
    pub shapes: Vec<Shape>,
    pub styles_by_layer: BTreeMap<String, LineStyle>,
    pub selected: Option<Shape>,
}
