use std::collections::HashMap;

#[derive(BuildAmpWorker)]
pub enum StatsWorkerMessage {
    CountWords { text: String },
    WordsCounted { by_length: HashMap<u32, u64> },
    CountFailed { error: String },
}
