//! The parser as a filter, for the differential test against the JavaScript one:
//! a JSON array of texts on stdin, a JSON array of results on stdout, each
//! `{"rows": [[..]]}` or `{"error": "..", "line": n}`.
//!
//!     echo '["a,b\n1,2", "\"x"]' | cargo run --example csv_json

use std::io::{self, Read};

use csv_worker::csv::parse;
use serde_json::{json, Value};

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).expect("stdin is UTF-8");
    let texts: Vec<String> = serde_json::from_str(&input).expect("stdin is a JSON array of strings");
    let results: Vec<Value> = texts
        .iter()
        .map(|text| match parse(text, |_| {}) {
            Ok(rows) => json!({ "rows": rows }),
            Err(error) => json!({ "error": error.message, "line": error.line }),
        })
        .collect();
    println!("{}", Value::Array(results));
}
