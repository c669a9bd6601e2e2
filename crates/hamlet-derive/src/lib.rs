//! The `BuildAmpWorker` derive: a marker that Hamlet reads.
//!
//! Deriving it generates no Rust code. The Hamlet command line reads the Rust source,
//! finds every enum that derives `BuildAmpWorker` and writes the Elm port module and
//! the JavaScript glue for it (`hamlet generate src`). This crate exists so that the
//! same source compiles with `cargo`: the derive name and the `#[worker(...)]` helper
//! attribute must be known to rustc. `#[serde(...)]` is known too, so that a worker
//! enum can carry serde attributes (which Hamlet applies to its messages) without
//! deriving serde itself: a Rust worker's generated module reads and writes the
//! messages without the enum's own serde impls.
//!
//! ```
//! use hamlet_derive::BuildAmpWorker;
//!
//! #[derive(BuildAmpWorker)]
//! pub enum CSVWorkerMessage {
//!     ParseCSV { data: String },
//!     CSVParsed { rows: Vec<Vec<String>> },
//!     #[worker(error)]
//!     ParseError { error: String },
//! }
//!
//! #[derive(BuildAmpWorker)]
//! #[worker(rust)]
//! #[serde(rename_all = "snake_case")]
//! pub enum SearchWorkerMessage {
//!     FindTrail { #[serde(rename = "q")] query: String },
//!     TrailFound { name: String },
//!     SearchFailed { error: String },
//! }
//! ```

use proc_macro::TokenStream;

/// Marks a message enum as a Hamlet worker and accepts `#[worker(rust)]` on it,
/// `#[worker(request)]`, `#[worker(response)]`, `#[worker(error)]` and
/// `#[worker(progress)]` on its variants, and `#[serde(...)]` anywhere in it (serde's
/// own derives declare the same helper, so deriving both is fine). Expands to
/// nothing; the generation happens in the Hamlet CLI.
#[proc_macro_derive(BuildAmpWorker, attributes(worker, serde))]
pub fn build_amp_worker(_input: TokenStream) -> TokenStream {
    TokenStream::new()
}
