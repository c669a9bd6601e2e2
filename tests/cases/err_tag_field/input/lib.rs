// The field `type` would sit next to the message tag "type" on the wire.
#[derive(BuildAmpWorker)]
pub enum FileWorkerMessage {
    OpenFile { path: String, r#type: String },
    FileOpened { size: u64 },
    OpenFailed { error: String },
}
