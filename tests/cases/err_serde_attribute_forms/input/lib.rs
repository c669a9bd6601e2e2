use serde::{Deserialize, Serialize};

// Each attribute below is one that serde's derive rejects at compile time.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = camelCase)]
pub struct Track {
    #[serde(rename = 5)]
    pub id: u32,
    #[serde(rename)]
    pub name: String,
    #[serde(rename = "artist", rename = "by")]
    pub artist: String,
    #[serde(rename = concat!("len", "gth"))]
    pub length: u32,
    #[serde(flatten = true)]
    pub tags: Tags,
    #[serde(rename(serialize = "rating", serialise = "rating"))]
    pub rating: u8,
}

#[derive(Serialize, Deserialize)]
pub struct Tags {
    pub genre: String,
}

#[derive(BuildAmpWorker)]
pub enum MusicWorkerMessage {
    Scan { folder: String },
    ScanCompleted { tracks: Vec<Track> },
    ScanFailed { error: String },
}
