//! `skip_serializing_if`: serde leaves the key out when the value is empty, and with
//! `default` reads a missing key as that empty value, as the Elm decoders do.
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

#[derive(Serialize, Deserialize)]
pub struct Post {
    pub title: String,
    /// Left out when `None`; missing or `null` is `Nothing` (serde's rule for an
    /// `Option`, with or without `default`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub body: String,
    #[serde(default, skip_serializing_if = "HashMap::is_empty")]
    pub meta: HashMap<String, String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub counts: BTreeMap<String, u32>,
}

#[derive(BuildAmpWorker)]
pub enum BlogWorkerMessage {
    // Main → Worker
    Publish {
        post: Post,
        #[serde(skip_serializing_if = "Option::is_none")]
        slug: Option<String>,
    },
    // Worker → Main
    Published { url: String },
    PublishFailed { error: String },
}
