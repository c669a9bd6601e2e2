use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize)]
pub struct Product {
    pub name: String,
    #[serde(rename = "name")]
    pub display_name: String,
}

#[derive(BuildAmpWorker)]
pub enum ShopWorkerMessage {
    FindProduct { sku: String },
    ProductFound { product: Product },
    FindFailed { error: String },
}
