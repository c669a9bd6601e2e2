// `Thumbnail` is defined nowhere in the scanned sources.
#[derive(BuildAmpWorker)]
pub enum ImageWorkerMessage {
    ProcessImage { image_url: String },
    ImageProcessed { thumbnail: Thumbnail },
    ProcessingFailed { error: String },
}
