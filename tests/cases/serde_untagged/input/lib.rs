//! `untagged`: the variant's value alone; decoding tries the variants in order, as
//! serde does.
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

/// `null`, `3`, `"text"`, `[1, 2]`, `{"x": 1, "y": 2}`, `{"label": "a"}`, `[]`.
#[derive(Serialize, Deserialize)]
#[serde(untagged)]
pub enum Value {
    Nil,
    Number(i64),
    Text(String),
    Pair(u8, u8),
    At(Point),
    Labelled { label: String },
    Empty(),
}

#[derive(BuildAmpWorker)]
pub enum CellWorkerMessage {
    // Main → Worker
    Evaluate { formula: String, inputs: Vec<Value> },
    // Worker → Main
    Evaluated { value: Value },
    EvaluateFailed { error: String },
}
