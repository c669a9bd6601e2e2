"""The fixed half of a Rust worker's module: the WebAssembly boundary of
docs/rust-workers.md, the same for every worker but for its names.

    imports from "hamlet": reply(ptr, len), fail(ptr, len), panicked(ptr, len)
    exports (by the macro): hamlet_alloc(len) -> ptr, hamlet_handle(ptr, len)

Off WebAssembly (a host `cargo test`) the imports are a per-thread record that
`hamlet_take_sent()` hands out, so that handlers can be tested without a browser.
Every path is absolute (`::core::`, `::std::`, `::serde_json::`): `use super::*;` brings
the user's names into the module, and a user type called `Result` or `Box` must not
change what this code means.
"""

from __future__ import annotations

from hamlet.model import RustNames

_RUNTIME = """\
#[cfg(target_arch = "wasm32")]
#[link(wasm_import_module = "hamlet")]
extern "C" {
    #[link_name = "reply"]
    fn hamlet_import_reply(ptr: *const u8, len: usize);
    #[link_name = "fail"]
    fn hamlet_import_fail(ptr: *const u8, len: usize);
    #[link_name = "panicked"]
    fn hamlet_import_panicked(ptr: *const u8, len: usize);
}

/// Which import of the JS entry a message goes to.
#[derive(Clone, Copy)]
enum @Call {
    Reply,
    Fail,
    Panicked,
}

#[cfg(target_arch = "wasm32")]
fn hamlet_call(call: @Call, bytes: &[u8]) {
    // SAFETY: the JS entry copies the bytes out before it returns and keeps no pointer.
    unsafe {
        match call {
            @Call::Reply => hamlet_import_reply(bytes.as_ptr(), bytes.len()),
            @Call::Fail => hamlet_import_fail(bytes.as_ptr(), bytes.len()),
            @Call::Panicked => hamlet_import_panicked(bytes.as_ptr(), bytes.len()),
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
::std::thread_local! {
    static HAMLET_SENT: ::core::cell::RefCell<::std::vec::Vec<(&'static str, ::std::string::String)>> =
        ::core::cell::RefCell::new(::std::vec::Vec::new());
}

#[cfg(not(target_arch = "wasm32"))]
fn hamlet_call(call: @Call, bytes: &[u8]) {
    let kind = match call {
        @Call::Reply => "reply",
        @Call::Fail => "fail",
        @Call::Panicked => "panicked",
    };
    let text = ::std::string::String::from_utf8_lossy(bytes).into_owned();
    HAMLET_SENT.with(|sent| sent.borrow_mut().push((kind, text)));
}

/// Off WebAssembly (a host `cargo test`): what the requests handled on this thread
/// have sent so far, oldest first, as ("reply", JSON), ("fail", text) or
/// ("panicked", text); the record is emptied.
#[cfg(not(target_arch = "wasm32"))]
pub fn hamlet_take_sent() -> ::std::vec::Vec<(&'static str, ::std::string::String)> {
    HAMLET_SENT.with(|sent| ::core::mem::take(&mut *sent.borrow_mut()))
}

fn hamlet_send(response: &@Response) {
    match ::serde_json::to_vec(response) {
        ::core::result::Result::Ok(bytes) => hamlet_call(@Call::Reply, &bytes),
        ::core::result::Result::Err(error) => {
            let text = ::std::format!("@Base could not write a reply: {}", error);
            hamlet_call(@Call::Fail, text.as_bytes());
        }
    }
}

/// Sends a panic's message and place to the JS entry before the trap; installed once.
fn hamlet_panic_hook() {
    static INSTALLED: ::std::sync::Once = ::std::sync::Once::new();
    INSTALLED.call_once(|| {
        ::std::panic::set_hook(::std::boxed::Box::new(|info| {
            let payload = info.payload();
            let message = if let ::core::option::Option::Some(text) = payload.downcast_ref::<&str>() {
                *text
            } else if let ::core::option::Option::Some(text) = payload.downcast_ref::<::std::string::String>() {
                text.as_str()
            } else {
                "a panic without a message"
            };
            let text = match info.location() {
                ::core::option::Option::Some(at) => {
                    ::std::format!("panicked at {}:{}:{}: {}", at.file(), at.line(), at.column(), message)
                }
                ::core::option::Option::None => ::std::format!("panicked: {}", message),
            };
            hamlet_call(@Call::Panicked, text.as_bytes());
        }));
    });
}

/// The export `hamlet_alloc` (see `@export!`): a buffer of `len` bytes for the JS
/// entry to fill with a request's JSON; `hamlet_handle` takes it back.
#[doc(hidden)]
pub fn hamlet_alloc(len: usize) -> *mut u8 {
    let buffer: ::std::boxed::Box<[u8]> = ::std::vec![0u8; len].into_boxed_slice();
    ::std::boxed::Box::into_raw(buffer) as *mut u8
}

/// The export `hamlet_handle` (see `@export!`): reads one request from `bytes` and
/// hands it to the handler of `instance`, made with `Default` on the first request.
/// An `Err` from the handler, or JSON serde cannot read, goes to the import `fail`.
#[doc(hidden)]
pub fn hamlet_handle<T: @Handlers + ::core::default::Default>(
    instance: &::core::cell::RefCell<::core::option::Option<T>>,
    bytes: ::std::boxed::Box<[u8]>,
) {
    hamlet_panic_hook();
    let request = match @Request::hamlet_read(&bytes) {
        ::core::result::Result::Ok(request) => request,
        ::core::result::Result::Err(error) => {
            let text = ::std::format!("@Base could not read the request: {}", error);
            hamlet_call(@Call::Fail, text.as_bytes());
            return;
        }
    };
    ::core::mem::drop(bytes);
    let mut slot = instance.borrow_mut();
    let handlers = slot.get_or_insert_with(T::default);
    let mut reply = @Reply { _private: () };
    if let ::core::result::Result::Err(text) = hamlet_dispatch(handlers, request, &mut reply) {
        hamlet_call(@Call::Fail, text.as_bytes());
    }
}

/// Exports your `@Handlers` implementation as this crate's WebAssembly
/// `hamlet_alloc` and `hamlet_handle`; once per crate. Call it in the module that
/// declares this one as `@module` (`@module::@export!(MyWorker);`), or anywhere with
/// this module's path after a comma (`@export!(MyWorker, crate::messages::@module);`).
macro_rules! @export {
    ($t:ty) => {
@body(@module)
    };
    ($t:ty, $($module:ident)::+) => {
@body($($module)::+)
    };
}

#[allow(unused_imports)]
pub(crate) use @export;
"""

# One instance per module instance, in a thread_local (never a `static mut`); the export
# functions sit in an anonymous const so that two crates' names never meet.
_EXPORT_BODY = """\
        const _: () = {
            ::std::thread_local! {
                static HAMLET_INSTANCE: ::core::cell::RefCell<::core::option::Option<$t>> =
                    ::core::cell::RefCell::new(::core::option::Option::None);
            }

            #[no_mangle]
            pub extern "C" fn hamlet_alloc(len: usize) -> *mut u8 {
                @path::hamlet_alloc(len)
            }

            #[no_mangle]
            pub extern "C" fn hamlet_handle(ptr: *mut u8, len: usize) {
                // SAFETY: the JS entry hands back, once, a buffer that hamlet_alloc(len) made.
                let bytes = unsafe {
                    ::std::boxed::Box::from_raw(::core::ptr::slice_from_raw_parts_mut(ptr, len))
                };
                HAMLET_INSTANCE.with(|instance| @path::hamlet_handle::<$t>(instance, bytes));
            }
        };"""


def runtime(base: str, rust: RustNames) -> str:
    """The boundary's Rust for a worker named `base`, with `rust`'s names filled in."""
    text = _RUNTIME
    for path in ("@module", "$($module)::+"):
        text = text.replace(f"@body({path})", _EXPORT_BODY.replace("@path", path))
    for key, value in (
        ("@Handlers", rust.handlers), ("@Reply", rust.reply), ("@Request", rust.request_enum),
        ("@Response", rust.response_enum), ("@Call", rust.call_enum), ("@export", rust.export),
        ("@module", rust.module), ("@Base", base),
    ):
        text = text.replace(key, value)
    return text
