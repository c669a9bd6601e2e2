// A worker enum named like a value: its Elm module would be `Workers.csvWorker`.
#[allow(non_camel_case_types)]
#[derive(BuildAmpWorker)]
pub enum csvWorkerMessage {
    ParseCSV { data: String },
    CSVParsed { rows: Vec<Vec<String>> },
    ParseError { error: String },
}
