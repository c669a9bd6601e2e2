"""`<rust-out>/<snake>.rs`, the Rust module of a worker marked `#[worker(rust)]`.

    #[derive(BuildAmpWorker)]
    #[worker(rust)]
    pub enum CSVWorkerMessage {
        ParseCSV { csv_text: String },
        ParseProgress { percent: u8 },
        CSVParsed { rows: Vec<Vec<String>> },
        ParseError { error: String },
    }

becomes `csv_worker.rs`, a module the user declares next to the enum, with

    pub trait CsvWorkerHandlers {
        fn parse_csv(&mut self, csv_text: String, reply: &mut CsvWorkerReply) -> Result<(), String>;
    }
    impl CsvWorkerReply { pub fn parse_progress(&mut self, percent: u8) { .. } .. }
    enum HamletResponse { CSVParsed { #[serde(rename = "rows")] f0: .. } }  // private
    impl HamletRequest { fn hamlet_read(bytes: &[u8]) -> Result<Self, serde_json::Error> }
    macro_rules! hamlet_export_csv_worker { .. }

The private serde mirror spells out the messages' wire format (`{"type": "ParseCSV",
"csvText": ..}`) with explicit renames, so the user's enum needs no serde attributes;
field types are the user's own, as written. Responses are an internally tagged serde
enum. A request is read in two steps, its "type" and then its fields straight from the
JSON, because serde's internally tagged enums read the fields from a copy they buffer
first, which reads some values unlike serde_json does (an empty tuple variant,
`{"Blank": []}`, fails there). Every name comes from the model (`worker.rust`,
`variant.tag`, `field.wire_name`); the boundary is `rust_runtime`.
"""

from __future__ import annotations

import re

from hamlet.emit import header
from hamlet.emit.rust_runtime import runtime
from hamlet.model import Field, MaybeT, Omit, OutputFile, Project, RustNames, Shape, Variant, Worker
from hamlet.model.workers import Implementation

_RESULT = "::core::result::Result<(), ::std::string::String>"
# A path the user wrote relative to the enum's module (`super::geo::Point`,
# `self::Point`) is one level further from this module, which sits inside that one.
_RELATIVE = re.compile(r"(?<![\w:])(self|super)::")


def emit_rust(project: Project, worker: Worker) -> OutputFile | None:
    """The module of a Rust worker; None for a worker written in JavaScript."""
    if worker.implementation is not Implementation.RUST or worker.rust is None:
        return None
    rust = worker.rust
    parts = [
        _head(worker, rust),
        _trait(worker, rust),
        _reply(worker, rust),
        _request_enum(worker.requests, rust.request_enum),
        _read(worker.requests, rust),
        _mirror(worker.responses, rust.response_enum, "Serialize"),
        _dispatch(worker, rust),
        runtime(worker.base, rust),
    ]
    return OutputFile(root="rust", path=rust.file, content="\n".join(parts))


def _head(worker: Worker, rust: RustNames) -> str:
    return f"""\
// {header.notice(worker.source)}
//
// The handlers of the worker {worker.enum_name}, written in Rust and compiled to
// WebAssembly. Declare this module in the module that defines {worker.enum_name},
// implement `{rust.handlers}` and export it:
//
//     #[path = "<this file, from the folder of the file that declares it>"]
//     mod {rust.module};
//
//     #[derive(Default)]
//     pub struct MyWorker;
//
//     impl {rust.module}::{rust.handlers} for MyWorker {{ .. }}
//
//     {rust.module}::{rust.export}!(MyWorker);
//
// The crate needs `serde` (with "derive") and `serde_json`, and builds with
// `cargo build --target wasm32-unknown-unknown --release`. See docs/rust-workers.md.

// A reply method your handlers never call is no mistake of yours, nor is an export
// macro not called (the crate of another worker, or a host test of the handlers).
#![allow(dead_code, unused_macros)]

// The module names the message types as the enum's module does.
#[allow(unused_imports)]
use super::*;
"""


def _trait(worker: Worker, rust: RustNames) -> str:
    lines = [
        f"/// The requests of `{worker.enum_name}`, one method each. An `Err` answers the",
        f"/// request with `{worker.failure.name}` and its text; so does a panic, with its message.",
        f"pub trait {rust.handlers} {{",
    ]
    for i, v in enumerate(worker.requests):
        method = rust.method(v.name)
        params = ["&mut self"] + _params(v, method.params)
        params.append(f"{method.reply_param}: &mut {rust.reply}")
        if i:
            lines.append("")
        lines.append(f"    /// `{v.tag}`")
        lines.append(f"    fn {method.name}(")
        lines.extend(f"        {p}," for p in params)
        lines.append(f"    ) -> {_RESULT};")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _reply(worker: Worker, rust: RustNames) -> str:
    lines = [
        "/// Sends the responses of the request being handled. A progress response",
        "/// leaves the request open; the first other one answers it, and the JS entry",
        "/// drops any after that.",
        f"pub struct {rust.reply} {{",
        "    _private: (),",
        "}",
        "",
        f"impl {rust.reply} {{",
    ]
    for i, v in enumerate(worker.responses):
        method = rust.method(v.name)
        if i:
            lines.append("")
        kind = "progress: the request stays open" if v.is_progress else "answers the request"
        lines.append(f"    /// `{v.tag}` ({kind})")
        params = ", ".join(["&mut self"] + _params(v, method.params))
        lines.append(f"    pub fn {method.name}({params}) {{")
        lines.append(f"        hamlet_send(&{_construct(rust.response_enum, v, method.params)});")
        lines.append("    }")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _params(v: Variant, names: tuple[str, ...]) -> list[str]:
    return [f"{name}: {rust_type(f)}" for name, f in zip(names, v.fields)]


def _construct(enum: str, v: Variant, params: tuple[str, ...]) -> str:
    """The mirror's value of a response built from its reply method's parameters."""
    if v.shape is Shape.UNIT:
        return f"{enum}::{v.name}"
    if v.is_flat_newtype:
        return f"{enum}::{v.name}({params[0]})"
    if v.shape is Shape.TUPLE:
        if not params:
            return f"{enum}::{v.name} {{ value: [] }}"
        value = params[0] if len(params) == 1 else f"({', '.join(params)})"
        return f"{enum}::{v.name} {{ value: {value} }}"
    fields = ", ".join(f"f{i}: {p}" for i, p in enumerate(params))
    return f"{enum}::{v.name} {{ {fields} }}"


def _mirror(variants: tuple[Variant, ...], name: str, derive: str) -> str:
    """The wire format of one direction as a serde enum: internally tagged by "type",
    each variant renamed to its tag and each field to its key; a tuple variant's fields
    in "value" (one value, or an array), as Hamlet's message format has them."""
    lines = [f"#[derive(::serde::{derive})]", '#[serde(tag = "type")]', f"enum {name} {{"]
    for v in variants:
        lines.append(f"    #[serde(rename = {rust_string(v.tag)})]")
        lines.extend(_variant(v, derive))
    lines.append("}")
    return "\n".join(lines) + "\n"


def _variant(v: Variant, derive: str | None) -> list[str]:
    """A message variant in an enum of the module: its fields `f0`, `f1`.. with their
    keys when the enum derives serde's `derive`; a tuple variant's fields in "value"."""
    if v.shape is Shape.UNIT:
        return [f"    {v.name},"]
    if v.is_flat_newtype:
        return [f"    {v.name}({rust_type(v.fields[0])}),"]
    if v.shape is Shape.TUPLE:
        return [f"    {v.name} {{ value: {_value_type(v.fields)} }},"]
    lines = [f"    {v.name} {{"]
    for i, f in enumerate(v.fields):
        if derive:
            lines.append(f"        #[serde({_field_attrs(f, derive)})]")
        lines.append(f"        f{i}: {rust_type(f)},")
    return lines + ["    },"]


def _request_enum(variants: tuple[Variant, ...], name: str) -> str:
    """The requests as the dispatch takes them, shaped as the mirror's variants are."""
    lines = [f"enum {name} {{"]
    for v in variants:
        lines.extend(_variant(v, None))
    lines.append("}")
    return "\n".join(lines) + "\n"


def _read(variants: tuple[Variant, ...], rust: RustNames) -> str:
    """`hamlet_read`: a request from its JSON, its "type" read first (unknown fields
    skipped), then its fields, each variant's into a struct of its own. A variant with a
    flattened field (or a flat newtype) keeps serde's internally tagged read: flatten
    buffers anyway, and its keys sit beside the tag."""
    tag, fields = rust.request_tag, rust.request_fields
    lines = [
        f"impl {rust.request_enum} {{",
        "    fn hamlet_read(bytes: &[u8]) -> ::core::result::Result<Self, ::serde_json::Error> {",
        "        #[derive(::serde::Deserialize)]",
        f"        enum {tag} {{",
    ]
    for v in variants:
        lines += [f"            #[serde(rename = {rust_string(v.tag)})]", f"            {v.name},"]
    lines += [
        "        }",
        "",
        "        #[derive(::serde::Deserialize)]",
        f"        struct {fields} {{",
        '            #[serde(rename = "type")]',
        f"            tag: {tag},",
        "        }",
        "",
        f"        let {fields} {{ tag }} = ::serde_json::from_slice::<{fields}>(bytes)?;",
        "        ::core::result::Result::Ok(match tag {",
    ]
    for v in variants:
        lines += _read_arm(v, tag, fields)
    lines += ["        })", "    }", "}"]
    return "\n".join(lines) + "\n"


def _read_arm(v: Variant, tag: str, fields: str) -> list[str]:
    if v.shape is Shape.UNIT:
        return [f"            {tag}::{v.name} => Self::{v.name},"]
    inner = "                "
    if v.is_flat_newtype or any(f.flattened is not None for f in v.fields):
        declared = [f"{inner}#[derive(::serde::Deserialize)]", f'{inner}#[serde(tag = "type")]',
                    f"{inner}enum {fields} {{"]
        variant = [f"    #[serde(rename = {rust_string(v.tag)})]", *_variant(v, "Deserialize")]
        declared += [f"{inner}{line}" for line in variant]
        declared.append(f"{inner}}}")
        names = [f"f{i}" for i in range(len(v.fields))]
        found = _pattern(fields, v, names)
        made = _pattern("Self", v, names)
    else:
        declared = [f"{inner}#[derive(::serde::Deserialize)]", f"{inner}struct {fields} {{"]
        if v.shape is Shape.TUPLE:
            declared.append(f"{inner}    value: {_value_type(v.fields)},")
            found, made = f"{fields} {{ value }}", f"Self::{v.name} {{ value }}"
        else:
            for i, f in enumerate(v.fields):
                declared += [f"{inner}    #[serde({_field_attrs(f, 'Deserialize')})]", f"{inner}    f{i}: {rust_type(f)},"]
            names = " " + ", ".join(f"f{i}" for i in range(len(v.fields))) + " " if v.fields else ""
            found, made = f"{fields} {{{names}}}", f"Self::{v.name} {{{names}}}"
        declared.append(f"{inner}}}")
    return [
        f"            {tag}::{v.name} => {{",
        *declared,
        f"{inner}let {found} = ::serde_json::from_slice::<{fields}>(bytes)?;",
        f"{inner}{made}",
        "            }",
    ]


def _value_type(fields: tuple[Field, ...]) -> str:
    """What a tuple variant's "value" holds: its one field, an array of its fields
    (a Rust tuple), or `[]` for none (`[u8; 0]`, which serde writes as an empty array)."""
    if not fields:
        return "[u8; 0]"
    if len(fields) == 1:
        return rust_type(fields[0])
    return "(" + ", ".join(rust_type(f) for f in fields) + ")"


def _field_attrs(f: Field, derive: str) -> str:
    """A mirror field's serde attributes: its key, or `flatten`; a request's key that
    Elm may leave out (`skip_serializing_if`, or an `Option`) reads as its default."""
    attrs = ["flatten"] if f.flattened is not None else [f"rename = {rust_string(f.wire_name)}"]
    if derive == "Deserialize" and f.flattened is None and (isinstance(f.type, MaybeT) or f.omit is not Omit.NEVER):
        attrs.append("default")
    return ", ".join(attrs)


def _dispatch(worker: Worker, rust: RustNames) -> str:
    lines = [
        f"fn hamlet_dispatch<T: {rust.handlers}>(",
        "    handlers: &mut T,",
        f"    request: {rust.request_enum},",
        f"    reply: &mut {rust.reply},",
        f") -> {_RESULT} {{",
        "    match request {",
    ]
    for v in worker.requests:
        method = rust.method(v.name)
        names = [f"f{i}" for i in range(len(v.fields))]
        call = f"handlers.{method.name}({', '.join(names + ['reply'])})"
        lines.append(f"        {_pattern(rust.request_enum, v, names)} => {call},")
    lines.extend(["    }", "}"])
    return "\n".join(lines) + "\n"


def _pattern(enum: str, v: Variant, names: list[str]) -> str:
    if v.shape is Shape.UNIT:
        return f"{enum}::{v.name}"
    if v.is_flat_newtype:
        return f"{enum}::{v.name}(f0)"
    if v.shape is Shape.TUPLE:
        if not names:
            return f"{enum}::{v.name} {{ value: _ }}"
        value = names[0] if len(names) == 1 else f"({', '.join(names)})"
        return f"{enum}::{v.name} {{ value: {value} }}"
    return f"{enum}::{v.name} {{ {', '.join(names)} }}"


def rust_type(f: Field) -> str:
    """The field's type as the user wrote it, seen from the generated module:
    `super::geo::Point` -> `super::super::geo::Point`, `self::Point` -> `super::Point`."""
    return _RELATIVE.sub(lambda m: "super::super::" if m.group(1) == "super" else "super::", f.rust_type)


def rust_string(text: str) -> str:
    """A Rust string literal: `a"b` -> `"a\\"b"`; control and non-ASCII characters as
    `\\u{..}` escapes, so the file is plain ASCII whatever the tag."""
    out = []
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif " " <= ch <= "~":
            out.append(ch)
        else:
            out.append(f"\\u{{{ord(ch):x}}}")
    return '"' + "".join(out) + '"'
