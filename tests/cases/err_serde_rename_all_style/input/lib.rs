use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camel")]
pub struct Settings {
    pub dark_mode: bool,
    pub font_size: u8,
}

#[derive(BuildAmpWorker)]
pub enum SettingsWorkerMessage {
    LoadSettings,
    SettingsLoaded { settings: Settings },
    LoadFailed { error: String },
}
