//! `flatten` of a struct with no fields: it adds no key, and is still flattened (not a
//! field with the key ""). An internally tagged newtype of it is the tag alone.
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize)]
pub struct Nothing {}

/// `{"a": 1}`: `n` puts no key in the object.
#[derive(Serialize, Deserialize)]
pub struct Outer {
    pub a: u32,
    #[serde(flatten)]
    pub n: Nothing,
}

/// `{"kind": "D"}` for `D(Nothing {})`, with no "value".
#[derive(Serialize, Deserialize)]
#[serde(tag = "kind")]
pub enum TaggedNothing {
    A { x: u32 },
    D(Nothing),
}

/// Tagged as serde tags it (`tag = "type"`), so that a newtype of a struct is flat.
#[derive(Serialize, Deserialize)]
#[serde(tag = "type")]
#[derive(BuildAmpWorker)]
pub enum HollowWorkerMessage {
    // Main → Worker
    /// `{"type": "Hollow"}`: the message's newtype of `Nothing` is the tag alone.
    Hollow(Nothing),
    /// `{"type": "Wrap", "outer": {"a": 1}, "tagged": {"kind": "D"}}`.
    Wrap {
        outer: Outer,
        tagged: TaggedNothing,
        #[serde(flatten)]
        none: Nothing,
    },
    // Worker → Main
    /// `{"type": "Wrapped", "a": 1}`.
    Wrapped(Outer),
    WrapFailed { error: String },
}
