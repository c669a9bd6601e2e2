use crate::geometry;

#[derive(BuildAmpWorker)]
#[serde(rename_all_fields = "snake_case")]
pub enum MeasureWorkerMessage {
    Measure(geometry::Shape),
    Measured { area: geometry::Result, perimeter: geometry::Meters },
    MeasureFailed { error_text: String },
}
