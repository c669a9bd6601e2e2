//! Prints one message of every variant as serde serialises it, one JSON document a line:
//! `<WorkerBase> <json>`. Hamlet's tests check each line against the JSON Schema that
//! `hamlet generate` writes for the worker, so the Rust side and the generated side must
//! agree on the wire format.
//!
//!     cargo run --offline --example samples

use std::collections::HashMap;

use hamlet_trails_example::geo::{BoundingBox, LatLng, Meters, Surface, TravelMode};
use hamlet_trails_example::route::{
    Instruction, Route, RouteStats, RouteWorkerMessage, Segment, Side,
};
use hamlet_trails_example::search::{
    IndexNode, MatchedBy, Place, PlaceKind, SearchHit, SearchWorkerMessage, Span,
};
use serde::Serialize;

fn at(lat: f64, lng: f64) -> LatLng {
    LatLng { lat, lng }
}

fn route(alternative: Option<Box<Route>>) -> Route {
    Route {
        id: "r1".into(),
        bounds: BoundingBox { south_west: at(46.5, 7.9), north_east: at(46.6, 8.0) },
        legs: vec![Segment::Leg {
            name: "Ascent".into(),
            parts: vec![
                Box::new(Segment::Stretch {
                    points: vec![at(46.5, 7.9), at(46.55, 7.95)],
                    surface: Surface::Gravel,
                    length: Meters(5200.0),
                }),
                Box::new(Segment::Leg { name: "Ridge".into(), parts: vec![] }),
            ],
        }],
        stats: RouteStats {
            distance: Meters(5200.0),
            ascent: Meters(810.5),
            descent: Meters(12.0),
            duration_minutes: 150,
        },
        instructions: vec![
            Instruction::Start,
            Instruction::Continue(Meters(300.0)),
            Instruction::Turn { side: Side::Left, at: at(46.52, 7.91) },
            Instruction::TakeTrail("Eiger Trail".into(), None),
            Instruction::TakeTrail("Via Alpina".into(), Some("red-white".into())),
            Instruction::Arrive,
        ],
        alternative,
    }
}

fn place(kind: PlaceKind, elevation: Option<f64>) -> Place {
    let mut labels = HashMap::new();
    labels.insert("amenity".to_string(), vec!["water".to_string(), "shelter".to_string()]);
    Place {
        id: "p1".into(),
        name: "Mittellegi Hut".into(),
        position: at(46.58, 8.02),
        kind,
        elevation,
        photo_urls: if elevation.is_some() { vec!["hut.jpg".into()] } else { vec![] },
        labels,
        score_cache: Some(0.5),
    }
}

fn print<T: Serialize>(base: &str, message: &T) {
    println!("{base} {}", serde_json::to_string(message).expect("serialisable"));
}

fn main() {
    let routes = [
        RouteWorkerMessage::PlanRoute {
            waypoints: vec![at(46.5, 7.9), at(46.6, 8.0)],
            mode: TravelMode::TrailRunning,
            avoid: vec![Surface::Paved, Surface::Unknown],
        },
        RouteWorkerMessage::ComputeProfile { route_id: "r1".into(), sample_every: Meters(50.0) },
        RouteWorkerMessage::CancelAll,
        RouteWorkerMessage::RouteProgress { percent: 40 },
        RouteWorkerMessage::RoutePlanned { route: route(Some(Box::new(route(None)))) },
        RouteWorkerMessage::ProfileComputed { profile: vec![(Meters(0.0), 1200.0), (Meters(50.0), 1215.5)] },
        RouteWorkerMessage::RoutingFailed { error: "no path between the waypoints".into() },
    ];
    for message in &routes {
        print("RouteWorker", message);
    }
    let kinds = [
        PlaceKind::Peak { prominence: 356.0 },
        PlaceKind::Hut { beds: 12, staffed: true },
        PlaceKind::Spring,
        PlaceKind::TrailHead { parking_spaces: None },
        PlaceKind::TrailHead { parking_spaces: Some(40) },
        PlaceKind::Unknown,
    ];
    let places: Vec<Place> = kinds
        .iter()
        .enumerate()
        .map(|(i, kind)| place(kind.clone(), if i % 2 == 0 { Some(3355.0) } else { None }))
        .collect();
    let leaf = IndexNode { prefix: "mittellegi".into(), place_ids: vec!["p1".into()], children: vec![] };
    let searches = [
        SearchWorkerMessage::BuildIndex { places: places.clone() },
        SearchWorkerMessage::Search { query: "hut".into(), within: None, max_results: 20 },
        SearchWorkerMessage::Search {
            query: "hut".into(),
            within: Some(BoundingBox { south_west: at(46.0, 7.0), north_east: at(47.0, 9.0) }),
            max_results: 5,
        },
        SearchWorkerMessage::PlacesNear { center: at(46.58, 8.02), radius: Meters(2000.0) },
        SearchWorkerMessage::IndexReady {
            place_count: 6,
            root: IndexNode { prefix: "".into(), place_ids: vec![], children: vec![leaf] },
        },
        SearchWorkerMessage::SearchResults {
            hits: vec![
                SearchHit {
                    place: places[1].clone(),
                    score: 0.9,
                    distance_from_center: Some(Meters(120.0)),
                    matched: MatchedBy::Exact("Mittellegi".into()),
                    highlights: vec![Span(0, 10)],
                },
                SearchHit {
                    place: places[0].clone(),
                    score: 0.4,
                    distance_from_center: None,
                    matched: MatchedBy::Fuzzy { term: "hutt".into(), edits: 1 },
                    highlights: vec![],
                },
            ],
        },
        SearchWorkerMessage::SearchFailed { error: "index not built".into() },
    ];
    for message in &searches {
        print("SearchWorker", message);
    }
}
