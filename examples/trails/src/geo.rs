//! Geometry shared by the route and the search worker.

use serde::{Deserialize, Serialize};

/// A position on the globe, in degrees (WGS 84).
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct LatLng {
    pub lat: f64,
    pub lng: f64,
}

/// A distance in meters. A newtype: on the wire it is the bare number.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq)]
pub struct Meters(pub f64);

/// The smallest box that holds a set of points.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct BoundingBox {
    pub south_west: LatLng,
    pub north_east: LatLng,
}

/// What the ground is like. Only unit variants: a plain string on the wire ("gravel").
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq)]
#[serde(rename_all = "lowercase")]
pub enum Surface {
    Paved,
    Gravel,
    Dirt,
    Rock,
    Unknown,
}

/// How the hiker moves, which decides the pace and the trails allowed.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq)]
#[serde(rename_all = "kebab-case")]
pub enum TravelMode {
    Hiking,
    TrailRunning,
    MountainBiking,
}

/// A map tile address. The map view uses it, but no worker message does, so Hamlet
/// generates nothing for it.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq)]
pub struct TileId {
    pub zoom: u8,
    pub x: u32,
    pub y: u32,
}
