//! Keys that change nothing Hamlet writes or reads: `alias` (serde also reads the
//! other name, which the Elm decoders do not), `deny_unknown_fields`, `bound`, `crate`,
//! `expecting`. The output is as if they were not there.
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields, expecting = "a contact", bound = "", crate = "serde")]
pub struct Contact {
    #[serde(alias = "mail", alias = "e-mail")]
    pub email: String,
    #[serde(rename = "tel", alias = "phone")]
    pub telephone: Option<String>,
}

#[derive(Serialize, Deserialize)]
pub enum Channel {
    #[serde(alias = "mail")]
    Email,
    Phone,
}

#[derive(BuildAmpWorker)]
pub enum ContactWorkerMessage {
    // Main → Worker
    Notify { contact: Contact, via: Channel },
    // Worker → Main
    Notified,
    NotifyFailed { error: String },
}
