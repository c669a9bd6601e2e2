#[derive(BuildAmpWorker)]
pub enum UploadWorkerMessage {
    Upload { name: String, bytes: Vec<u8> },
    UploadCompleted { url: String },
    UploadFailed { error: String },
    NetworkError { message: String },
}
