// Also the base name `ImageWorker`: both would write Workers/ImageWorker.elm.
#[derive(BuildAmpWorker)]
pub enum ImageWorker {
    Resize(u32, u32),
    Resized { width: u32, height: u32 },
    ResizeFailed { error: String },
}
