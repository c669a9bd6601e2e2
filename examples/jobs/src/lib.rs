//! The photo-filter worker of the jobs example: the page starts several filter jobs at
//! once, each sent with its own tracker, and the worker answers each with progress
//! replies and then the filtered photo's summary, or the failure variant.
//!
//! Hamlet reads this file; `cargo check` keeps it honest Rust.

use hamlet_derive::BuildAmpWorker;

/// The 3x3 filter a job applies, pass after pass. It has no serde derive, so it travels
/// in Hamlet's convention: a unit-only enum is its variant's name, `"Blur"`.
pub enum Filter {
    Blur,
    Sharpen,
    Edges,
}

#[derive(BuildAmpWorker)]
pub enum PhotoWorkerMessage {
    // Main → Worker
    /// Filter a `width` x `height` photo, `passes` times over. The photo is made up in
    /// the worker from `seed`, so the example needs no files.
    ApplyFilter {
        width: u32,
        height: u32,
        filter: Filter,
        passes: u32,
        seed: u32,
    },

    // Worker → Main
    /// After each chunk of rows: `done` of `total` rows filtered (over every pass).
    /// A progress reply does not end the job.
    FilterProgress { done: u32, total: u32 },
    /// The job is finished: the filtered photo's mean brightness (0 to 255), a
    /// 16-bin histogram of its brightness, and how long the worker took.
    FilterApplied {
        width: u32,
        height: u32,
        mean: f64,
        histogram: Vec<u32>,
        millis: f64,
    },
    /// Every error, and a cancel, a timeout or a stop: "cancelled", "timed out after 3000 ms".
    FilterFailed { error: String },
}
