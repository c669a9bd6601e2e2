#[derive(BuildAmpWorker, Debug, Clone)]
pub enum DataWorkerMessage {
    // Main → Worker
    ProcessCSV { data: String },
    CalculateStats { numbers: Vec<f64> },
    
    // Worker → Main
    CSVProcessed { rows: u32, columns: Vec<String> },
    StatsCalculated { mean: f64, median: f64, std_dev: f64 },
    WorkerError { message: String },
}
