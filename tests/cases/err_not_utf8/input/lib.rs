// Menu worker
#[derive(BuildAmpWorker)]
pub enum MenuWorkerMessage {
    Load { dish: String }, // café
    Loaded { items: Vec<String> },
    LoadFailed { error: String },
}
