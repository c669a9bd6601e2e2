//! Doc comments that hold JSDoc tags. The scaffold and the declarations copy a Rust
//! doc comment into `/** */` comments, where tsc reads `@returns {number}`,
//! `@param {number} request` or `@type {string}` as types: each is written `\@...`,
//! so that the untouched scaffold still passes `tsc --checkJs --strict`.

/// A tagged point. @typedef {number} Point
/// @template T
pub struct Point {
    /// metres east @type {string}
    pub x: f64,
}

#[derive(BuildAmpWorker)]
pub enum TagWorkerMessage {
    // Main → Worker
    /// Measures it. @returns {number} the length
    /// @param {number} request
    Measure {
        /// where @type {number}, mailed to ops@example.com
        at: Point,
        /// @deprecated	@satisfies {string}
        scale: f64,
    },
    /// @this {number}
    Ping(u8),

    // Worker → Main
    /// @returns {string} never
    Measured { length: f64 },
    /// @param {string} error
    MeasureFailed { error: String },
}
