//! The CSV worker from the design's usage example: the main thread asks for a parse,
//! the worker answers with the rows or with an error.

use hamlet_derive::BuildAmpWorker;

#[derive(BuildAmpWorker)]
pub enum CSVWorkerMessage {
    ParseCSV { data: String },
    CSVParsed { rows: Vec<Vec<String>> },
    ParseError { error: String },
}
