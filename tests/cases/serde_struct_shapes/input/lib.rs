//! Each struct shape, with a serde derive and without: named fields, a newtype, a
//! tuple struct, a unit struct, and the empty ones.
use serde::{Deserialize, Serialize};

/// `{"label": "a"}`
#[derive(Serialize, Deserialize)]
pub struct Named {
    pub label: String,
}

/// `12.5`: a newtype is its inner value.
#[derive(Serialize, Deserialize)]
pub struct Meters(pub f64);

/// `[1, "a"]`
#[derive(Serialize, Deserialize)]
pub struct Pair(pub u32, pub String);

/// `null`
#[derive(Serialize, Deserialize)]
pub struct Marker;

/// `{}`
#[derive(Serialize, Deserialize)]
pub struct Empty {}

/// `[]`
#[derive(Serialize, Deserialize)]
pub struct Void();

/// Hamlet's convention: camelCase keys, `{"fullLabel": "a"}`; the other shapes travel
/// as serde writes them.
pub struct Plain {
    pub full_label: String,
    pub unit_marker: PlainMarker,
}

pub struct PlainMarker;

#[derive(BuildAmpWorker)]
pub enum ShapeWorkerMessage {
    // Main → Worker
    Measure {
        named: Named,
        meters: Meters,
        pair: Pair,
        marker: Marker,
        empty: Empty,
        void: Void,
        plain: Plain,
    },
    // Worker → Main
    Measured { total: Meters },
    MeasureFailed { error: String },
}
