//! A worker enum that serde (de)serialises too, in the message format: `tag = "type"`
//! and camelCase keys said with `rename_all_fields`, so that a worker compiled from
//! Rust writes the same messages. A newtype variant of a struct has that struct's keys
//! beside `"type"`.
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Upload {
    pub file_name: String,
    pub byte_count: u64,
}

#[derive(Serialize, Deserialize)]
#[serde(tag = "type", rename_all_fields = "camelCase")]
#[derive(BuildAmpWorker)]
pub enum FileWorkerMessage {
    // Main → Worker
    /// `{"type": "Store", "fileName": .., "byteCount": ..}`
    Store(Upload),
    /// `{"type": "Delete", "filePath": ..}`
    Delete { file_path: String },
    /// `{"type": "list-all"}`
    #[serde(rename = "list-all")]
    ListAll,
    /// `{"type": "Move", "from_path": .., "to_path": ..}`: the variant's own style wins.
    #[serde(rename_all = "snake_case")]
    Move { from_path: String, to_path: String },
    // Worker → Main
    Stored { file_id: String },
    Listed { file_names: Vec<String> },
    FileFailed { error: String },
}
