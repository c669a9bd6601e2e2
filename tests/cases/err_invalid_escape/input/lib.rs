use serde::{Deserialize, Serialize};

/// A place on the map.
#[derive(Serialize, Deserialize)]
pub struct Place {
    #[serde(rename = "name\u{D800}")]
    name: String,
    #[doc = "Height in metres \u{110000}"]
    height: u32,
}

#[derive(BuildAmpWorker)]
pub enum MapWorkerMessage {
    Locate { place: Place },
    Located { lat: f64, lon: f64 },
    LocateFailed { error: String },
}
