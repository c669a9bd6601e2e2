//! The worker the glue benchmark's Rust setup drives: the echo of ../../rust/echo_worker.rs
//! with its handler in Rust. One small request, answered by one response carrying the
//! same fields.

use hamlet_derive::BuildAmpWorker;

#[derive(BuildAmpWorker)]
#[worker(rust)]
pub enum WasmEchoWorkerMessage {
    // Main → Worker
    Echo { text: String, n: u32 },

    // Worker → Main
    Echoed { text: String, n: u32 },
    EchoFailed { error: String },
}

// Written by `hamlet generate` (bench/glue/wasm_run.py puts it here in its build copy).
#[path = "../generated/wasm_echo_worker.rs"]
mod wasm_echo_worker;

use wasm_echo_worker::{WasmEchoWorkerHandlers, WasmEchoWorkerReply};

#[derive(Default)]
pub struct Echo;

impl WasmEchoWorkerHandlers for Echo {
    fn echo(&mut self, text: String, n: u32, reply: &mut WasmEchoWorkerReply) -> Result<(), String> {
        reply.echoed(text, n);
        Ok(())
    }
}

wasm_echo_worker::hamlet_export_wasm_echo_worker!(Echo);
