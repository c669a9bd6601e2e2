use crate::geometry::{Shape, Style};

#[derive(BuildAmpWorker)]
pub enum DrawWorkerMessage {
    // Main → Worker
    Draw { shape: Shape, style: Style },
    // Worker → Main: `Drawn` is no `-ed` word, so the section comment decides.
    Drawn { svg: String },
    DrawFailed { error: String },
}
