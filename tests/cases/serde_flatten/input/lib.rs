//! `flatten`: a struct's keys sit in the outer object, through more than one level,
//! in a struct variant, and under the outer struct's `rename_all`.
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize)]
pub struct Audit {
    pub created_by: String,
}

/// Its keys are its own (camelCase), and `Audit`'s keys come with them.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Meta {
    pub page_count: u32,
    #[serde(flatten)]
    pub audit: Audit,
}

/// `{"title": "t", "pageCount": 3, "created_by": "ada"}`: one object.
#[derive(Serialize, Deserialize)]
pub struct Book {
    pub title: String,
    #[serde(flatten)]
    pub meta: Meta,
}

/// `{"Shelved": {"shelf": 2, "title": .., "pageCount": .., "created_by": ..}}`.
#[derive(Serialize, Deserialize)]
pub enum Location {
    Shelved {
        shelf: u32,
        #[serde(flatten)]
        book: Book,
    },
    Lost,
}

#[derive(BuildAmpWorker)]
pub enum LibraryWorkerMessage {
    // Main → Worker
    /// The book's keys beside the message's own: `{"type": "Catalogue", "title": ..,
    /// "pageCount": .., "created_by": .., "location": ..}`.
    Catalogue {
        #[serde(flatten)]
        book: Book,
        location: Location,
    },
    // Worker → Main
    Catalogued { id: u32 },
    CatalogueFailed { error: String },
}
