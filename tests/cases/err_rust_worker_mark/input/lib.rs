#[derive(BuildAmpWorker)]
#[worker(python)]
pub enum CSVWorkerMessage {
    ParseCSV { data: String },
    CSVParsed { rows: Vec<Vec<String>> },
    ParseError { error: String },
}

#[derive(BuildAmpWorker)]
#[worker]
pub enum ImageWorkerMessage {
    ProcessImage { url: String },
    ProcessingFailed { error: String },
}

#[worker(rust)]
pub struct Settings {
    pub verbose: bool,
}
