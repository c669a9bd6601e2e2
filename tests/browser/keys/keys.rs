//! A worker whose messages carry keys named like what every JavaScript object has
//! (`__proto__`, `constructor`, `hasOwnProperty`, `toString`), as struct fields and as
//! map keys, for tests/browser/test_browser_keys.py.

use std::collections::BTreeMap;

use hamlet_derive::BuildAmpWorker;
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize)]
pub struct Entry {
    #[serde(rename = "__proto__")]
    pub proto: BTreeMap<String, String>,
    #[serde(rename = "toString")]
    pub text: Option<String>,
}

#[derive(BuildAmpWorker, Serialize, Deserialize)]
#[serde(tag = "type")]
pub enum KeysWorkerMessage {
    // Main → Worker
    Echo {
        #[serde(rename = "__proto__")]
        proto: Option<u32>,
        constructor: Option<String>,
        #[serde(rename = "hasOwnProperty")]
        has_own_property: Option<bool>,
        labels: BTreeMap<String, u32>,
        entries: Vec<Entry>,
    },
    // Worker → Main
    Echoed {
        #[serde(rename = "__proto__")]
        proto: Option<u32>,
        constructor: Option<String>,
        #[serde(rename = "hasOwnProperty")]
        has_own_property: Option<bool>,
        labels: BTreeMap<String, u32>,
        entries: Vec<Entry>,
        /// The request as the handler saw it, as JSON: its own keys, nothing lost.
        seen: String,
    },
    /// The failure variant: its text under the key "__proto__" too.
    EchoFailed {
        #[serde(rename = "__proto__")]
        error: String,
    },
}
