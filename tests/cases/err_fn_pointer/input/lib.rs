#[derive(BuildAmpWorker)]
pub enum SortWorkerMessage {
    Sort { items: Vec<i64>, compare: fn(i64, i64) -> bool },
    Sorted { items: Vec<i64> },
    SortFailed { error: String },
}
