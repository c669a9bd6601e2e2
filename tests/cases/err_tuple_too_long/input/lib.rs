#[derive(BuildAmpWorker)]
pub enum MapWorkerMessage {
    FitBounds { bbox: (f64, f64, f64, f64) },
    BoundsFitted { zoom: u8 },
    MapError { error: String },
}
