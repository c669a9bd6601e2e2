//! Trails: a hiking app that plans routes and searches places in two Web Workers.
//!
//! `route::RouteWorkerMessage` and `search::SearchWorkerMessage` are the workers; the
//! types in `geo` are used by both, and Hamlet writes each of them once, in the shared
//! Elm module `Workers.Types`.

pub mod geo;
pub mod route;
pub mod search;
