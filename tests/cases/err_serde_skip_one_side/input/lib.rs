use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize)]
pub struct Account {
    pub email: String,
    #[serde(skip_serializing)]
    pub password_hash: String,
}

#[derive(BuildAmpWorker)]
pub enum AccountWorkerMessage {
    LoadAccount { id: u64 },
    AccountLoaded { account: Account },
    LoadFailed { error: String },
}
