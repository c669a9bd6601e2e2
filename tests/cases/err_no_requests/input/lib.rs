// Every variant here is a response: the main thread could never ask for anything.
#[derive(BuildAmpWorker)]
pub enum ClockWorkerMessage {
    TickCompleted { at: u64 },
    ClockFailed { error: String },
}
