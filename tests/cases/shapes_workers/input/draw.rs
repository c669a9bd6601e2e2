use crate::geometry::{Shape, Style};

#[derive(BuildAmpWorker)]
pub enum DrawWorkerMessage {
    Draw { shape: Shape, style: Style },
    Drawn { svg: String },
    DrawFailed { error: String },
}
