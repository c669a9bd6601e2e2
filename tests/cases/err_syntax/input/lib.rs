// A missing comma between two fields: rustc rejects it, and so does Hamlet.
#[derive(BuildAmpWorker)]
pub enum ImageWorkerMessage {
    ProcessImage { image_url: String, max_width: u32 quality: u8 },
    ImageProcessed { result_url: String },
    ProcessingFailed { error: String },
}
