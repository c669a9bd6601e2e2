use hamlet_derive::BuildAmpWorker;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// A cell's position, as serde writes it.
#[derive(Serialize, Deserialize)]
pub struct Cell {
    pub row: u32,
    pub column: u32,
}

#[derive(Serialize, Deserialize)]
pub enum Summary {
    Empty,
    Columns(Vec<String>),
    Sums { totals: HashMap<String, f64> },
}

/// Parses CSV in a worker written in Rust.
#[derive(BuildAmpWorker)]
#[worker(rust)]
pub enum CSVWorkerMessage {
    // Main → Worker
    ParseCSV { csv_text: String, max_rows: Option<u32> },
    FindCell(String, Cell),
    Match { r#type_name: String, r#match: bool, reply: u8 },
    CancelAll,
    // Worker → Main
    ParseProgress { percent: u8 },
    CSVParsed { rows: Vec<Vec<String>>, summary: Summary },
    CellFound(Option<super::Cell>),
    Nothing,
    ParseError { error: String },
}
