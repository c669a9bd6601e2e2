// Every variant here is a request, including the would-be failure variant.
#[derive(BuildAmpWorker)]
pub enum LogWorkerMessage {
    // Main → Worker
    WriteLine { line: String },
    Flush,
    LogError { error: String },
}
