use crate::geo::Place;

#[derive(BuildAmpWorker)]
pub enum SearchWorkerMessage {
    Search { query: String, near: Place },
    SearchResults { places: Vec<Place> },
    SearchFailed { error: String },
    ParseError { message: String },
}

#[derive(BuildAmpWorker)]
pub enum BrokenWorkerMessage {
    Start { limit: u32, },
    Started { at: u64 }
    StartFailed { error: String },
}
