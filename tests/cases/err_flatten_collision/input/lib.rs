use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize)]
pub struct Audit {
    pub created_by: String,
    pub name: String,
}

#[derive(Serialize, Deserialize)]
pub struct Document {
    pub name: String,
    #[serde(flatten)]
    pub audit: Audit,
}

#[derive(BuildAmpWorker)]
pub enum DocWorkerMessage {
    Open { path: String },
    Opened { document: Document },
    OpenFailed { error: String },
}
