use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize)]
#[serde(content = "data")]
pub enum Shape {
    Circle(f64),
    Square(f64),
}

#[derive(BuildAmpWorker)]
pub enum DrawWorkerMessage {
    Draw { shape: Shape },
    Drawn { svg: String },
    DrawFailed { error: String },
}
