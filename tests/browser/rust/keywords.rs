//! A fourth worker for the browser tests, whose fields are named like JavaScript
//! reserved words and like the handler's own parameters (`request`, `reply`). It keeps
//! the generated handlers scaffold: the tests run it as generated, and as a user would
//! fill it in (its placeholder replaced by a reply built from its own locals).

use serde::{Deserialize, Serialize};

/// Flattened into `Lookup`: `class_` meets the local that `class` becomes.
#[derive(Serialize, Deserialize, Debug, Clone)]
pub struct Extra {
    #[serde(rename = "class_")]
    pub class_name: String,
    pub reply: bool,
}

#[derive(BuildAmpWorker, Debug, Clone)]
pub enum KeywordWorkerMessage {
    // Main → Worker
    Ask {
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
        r#enum: String,
        this: String,
        #[serde(rename = "super")]
        sup: String,
    },
    Lookup {
        class: String,
        #[serde(flatten)]
        extra: Extra,
    },

    // Worker → Main
    Told {
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
        r#enum: String,
        this: String,
        #[serde(rename = "super")]
        sup: String,
    },
    Found {
        class: String,
        #[serde(flatten)]
        extra: Extra,
    },
    KeywordFailed { error: String },
}
