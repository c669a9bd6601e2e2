use serde::{Deserialize, Serialize};

/// One page of results: generic, so Hamlet cannot give it one Elm type.
#[derive(Serialize, Deserialize)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub next: Option<String>,
}

pub type Pair<T> = (T, T);

#[derive(BuildAmpWorker)]
pub enum SearchWorkerMessage {
    Search { query: String },
    SearchResults { page: Page<String>, bounds: Pair<f64> },
    SearchFailed { error: String },
}
