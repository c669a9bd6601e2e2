//! The browser tests' WasmWorker, written against the WebAssembly boundary by hand
//! (docs/rust-workers.md): the exports `hamlet_alloc` and `hamlet_handle`, the imports
//! `hamlet.reply`, `hamlet.fail` and `hamlet.panicked`. Each request has one behaviour
//! a test needs (see ../rust/wasm.rs).

use serde::Deserialize;
use serde_json::json;
use std::cell::RefCell;
use std::sync::Once;

#[link(wasm_import_module = "hamlet")]
extern "C" {
    fn reply(ptr: *const u8, len: usize);
    fn fail(ptr: *const u8, len: usize);
    fn panicked(ptr: *const u8, len: usize);
}

#[derive(Deserialize)]
#[serde(tag = "type")]
enum Request {
    Echo { tag: u32, text: String },
    Count { tag: u32, steps: u32 },
    Refuse { message: String },
    Panic { message: String },
    Silent {},
    Twice { tag: u32 },
    Small { count: u8 },
    Add { value: (i32, i32) },
    Ping,
}

fn send(message: serde_json::Value) {
    let text = message.to_string();
    unsafe { reply(text.as_ptr(), text.len()) }
}

fn failed(text: &str) {
    unsafe { fail(text.as_ptr(), text.len()) }
}

fn run(request: Request) -> Result<(), String> {
    match request {
        Request::Echo { tag, text } => send(json!({"type": "Echoed", "tag": tag, "text": text})),
        Request::Count { tag, steps } => {
            for step in 1..=steps {
                send(json!({"type": "CountProgress", "value": [tag, step]}));
            }
            send(json!({"type": "Counted", "value": tag}));
        }
        Request::Refuse { message } => return Err(message),
        Request::Panic { message } => panic!("{}", message),
        Request::Silent {} => {}
        Request::Twice { tag } => {
            send(json!({"type": "Counted", "value": tag}));
            send(json!({"type": "Counted", "value": tag + 1}));
        }
        Request::Small { count } => send(json!({"type": "Counted", "value": count})),
        Request::Add { value: (a, b) } => send(json!({"type": "Sum", "value": a.wrapping_add(b)})),
        Request::Ping => send(json!({"type": "Pong"})),
    }
    Ok(())
}

thread_local! {
    // Borrowed for the whole of a request, as the generated dispatch borrows the
    // handlers' instance: after a panic it stays borrowed, so an instance the entry did
    // not re-create would refuse every later request ("already borrowed").
    static HANDLED: RefCell<u64> = RefCell::new(0);
}

#[no_mangle]
pub extern "C" fn hamlet_alloc(len: usize) -> *mut u8 {
    let mut buffer = Vec::<u8>::with_capacity(len);
    let ptr = buffer.as_mut_ptr();
    std::mem::forget(buffer);
    ptr
}

/// # Safety
/// `ptr` and `len` are a buffer from `hamlet_alloc`, filled by the JS entry.
#[no_mangle]
pub unsafe extern "C" fn hamlet_handle(ptr: *mut u8, len: usize) {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            let text = info.to_string();
            panicked(text.as_ptr(), text.len())
        }))
    });
    let bytes = Vec::from_raw_parts(ptr, len, len);
    match serde_json::from_slice::<Request>(&bytes) {
        Ok(request) => HANDLED.with(|handled| {
            let mut handled = handled.borrow_mut();
            *handled += 1;
            if let Err(text) = run(request) {
                failed(&text);
            }
        }),
        Err(error) => failed(&format!("the request does not deserialize: {}", error)),
    }
}
