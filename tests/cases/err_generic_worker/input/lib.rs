#[derive(BuildAmpWorker)]
pub enum JobWorkerMessage<T> {
    StartJob { input: T },
    JobDone { output: String },
    JobFailed { error: String },
}
