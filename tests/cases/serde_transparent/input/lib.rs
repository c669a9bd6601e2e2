//! `transparent`: a struct with one field (once the `skip`ped ones are out) travels as
//! that field's value.
use serde::{Deserialize, Serialize};

/// `"u-1"`
#[derive(Serialize, Deserialize)]
#[serde(transparent)]
pub struct UserId(pub String);

/// `42`: one named field.
#[derive(Serialize, Deserialize)]
#[serde(transparent)]
pub struct Score {
    pub points: u32,
}

/// `["a", "b"]`: the skipped field is not on the wire.
#[derive(Serialize, Deserialize)]
#[serde(transparent)]
pub struct Tags {
    pub names: Vec<String>,
    #[serde(skip)]
    pub dirty: bool,
}

#[derive(BuildAmpWorker)]
pub enum ScoreWorkerMessage {
    // Main → Worker
    Submit { user: UserId, score: Score, tags: Tags },
    // Worker → Main
    Submitted { rank: u32 },
    SubmitFailed { error: String },
}
