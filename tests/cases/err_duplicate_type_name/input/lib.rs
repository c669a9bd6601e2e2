mod geo;
mod screen;

#[derive(BuildAmpWorker)]
pub enum MapWorkerMessage {
    Project { position: geo::Point },
    Projected { pixel: screen::Point },
    ProjectFailed { error: String },
}
