//! The CSV worker of examples/csv-app, written in Rust: the main thread asks for a
//! parse, the worker reports its progress and answers with the rows or with an error.
//! `hamlet generate` reads the enum below and writes the Elm module, the main-thread
//! JavaScript and the worker entry, as for the JavaScript worker, plus
//! `generated/rust/csv_worker.rs`: the trait `CsvWorker` implements here.

use hamlet_derive::BuildAmpWorker;

pub mod csv;

#[derive(BuildAmpWorker)]
#[worker(rust)]
pub enum CSVWorkerMessage {
    ParseCSV { data: String },
    ParseProgress { percent: u8 },
    CSVParsed { rows: Vec<Vec<String>> },
    ParseError { error: String },
}

// Written by `hamlet generate` (rust-out in hamlet.toml); run it before `cargo build`.
#[path = "../generated/rust/csv_worker.rs"]
mod csv_worker;

use csv_worker::{CsvWorkerHandlers, CsvWorkerReply};

/// Texts shorter than this are parsed without progress reports: they take less time
/// than the messages would.
const PROGRESS_FROM_BYTES: usize = 256 * 1024;

#[derive(Default)]
pub struct CsvWorker;

impl CsvWorkerHandlers for CsvWorker {
    fn parse_csv(&mut self, data: String, reply: &mut CsvWorkerReply) -> Result<(), String> {
        let total = data.len();
        let mut reported = 0;
        let parsed = csv::parse(&data, |done| {
            if total < PROGRESS_FROM_BYTES {
                return;
            }
            // At most one report per percent: each one is a message to the page.
            let percent = done * 100 / total;
            if percent > reported && percent < 100 {
                reported = percent;
                reply.parse_progress(percent as u8);
            }
        });
        match parsed {
            Ok(rows) => reply.csv_parsed(rows),
            Err(error) => reply.parse_error(error.message),
        }
        Ok(())
    }
}

csv_worker::hamlet_export_csv_worker!(CsvWorker);
