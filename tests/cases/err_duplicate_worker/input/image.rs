#[derive(BuildAmpWorker)]
pub enum ImageWorkerMessage {
    ProcessImage { image_url: String },
    ImageProcessed { result_url: String },
    ProcessingFailed { error: String },
}
