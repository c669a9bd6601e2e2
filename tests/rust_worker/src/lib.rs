//! A worker written in Rust: `hamlet generate src --rust-out generated` writes
//! `generated/echo_worker.rs`, which this crate declares below and implements.

use hamlet_derive::BuildAmpWorker;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// A domain type: it travels as serde writes it.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct Point {
    pub x_pos: f64,
    pub y_pos: f64,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub enum Shape {
    Circle { center: Point, radius: f64 },
    Square(f64),
    Dot,
}

#[derive(BuildAmpWorker)]
#[worker(rust)]
pub enum EchoWorkerMessage {
    // Main → Worker
    Echo { text: String, times: u32, note: Option<String> },
    Measure(Vec<Shape>),
    Resize(u32, u32),
    Fail { reason: String },
    Panic,
    Count { r#match: HashMap<String, Point>, reply: bool },
    // Worker → Main
    EchoProgress { done: u32 },
    Echoed { texts: Vec<String> },
    Measured(f64),
    Resized(u32, u32),
    Counted { count: u32 },
    EchoFailed { error: String },
}

#[path = "../generated/echo_worker.rs"]
mod echo_worker;

/// The handlers; the count of requests shows that one instance serves them all.
#[derive(Default)]
pub struct Echo {
    requests: u32,
}

impl echo_worker::EchoWorkerHandlers for Echo {
    fn echo(
        &mut self,
        text: String,
        times: u32,
        note: Option<String>,
        reply: &mut echo_worker::EchoWorkerReply,
    ) -> Result<(), String> {
        self.requests += 1;
        let mut texts = Vec::new();
        for done in 0..times {
            reply.echo_progress(done);
            texts.push(format!("{}{}", text, note.as_deref().unwrap_or("")));
        }
        reply.echoed(texts);
        Ok(())
    }

    fn measure(&mut self, value: Vec<Shape>, reply: &mut echo_worker::EchoWorkerReply) -> Result<(), String> {
        self.requests += 1;
        let area = value
            .iter()
            .map(|shape| match shape {
                Shape::Circle { radius, .. } => 3.0 * radius * radius,
                Shape::Square(side) => side * side,
                Shape::Dot => 0.0,
            })
            .sum();
        reply.measured(area);
        Ok(())
    }

    fn resize(&mut self, value1: u32, value2: u32, reply: &mut echo_worker::EchoWorkerReply) -> Result<(), String> {
        self.requests += 1;
        reply.resized(value2, value1);
        Ok(())
    }

    fn fail(&mut self, reason: String, _reply: &mut echo_worker::EchoWorkerReply) -> Result<(), String> {
        self.requests += 1;
        Err(reason)
    }

    fn panic(&mut self, _reply: &mut echo_worker::EchoWorkerReply) -> Result<(), String> {
        panic!("asked to panic after {} requests", self.requests)
    }

    fn count(
        &mut self,
        r#match: HashMap<String, Point>,
        reply: bool,
        reply_: &mut echo_worker::EchoWorkerReply,
    ) -> Result<(), String> {
        self.requests += 1;
        let extra = if reply { self.requests } else { 0 };
        reply_.counted(r#match.len() as u32 + extra);
        Ok(())
    }
}

echo_worker::hamlet_export_echo_worker!(Echo);

#[cfg(test)]
mod tests {
    use super::echo_worker::{hamlet_handle, hamlet_take_sent};
    use super::Echo;
    use std::cell::RefCell;

    thread_local! {
        static INSTANCE: RefCell<Option<Echo>> = RefCell::new(None);
    }

    /// What the export `hamlet_handle` does with a request, and what it sent.
    fn send(json: &str) -> Vec<(&'static str, String)> {
        let bytes = json.as_bytes().to_vec().into_boxed_slice();
        INSTANCE.with(|instance| hamlet_handle::<Echo>(instance, bytes));
        hamlet_take_sent()
    }

    #[test]
    fn dispatches_in_the_wire_format() {
        assert_eq!(
            send(r#"{"type":"Echo","text":"a","times":2,"note":null}"#),
            vec![
                ("reply", r#"{"type":"EchoProgress","done":0}"#.to_string()),
                ("reply", r#"{"type":"EchoProgress","done":1}"#.to_string()),
                ("reply", r#"{"type":"Echoed","texts":["a","a"]}"#.to_string()),
            ]
        );
        assert_eq!(send(r#"{"type":"Resize","value":[1,2]}"#), vec![("reply", r#"{"type":"Resized","value":[2,1]}"#.to_string())]);
        assert_eq!(
            send(r#"{"type":"Measure","value":[{"Square":2.0},"Dot",{"Circle":{"center":{"x_pos":0,"y_pos":0},"radius":1}}]}"#),
            vec![("reply", r#"{"type":"Measured","value":7.0}"#.to_string())]
        );
        assert_eq!(send(r#"{"type":"Count","match":{"a":{"x_pos":1,"y_pos":2}},"reply":true}"#), vec![("reply", r#"{"type":"Counted","count":5}"#.to_string())]);
        assert_eq!(send(r#"{"type":"Fail","reason":"no"}"#), vec![("fail", "no".to_string())]);
        let unknown = send(r#"{"type":"Nope"}"#);
        assert_eq!(unknown.len(), 1);
        assert!(unknown[0].1.starts_with("EchoWorker could not read the request: unknown variant `Nope`"), "{:?}", unknown);
    }
}
