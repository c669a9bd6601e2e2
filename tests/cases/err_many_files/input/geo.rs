use serde::{Deserialize, Serialize};
use std::collections::HashMap;

#[derive(Serialize, Deserialize)]
pub struct Place {
    pub name: String,
    pub position: (f64, f64),
    /// Keyed by the zoom level: JSON keys are strings.
    pub tiles: HashMap<u8, String>,
}
