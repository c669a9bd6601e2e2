use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize)]
pub struct Layer0 { depth0: u32, #[serde(flatten)] next: Layer1 }
#[derive(Serialize, Deserialize)]
pub struct Layer1 { depth1: u32, #[serde(flatten)] next: Layer2 }
#[derive(Serialize, Deserialize)]
pub struct Layer2 { depth2: u32, #[serde(flatten)] next: Layer3 }
#[derive(Serialize, Deserialize)]
pub struct Layer3 { depth3: u32, #[serde(flatten)] next: Layer4 }
#[derive(Serialize, Deserialize)]
pub struct Layer4 { depth4: u32, #[serde(flatten)] next: Layer5 }
#[derive(Serialize, Deserialize)]
pub struct Layer5 { depth5: u32, #[serde(flatten)] next: Layer6 }
#[derive(Serialize, Deserialize)]
pub struct Layer6 { depth6: u32, #[serde(flatten)] next: Layer7 }
#[derive(Serialize, Deserialize)]
pub struct Layer7 { depth7: u32, #[serde(flatten)] next: Layer8 }
#[derive(Serialize, Deserialize)]
pub struct Layer8 { depth8: u32, #[serde(flatten)] next: Layer9 }
#[derive(Serialize, Deserialize)]
pub struct Layer9 { depth9: u32, #[serde(flatten)] next: Layer10 }
#[derive(Serialize, Deserialize)]
pub struct Layer10 { depth10: u32, #[serde(flatten)] next: Layer11 }
#[derive(Serialize, Deserialize)]
pub struct Layer11 { depth11: u32, #[serde(flatten)] next: Layer12 }
#[derive(Serialize, Deserialize)]
pub struct Layer12 { depth12: u32, #[serde(flatten)] next: Layer13 }
#[derive(Serialize, Deserialize)]
pub struct Layer13 { depth13: u32, #[serde(flatten)] next: Layer14 }
#[derive(Serialize, Deserialize)]
pub struct Layer14 { depth14: u32, #[serde(flatten)] next: Layer15 }
#[derive(Serialize, Deserialize)]
pub struct Layer15 { depth15: u32, #[serde(flatten)] next: Layer16 }
#[derive(Serialize, Deserialize)]
pub struct Layer16 { depth16: u32, #[serde(flatten)] next: Layer17 }
#[derive(Serialize, Deserialize)]
pub struct Layer17 { depth17: u32, #[serde(flatten)] next: Layer18 }
#[derive(Serialize, Deserialize)]
pub struct Layer18 { depth18: u32, #[serde(flatten)] next: Layer19 }
#[derive(Serialize, Deserialize)]
pub struct Layer19 { depth19: u32, #[serde(flatten)] next: Layer20 }
#[derive(Serialize, Deserialize)]
pub struct Layer20 { depth20: u32, #[serde(flatten)] next: Layer21 }
#[derive(Serialize, Deserialize)]
pub struct Layer21 { depth21: u32, #[serde(flatten)] next: Layer22 }
#[derive(Serialize, Deserialize)]
pub struct Layer22 { depth22: u32, #[serde(flatten)] next: Layer23 }
#[derive(Serialize, Deserialize)]
pub struct Layer23 { depth23: u32, #[serde(flatten)] next: Layer24 }
#[derive(Serialize, Deserialize)]
pub struct Layer24 { depth24: u32, #[serde(flatten)] next: Layer25 }
#[derive(Serialize, Deserialize)]
pub struct Layer25 { depth25: u32, #[serde(flatten)] next: Layer26 }
#[derive(Serialize, Deserialize)]
pub struct Layer26 { depth26: u32, #[serde(flatten)] next: Layer27 }
#[derive(Serialize, Deserialize)]
pub struct Layer27 { depth27: u32, #[serde(flatten)] next: Layer28 }
#[derive(Serialize, Deserialize)]
pub struct Layer28 { depth28: u32, #[serde(flatten)] next: Layer29 }
#[derive(Serialize, Deserialize)]
pub struct Layer29 { depth29: u32, #[serde(flatten)] next: Layer30 }
#[derive(Serialize, Deserialize)]
pub struct Layer30 { depth30: u32, #[serde(flatten)] next: Layer31 }
#[derive(Serialize, Deserialize)]
pub struct Layer31 { depth31: u32, #[serde(flatten)] next: Layer32 }
#[derive(Serialize, Deserialize)]
pub struct Layer32 { depth32: u32, #[serde(flatten)] next: Layer33 }
#[derive(Serialize, Deserialize)]
pub struct Layer33 { depth33: u32 }

#[derive(BuildAmpWorker)]
pub enum StackWorkerMessage {
    Push { layer: Layer0 },
    Pushed { size: u32 },
    PushFailed { error: String },
}
