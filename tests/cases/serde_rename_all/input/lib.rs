//! `rename_all` in each of serde's case styles: on a struct its keys, on an enum its
//! variant tags, on a struct variant that variant's keys. serde's algorithm, not a
//! word splitter: `HTTPStatus` in snake_case is `h_t_t_p_status`.
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub struct Lower {
    pub first_name: String,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub struct Upper {
    pub first_name: String,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Pascal {
    pub first_name: String,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Camel {
    pub first_name: String,
    pub url2_path: String,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub struct ScreamingSnake {
    pub first_name: String,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct Kebab {
    pub first_name: String,
    /// `rename` wins over `rename_all`.
    #[serde(rename = "last")]
    pub last_name: String,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING-KEBAB-CASE")]
pub struct ScreamingKebab {
    pub first_name: String,
}

/// Variant tags: `"parse_c_s_v"`, `"h_t_t_p_status"`; the struct variant's keys are
/// its own `rename_all`'s, `{"open_file": {"filePath": ..}}`.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Command {
    ParseCSV,
    HTTPStatus(u16),
    #[serde(rename_all = "camelCase")]
    OpenFile { file_path: String },
}

/// No serde derive: Hamlet's convention underneath, whose camelCase keys
/// `rename_all` replaces: `{"read_only": true, "max_depth": 3}`.
#[serde(rename_all = "snake_case")]
pub struct Options {
    pub read_only: bool,
    pub max_depth: u32,
}

#[derive(BuildAmpWorker)]
pub enum StyleWorkerMessage {
    // Main → Worker
    Apply {
        lower: Lower,
        upper: Upper,
        pascal: Pascal,
        camel: Camel,
        screaming_snake: ScreamingSnake,
        kebab: Kebab,
        screaming_kebab: ScreamingKebab,
        command: Command,
        options: Options,
    },
    // Worker → Main
    Applied,
    ApplyFailed { error: String },
}
