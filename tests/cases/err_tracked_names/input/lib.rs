// Requests named like the functions of tracked requests, and a response whose reply
// method would be the handler's AbortSignal, `reply.signal`.
#[derive(BuildAmpWorker)]
pub enum CSVWorkerMessage {
    // Main → Worker
    CancelCSVWorker { job: String },
    TerminateCSVWorker,
    SendToCSVWorkerWith { data: String },
    // Worker → Main
    Signal { level: u8 },
    ParseError { error: String },
}
