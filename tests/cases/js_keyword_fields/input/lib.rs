//! Field names that are JavaScript reserved words, strict-mode and module-code
//! reserved words, or the names the generated JS binds itself (`request`, `reply`,
//! `answer`): every one must give valid JavaScript in every generated file.

use serde::{Deserialize, Serialize};

/// Flattened into `Lookup`: its keys sit beside the request's own, and `class_` meets
/// the local that the request's `class` becomes.
#[derive(Serialize, Deserialize)]
pub struct Extra {
    #[serde(rename = "class_")]
    pub class_name: String,
    pub reply: bool,
}

#[derive(BuildAmpWorker)]
pub enum KeywordWorkerMessage {
    // Main → Worker
    Echo {
        request: String,
        reply: String,
        answer: u32,
        r#await: bool,
        arguments: Vec<String>,
        eval: Option<String>,
        r#yield: u8,
        r#let: i32,
        r#static: f64,
        implements: String,
        package: String,
        interface: String,
        r#enum: String,
        r#class: String,
        this: String,
        null: bool,
        r#default: String,
    },
    Lookup {
        r#class: String,
        #[serde(flatten)]
        extra: Extra,
    },
    Pair(String, String),

    // Worker → Main
    Echoed {
        request: String,
        reply: String,
        answer: u32,
        r#await: bool,
        arguments: Vec<String>,
        eval: Option<String>,
    },
    Found(String, u32),
    KeywordFailed { error: String },
}
