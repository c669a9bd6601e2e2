use std::fmt::Display;

#[derive(BuildAmpWorker)]
pub enum ReportWorkerMessage {
    Render { title: String, body: Box<dyn Display> },
    Rendered { html: String },
    RenderFailed { error: String },
}
