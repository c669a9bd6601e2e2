//! A third worker for the browser tests, whose messages carry domain types shaped by
//! serde attributes. Its handlers are in ../handlers/geo_worker_handlers.js.
//! The structs say `rename_all = "camelCase"`: they derive serde, so they travel as
//! serde writes them, and without it their keys would be the field names as written.

use serde::{Deserialize, Serialize};

/// A position, with camelCase keys: `latDeg`, `lonDeg`.
#[derive(Serialize, Deserialize, Debug, Clone)]
#[serde(rename_all = "camelCase")]
pub struct GeoPoint {
    pub lat_deg: f64,
    pub lon_deg: f64,
}

/// A newtype: the bare number on the wire.
#[derive(Serialize, Deserialize, Debug, Clone)]
pub struct Meters(pub f64);

/// A newtype: the bare string on the wire.
#[derive(Serialize, Deserialize, Debug, Clone)]
pub struct FeatureId(pub String);

/// How a feature is drawn; its keys sit in `Feature`'s object (flatten).
#[derive(Serialize, Deserialize, Debug, Clone)]
#[serde(rename_all = "camelCase")]
pub struct Style {
    pub stroke_color: String,
    /// A missing key decodes as 0.
    #[serde(default)]
    pub stroke_width: u32,
}

/// Shapes drawn together: `Shape` reaches itself through here.
#[derive(Serialize, Deserialize, Debug, Clone)]
#[serde(rename_all = "camelCase")]
pub struct ShapeGroup {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group_name: Option<String>,
    pub members: Vec<Shape>,
}

/// Internally tagged by `kind`, tags in snake_case: `{"kind": "poly_line", "points": [..]}`.
/// `Group` is a newtype variant: the group's keys sit next to `kind`.
#[derive(Serialize, Deserialize, Debug, Clone)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Shape {
    Circle { center: GeoPoint, radius: Meters },
    PolyLine { points: Vec<GeoPoint> },
    Group(ShapeGroup),
    Empty,
}

#[derive(Serialize, Deserialize, Debug, Clone)]
#[serde(rename_all = "camelCase")]
pub struct Feature {
    pub feature_id: FeatureId,
    #[serde(flatten)]
    pub style: Style,
    pub shape: Shape,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    #[serde(default)]
    pub tags: Vec<String>,
}

/// Variant field keys are snake_case (`scale_factor`), while the domain types inside
/// keep their own keys; two variants have wire tags other than their Rust names.
#[derive(BuildAmpWorker, Debug, Clone)]
#[serde(tag = "type", rename_all_fields = "snake_case")]
pub enum GeoWorkerMessage {
    // Main → Worker
    /// Answered with `Measured`: the feature as a serde worker sends it back, its shape
    /// scaled by `scale_factor`, and how many drawable shapes it holds.
    #[serde(rename = "measure")]
    MeasureFeature { feature: Feature, scale_factor: f64 },
    /// Answered with `Described`: a one-line summary and every kind, depth first.
    Describe { shape: Shape },

    // Worker → Main
    Measured { feature_id: FeatureId, shape_count: u32, scaled: Feature },
    #[serde(rename = "described")]
    Described { summary: String, shape_kinds: Vec<String> },
    #[serde(rename = "geo_failed")]
    GeoFailed {
        #[serde(rename = "reason")]
        error_text: String,
    },
}
