//! The route worker: plans a route through waypoints and computes its elevation profile.

use hamlet_derive::BuildAmpWorker;
use serde::{Deserialize, Serialize};

use crate::geo::{BoundingBox, LatLng, Meters, Surface, TravelMode};

/// Messages between the app and the route worker.
#[derive(BuildAmpWorker, Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(tag = "type")]
pub enum RouteWorkerMessage {
    // Main → Worker
    /// Plan a route through the waypoints, in order.
    PlanRoute {
        waypoints: Vec<LatLng>,
        mode: TravelMode,
        /// Surfaces to stay off, when there is another way.
        avoid: Vec<Surface>,
    },
    /// Sample the elevation along a planned route.
    #[serde(rename_all = "camelCase")]
    ComputeProfile { route_id: String, sample_every: Meters },
    CancelAll,

    // Worker → Main
    /// How far the planner got; does not end the request.
    RouteProgress { percent: u8 },
    RoutePlanned { route: Route },
    /// Distance from the start and elevation there, in meters.
    ProfileComputed { profile: Vec<(Meters, f64)> },
    #[worker(error)]
    RoutingFailed { error: String },
}

/// A planned route.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Route {
    pub id: String,
    pub bounds: BoundingBox,
    /// One leg per pair of consecutive waypoints.
    pub legs: Vec<Segment>,
    /// Distance, climb and time, as keys of the route object itself.
    #[serde(flatten)]
    pub stats: RouteStats,
    pub instructions: Vec<Instruction>,
    /// A second-best route, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alternative: Option<Box<Route>>,
}

/// Totals of a route.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct RouteStats {
    pub distance: Meters,
    pub ascent: Meters,
    pub descent: Meters,
    pub duration_minutes: u32,
}

/// The route's geometry as a tree: a leg holds stretches of one surface, or smaller legs.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(tag = "type")]
pub enum Segment {
    Stretch {
        points: Vec<LatLng>,
        surface: Surface,
        length: Meters,
    },
    Leg {
        name: String,
        parts: Vec<Box<Segment>>,
    },
}

/// Which way to turn.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq)]
pub enum Side {
    Left,
    Right,
}

/// One turn-by-turn instruction: `{"action": "turn", "detail": {...}}`.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(tag = "action", content = "detail", rename_all = "camelCase")]
pub enum Instruction {
    Start,
    Continue(Meters),
    Turn { side: Side, at: LatLng },
    TakeTrail(String, Option<String>),
    Arrive,
}
