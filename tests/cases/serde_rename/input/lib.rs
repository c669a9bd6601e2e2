//! `rename` on fields and variants: the key or the tag on the wire, whatever the
//! Rust name; Elm keeps names made from the Rust ones.
use serde::{Deserialize, Serialize};

/// `{"id": "u1", "Full Name": "Ada", "": "blank key"}`. The type's own `rename` is
/// serde's name for it in formats that write type names: JSON does not.
#[derive(Serialize, Deserialize)]
#[serde(rename = "UserRecord")]
pub struct User {
    #[serde(rename = "id")]
    pub user_id: String,
    #[serde(rename = "Full Name")]
    pub full_name: String,
    /// The same name both ways, in serde's per-direction form.
    #[serde(rename(serialize = "nick", deserialize = "nick"))]
    pub nickname: Option<String>,
    #[serde(rename = "")]
    pub blank: String,
}

/// `"admin"`, `"guest-user"`, `{"ban": {"for": 3}}`: a variant's tag.
#[derive(Serialize, Deserialize)]
pub enum Role {
    #[serde(rename = "admin")]
    Admin,
    #[serde(rename = "guest-user")]
    Guest,
    #[serde(rename = "ban")]
    Banned {
        #[serde(rename = "for")]
        days: u32,
    },
}

/// Without a serde derive, the same: Hamlet's `"type"` tag takes the renamed name.
pub enum Status {
    #[serde(rename = "on")]
    Active { since_day: u32 },
    Idle,
}

#[derive(BuildAmpWorker)]
pub enum UserWorkerMessage {
    // Main → Worker
    /// `{"type": "save", "record": .., "role": .., "status": ..}`: a worker variant
    /// and field renamed.
    #[serde(rename = "save")]
    SaveUser {
        #[serde(rename = "record")]
        user: User,
        role: Role,
        status: Status,
    },
    // Worker → Main
    Saved { user_id: String },
    SaveFailed { error: String },
}
