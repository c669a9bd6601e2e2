//! The `BuildAmpWorker` derive: a marker that Hamlet reads.
//!
//! Deriving it generates no Rust code. The Hamlet command line reads the Rust source,
//! finds every enum that derives `BuildAmpWorker` and writes the Elm port module and
//! the JavaScript glue for it (`hamlet generate src`). This crate exists so that the
//! same source compiles with `cargo`: the derive name and the `#[worker(...)]` helper
//! attribute must be known to rustc.
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
//! ```

use proc_macro::TokenStream;

/// Marks a message enum as a Hamlet worker and accepts `#[worker(request)]`,
/// `#[worker(response)]`, `#[worker(error)]` and `#[worker(progress)]` on its
/// variants. Expands to nothing; the generation happens in the Hamlet CLI.
#[proc_macro_derive(BuildAmpWorker, attributes(worker))]
pub fn build_amp_worker(_input: TokenStream) -> TokenStream {
    TokenStream::new()
}
