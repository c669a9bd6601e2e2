//! The three worker message enums of the design sketch Hamlet grew from (its design
//! is in docs/design.md), copied verbatim, trailing spaces and all:
//! `ImageWorkerMessage` and `DataWorkerMessage` from its message definitions,
//! `CSVWorkerMessage` from its usage example, which the README's guide follows.
//!
//! `hamlet generate examples/seed` turns them into `Workers.ImageWorker`,
//! `Workers.DataWorker` and `Workers.CSVWorker`; `cargo check` shows that the same
//! source is valid Rust with the `hamlet-derive` marker derive.

use hamlet_derive::BuildAmpWorker;

// Define worker messages in your app
#[derive(BuildAmpWorker, Debug, Clone)]
pub enum ImageWorkerMessage {
    // Main → Worker
    ProcessImage { 
        image_url: String, 
        max_width: u32,
        quality: u8,
    },
    
    // Worker → Main  
    ProcessingComplete { 
        result_url: String,
        original_size: (u32, u32),
        final_size: (u32, u32),
    },
    ProcessingFailed { 
        error: String 
    },
    ProcessingProgress { 
        percent: f32 
    },
}

#[derive(BuildAmpWorker, Debug, Clone)]
pub enum DataWorkerMessage {
    // Main → Worker
    ProcessCSV { data: String },
    CalculateStats { numbers: Vec<f64> },
    
    // Worker → Main
    CSVProcessed { rows: u32, columns: Vec<String> },
    StatsCalculated { mean: f64, median: f64, std_dev: f64 },
    WorkerError { message: String },
}

#[derive(BuildAmpWorker)]
pub enum CSVWorkerMessage {
    ParseCSV { data: String },
    CSVParsed { rows: Vec<Vec<String>> },
    ParseError { error: String },
}
