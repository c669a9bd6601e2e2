"""The names of a Rust worker's generated module (`hamlet.emit.rust`): decided here, as
`hamlet.resolve.names` decides every other output's, with the case rules of
`hamlet.naming`. A module of its own only to keep names.py short.
"""

from __future__ import annotations

from hamlet import naming
from hamlet.model import RustMethod, RustNames, Variant
from hamlet.resolve.names import positional_params


def rust_names(base: str, variants: tuple[Variant, ...], types: set[str]) -> RustNames:
    """"CSVWorker" -> "csv_worker.rs", trait "CsvWorkerHandlers", "CsvWorkerReply", macro
    "hamlet_export_csv_worker"; `ParseCSV { csv_text: String }` -> method "parse_csv",
    params ("csv_text",); `Resize(u32, u32)` -> ("value1", "value2"); `r#match` stays.
    No generated type hides one of `types`, the domain types' Rust names, which
    `use super::*;` brings into the module for the field types to name."""
    snake, camel, taken = naming.snake(base), naming.rust_type_name(base), set(types)
    chosen = [taken.add(n := naming.fresh(name, taken)) or n for name in (
        f"{camel}Handlers", f"{camel}Reply", "HamletRequest", "HamletResponse", "HamletCall",
        "HamletRequestType", "HamletFields")]
    methods = []
    for requests in (True, False):
        used: set[str] = set()
        for v in (v for v in variants if v.is_request is requests):
            positional = positional_params(len(v.fields))
            params = tuple(naming.rust_ident(f.rust_name) if f.rust_name is not None
                           else positional[i] for i, f in enumerate(v.fields))
            used.add(name := naming.fresh(naming.rust_ident(naming.snake(v.name)), used))
            last = naming.fresh("reply", set(params)) if requests else ""
            methods.append(RustMethod(v.name, name, params, last))
    # The module's name is an identifier too: a worker `TypeMessage` is `mod r#type;`,
    # `SerdeMessage` is `mod serde_;` (a `mod serde` would hide the crate).
    return RustNames(f"{snake}.rs", naming.rust_module_ident(snake), *chosen[:2], f"hamlet_export_{snake}", *chosen[2:],
                     methods=tuple(methods))
