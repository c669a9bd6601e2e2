//! The browser tests' WasmWorker (../../rust/wasm.rs), written against the Rust module
//! Hamlet generates for it: the test copies that module to src/generated/ before it
//! builds this crate. Each request has one behaviour a test needs.

#[path = "generated/wasm_worker.rs"]
mod wasm_worker;

use wasm_worker::{WasmWorkerHandlers, WasmWorkerReply};

#[derive(Default)]
pub struct TestWorker;

impl WasmWorkerHandlers for TestWorker {
    fn echo(&mut self, tag: u32, text: String, reply: &mut WasmWorkerReply) -> Result<(), String> {
        reply.echoed(tag, text);
        Ok(())
    }

    fn count(&mut self, tag: u32, steps: u32, reply: &mut WasmWorkerReply) -> Result<(), String> {
        for step in 1..=steps {
            reply.count_progress(tag, step);
        }
        reply.counted(tag);
        Ok(())
    }

    fn refuse(&mut self, message: String, _reply: &mut WasmWorkerReply) -> Result<(), String> {
        Err(message)
    }

    fn panic(&mut self, message: String, _reply: &mut WasmWorkerReply) -> Result<(), String> {
        panic!("{}", message)
    }

    fn silent(&mut self, _tag: u32, _reply: &mut WasmWorkerReply) -> Result<(), String> {
        Ok(())
    }

    fn twice(&mut self, tag: u32, reply: &mut WasmWorkerReply) -> Result<(), String> {
        reply.counted(tag);
        reply.counted(tag + 1);
        Ok(())
    }

    fn small(&mut self, count: u8, reply: &mut WasmWorkerReply) -> Result<(), String> {
        reply.counted(count.into());
        Ok(())
    }

    fn add(&mut self, a: i32, b: i32, reply: &mut WasmWorkerReply) -> Result<(), String> {
        reply.sum(a.wrapping_add(b));
        Ok(())
    }

    fn ping(&mut self, reply: &mut WasmWorkerReply) -> Result<(), String> {
        reply.pong();
        Ok(())
    }
}

wasm_worker::hamlet_export_wasm_worker!(TestWorker);
