//! `default`: a missing key decodes as the type's zero value, on a field or on the
//! whole struct; serde still writes every key.
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

pub type Names = Vec<String>;

#[derive(Serialize, Deserialize, Default)]
pub struct Colour {
    pub name: String,
}

/// Each zero value: `Nothing`, `[]`, `Dict.empty`, `""`, `0`, `0.0`, `False`, `()`,
/// and through an alias. `colour` has no zero value: it must be present, as must
/// `retries`, whose default is a Rust function Hamlet cannot see.
#[derive(Serialize, Deserialize)]
pub struct Settings {
    pub title: String,
    #[serde(default)]
    pub subtitle: Option<String>,
    #[serde(default)]
    pub items: Vec<u32>,
    #[serde(default)]
    pub labels: HashMap<String, String>,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub count: u32,
    #[serde(default)]
    pub ratio: f64,
    #[serde(default)]
    pub enabled: bool,
    #[serde(default)]
    pub nothing: (),
    #[serde(default)]
    pub aliases: Names,
    #[serde(default)]
    pub colour: Colour,
    #[serde(default = "three")]
    pub retries: u32,
}

fn three() -> u32 {
    3
}

/// `default` on the struct: every field may be missing.
#[derive(Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Limits {
    pub max_rows: u32,
    pub strict: bool,
    pub columns: Vec<String>,
}

#[derive(BuildAmpWorker)]
pub enum ConfigWorkerMessage {
    // Main → Worker
    Configure {
        settings: Settings,
        limits: Limits,
        #[serde(default)]
        verbose: bool,
    },
    // Worker → Main
    Configured,
    ConfigureFailed { error: String },
}
