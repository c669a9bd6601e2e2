use serde::{Deserialize, Serialize};

/// The tag key is `kind`, and `Vehicle::Car` has a field `kind` too.
#[derive(Serialize, Deserialize)]
#[serde(tag = "kind")]
pub enum Vehicle {
    Bike,
    Car { kind: String, seats: u8 },
}

#[derive(BuildAmpWorker)]
pub enum FleetWorkerMessage {
    ListVehicles,
    VehiclesListed { vehicles: Vec<Vehicle> },
    ListFailed { error: String },
}
