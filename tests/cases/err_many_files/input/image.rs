#[derive(BuildAmpWorker)]
pub enum ImageWorkerMessage {
    ProcessImage { image_url: String, crop: (u32, u32, u32, u32) },
    ImageProcessed { result_url: String, exif: Exif },
    ProcessingFailed { error: String },
}
