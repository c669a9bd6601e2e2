use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize)]
pub struct Event {
    pub title: String,
    #[serde(with = "time::serde::rfc3339")]
    pub starts_at: String,
}

#[derive(BuildAmpWorker)]
pub enum CalendarWorkerMessage {
    ImportIcs { data: String },
    IcsImported { events: Vec<Event> },
    ImportFailed { error: String },
}
