use serde::{Deserialize, Serialize};
use std::collections::HashMap;

#[derive(Serialize, Deserialize)]
pub struct Photo {
    pub url: String,
    /// Every other key of the object: the decoder could not tell which keys these are.
    #[serde(flatten)]
    pub exif: HashMap<String, String>,
}

#[derive(BuildAmpWorker)]
pub enum PhotoWorkerMessage {
    LoadPhoto { url: String },
    PhotoLoaded { photo: Photo },
    LoadFailed { error: String },
}
