//! An enum that derives serde and says nothing more: externally tagged, as
//! serde_json writes it. A unit variant is its name; any other variant is an object
//! with one key, its name, holding its value.
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize)]
pub enum Event {
    /// `"Tick"`
    Tick,
    /// `{"Key": "a"}`
    Key(char),
    /// `{"Move": [3, 4]}`
    Move(i32, i32),
    /// `{"Click": {"button_index": 0, "double": false}}`: keys as written.
    Click { button_index: u8, double: bool },
    /// `{"Blur": []}`
    Blur(),
    /// `{"Focus": {}}`
    Focus {},
}

#[derive(BuildAmpWorker)]
pub enum InputWorkerMessage {
    // Main → Worker
    Record { events: Vec<Event> },
    // Worker → Main
    Recorded { count: u32 },
    RecordFailed { error: String },
}
