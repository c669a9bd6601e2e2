// `ExportFailed` carries a code, not a String message, so no variant can carry errors.
#[derive(BuildAmpWorker)]
pub enum ExportWorkerMessage {
    ExportPdf { html: String },
    PdfExported { bytes: Vec<u8> },
    ExportFailed { code: u32 },
}
