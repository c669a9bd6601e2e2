#[derive(BuildAmpWorker)]
pub enum TextWorkerMessage<'a> {
    Tokenize { text: &'a str },
    Tokenized { tokens: Vec<String> },
    TokenizeFailed { error: String },
}
