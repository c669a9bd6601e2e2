use serde::{Deserialize, Serialize};

fn is_zero(n: &u32) -> bool {
    *n == 0
}

#[derive(Serialize, Deserialize)]
pub struct Inbox {
    pub name: String,
    #[serde(skip_serializing_if = "is_zero")]
    pub unread: u32,
}

#[derive(BuildAmpWorker)]
pub enum MailWorkerMessage {
    Sync,
    Synced { inboxes: Vec<Inbox> },
    SyncFailed { error: String },
}
