//! The CSV worker of the README's guide (see docs/design.md): the main thread asks for
//! a parse, the worker answers with the rows or with an error.

use hamlet_derive::BuildAmpWorker;

#[derive(BuildAmpWorker)]
pub enum CSVWorkerMessage {
    ParseCSV { data: String },
    CSVParsed { rows: Vec<Vec<String>> },
    ParseError { error: String },
}
