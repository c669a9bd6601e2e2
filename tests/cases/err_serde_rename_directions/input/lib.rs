use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize)]
pub struct Track {
    #[serde(rename(serialize = "trackName", deserialize = "name"))]
    pub name: String,
}

#[derive(BuildAmpWorker)]
pub enum MusicWorkerMessage {
    Scan { folder: String },
    ScanCompleted { tracks: Vec<Track> },
    ScanFailed { error: String },
}
