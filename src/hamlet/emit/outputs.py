"""Every output Hamlet generates, each registered once with one shape.

An output is a pure function from the model to one file: per worker,
`(project, worker) -> OutputFile | None`, called once for each worker (None: not
for this worker, as the Rust module of a worker written in JavaScript); or `shared`,
`(project) -> OutputFile | None`, called once per run (None: nothing to write, as
`Workers/Types.elm` when the messages reach no domain type). A per-worker output may
serve the workers of one implementation only (`only`): a worker written in Rust gets
the WebAssembly entry instead of the JavaScript one, and no handlers scaffold. Adding
an output is one module and one line below. An output module imports no other output
module: what outputs share (text helpers, codecs, type printers) sits in modules of
its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from hamlet.emit import (
    elm,
    elm_types,
    js_entry,
    js_handlers,
    js_index,
    js_main,
    rust,
    schema,
    ts_index,
    ts_main,
    ts_worker,
    wasm_entry,
)
from hamlet.model import Implementation, OutputFile, Worker


@dataclass(frozen=True)
class Output:
    """One kind of generated file. `suffix`: how its file names end; `hamlet.write`
    removes an orphaned generated file only when its name ends with one of these.
    `only`: the one implementation whose workers get this output (None: every worker)."""

    name: str
    emit: Callable[..., OutputFile | None]
    suffix: str
    shared: bool = False
    only: Implementation | None = None

    def serves(self, worker: Worker) -> bool:
        """Whether `worker` gets this per-worker output."""
        return self.only is None or worker.implementation is self.only


OUTPUTS: list[Output] = [
    Output("the worker's Elm port module", elm.emit_elm, ".elm"),
    Output("the main-thread JavaScript", js_main.emit_main, ".js"),
    Output("the worker entry", js_entry.emit_entry, ".js", only=Implementation.JS),
    Output("the WebAssembly worker entry", wasm_entry.emit_wasm_entry, ".js",
           only=Implementation.RUST),
    Output("the handlers scaffold", js_handlers.emit_handlers, ".js", only=Implementation.JS),
    Output("the handlers' TypeScript declarations", ts_worker.emit_worker_types, ".d.ts",
           only=Implementation.JS),
    Output("the main-thread TypeScript declarations", ts_main.emit_main_types, ".d.ts"),
    Output("the JSON Schema of the messages", schema.emit_schema, ".json"),
    Output("the Rust module of a Rust worker", rust.emit_rust, ".rs"),
    Output("workers.js, every worker's setup", js_index.emit_index, ".js", shared=True),
    Output("workers.d.ts, its TypeScript declarations", ts_index.emit_index_types, ".d.ts",
           shared=True),
    Output("Workers.Types, the domain types", elm_types.emit_types, ".elm", shared=True),
]


def suffixes() -> tuple[str, ...]:
    """How the files of every registered output end: (".d.ts", ".elm", ".js", ".json")."""
    return tuple(sorted({output.suffix for output in OUTPUTS}))
