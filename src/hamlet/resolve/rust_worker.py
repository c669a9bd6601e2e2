"""Workers written in Rust: `#[worker(rust)]` on a worker enum, and what such a worker
asks of its types, so that the generated Rust module (serde) and the generated Elm
agree on every byte.

    #[derive(BuildAmpWorker)]
    #[worker(rust)]
    pub enum CSVWorkerMessage { .. }    -> Worker(implementation=RUST, rust=RustNames(..))
"""

from __future__ import annotations

from dataclasses import replace

from hamlet.diagnostics import Diagnostic, error
from hamlet.model import AliasDef, Field, Implementation, TypeDef, Worker
from hamlet.model.project import reach
from hamlet.read.rust.syntax import Attr, REnum, RField, RItem, RPath, RStruct
from hamlet.resolve.rust_names import rust_names
from hamlet.resolve.serde import serde_derives

LANGUAGES = {"rust": Implementation.RUST}
_WORKER_ATTRS = ("worker", "hamlet::worker")


def implementation(enum: REnum, diagnostics: list[Diagnostic]) -> Implementation:
    """What `#[worker(...)]` on the enum itself says: `#[worker(rust)]` -> RUST; none
    -> JS. Any other word, or a bare `#[worker]`, is reported."""
    chosen = Implementation.JS
    for attr in _worker_attrs(enum.attrs):
        if not attr.args:
            diagnostics.append(
                error(attr.loc, f"`{attr.text}` on worker `{enum.name}` names no language",
                      "write #[worker(rust)] for a worker whose handlers are written in "
                      "Rust, or remove it: a worker is written in JavaScript by default")
            )
        for arg in attr.args:
            word = arg.text if arg.listed or arg.value is not None else arg.key
            if word in LANGUAGES:
                chosen = LANGUAGES[word]
                continue
            diagnostics.append(
                error(attr.loc, f"unknown worker attribute `{word}` on worker `{enum.name}`",
                      "on the enum itself, the one mark is #[worker(rust)] (its handlers "
                      "are written in Rust); request, response, error and progress go on "
                      "variants")
            )
    return chosen


def misplaced(item: RItem) -> list[Diagnostic]:
    """`#[worker(rust)]` on a struct or an enum that is no worker."""
    if not isinstance(item, (REnum, RStruct)):
        return []
    return [
        error(attr.loc, f"`{attr.text}` on `{item.name}`, which is not a worker",
              "only an enum that derives BuildAmpWorker is a worker: add the derive, "
              "or remove the attribute")
        for attr in _worker_attrs(item.attrs)
        if any(arg.key in LANGUAGES for arg in attr.args)
    ]


def _worker_attrs(attrs: tuple[Attr, ...]) -> list[Attr]:
    return [attr for attr in attrs if attr.path in _WORKER_ATTRS]


def settle(
    workers: list[Worker], types: tuple[TypeDef, ...], items: list[RItem]
) -> tuple[list[Worker], list[Diagnostic]]:
    """Name each Rust worker's module, and check what serde must read and write for it:
    no borrowed fields, and every domain type its messages reach deriving serde's
    Serialize and Deserialize (that is what the generated module calls) in a form
    serde reads back as Elm writes it."""
    rust = [w for w in workers if w.implementation is Implementation.RUST]
    if not rust:
        return workers, []
    by_loc = {item.loc: item for item in items if isinstance(item, (REnum, RStruct))}
    by_name = {t.name: t for t in types}
    diagnostics: list[Diagnostic] = []
    reported: set[str] = set()
    for worker in rust:
        for v in worker.variants:
            diagnostics.extend(_borrowed(worker, v.name, f) for f in v.fields if "&" in f.rust_type)
        for t in reach(worker, by_name, strict=False):
            if isinstance(t, AliasDef) or t.name in reported:
                continue
            problems = _serde_problems(worker, t, by_loc.get(t.loc))
            if problems:
                reported.add(t.name)
                diagnostics.extend(problems)
    type_names = {t.rust_name for t in types}
    settled = [
        replace(w, rust=rust_names(w.base, w.variants, type_names)) if w.implementation is Implementation.RUST else w
        for w in workers
    ]
    return settled, diagnostics


def _borrowed(worker: Worker, variant: str, f: Field) -> Diagnostic:
    owner = f"`{worker.enum_name}::{variant}`"
    what = f"field `{f.rust_name}` of {owner}" if f.rust_name else f"a field of {owner}"
    return error(
        f.loc, f"{what} borrows (`{f.rust_type}`), and worker `{worker.enum_name}` is written "
        "in Rust: its handlers take the messages' fields by value",
        "use an owned type: `String` for `&str`, `Vec<T>` for `&[T]`",
    )


def _serde_problems(worker: Worker, t: TypeDef, item: REnum | RStruct | None) -> list[Diagnostic]:
    found = serde_derives(item.derives if item is not None else ())
    missing = [d for d in ("Serialize", "Deserialize") if d not in found]
    if missing:
        has = f"derives serde's {next(iter(found))} but not {missing[0]}" if found else \
            "does not derive serde's Serialize and Deserialize"
        return [error(
            t.loc, f"type `{t.rust_name}` {has}, which worker `{worker.enum_name}` needs: "
            "it is written in Rust",
            "add `#[derive(Serialize, Deserialize)]` (from serde) to the type: the generated "
            "Rust module reads and writes the messages with serde",
        )]
    return [_missing_unread(worker, t.rust_name, f) for f in _unread_fields(item)]


def _serde_args(attrs: tuple[Attr, ...]) -> set[str]:
    return {arg.key for attr in attrs if attr.path == "serde" for arg in attr.args}


def _unread_fields(item: REnum | RStruct | None) -> list[RField]:
    """Fields whose key Elm leaves out (`skip_serializing_if`) and serde's derive then
    refuses as missing: no `default` on the field or the struct, and not an `Option`
    serde can see as one (through a type alias it cannot)."""
    if item is None or "default" in _serde_args(item.attrs):
        return []
    fields = item.fields if isinstance(item, RStruct) else [f for v in item.variants for f in v.fields]
    return [
        f for f in fields
        if "skip_serializing_if" in (args := _serde_args(f.attrs)) and "default" not in args
        and not (isinstance(f.ty, RPath) and f.ty.name == "Option")
    ]


def _missing_unread(worker: Worker, type_name: str, f: RField) -> Diagnostic:
    return error(
        f.loc,
        f"field `{f.name or 'value'}` of `{type_name}`: Elm leaves its key out "
        f"(`skip_serializing_if`), which serde cannot read back without `default`; worker "
        f"`{worker.enum_name}` is written in Rust",
        "add `default` beside it: `#[serde(default, skip_serializing_if = \"...\")]`",
    )
