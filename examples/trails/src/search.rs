//! The search worker: indexes places and finds them by name or by position.

use std::collections::HashMap;

use hamlet_derive::BuildAmpWorker;
use serde::{Deserialize, Serialize};

use crate::geo::{self, BoundingBox, LatLng, Meters};

/// Free-form tags of a place, such as "amenity" -> ["water", "shelter"].
pub type Labels = HashMap<String, Vec<String>>;

/// Messages between the app and the search worker.
#[derive(BuildAmpWorker, Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(tag = "type")]
pub enum SearchWorkerMessage {
    // Main → Worker
    /// Replace the index with these places.
    BuildIndex { places: Vec<Place> },
    #[serde(rename_all = "camelCase")]
    Search {
        query: String,
        within: Option<BoundingBox>,
        max_results: u32,
    },
    PlacesNear { center: geo::LatLng, radius: Meters },

    // Worker → Main
    #[serde(rename_all = "camelCase")]
    IndexReady { place_count: u32, root: IndexNode },
    SearchResults { hits: Vec<SearchHit> },
    #[worker(error)]
    SearchFailed { error: String },
}

/// A place the search can find.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Place {
    pub id: String,
    pub name: String,
    pub position: LatLng,
    pub kind: PlaceKind,
    /// Meters above sea level, when known; the key is absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub elevation: Option<f64>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub photo_urls: Vec<String>,
    #[serde(default)]
    pub labels: Labels,
    /// Computed and kept by the worker; never sent.
    #[serde(skip)]
    pub score_cache: Option<f32>,
}

/// What a place is: `{"kind": "hut", "beds": 12, ...}`.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PlaceKind {
    Peak {
        prominence: f64,
    },
    Hut {
        beds: u32,
        #[serde(default)]
        staffed: bool,
    },
    #[serde(rename = "water")]
    Spring,
    TrailHead {
        #[serde(rename = "parkingSpaces")]
        parking_spaces: Option<u32>,
    },
    Unknown,
}

/// One search result.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct SearchHit {
    pub place: Place,
    pub score: f32,
    /// Set for searches around a position.
    #[serde(rename = "distance", default, skip_serializing_if = "Option::is_none")]
    pub distance_from_center: Option<Meters>,
    pub matched: MatchedBy,
    /// Character ranges of the name to highlight.
    pub highlights: Vec<Span>,
}

/// Why a place matched: the bare name, or the fuzzy term and its edit distance.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(untagged)]
pub enum MatchedBy {
    Exact(String),
    Fuzzy { term: String, edits: u8 },
}

/// A range of characters, start inclusive, end exclusive: `[3, 7]` on the wire.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq)]
pub struct Span(pub u32, pub u32);

/// A node of the prefix tree the worker builds over place names.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct IndexNode {
    pub prefix: String,
    pub place_ids: Vec<String>,
    pub children: Vec<Self>,
}
